package io.stride.analytics.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.stride.analytics.ItemAnalysisFlag;
import io.stride.analytics.ItemAnalysisQuestion;
import io.stride.analytics.ItemAnalysisReport;

/**
 * The item analysis table as CSV (RFC 4180), for a spreadsheet. Authors' prompts and options are text a spreadsheet
 * could run as a formula, so such cells are prefixed with an apostrophe.
 */
final class ItemAnalysisCsv {

	private static final String HEADER = "Position,Question,Kind,Attempts,Facility,Standard deviation,"
			+ "Discrimination index,Discriminative efficiency,Picks per option,Flags";

	private ItemAnalysisCsv() {
	}

	static String of(ItemAnalysisReport report) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (ItemAnalysisQuestion q : report.questions()) {
			csv.append(q.position())
				.append(',')
				.append(text(q.prompt()))
				.append(',')
				.append(text(q.kind().label()))
				.append(',')
				.append(q.attempts())
				.append(',')
				.append(number(q.facility()))
				.append(',')
				.append(number(q.standardDeviation()))
				.append(',')
				.append(number(q.discriminationIndex()))
				.append(',')
				.append(number(q.discriminativeEfficiency()))
				.append(',')
				.append(text(picks(q)))
				.append(',')
				.append(text(q.flags().stream().map(ItemAnalysisFlag::message).collect(Collectors.joining(" "))))
				.append("\r\n");
		}
		return csv.toString();
	}

	private static String picks(ItemAnalysisQuestion q) {
		List<String> parts = new java.util.ArrayList<>();
		for (int i = 0; i < q.optionCounts().size(); i++) {
			parts.add(q.options().get(i) + ": " + q.optionCounts().get(i));
		}
		return String.join("; ", parts);
	}

	/** Numbers are written by us, never by a user, so they need no guard (and -0.12 must stay a number). */
	static String number(Double value) {
		return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
	}

	/** A quoted cell; one that a spreadsheet would read as a formula starts with an apostrophe instead. */
	static String text(String value) {
		String cell = value == null ? "" : value;
		if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
			cell = "'" + cell;
		}
		return "\"" + cell.replace("\"", "\"\"") + "\"";
	}
}
