package io.stride.library;

import java.util.Locale;

/** What a component is: a lesson, a module (lessons sharing a module name), a quiz question or a knowledge check. */
public enum ComponentKind {

	LESSON("Lesson"), MODULE("Module"), QUESTION("Quiz question"), KNOWLEDGE_CHECK("Knowledge check");

	private final String label;

	ComponentKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public String param() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** From LESSON or lesson or knowledge-check; null when the text names no kind. */
	public static ComponentKind parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		for (ComponentKind kind : values()) {
			if (kind.name().equals(t)) {
				return kind;
			}
		}
		return null;
	}
}
