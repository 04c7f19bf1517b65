package io.stride.cycles;

import java.time.Instant;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * One kudos: who thanked whom, for what, and when. {@code goalId} and {@code goalWhat} name the giver's own goal the
 * help was for (null when none). {@code courseId} and {@code courseTitle} are null when it names no
 * course (the title is also null for a course since removed from the library).
 */
public record Thanks(String id, PersonId from, String fromName, PersonId to, String toName, String message,
		CourseId courseId, String courseTitle, Instant at, GoalId goalId, String goalWhat) {
}
