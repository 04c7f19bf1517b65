package io.stride.capability;

/** How a team stands on a capability against its target: covered, at risk (exactly at target), short (below). */
public enum CoverageStatus {
	COVERED("Covered"), AT_RISK("At risk"), SHORT("Short"), NO_TARGET("No target");

	private final String label;

	CoverageStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static CoverageStatus of(int qualified, int target) {
		return qualified > target ? COVERED : qualified == target ? AT_RISK : SHORT;
	}
}
