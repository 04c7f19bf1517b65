package io.stride.feedback;

import java.util.List;
import java.util.Map;

import io.stride.authoring.Course;

/**
 * A course's reactions and improvement requests, as its author sees them: {@code byLesson} maps lesson ids to their
 * counts; {@code open} counts the open requests whatever {@code requests} was filtered to.
 */
public record CourseFeedback(Course course, ReactionScore score, Map<String, ReactionScore> byLesson,
		List<ImprovementRequest> requests, int open) {
}
