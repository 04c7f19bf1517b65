package io.stride.assessment;

import java.util.List;

import io.stride.authoring.Question;

/**
 * A knowledge check as a lesson page shows it: the lesson it follows, the question, its options in the order shown, and the learner's
 * last answer with its feedback (both null before they answer).
 */
public record CheckView(String lessonId, Question question, List<Integer> order, Answer lastAnswer, QuestionFeedback feedback) {
}
