package io.stride.mastery;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/** A person reached ({@code mastered}) or lost mastery of a course; published in the transaction that changed it. */
public record CourseMasteryChanged(PersonId personId, CourseId courseId, boolean mastered) {
}
