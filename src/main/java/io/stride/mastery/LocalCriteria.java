package io.stride.mastery;

import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/**
 * A team's own mastery criteria for a course; they apply to the team and to sub-teams without criteria of their
 * own. Absent numbers mean "no local requirement": the pass mark then is the organization default. Every task on
 * the checklist must be signed off; {@code experts} may sign off besides the learners' managers.
 */
public record LocalCriteria(TeamId teamId, String teamName, CourseId courseId, Integer passMark,
		Integer successfulReviews, List<ChecklistTask> tasks, List<PersonId> experts, int revision) {

	public LocalCriteria {
		tasks = List.copyOf(tasks);
		experts = List.copyOf(experts);
	}
}
