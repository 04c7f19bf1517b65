package io.stride.authoring;

import io.stride.shared.Markdown;

/**
 * A lesson in Markdown. {@code id} is null for a lesson not saved yet.
 */
public record Lesson(String id, String title, String markdown) {

	public String html() {
		return Markdown.toSafeHtml(markdown);
	}
}
