package io.stride.analytics.outcomes;

import java.time.LocalDate;

/**
 * What a value and its period must be, for the form, the API and the import alike.
 */
final class OutcomeValueRules {

	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	static final double LARGEST = 1e12;

	private OutcomeValueRules() {
	}

	/** Why a period can't take a value; null when it can. Periods that have not begun yet can't. */
	static String periodProblem(LocalDate period, OutcomeMetric.Granularity granularity, LocalDate today) {
		if (period == null) {
			return "give the first day of the period as a date such as 2026-03-02";
		}
		String problem = granularity.problemWith(period);
		if (problem != null) {
			return problem.endsWith(".") ? problem.substring(0, problem.length() - 1) : problem;
		}
		if (period.isBefore(EARLIEST)) {
			return "periods before " + EARLIEST + " are not accepted";
		}
		if (period.isAfter(granularity.periodOf(today))) {
			return "the " + granularity.noun() + " of " + period + " has not begun yet";
		}
		return null;
	}

	static String valueProblem(Double value) {
		if (value == null || value.isNaN() || value.isInfinite()) {
			return "give a number such as 12 or 12.5";
		}
		if (Math.abs(value) > LARGEST) {
			return "give a number between -1,000,000,000,000 and 1,000,000,000,000";
		}
		return null;
	}

	/** A number as typed, with a decimal point; null when it is not one. */
	static Double number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			double value = Double.parseDouble(text.strip());
			return Double.isFinite(value) && text.strip().matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?") ? value : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
