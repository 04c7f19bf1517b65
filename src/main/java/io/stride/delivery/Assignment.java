package io.stride.delivery;

import java.time.LocalDate;

import io.stride.authoring.CourseId;
import io.stride.identity.TeamId;

public record Assignment(String id, CourseId courseId, TeamId teamId, LocalDate dueDate) {
}
