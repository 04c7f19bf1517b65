package io.stride.authoring;

import java.util.List;

/**
 * A course's outline for the outline editor: modules (runs of lessons sharing a module name; {@code name} null for
 * lessons in no module) with their lessons and knowledge checks, then the final quiz. Each element carries its own
 * revision; {@code outlineRevision} guards the order, {@code settingsRevision} the course's own fields.
 * {@code origin} is LINKED or COPIED for an element reused from another course, else null.
 */
public record Outline(CourseId courseId, String title, CourseState state, int revision, int outlineRevision,
		int settingsRevision, List<Module> modules, List<Item> quiz) {

	public CourseStatus status() {
		return state.status();
	}

	public record Module(String name, List<LessonItem> lessons) {
	}

	public record LessonItem(String id, String title, int revision, String origin, List<Item> knowledgeChecks) {
	}

	public record Item(String id, String prompt, QuestionKind kind, int revision, String origin) {
	}

	/** Every lesson, in order. */
	public List<LessonItem> lessons() {
		return modules.stream().flatMap(m -> m.lessons().stream()).toList();
	}
}
