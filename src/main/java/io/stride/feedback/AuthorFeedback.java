package io.stride.feedback;

import java.util.List;
import java.util.Map;

import io.stride.authoring.CourseId;

/**
 * Improvement requests across the courses someone wrote (admins: every course), with each course's title, reaction
 * score and number of open requests. {@code courses} lists the viewer's own published courses, newest change first.
 */
public record AuthorFeedback(List<CourseId> courses, Map<CourseId, String> titles, Map<CourseId, ReactionScore> scores,
		Map<CourseId, Integer> openCounts, List<ImprovementRequest> requests) {

	public ReactionScore scoreOf(CourseId course) {
		return scores.getOrDefault(course, ReactionScore.NONE);
	}

	public int openOf(CourseId course) {
		return openCounts.getOrDefault(course, 0);
	}

	public String titleOf(CourseId course) {
		return titles.getOrDefault(course, "(removed course)");
	}
}
