package io.stride.practice;

import java.time.LocalDate;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.authoring.Question;

/**
 * What a review showed: right or wrong, the rating it was given and when the question comes back.
 * {@code replayed} is true when the same answer was sent again and the first result is returned.
 */
public record ReviewOutcome(String reviewId, String cardId, CourseId courseId, String courseTitle, Question question,
		List<Integer> selected, boolean correct, String rating, LocalDate nextDueOn, int intervalDays, boolean replayed) {
}
