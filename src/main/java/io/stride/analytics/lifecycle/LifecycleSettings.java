package io.stride.analytics.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;

import io.stride.shared.InvalidInputException;

/**
 * When the content lifecycle proposes a course for archiving or refinement, set by admins for the whole
 * organization. Rates are fractions, as in the course figures; the reaction score runs from -100 to 100.
 * @param idleDays a published course with no opens in this many days (and at least this old) is proposed for archiving
 * @param popularLearners a course opened by at least this many learners in that period is popular...
 * @param weakCompletionRate ...and proposed for refinement when its completion rate is below this,
 * @param weakPassRate or its quiz pass rate is below this,
 * @param weakReactionScore or its reaction score is below this
 * @param revision the save this was read from, to refuse overwriting a newer one
 */
public record LifecycleSettings(int idleDays, int popularLearners, double weakCompletionRate, double weakPassRate,
		int weakReactionScore, int revision) {

	public static final LifecycleSettings DEFAULTS = new LifecycleSettings(90, 20, 0.5, 0.5, 0, 1);

	/** What an admin sends; nulls are named in the errors. */
	public record Change(Integer idleDays, Integer popularLearners, Double weakCompletionRate, Double weakPassRate,
			Integer weakReactionScore, Integer revision) {

		/** The errors per field; empty when the change can be saved. */
		public Map<String, String> errors() {
			Map<String, String> errors = new LinkedHashMap<>();
			if (idleDays == null || idleDays < 7 || idleDays > 3650) {
				errors.put("idleDays", "Give a number of days from 7 to 3650 (for example 90).");
			}
			if (popularLearners == null || popularLearners < 1 || popularLearners > 1_000_000) {
				errors.put("popularLearners", "Give a number of learners from 1 to 1000000 (for example 20).");
			}
			if (weakCompletionRate == null || weakCompletionRate.isNaN() || weakCompletionRate < 0 || weakCompletionRate > 1) {
				errors.put("weakCompletionRate", "Give a completion rate from 0 to 1 (for example 0.50).");
			}
			if (weakPassRate == null || weakPassRate.isNaN() || weakPassRate < 0 || weakPassRate > 1) {
				errors.put("weakPassRate", "Give a pass rate from 0 to 1 (for example 0.50).");
			}
			if (weakReactionScore == null || weakReactionScore < -100 || weakReactionScore > 100) {
				errors.put("weakReactionScore", "Give a reaction score from -100 to 100 (for example 0).");
			}
			if (revision == null) {
				errors.put("revision", "Send the revision you last read, to avoid overwriting a newer save.");
			}
			return errors;
		}

		void check() {
			Map<String, String> errors = errors();
			if (!errors.isEmpty()) {
				throw new InvalidInputException("The lifecycle settings were not saved.", errors);
			}
		}
	}
}
