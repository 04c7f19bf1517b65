package io.stride.activity;

/**
 * Verbs Stride records, with their IRIs: ADL verbs where one exists, the Activity Streams "open" otherwise.
 */
public enum Verb {

	OPENED("http://activitystrea.ms/schema/1.0/open", "opened"),
	EXPERIENCED("http://adlnet.gov/expapi/verbs/experienced", "experienced"),
	ANSWERED("http://adlnet.gov/expapi/verbs/answered", "answered"),
	ATTEMPTED("http://adlnet.gov/expapi/verbs/attempted", "attempted"),
	PASSED("http://adlnet.gov/expapi/verbs/passed", "passed"),
	FAILED("http://adlnet.gov/expapi/verbs/failed", "failed"),
	COMPLETED("http://adlnet.gov/expapi/verbs/completed", "completed"),
	/** A learner's reaction to a lesson (helpful, unclear, outdated), with their comment in the result's response. */
	COMMENTED("http://adlnet.gov/expapi/verbs/commented", "commented"),
	MASTERED("http://adlnet.gov/expapi/verbs/mastered", "mastered"),
	/** Enrolled in a development track. */
	REGISTERED("http://adlnet.gov/expapi/verbs/registered", "registered"),
	/** A track's step opened (was released) for the person. */
	LAUNCHED("http://adlnet.gov/expapi/verbs/launched", "launched");

	private final String iri;

	private final String display;

	Verb(String iri, String display) {
		this.iri = iri;
		this.display = display;
	}

	public String iri() {
		return iri;
	}

	public String display() {
		return display;
	}
}
