package io.stride.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.stride.authoring.Course;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;

/**
 * The words of a course's live version as a reader meets them: title, description, objectives, modules, lessons and
 * questions, never the names of the fields they are stored under. Markdown marks stay; searching ignores them.
 */
record CourseText(String text, int words) {

	private static final Pattern SPACE = Pattern.compile("\\s+");

	static CourseText of(Course course) {
		List<String> parts = new ArrayList<>();
		parts.add(course.title());
		parts.add(course.description());
		parts.addAll(course.objectives());
		for (Lesson lesson : course.lessons()) {
			parts.add(lesson.module());
			parts.add(lesson.title());
			parts.add(lesson.markdown());
			lesson.knowledgeChecks().forEach(q -> question(q, parts));
		}
		course.quiz().questions().forEach(q -> question(q, parts));
		StringBuilder text = new StringBuilder();
		for (String part : parts) {
			if (part != null && !part.isBlank()) {
				text.append(text.isEmpty() ? "" : "\n").append(part.strip());
			}
		}
		String all = text.toString();
		int words = all.isEmpty() ? 0 : SPACE.split(all).length;
		return new CourseText(all.toLowerCase(Locale.ROOT), words);
	}

	private static void question(Question question, List<String> parts) {
		parts.add(question.prompt());
		if (question.options() != null) {
			parts.addAll(question.options());
		}
		if (question.matches() != null) {
			parts.addAll(question.matches());
		}
		parts.add(question.explanation());
	}
}
