package io.stride.analytics.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.stride.analytics.items.ItemAnalysisFlag;
import io.stride.analytics.items.ItemAnalysisQuestion;
import io.stride.analytics.items.ItemAnalysisReport;
import io.stride.shared.Csv;

/**
 * The item analysis table as CSV (RFC 4180), for a spreadsheet; text cells go through {@link Csv}, which keeps
 * authors' prompts from running as formulas.
 */
final class ItemAnalysisCsv {

	private static final String HEADER = "Position,Question,Kind,Attempts,Facility,Standard deviation,"
			+ "Discrimination index,Discriminative efficiency,Picks per option,Flags";

	private ItemAnalysisCsv() {
	}

	static String of(ItemAnalysisReport report) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (ItemAnalysisQuestion q : report.questions()) {
			csv.append(Csv.line(String.valueOf(q.position()), Csv.text(q.prompt()), Csv.text(q.kind().label()),
					String.valueOf(q.attempts()), number(q.facility()), number(q.standardDeviation()),
					number(q.discriminationIndex()), number(q.discriminativeEfficiency()), Csv.text(picks(q)),
					Csv.text(q.flags().stream().map(ItemAnalysisFlag::message).collect(Collectors.joining(" ")))));
		}
		return csv.toString();
	}

	private static String picks(ItemAnalysisQuestion q) {
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < q.optionCounts().size(); i++) {
			parts.add(q.options().get(i) + ": " + q.optionCounts().get(i));
		}
		return String.join("; ", parts);
	}

	/** Statistics with four decimals, whatever the locale (a decimal comma would split the cell). */
	private static String number(Double value) {
		return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
	}
}
