package io.stride.analytics.outcomes;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.stride.shared.InvalidInputException;

/**
 * Reads a values file: a header {@code period,value}, then one line per period with an ISO date (the period's first
 * day) and a number with a decimal point. Every line is checked before anything is saved; any bad line refuses the
 * whole file, with a message per line.
 */
final class OutcomeValuesCsv {

	/** Files above this size are refused (413) before they are read. */
	static final int MAX_BYTES = 1024 * 1024;

	/** At most this many line errors are listed; the count of the rest is given. */
	static final int MAX_LISTED_ERRORS = 20;

	private OutcomeValuesCsv() {
	}

	static SortedMap<LocalDate, Double> parse(byte[] bytes, OutcomeMetric.Granularity granularity, LocalDate today) {
		if (bytes.length > MAX_BYTES) {
			throw new OutcomeImportTooLarge(MAX_BYTES);
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new InvalidInputException("file", "The file is not UTF-8 text; save it as CSV (UTF-8) and try again.");
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		String[] lines = text.split("\r\n|\n|\r", -1);
		int first = 0;
		while (first < lines.length && lines[first].isBlank()) {
			first++;
		}
		if (first == lines.length) {
			throw new InvalidInputException("file", "The file is empty; it needs the header period,value and a line per period.");
		}
		String[] header = cells(lines[first]);
		if (header.length != 2 || !"period".equalsIgnoreCase(header[0]) || !"value".equalsIgnoreCase(header[1])) {
			throw new InvalidInputException("line " + (first + 1),
					"Line " + (first + 1) + ": the first line must be the header period,value.");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		int errorCount = 0;
		SortedMap<LocalDate, Double> values = new TreeMap<>();
		Map<LocalDate, Integer> seenOn = new LinkedHashMap<>();
		for (int i = first + 1; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			int number = i + 1;
			String problem = null;
			String[] cells = cells(lines[i]);
			LocalDate period = null;
			Double value = null;
			if (cells.length != 2) {
				problem = "expected two cells, period and value, separated by a comma (write decimals with a point, "
						+ "as in 12.5)";
			}
			else {
				try {
					period = LocalDate.parse(cells[0]);
				}
				catch (DateTimeParseException e) {
					problem = "“" + cut(cells[0]) + "” is not an ISO date such as 2026-03-02";
				}
				if (problem == null) {
					problem = OutcomeValueRules.periodProblem(period, granularity, today);
				}
				if (problem == null) {
					value = OutcomeValueRules.number(cells[1]);
					problem = value == null ? "“" + cut(cells[1]) + "” is not a number such as 12 or 12.5"
							: OutcomeValueRules.valueProblem(value);
				}
				if (problem == null && seenOn.containsKey(period)) {
					problem = period + " is already on line " + seenOn.get(period);
				}
			}
			if (problem != null) {
				errorCount++;
				if (errors.size() < MAX_LISTED_ERRORS) {
					errors.put("line " + number, "Line " + number + ": " + problem + ".");
				}
				continue;
			}
			seenOn.put(period, number);
			values.put(period, value);
		}
		if (errorCount > 0) {
			String more = errorCount > errors.size() ? " (" + (errorCount - errors.size()) + " more not listed)" : "";
			throw new InvalidInputException("Nothing was imported: " + errorCount + (errorCount == 1 ? " line needs" : " lines need")
					+ " fixing" + more + ".", errors);
		}
		if (values.isEmpty()) {
			throw new InvalidInputException("file", "The file has a header but no values.");
		}
		return values;
	}

	/** The cells of a line, trimmed, with surrounding double quotes removed. */
	private static String[] cells(String line) {
		String[] cells = line.split(",", -1);
		for (int i = 0; i < cells.length; i++) {
			String cell = cells[i].strip();
			if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
				cell = cell.substring(1, cell.length() - 1).strip();
			}
			cells[i] = cell;
		}
		return cells;
	}

	private static String cut(String text) {
		return text.length() <= 30 ? text : text.substring(0, 30) + "…";
	}
}
