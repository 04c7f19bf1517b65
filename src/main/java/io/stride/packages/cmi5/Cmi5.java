package io.stride.packages.cmi5;

/** cmi5's identifiers (cmi5 §9.3 verbs, §9.6.2 categories, §9.6.3 extensions, §10 state, §11 agent profile). */
final class Cmi5 {

	static final String LAUNCHED = "http://adlnet.gov/expapi/verbs/launched";

	static final String INITIALIZED = "http://adlnet.gov/expapi/verbs/initialized";

	static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";

	static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";

	static final String FAILED = "http://adlnet.gov/expapi/verbs/failed";

	static final String TERMINATED = "http://adlnet.gov/expapi/verbs/terminated";

	static final String ABANDONED = "https://w3id.org/xapi/adl/verbs/abandoned";

	static final String WAIVED = "https://w3id.org/xapi/adl/verbs/waived";

	static final String SATISFIED = "https://w3id.org/xapi/adl/verbs/satisfied";

	static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

	static final String CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";

	static final String MOVE_ON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon";

	static final String SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";

	static final String LAUNCH_MODE = "https://w3id.org/xapi/cmi5/context/extensions/launchmode";

	static final String LAUNCH_URL = "https://w3id.org/xapi/cmi5/context/extensions/launchurl";

	static final String MOVE_ON = "https://w3id.org/xapi/cmi5/context/extensions/moveon";

	static final String LAUNCH_PARAMETERS = "https://w3id.org/xapi/cmi5/context/extensions/launchparameters";

	static final String MASTERY_SCORE = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";

	static final String REASON = "https://w3id.org/xapi/cmi5/result/extensions/reason";

	static final String LAUNCH_DATA = "LMS.LaunchData";

	static final String LEARNER_PREFERENCES = "cmi5LearnerPreferences";

	private Cmi5() {
	}
}
