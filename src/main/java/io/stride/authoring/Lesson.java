package io.stride.authoring;

import java.util.List;

import io.stride.shared.Markdown;

/**
 * A lesson in Markdown, with the knowledge checks shown after it (not part of the final quiz). {@code id} is null
 * for a lesson not saved yet.
 */
public record Lesson(String id, String title, String markdown, List<SourceNote> sources, String module,
		List<Question> knowledgeChecks) {

	public Lesson {
		sources = sources == null ? List.of() : List.copyOf(sources);
		module = module == null || module.isBlank() ? null : module.strip();
		knowledgeChecks = knowledgeChecks == null ? List.of() : List.copyOf(knowledgeChecks);
	}

	public Lesson(String id, String title, String markdown) {
		this(id, title, markdown, List.of(), null);
	}

	public Lesson(String id, String title, String markdown, List<SourceNote> sources) {
		this(id, title, markdown, sources, null);
	}

	public Lesson(String id, String title, String markdown, List<SourceNote> sources, String module) {
		this(id, title, markdown, sources, module, List.of());
	}

	/** The same lesson with other knowledge checks. */
	public Lesson withKnowledgeChecks(List<Question> checks) {
		return new Lesson(id, title, markdown, sources, module, checks);
	}

	public String html() {
		return Markdown.toSafeHtml(markdown);
	}
}
