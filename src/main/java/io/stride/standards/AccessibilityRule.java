package io.stride.standards;

/**
 * An accessibility rule a template may switch on for every lesson.
 */
public enum AccessibilityRule {

	IMAGES_NEED_ALT_TEXT("Images have alternative text"),
	DESCRIPTIVE_LINK_TEXT("Link text says where the link goes (no \"click here\")"),
	NO_SKIPPED_HEADING_LEVELS("Headings don't skip levels"),
	NO_EMPHASIS_BY_CAPITALS("No emphasis by capitals alone"),
	TABLES_NEED_HEADER_ROW("Tables have a header row");

	private final String label;

	AccessibilityRule(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
