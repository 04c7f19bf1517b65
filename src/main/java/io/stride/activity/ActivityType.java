package io.stride.activity;

public enum ActivityType {

	COURSE("http://adlnet.gov/expapi/activities/course"),
	LESSON("http://adlnet.gov/expapi/activities/lesson"),
	ASSESSMENT("http://adlnet.gov/expapi/activities/assessment"),
	QUESTION("http://adlnet.gov/expapi/activities/cmi.interaction"),
	/** A development track (issue 18): an ordered sequence of steps towards a capability or a role. */
	TRACK("http://id.tincanapi.com/activitytype/curriculum"),
	/** One step of a development track. */
	TRACK_STEP("http://adlnet.gov/expapi/activities/objective");

	private final String iri;

	ActivityType(String iri) {
		this.iri = iri;
	}

	public String iri() {
		return iri;
	}
}
