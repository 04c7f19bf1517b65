package io.stride.rhythm;

/** What kind of meeting a ritual is. */
public enum RitualKind {

	RETROSPECTIVE("Retrospective"), QUARTERLY_BUSINESS_REVIEW("Quarterly business review"),
	PIPELINE_CALL("Pipeline or forecast call"), OPERATIONS_REVIEW("Operations review"), ONE_ON_ONE("One-on-one"),
	CUSTOM("Custom");

	private final String label;

	RitualKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
