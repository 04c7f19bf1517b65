package io.stride.practice;

import java.time.LocalDate;

/**
 * Today's review queue: the next question (null when there is none), how many are left today within the daily
 * limit, how many were done today, and when the next question is due if none is left today.
 */
public record ReviewQueue(ReviewCard next, int remainingToday, int doneToday, boolean limitReached,
		LocalDate nextDueOn) {

	public boolean empty() {
		return next == null;
	}
}
