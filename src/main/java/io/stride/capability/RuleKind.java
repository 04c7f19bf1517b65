package io.stride.capability;

/** The kinds of evidence a level can ask for; a level holds when every one of its rules holds. */
public enum RuleKind {
	/** A course mastered: any version, or (with {@code currentVersion}) the version learners get today. */
	COURSE_MASTERED,
	/** An observed checklist task signed off by a manager or a named expert. */
	TASK_SIGNED_OFF,
	/** At least {@code count} successful spaced reviews of a course's questions. */
	SPACED_REVIEWS,
	/** An external certificate uploaded by the person and confirmed by a manager (optionally of a named kind). */
	CERTIFICATE,
	/** Validation by at least {@code count} people who themselves hold the level. */
	VALIDATIONS,
	/**
	 * An activity of an outside tool (a MOOC, a SCORM or cmi5 player, a simulator) completed, passed or mastered, as
	 * statements sent to Stride's LRS say, with at least {@code minScore} when set.
	 */
	OUTSIDE_ACTIVITY
}
