package io.stride.practice;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * A learner answered a due review question; published inside the answering transaction.
 */
public record ReviewAnswered(PersonId personId, CourseId courseId, String questionId, boolean correct) {
}
