package io.stride.analytics.redrafts;

import java.time.Instant;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * One question replaced from item analysis: the old and the new question's ids (a replacement is a new question),
 * the published version the old one was analysed in (null before the first publication) and the version the new one
 * was written into.
 */
public record Redraft(String id, CourseId courseId, String oldQuestionId, String newQuestionId, Integer fromVersion,
		int madeInVersion, PersonId by, Instant at) {
}
