package io.stride.rhythm;

import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * A learning need was answered with a course (an existing one, or the one a commission made from it); the filer
 * and everyone who added their voice hear of it.
 */
public record LearningNeedAnswered(LearningNeedId need, String what, CourseId course, String courseTitle,
		List<PersonId> recipients) {

	public LearningNeedAnswered {
		recipients = List.copyOf(recipients);
	}
}
