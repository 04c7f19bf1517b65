package io.stride.rhythm;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.LearningTeam;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Organization;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who acts on a team's rituals, sessions and interventions: managers of the team or a team above it, admins and L&D
 * on every team. Everyone else is told the team does not exist.
 */
@Component
class RhythmAccess {

	private final Organization organization;

	private final LearningTeam learningTeam;

	private final Capabilities capabilities;

	RhythmAccess(Organization organization, LearningTeam learningTeam, Capabilities capabilities) {
		this.organization = organization;
		this.learningTeam = learningTeam;
		this.capabilities = capabilities;
	}

	boolean mayAct(Viewer viewer, TeamId team) {
		return organization.canManage(viewer, team) || learningTeam.includes(viewer);
	}

	/** The team for those who may act on it; 404 otherwise. */
	Team team(Viewer viewer, TeamId team) {
		if (team == null || !mayAct(viewer, team)) {
			throw new NotFoundException("Team");
		}
		return organization.allTeams()
			.stream()
			.filter(t -> t.id().equals(team))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Team"));
	}

	/** Active members of the team and the teams below it, by id, with their names. */
	Map<PersonId, String> members(TeamId team) {
		Map<PersonId, String> members = new LinkedHashMap<>();
		for (Person p : organization.membersOfTeamTree(team)) {
			members.put(p.id(), p.name());
		}
		return members;
	}

	Capability activeCapability(Viewer viewer, String capabilityId, String field, Map<String, String> errors) {
		if (capabilityId == null || capabilityId.isBlank()) {
			errors.put(field, "Choose the capability.");
			return null;
		}
		try {
			Capability c = capabilities.get(viewer, new CapabilityId(capabilityId.strip()));
			if (!c.active()) {
				errors.put(field, "“" + c.name() + "” is retired; choose an active capability.");
				return null;
			}
			return c;
		}
		catch (NotFoundException e) {
			errors.put(field, "Choose a capability of the organization.");
			return null;
		}
	}

	Map<CapabilityId, String> capabilityNames(Viewer viewer, Set<CapabilityId> ids) {
		Map<CapabilityId, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			capabilities.catalogue(viewer, null, null, true)
				.stream()
				.filter(c -> ids.contains(c.id()))
				.forEach(c -> names.put(c.id(), c.name()));
		}
		return names;
	}

}
