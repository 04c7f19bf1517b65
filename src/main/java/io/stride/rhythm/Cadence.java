package io.stride.rhythm;

/** How often a ritual meets, counted from its first session. */
public enum Cadence {

	WEEKLY("Every week"), EVERY_TWO_WEEKS("Every two weeks"), MONTHLY("Every month"), QUARTERLY("Every quarter");

	private final String label;

	Cadence(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
