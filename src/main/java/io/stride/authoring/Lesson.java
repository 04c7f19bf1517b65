package io.stride.authoring;

import io.stride.shared.Markdown;

/**
 * A lesson in Markdown. {@code id} is null for a lesson not saved yet.
 */
public record Lesson(String id, String title, String markdown, java.util.List<SourceNote> sources, String module) {

	public Lesson {
		sources = sources == null ? java.util.List.of() : java.util.List.copyOf(sources);
		module = module == null || module.isBlank() ? null : module.strip();
	}

	public Lesson(String id, String title, String markdown) {
		this(id, title, markdown, java.util.List.of(), null);
	}

	public Lesson(String id, String title, String markdown, java.util.List<SourceNote> sources) {
		this(id, title, markdown, sources, null);
	}

	public String html() {
		return Markdown.toSafeHtml(markdown);
	}
}
