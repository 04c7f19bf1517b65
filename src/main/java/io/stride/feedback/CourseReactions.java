package io.stride.feedback;

import java.util.Map;

/**
 * A course's current reactions and open improvement requests, limited to some learners when asked so:
 * {@code byLesson} maps lesson ids to their counts; {@code score} adds them up.
 */
public record CourseReactions(ReactionScore score, Map<String, ReactionScore> byLesson, int openRequests) {

	public static final CourseReactions NONE = new CourseReactions(ReactionScore.NONE, Map.of(), 0);
}
