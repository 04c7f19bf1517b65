package io.stride.practice;

import io.stride.authoring.CourseId;
import io.stride.authoring.Question;

/**
 * A question due for review, as the learner answers it. {@code reviewNumber} goes back with the answer, so that
 * a second submission of the same answer is recognised instead of counted again.
 */
public record ReviewCard(String cardId, CourseId courseId, String courseTitle, Question question, int reviewNumber) {
}
