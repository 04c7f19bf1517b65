package io.stride.delivery;

import java.time.LocalDate;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/** A course assigned to one person, with why (e.g. "For “Handle a complex escalation”: Can do it alone"). */
public record PersonAssignment(String id, CourseId courseId, PersonId personId, LocalDate dueDate, String reason) {
}
