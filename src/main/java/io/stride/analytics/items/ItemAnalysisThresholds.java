package io.stride.analytics.items;

import java.util.LinkedHashMap;
import java.util.Map;

import io.stride.shared.InvalidInputException;

/**
 * When item analysis flags a question, set by admins for the whole organization. Facility and discrimination are
 * fractions, as in the report.
 * @param tooEasy a facility above this is "too easy"
 * @param tooHard a facility below this is "too hard"
 * @param weakDiscrimination a discrimination index below this is "weak"
 * @param minimumAttempts a question is flagged only once it has this many attempts; below, its figures say little
 * @param revision the save this was read from, to refuse overwriting a newer one
 */
public record ItemAnalysisThresholds(double tooEasy, double tooHard, double weakDiscrimination, int minimumAttempts,
		int revision) {

	/** The defaults, as in Moodle's guidance on reading quiz statistics, with flags from ten attempts. */
	public static final ItemAnalysisThresholds DEFAULTS = new ItemAnalysisThresholds(0.90, 0.30, 0.25, 10, 1);

	/** The most an admin may ask for before flagging. */
	public static final int MAX_MINIMUM_ATTEMPTS = 1000;

	/** Kelley's 27%: the strong group whose choices are compared with the right answer. */
	public static final double STRONG_GROUP_SHARE = 0.27;

	/**
	 * What an admin sends; nulls are named in the errors, except the minimum attempts, which keeps its saved value
	 * when left out (clients written before it existed).
	 */
	public record Change(Double tooEasy, Double tooHard, Double weakDiscrimination, Integer minimumAttempts,
			Integer revision) {

		/** The errors per field; empty when the change can be saved. */
		public Map<String, String> errors() {
			Map<String, String> errors = new LinkedHashMap<>();
			if (tooEasy == null || tooEasy.isNaN() || tooEasy <= 0 || tooEasy > 1) {
				errors.put("tooEasy", "Give a facility above 0 and at most 1 (for example 0.90).");
			}
			if (tooHard == null || tooHard.isNaN() || tooHard < 0 || tooHard >= 1) {
				errors.put("tooHard", "Give a facility from 0 to below 1 (for example 0.30).");
			}
			else if (tooEasy != null && !errors.containsKey("tooEasy") && tooHard >= tooEasy) {
				errors.put("tooHard", "“Too hard” must be below “too easy”, or every question would be flagged.");
			}
			if (weakDiscrimination == null || weakDiscrimination.isNaN() || weakDiscrimination < -1
					|| weakDiscrimination > 1) {
				errors.put("weakDiscrimination", "Give a discrimination index from -1 to 1 (for example 0.25).");
			}
			if (minimumAttempts != null && (minimumAttempts < 1 || minimumAttempts > MAX_MINIMUM_ATTEMPTS)) {
				errors.put("minimumAttempts",
						"Give a whole number of attempts from 1 to " + MAX_MINIMUM_ATTEMPTS + " (for example 10).");
			}
			if (revision == null) {
				errors.put("revision", "Send the revision you last read, to avoid overwriting a newer save.");
			}
			return errors;
		}

		void check() {
			Map<String, String> errors = errors();
			if (!errors.isEmpty()) {
				throw new InvalidInputException("The thresholds were not saved.", errors);
			}
		}
	}
}
