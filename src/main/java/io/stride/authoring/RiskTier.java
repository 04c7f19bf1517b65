package io.stride.authoring;

/**
 * How much harm a wrong course can do, which decides how much review it gets: low (internal process or how-to),
 * medium (customer-facing or external), high (compliance, legal, safety, security, personal data).
 */
public enum RiskTier {

	LOW("Low: internal process or how-to", 24), MEDIUM("Medium: customer-facing or external", 12),
	HIGH("High: compliance, legal, safety, security or personal data", 12);

	private final String label;

	private final int reviewMonths;

	RiskTier(String label, int reviewMonths) {
		this.label = label;
		this.reviewMonths = reviewMonths;
	}

	public String label() {
		return label;
	}

	/** How long a published version stays current before it is due for review. */
	public int reviewMonths() {
		return reviewMonths;
	}
}
