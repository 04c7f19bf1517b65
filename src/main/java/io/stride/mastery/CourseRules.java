package io.stride.mastery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.mastery.internal.CriteriaStore;

/**
 * Every team's criteria for one course, read once, and the rule for which apply to a learner: for each team the
 * learner is in, the criteria of that team or, if it has none, of the nearest team above it. A learner in two
 * teams meets the criteria of both.
 */
final class CourseRules {

	private final CourseId course;

	private final int organizationPassMark;

	private final Map<TeamId, TeamId> parents = new HashMap<>();

	private final Map<TeamId, String> names = new HashMap<>();

	private final Map<TeamId, LocalCriteria> byTeam = new LinkedHashMap<>();

	CourseRules(CourseId course, int organizationPassMark, List<Team> teams, CriteriaStore store) {
		this.course = course;
		this.organizationPassMark = organizationPassMark;
		teams.forEach(team -> {
			parents.put(team.id(), team.parentId());
			names.put(team.id(), team.name());
		});
		Map<TeamId, List<ChecklistTask>> tasks = new HashMap<>();
		store.tasksForCourse(course).forEach(task -> tasks.computeIfAbsent(task.teamId(), k -> new ArrayList<>()).add(task));
		for (CriteriaStore.Row row : store.forCourse(course)) {
			byTeam.put(row.teamId(), new LocalCriteria(row.teamId(), names.getOrDefault(row.teamId(), "(removed team)"),
					course, row.passMark(), row.successfulReviews(), tasks.getOrDefault(row.teamId(), List.of()),
					List.<PersonId>of(), row.revision()));
		}
	}

	CourseId course() {
		return course;
	}

	int organizationPassMark() {
		return organizationPassMark;
	}

	/** The nearest criteria for each of the learner's teams, each once. */
	List<LocalCriteria> applicableTo(Set<TeamId> teams) {
		Map<TeamId, LocalCriteria> applicable = new LinkedHashMap<>();
		for (TeamId team : teams) {
			nearest(team).ifPresent(criteria -> applicable.putIfAbsent(criteria.teamId(), criteria));
		}
		return List.copyOf(applicable.values());
	}

	/** The criteria of this team, or of the nearest team above it that has some. */
	Optional<LocalCriteria> nearest(TeamId team) {
		TeamId current = team;
		Set<TeamId> seen = new HashSet<>();
		while (current != null && seen.add(current)) {
			LocalCriteria criteria = byTeam.get(current);
			if (criteria != null) {
				return Optional.of(criteria);
			}
			current = parents.get(current);
		}
		return Optional.empty();
	}

	Optional<LocalCriteria> own(TeamId team) {
		return Optional.ofNullable(byTeam.get(team));
	}

	String teamName(TeamId team) {
		return names.getOrDefault(team, "(removed team)");
	}
}
