package io.stride.tracks;

import java.time.LocalDate;

/** A step's pacing: {@code days} for AFTER_PREVIOUS and AFTER_ENROLMENT, {@code releaseOn} for FIXED_DATE. */
public record Pacing(PacingRule rule, Integer days, LocalDate releaseOn) {

	public static final Pacing ON_ENROLMENT = new Pacing(PacingRule.ON_ENROLMENT, null, null);

	public Pacing {
		rule = rule == null ? PacingRule.ON_ENROLMENT : rule;
		if (rule != PacingRule.AFTER_PREVIOUS && rule != PacingRule.AFTER_ENROLMENT) {
			days = null;
		}
		if (rule != PacingRule.FIXED_DATE) {
			releaseOn = null;
		}
	}
}
