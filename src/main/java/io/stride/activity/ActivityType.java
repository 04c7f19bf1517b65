package io.stride.activity;

public enum ActivityType {

	COURSE("http://adlnet.gov/expapi/activities/course"),
	LESSON("http://adlnet.gov/expapi/activities/lesson"),
	ASSESSMENT("http://adlnet.gov/expapi/activities/assessment"),
	QUESTION("http://adlnet.gov/expapi/activities/cmi.interaction");

	private final String iri;

	ActivityType(String iri) {
		this.iri = iri;
	}

	public String iri() {
		return iri;
	}
}
