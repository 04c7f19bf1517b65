package io.stride.capability.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.capability.Absence;
import io.stride.capability.Absences;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.PersonRef;
import io.stride.capability.Target;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import org.springframework.stereotype.Component;

/**
 * Coverage of every (team, capability) pair with a target that applies, computed at once for many teams: the
 * organization's risk report and the snapshots. Reads every membership, target, holding of a targeted capability
 * and absence in the forecast once, then works in memory.
 */
@Component
public class OrganizationCoverage {

	private final Organization organization;

	private final TargetStore targets;

	private final HoldingStore holdings;

	private final CatalogueStore catalogue;

	private final Absences absences;

	OrganizationCoverage(Organization organization, TargetStore targets, HoldingStore holdings, CatalogueStore catalogue,
			Absences absences) {
		this.organization = organization;
		this.targets = targets;
		this.holdings = holdings;
		this.catalogue = catalogue;
		this.absences = absences;
	}

	public record Pair(Team team, Capability capability, Target target, int members, CoverageCalculator.Result result) {
	}

	/**
	 * Every pair of a team among {@code only} (every team when null) and a capability whose target applies to it
	 * (its own or the nearest above).
	 */
	public List<Pair> compute(Collection<TeamId> only, LocalDate today, int forecastDays, boolean showKinds) {
		List<Team> teams = organization.allTeams();
		Map<TeamId, Team> byId = new HashMap<>();
		Map<TeamId, List<TeamId>> children = new HashMap<>();
		for (Team team : teams) {
			byId.put(team.id(), team);
			if (team.parentId() != null) {
				children.computeIfAbsent(team.parentId(), k -> new ArrayList<>()).add(team.id());
			}
		}
		Map<TeamId, Map<CapabilityId, TargetStore.TargetRow>> own = new HashMap<>();
		for (TargetStore.TargetRow row : targets.all()) {
			own.computeIfAbsent(row.teamId(), k -> new HashMap<>()).put(row.capabilityId(), row);
		}
		Map<CapabilityId, Capability> capabilities = catalogue.byIds(own.values()
			.stream()
			.flatMap(m -> m.keySet().stream())
			.collect(java.util.stream.Collectors.toSet()));
		// effective targets top-down: a team's own target wins over the nearest one above
		Map<TeamId, Map<CapabilityId, TargetStore.TargetRow>> effective = new HashMap<>();
		for (Team team : teams) {
			effectiveOf(team.id(), byId, own, effective);
		}
		Map<TeamId, List<PersonRef>> direct = new HashMap<>();
		for (Organization.Membership m : organization.memberships()) {
			direct.computeIfAbsent(m.teamId(), k -> new ArrayList<>()).add(new PersonRef(m.personId(), m.name()));
		}
		Map<TeamId, List<PersonRef>> trees = new HashMap<>();
		Map<CapabilityId, Map<PersonId, List<HoldingStore.Holding>>> held = new HashMap<>();
		for (HoldingStore.Holding h : holdings.ofCapabilities(capabilities.keySet(), today)) {
			held.computeIfAbsent(h.capabilityId(), k -> new HashMap<>())
				.computeIfAbsent(h.personId(), k -> new ArrayList<>())
				.add(h);
		}
		Map<PersonId, List<Absence>> away = absences.allBetween(today, today.plusDays(forecastDays));
		Set<TeamId> wanted = only == null ? byId.keySet() : new HashSet<>(only);
		List<Pair> result = new ArrayList<>();
		for (Team team : teams) {
			if (!wanted.contains(team.id())) {
				continue;
			}
			Map<CapabilityId, TargetStore.TargetRow> applying = effective.getOrDefault(team.id(), Map.of());
			if (applying.isEmpty()) {
				continue;
			}
			List<PersonRef> members = tree(team.id(), children, direct, trees);
			for (TargetStore.TargetRow row : applying.values()) {
				Capability capability = capabilities.get(row.capabilityId());
				if (capability == null || !capability.active()) {
					continue;
				}
				Target target = new Target(capability.id(), row.teamId(), byId.get(row.teamId()).name(), row.levelRank(),
						capability.levelName(row.levelRank()), row.minPeople(), !row.teamId().equals(team.id()));
				Map<PersonId, List<HoldingStore.Holding>> ofCapability = held.getOrDefault(capability.id(), Map.of());
				Map<PersonId, List<HoldingStore.Holding>> mine = new HashMap<>();
				Map<PersonId, List<Absence>> theirAbsences = new HashMap<>();
				for (PersonRef member : members) {
					List<HoldingStore.Holding> h = ofCapability.get(member.id());
					if (h != null) {
						mine.put(member.id(), h);
						List<Absence> a = away.get(member.id());
						if (a != null) {
							theirAbsences.put(member.id(), a);
						}
					}
				}
				result.add(new Pair(team, capability, target, members.size(),
						CoverageCalculator.calculate(new CoverageCalculator.Input(capability, target, members, mine,
								theirAbsences, today, today, forecastDays, showKinds))));
			}
		}
		return result;
	}

	private static Map<CapabilityId, TargetStore.TargetRow> effectiveOf(TeamId team, Map<TeamId, Team> byId,
			Map<TeamId, Map<CapabilityId, TargetStore.TargetRow>> own,
			Map<TeamId, Map<CapabilityId, TargetStore.TargetRow>> effective) {
		Map<CapabilityId, TargetStore.TargetRow> known = effective.get(team);
		if (known != null) {
			return known;
		}
		// a placeholder first, so that a (corrupt) cycle in the tree ends instead of recursing forever
		effective.put(team, Map.of());
		Team t = byId.get(team);
		Map<CapabilityId, TargetStore.TargetRow> result = new LinkedHashMap<>();
		if (t != null && t.parentId() != null && byId.containsKey(t.parentId())) {
			result.putAll(effectiveOf(t.parentId(), byId, own, effective));
		}
		result.putAll(own.getOrDefault(team, Map.of()));
		effective.put(team, result);
		return result;
	}

	private static List<PersonRef> tree(TeamId team, Map<TeamId, List<TeamId>> children,
			Map<TeamId, List<PersonRef>> direct, Map<TeamId, List<PersonRef>> trees) {
		List<PersonRef> known = trees.get(team);
		if (known != null) {
			return known;
		}
		trees.put(team, List.of());
		Map<PersonId, PersonRef> members = new LinkedHashMap<>();
		direct.getOrDefault(team, List.of()).forEach(p -> members.putIfAbsent(p.id(), p));
		for (TeamId child : children.getOrDefault(team, List.of())) {
			tree(child, children, direct, trees).forEach(p -> members.putIfAbsent(p.id(), p));
		}
		List<PersonRef> result = List.copyOf(members.values());
		trees.put(team, result);
		return result;
	}
}
