package io.stride.capability.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
		for (Team team : teams) {
			byId.put(team.id(), team);
		}
		Map<TeamId, Map<CapabilityId, TargetStore.TargetRow>> own = new HashMap<>();
		for (TargetStore.TargetRow row : targets.all()) {
			own.computeIfAbsent(row.teamId(), k -> new HashMap<>()).put(row.capabilityId(), row);
		}
		Map<CapabilityId, Capability> capabilities = catalogue.byIds(own.values()
			.stream()
			.flatMap(m -> m.keySet().stream())
			.collect(Collectors.toSet()));
		// effective targets top-down: a team's own target wins over the nearest one above
		Map<TeamId, Map<CapabilityId, TargetStore.TargetRow>> effective = new HashMap<>();
		for (Team team : teams) {
			effectiveOf(team.id(), byId, own, effective);
		}
		// who is in each team tree: counted per team, and for holders, which trees they are in (a person is in the
		// trees of their teams and of every team above them)
		Map<String, Member> people = new HashMap<>(262_144);
		Map<TeamId, Integer> treeSizes = new HashMap<>();
		for (Organization.Membership m : organization.memberships()) {
			Member member = people.computeIfAbsent(m.personId().value(),
					k -> new Member(new PersonRef(m.personId(), m.name())));
			Set<TeamId> seen = new HashSet<>();
			for (TeamId t = m.teamId(); t != null && seen.add(t); t = byId.containsKey(t) ? byId.get(t).parentId() : null) {
				if (!member.trees.contains(t)) {
					member.trees.add(t);
					treeSizes.merge(t, 1, Integer::sum);
				}
			}
		}
		// only levels at or above the lowest a target asks for can count
		Map<CapabilityId, Integer> lowest = new HashMap<>();
		for (Map<CapabilityId, TargetStore.TargetRow> rows : own.values()) {
			rows.values().forEach(r -> lowest.merge(r.capabilityId(), r.levelRank(), Math::min));
		}
		// each holding row goes to its person (one lookup) and, the first time a person holds a capability, the
		// person goes to the trees where a target of the capability applies
		Map<CapabilityId, Map<TeamId, List<Member>>> holdersByTree = new HashMap<>();
		holdings.eachOf(lowest, today, (person, capability, rank, until) -> {
			Member member = people.get(person);
			if (member == null) {
				return;
			}
			List<HoldingStore.Holding> held = member.held(capability);
			if (held == null) {
				held = member.hold(capability);
				for (TeamId t : member.trees) {
					if (effective.getOrDefault(t, Map.of()).containsKey(capability)) {
						holdersByTree.computeIfAbsent(capability, k -> new HashMap<>())
							.computeIfAbsent(t, k -> new ArrayList<>())
							.add(member);
					}
				}
			}
			held.add(new HoldingStore.Holding(member.ref.id(), capability, rank, until));
		});
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
			int members = treeSizes.getOrDefault(team.id(), 0);
			for (TargetStore.TargetRow row : applying.values()) {
				Capability capability = capabilities.get(row.capabilityId());
				if (capability == null || !capability.active()) {
					continue;
				}
				Target target = new Target(capability.id(), row.teamId(), byId.get(row.teamId()).name(), row.levelRank(),
						capability.levelName(row.levelRank()), row.minPeople(), !row.teamId().equals(team.id()));
				List<Member> found = holdersByTree.getOrDefault(capability.id(), Map.of()).getOrDefault(team.id(), List.of());
				List<PersonRef> holders = new ArrayList<>(found.size());
				Map<PersonId, List<HoldingStore.Holding>> mine = new HashMap<>();
				Map<PersonId, List<Absence>> theirAbsences = new HashMap<>();
				for (Member holder : found) {
					holders.add(holder.ref);
					mine.put(holder.ref.id(), holder.held(capability.id()));
					List<Absence> a = away.get(holder.ref.id());
					if (a != null) {
						theirAbsences.put(holder.ref.id(), a);
					}
				}
				result.add(new Pair(team, capability, target, members,
						CoverageCalculator.calculate(new CoverageCalculator.Input(capability, target, holders, mine,
								theirAbsences, today, today, forecastDays, showKinds, members))));
			}
		}
		return result;
	}

	/** A person with the team trees they are in and the holdings of targeted capabilities they have. */
	private static final class Member {

		final PersonRef ref;

		final List<TeamId> trees = new ArrayList<>(3);

		// a person holds a handful of targeted capabilities: a short array searched by identity (the rows share one
		// CapabilityId per capability) beats a map per person when a million rows are read
		private CapabilityId[] capabilities = new CapabilityId[4];

		private List<HoldingStore.Holding>[] holdings = newLists(4);

		private int size;

		Member(PersonRef ref) {
			this.ref = ref;
		}

		List<HoldingStore.Holding> held(CapabilityId capability) {
			for (int i = 0; i < size; i++) {
				if (capabilities[i] == capability || capabilities[i].equals(capability)) {
					return holdings[i];
				}
			}
			return null;
		}

		List<HoldingStore.Holding> hold(CapabilityId capability) {
			if (size == capabilities.length) {
				capabilities = Arrays.copyOf(capabilities, size * 2);
				holdings = Arrays.copyOf(holdings, size * 2);
			}
			List<HoldingStore.Holding> list = new ArrayList<>(2);
			capabilities[size] = capability;
			holdings[size++] = list;
			return list;
		}

		@SuppressWarnings("unchecked")
		private static List<HoldingStore.Holding>[] newLists(int n) {
			return (List<HoldingStore.Holding>[]) new List<?>[n];
		}
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
}
