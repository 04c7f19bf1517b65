package io.stride.authoring;

import io.stride.shared.Markdown;

/**
 * A lesson in Markdown. {@code id} is null for a lesson not saved yet.
 */
public record Lesson(String id, String title, String markdown, java.util.List<SourceNote> sources) {

	public Lesson {
		sources = sources == null ? java.util.List.of() : java.util.List.copyOf(sources);
	}

	public Lesson(String id, String title, String markdown) {
		this(id, title, markdown, java.util.List.of());
	}

	public String html() {
		return Markdown.toSafeHtml(markdown);
	}
}
