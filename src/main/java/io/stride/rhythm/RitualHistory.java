package io.stride.rhythm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.analytics.outcomes.OutcomeMetric;
import io.stride.analytics.outcomes.Outcomes;
import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityCoverage;
import io.stride.capability.Coverage;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.internal.PreReadRows;
import io.stride.rhythm.internal.PreReadRows.GapRow;
import io.stride.rhythm.internal.PreReadRows.InterventionRow;
import io.stride.rhythm.internal.PreReadRows.RitualRow;
import io.stride.rhythm.internal.PreReadRows.SessionRow;
import io.stride.shared.Ids;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ritual's (or a team's) history: its sessions over time, newest first, each with its gaps and interventions, their
 * status and what moved since (coverage now against the holders when recorded). For the managers of the team's tree,
 * L&D and admins; 404 for everyone else.
 */
@Service
public class RitualHistory {

	/** Sessions per page. */
	public static final int PAGE_SIZE = 10;

	private final PreReadRows rows;

	private final PreReads preReads;

	private final Organization organization;

	private final Coverage coverage;

	private final Capabilities capabilities;

	private final Outcomes outcomes;

	RitualHistory(PreReadRows rows, PreReads preReads, Organization organization, Coverage coverage,
			Capabilities capabilities, Outcomes outcomes) {
		this.outcomes = outcomes;
		this.rows = rows;
		this.preReads = preReads;
		this.organization = organization;
		this.coverage = coverage;
		this.capabilities = capabilities;
	}

	/** One page of sessions; {@code page} from 1. */
	public record Page(TeamId team, String teamName, RitualId ritual, String ritualName, List<Session> sessions,
			int page, int pages, long total) {

		public Page {
			sessions = List.copyOf(sessions);
		}
	}

	public record Session(SessionId id, RitualId ritual, String ritualName, Instant startsAt, String status,
			Instant preReadSentAt, List<Gap> gaps, List<Intervention> interventions) {

		public Session {
			gaps = List.copyOf(gaps);
			interventions = List.copyOf(interventions);
		}
	}

	public record Gap(String id, String capability, String note, List<String> people) {

		public Gap {
			people = List.copyOf(people);
		}
	}

	/** {@code effect}: what moved since it was recorded, said as correlation, not proof. */
	public record Intervention(String id, int position, InterventionKind kind, String capability, String owner,
			LocalDate dueOn, String status, String description, Integer holdersBefore, Integer holdersNow,
			String effect) {
	}

	@Transactional(readOnly = true)
	public Page ofRitual(Viewer viewer, RitualId ritual, int page) {
		RitualRow row = ritual == null || !Ids.looksValid(ritual.value()) ? null : rows.ritual(ritual.value()).orElse(null);
		if (row == null || !preReads.mayRead(viewer, new TeamId(row.teamId()))) {
			throw new NotFoundException("Ritual");
		}
		return page(viewer, new TeamId(row.teamId()), List.of(row), ritual, row.name(), page);
	}

	@Transactional(readOnly = true)
	public Page ofTeam(Viewer viewer, TeamId team, int page) {
		if (team == null || !Ids.looksValid(team.value()) || !preReads.mayRead(viewer, team)) {
			throw new NotFoundException("Team");
		}
		if (organization.allTeams().stream().noneMatch(t -> t.id().equals(team))) {
			throw new NotFoundException("Team");
		}
		return page(viewer, team, rows.ritualsOfTeam(team.value()), null, null, page);
	}

	private Page page(Viewer viewer, TeamId team, List<RitualRow> rituals, RitualId ritual, String ritualName,
			int page) {
		String teamName = organization.allTeams()
			.stream()
			.filter(t -> t.id().equals(team))
			.map(Team::name)
			.findFirst()
			.orElse("Team");
		List<String> ritualIds = rituals.stream().map(RitualRow::id).toList();
		long total = rows.countSessionsOf(ritualIds);
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(1, page), pages);
		List<SessionRow> sessions = rows.sessionsOf(ritualIds, (current - 1) * PAGE_SIZE, PAGE_SIZE);
		List<String> sessionIds = sessions.stream().map(SessionRow::id).toList();
		List<GapRow> gaps = rows.gaps(sessionIds);
		List<InterventionRow> interventions = rows.interventions(sessionIds);

		Map<String, Integer> holdersNow = new HashMap<>();
		Map<String, String> names = new HashMap<>();
		if (!gaps.isEmpty() || !interventions.isEmpty()) {
			for (CapabilityCoverage c : coverage.coverage(viewer, team, null).capabilities()) {
				holdersNow.put(c.capabilityId().value(), c.available());
				names.put(c.capabilityId().value(), c.name());
			}
			Set<String> unnamed = new HashSet<>();
			gaps.forEach(g -> unnamed.add(g.capabilityId()));
			interventions.forEach(i -> unnamed.add(i.capabilityId()));
			unnamed.removeAll(names.keySet());
			if (!unnamed.isEmpty()) {
				// capabilities nobody holds: one read of the catalogue rather than one per capability
				for (Capability c : capabilities.catalogue(viewer, null, null, true)) {
					if (unnamed.contains(c.id().value())) {
						names.put(c.id().value(), c.name());
					}
				}
			}
		}
		// the latest value of each indicator an intervention names, for the team's managers (who read indicators)
		Map<String, Double> metricNow = new HashMap<>();
		Set<String> metrics = new HashSet<>();
		interventions.stream().filter(i -> i.metricId() != null).forEach(i -> metrics.add(i.metricId()));
		if (!metrics.isEmpty() && organization.canManage(viewer, team)) {
			for (OutcomeMetric m : outcomes.ofTeam(viewer, team)) {
				if (metrics.contains(m.id())) {
					var values = outcomes.values(viewer, m.id());
					if (!values.isEmpty()) {
						metricNow.put(m.id(), values.get(values.lastKey()));
					}
				}
			}
		}
		Set<PersonId> people = new HashSet<>();
		gaps.forEach(g -> g.people().forEach(p -> people.add(new PersonId(p))));
		interventions.forEach(i -> people.add(new PersonId(i.ownerId())));
		Map<PersonId, Organization.Credit> credits = people.isEmpty() ? Map.of() : organization.credits(people);

		Map<String, List<Gap>> gapsBySession = new HashMap<>();
		for (GapRow g : gaps) {
			gapsBySession.computeIfAbsent(g.sessionId(), k -> new ArrayList<>())
				.add(new Gap(g.id(), names.getOrDefault(g.capabilityId(), "A capability no longer in the catalogue"),
						g.note(), g.people().stream().map(p -> name(credits, p)).toList()));
		}
		Map<String, List<Intervention>> bySession = new HashMap<>();
		for (InterventionRow i : interventions) {
			Integer now = holdersNow.getOrDefault(i.capabilityId(), 0);
			bySession.computeIfAbsent(i.sessionId(), k -> new ArrayList<>())
				.add(new Intervention(i.id(), i.position(), InterventionKind.valueOf(i.kind()),
						names.getOrDefault(i.capabilityId(), "A capability no longer in the catalogue"),
						name(credits, i.ownerId()), i.dueOn(), i.status(), i.description(), i.holdersBefore(), now,
						PreReads.effect(i, now,
								i.metricBefore() == null || !metricNow.containsKey(i.metricId()) ? null
										: i.metricBefore().doubleValue(),
								metricNow.get(i.metricId()))));
		}
		List<Session> result = new ArrayList<>();
		for (SessionRow s : sessions) {
			result.add(new Session(new SessionId(s.id()), new RitualId(s.ritualId()), s.ritualName(), s.startsAt(),
					s.status(), s.preReadSentAt(), gapsBySession.getOrDefault(s.id(), List.of()),
					bySession.getOrDefault(s.id(), List.of())));
		}
		return new Page(team, teamName, ritual, ritualName, result, current, pages, total);
	}

	private static String name(Map<PersonId, Organization.Credit> credits, String person) {
		Organization.Credit c = credits.get(new PersonId(person));
		return c == null ? "Someone who left" : c.name();
	}
}
