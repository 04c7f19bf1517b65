package io.stride.packages.scorm;

/** The package standards Stride imports and plays; the two SCORM 2004 editions share a run-time. */
public enum ScormStandard {

	SCORM_12("SCORM 1.2", "1.2"),
	SCORM_2004_3("SCORM 2004 3rd Edition", "2004"),
	SCORM_2004_4("SCORM 2004 4th Edition", "2004"),
	/** A cmi5 course structure: its AUs are items too, launched by {@code packages.cmi5}, not by a SCORM run-time. */
	CMI5("cmi5", "cmi5");

	private final String display;

	private final String runtime;

	ScormStandard(String display, String runtime) {
		this.display = display;
		this.runtime = runtime;
	}

	public String display() {
		return display;
	}

	/** "1.2" or "2004": which of scorm-again's APIs the player hosts. */
	public String runtime() {
		return runtime;
	}
}
