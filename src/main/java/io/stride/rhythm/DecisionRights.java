package io.stride.rhythm;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.stride.capability.LearningTeam;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.Ids;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who acts on a team's commissions, needs and budget: managers on their own team tree, L&D (and admins) on every
 * team. Everyone else is told the team does not exist.
 */
@Component
class DecisionRights {

	private final Organization organization;

	private final LearningTeam learningTeam;

	DecisionRights(Organization organization, LearningTeam learningTeam) {
		this.organization = organization;
		this.learningTeam = learningTeam;
	}

	boolean isLearningTeam(Viewer viewer) {
		return learningTeam.includes(viewer);
	}

	/** The people who count as L&D (admins, and reviewers on the L&D team), for asking their approval. */
	List<PersonId> learningTeamPeople() {
		Set<PersonId> found = new LinkedHashSet<>();
		for (Role role : Role.values()) {
			organization.withRole(role)
				.stream()
				.filter(p -> p.active() && learningTeam.includes(Viewer.of(p)))
				.forEach(p -> found.add(p.id()));
		}
		return List.copyOf(found);
	}

	boolean mayAct(Viewer viewer, TeamId team) {
		return team != null && (isLearningTeam(viewer) || organization.canManage(viewer, team));
	}

	/** The team, if the viewer may act on it; 404 otherwise. */
	Team team(Viewer viewer, TeamId id) {
		if (id == null || !Ids.looksValid(id.value()) || !mayAct(viewer, id)) {
			throw new NotFoundException("Team");
		}
		return organization.allTeams()
			.stream()
			.filter(t -> t.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Team"));
	}

	/** The teams the viewer may act on: all for L&D, the managed tree for managers, none for others. */
	Set<TeamId> teams(Viewer viewer) {
		if (isLearningTeam(viewer)) {
			Set<TeamId> all = new HashSet<>();
			organization.allTeams().forEach(t -> all.add(t.id()));
			return all;
		}
		return organization.managedTeamTree(viewer);
	}
}
