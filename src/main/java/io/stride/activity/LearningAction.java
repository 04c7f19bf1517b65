package io.stride.activity;

import io.stride.identity.PersonId;

/**
 * A learning action to record: who did what to which activity, within which course.
 * @param objectKind what the activity is
 * @param objectKey the activity's own id inside Stride (course, lesson or question id)
 * @param courseId the course the activity belongs to
 * @param registration the attempt the action belongs to (xAPI {@code context.registration}, a UUID), or null: it is
 * what ties a quiz's answers to the attempt they were given in
 */
public record LearningAction(PersonId actor, String actorName, Verb verb, ActivityType objectKind, String objectKey,
		String objectName, String courseId, Result result, String registration) {

	/** An action outside any attempt. */
	public LearningAction(PersonId actor, String actorName, Verb verb, ActivityType objectKind, String objectKey,
			String objectName, String courseId, Result result) {
		this(actor, actorName, verb, objectKind, objectKey, objectName, courseId, result, null);
	}

	/** The same action, as part of the attempt {@code attemptId}. */
	public LearningAction inAttempt(String attemptId) {
		return new LearningAction(actor, actorName, verb, objectKind, objectKey, objectName, courseId, result, attemptId);
	}
}
