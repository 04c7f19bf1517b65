package io.stride.authoring;

/**
 * One element of a course's working copy as the outline editor edits it: a lesson ({@code lesson} set, without its
 * knowledge checks), a final-quiz question or a knowledge check ({@code question} set; {@code lessonId} names the
 * lesson a check follows). {@code kind} is LESSON, QUESTION or KNOWLEDGE_CHECK; {@code origin} LINKED, COPIED or null;
 * {@code canUndo} whether an earlier revision can be put back.
 */
public record OutlineElement(String id, String kind, int revision, String lessonId, Lesson lesson, Question question,
		String origin, boolean canUndo) {

	public boolean linked() {
		return "LINKED".equals(origin);
	}
}
