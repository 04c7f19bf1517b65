package io.stride.activity;

import io.stride.identity.PersonId;

/**
 * A learning action to record: who did what to which activity, within which course.
 * @param objectKind what the activity is
 * @param objectKey the activity's own id inside Stride (course, lesson or question id)
 * @param courseId the course the activity belongs to
 */
public record LearningAction(PersonId actor, String actorName, Verb verb, ActivityType objectKind, String objectKey,
		String objectName, String courseId, Result result) {
}
