package io.stride.standards;

/**
 * A part a template requires every course to have.
 */
public enum RequiredPart {

	OBJECTIVES("objectives"), SUMMARY("summary"), KNOWLEDGE_CHECK("knowledge check");

	private final String label;

	RequiredPart(String label) {
		this.label = label;
	}

	/** The part's name in a sentence: "Missing required part: objectives". */
	public String label() {
		return label;
	}
}
