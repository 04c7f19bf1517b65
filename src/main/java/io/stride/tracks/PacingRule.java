package io.stride.tracks;

/** When a step opens for a person once its prerequisites are done. */
public enum PacingRule {
	/** As soon as the person is enrolled (and its prerequisites are done). */
	ON_ENROLMENT,
	/** A number of days after the previous step is done. */
	AFTER_PREVIOUS,
	/** A number of days after enrolment. */
	AFTER_ENROLMENT,
	/** On a fixed date, the same for the whole cohort. */
	FIXED_DATE
}
