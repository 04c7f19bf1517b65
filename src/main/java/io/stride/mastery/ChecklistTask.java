package io.stride.mastery;

import io.stride.authoring.CourseId;
import io.stride.identity.TeamId;

/**
 * A task on a team's observed checklist for a course, such as "runs an executive business review without escalation".
 */
public record ChecklistTask(String id, TeamId teamId, CourseId courseId, String title) {
}
