package io.stride.rhythm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import io.stride.analytics.attention.NeedsAttention;
import io.stride.analytics.attention.NeedsAttentionReport;
import io.stride.analytics.outcomes.OutcomeMetric;
import io.stride.analytics.outcomes.Outcomes;
import io.stride.capability.Capabilities;
import io.stride.capability.CapabilityCoverage;
import io.stride.capability.CapabilityId;
import io.stride.capability.Coverage;
import io.stride.capability.ExpiringHolding;
import io.stride.capability.LearningTeam;
import io.stride.capability.TeamCoverage;
import io.stride.cycles.CycleAccess;
import io.stride.cycles.CycleFacts;
import io.stride.cycles.CycleId;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.TeamCycles;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.PreRead.AttentionLine;
import io.stride.rhythm.PreRead.CoverageLine;
import io.stride.rhythm.PreRead.CycleGoals;
import io.stride.rhythm.PreRead.ExpiringLine;
import io.stride.rhythm.PreRead.IndicatorLine;
import io.stride.rhythm.PreRead.InterventionReview;
import io.stride.rhythm.PreRead.NamedCycle;
import io.stride.rhythm.internal.PreReadRows;
import io.stride.rhythm.internal.PreReadRows.InterventionRow;
import io.stride.rhythm.internal.PreReadRows.SessionRow;
import io.stride.shared.Ids;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A session's pre-read, for the managers of the team's tree, L&D and admins (404 for everyone else): coverage changes
 * and shortfalls, expiring evidence, outcome indicators, needs-attention items of the team's courses, active cycles'
 * goals that serve the team's priorities, and the previous session's interventions with what moved since.
 */
@Service
public class PreReads {

	/** The first session of a ritual looks back this far. */
	public static final Duration FIRST_LOOK_BACK = Duration.ofDays(30);

	/** Evidence expiring up to this long after the next session is listed. */
	public static final int EXPIRING_AFTER_NEXT_DAYS = 30;

	/** The most needs-attention items listed. */
	public static final int MAX_ATTENTION = 10;

	static final String CORRELATION = "This moved together with the intervention; it does not show the intervention caused it.";

	private final PreReadRows rows;

	private final Organization organization;

	private final LearningTeam learningTeam;

	private final Coverage coverage;

	private final Capabilities capabilities;

	private final Outcomes outcomes;

	private final NeedsAttention needsAttention;

	private final LearningCycles cycles;

	private final CycleFacts cycleFacts;

	private final RitualSchedule schedule;

	private final Clock clock;

	PreReads(PreReadRows rows, Organization organization, LearningTeam learningTeam, Coverage coverage,
			Capabilities capabilities, Outcomes outcomes, NeedsAttention needsAttention, LearningCycles cycles,
			CycleFacts cycleFacts, RitualSchedule schedule, Clock clock) {
		this.rows = rows;
		this.organization = organization;
		this.learningTeam = learningTeam;
		this.coverage = coverage;
		this.capabilities = capabilities;
		this.outcomes = outcomes;
		this.needsAttention = needsAttention;
		this.cycles = cycles;
		this.cycleFacts = cycleFacts;
		this.schedule = schedule;
		this.clock = clock;
	}

	/** The session's pre-read as of now, naming the cycles the viewer may read. */
	@Transactional(readOnly = true)
	public PreRead of(Viewer viewer, SessionId session) {
		return build(viewer, visibleSession(viewer, session), true);
	}

	/** The session when the viewer may read its team's rhythm (managers of its tree, L&D, admins); 404 otherwise. */
	SessionRow visibleSession(Viewer viewer, SessionId session) {
		SessionRow row = session == null || !Ids.looksValid(session.value()) ? null
				: rows.session(session.value()).orElse(null);
		if (row == null || !mayRead(viewer, new TeamId(row.teamId()))) {
			throw new NotFoundException("Session");
		}
		return row;
	}

	boolean mayRead(Viewer viewer, TeamId team) {
		return organization.canManage(viewer, team) || learningTeam.includes(viewer);
	}

	/**
	 * The pre-read of a stored session read as {@code viewer} (who may read the team); {@code nameCycles} false leaves
	 * out whose cycles serve the team's priorities (the version sent to every manager of the team).
	 */
	PreRead build(Viewer viewer, SessionRow session, boolean nameCycles) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		TeamId teamId = new TeamId(session.teamId());
		String teamName = organization.allTeams()
			.stream()
			.filter(t -> t.id().equals(teamId))
			.map(Team::name)
			.findFirst()
			.orElse("Team");
		SessionRow previous = rows.previous(session.ritualId(), session.startsAt()).orElse(null);
		Instant since = previous != null ? previous.startsAt() : session.startsAt().minus(FIRST_LOOK_BACK);
		Instant next = schedule.next(new RitualId(session.ritualId()), session.startsAt().plusSeconds(1))
			.map(RitualSchedule.Occurrence::startsAt)
			.orElse(session.startsAt());
		LocalDate expiringUntil = LocalDate.ofInstant(next, ZoneOffset.UTC).plusDays(EXPIRING_AFTER_NEXT_DAYS);

		// the outlook: coverage without the people closest to qualifying (not shown here, and it reads every member's
		// evidence), with the holdings expiring up to the next session and a month (as far as the forecast looks)
		int days = (int) Math.max(1, Math.min(Coverage.FORECAST_DAYS,
				ChronoUnit.DAYS.between(today, expiringUntil)));
		// without renewals: the pre-read names who and when, not what renews it
		Coverage.Outlook outlook = coverage.outlook(viewer, teamId, days, 0);
		TeamCoverage teamCoverage = outlook.coverage();
		Map<String, CapabilityCoverage> byCapability = new HashMap<>();
		teamCoverage.capabilities().forEach(c -> byCapability.put(c.capabilityId().value(), c));
		List<CoverageLine> coverageLines = coverageLines(viewer, teamId, teamCoverage,
				LocalDate.ofInstant(since, ZoneOffset.UTC));
		List<ExpiringLine> expiring = new ArrayList<>();
		for (ExpiringHolding h : outlook.expiring()) {
			if (!h.expiresOn().isAfter(expiringUntil)) {
				expiring.add(new ExpiringLine(h.name(), h.capabilityName(), h.levelName(), h.expiresOn()));
			}
		}
		expiring.sort(Comparator.comparing(ExpiringLine::expiresOn).thenComparing(ExpiringLine::person));

		// outcome indicators are for the team's managers and admins: L&D outside the team sees the rest
		boolean indicatorsShown = organization.canManage(viewer, teamId);
		Map<String, IndicatorLine> indicators = new LinkedHashMap<>();
		if (indicatorsShown) {
			LocalDate sinceDay = LocalDate.ofInstant(since, ZoneOffset.UTC);
			for (OutcomeMetric metric : outcomes.ofTeam(viewer, teamId)) {
				indicators.put(metric.id(), indicator(metric, outcomes.values(viewer, metric.id()), sinceDay));
			}
		}

		List<AttentionLine> attention = attention(needsAttention.ofTeam(viewer, teamId));
		CycleGoals goals = cycleGoals(viewer, teamId, today, nameCycles);
		List<InterventionReview> reviews = previous == null ? List.of()
				: reviews(viewer, previous, byCapability, indicators, indicatorsShown);
		return new PreRead(new SessionId(session.id()), new RitualId(session.ritualId()), session.ritualName(),
				RitualKind.valueOf(session.ritualKind()), teamId, teamName, session.startsAt(), since,
				previous == null ? null : new SessionId(previous.id()), previous == null ? null : previous.startsAt(),
				expiringUntil, now, coverageLines, expiring, indicatorsShown, List.copyOf(indicators.values()), attention,
				goals, reviews);
	}

	/** Short, at risk or forecast short, or changed since the snapshot nearest before {@code since}. */
	private List<CoverageLine> coverageLines(Viewer viewer, TeamId team, TeamCoverage teamCoverage, LocalDate since) {
		Map<String, Integer> before = new HashMap<>();
		// points come oldest first: the last one on or before the day wins
		for (Coverage.TrendPoint p : coverage.trend(viewer, team)) {
			if (!p.takenOn().isAfter(since)) {
				before.put(p.capabilityId().value(), p.qualified());
			}
		}
		List<CoverageLine> lines = new ArrayList<>();
		for (CapabilityCoverage c : teamCoverage.capabilities()) {
			// available, as the snapshots count them: the change since is not an absence that began or ended
			int qualified = c.available();
			Integer was = before.get(c.capabilityId().value());
			boolean concern = switch (c.status()) {
				case SHORT, AT_RISK -> true;
				default -> !c.forecast().isEmpty();
			};
			boolean changed = was != null && was != qualified;
			if (concern || changed) {
				lines.add(new CoverageLine(c.capabilityId().value(), c.name(), c.status().label(), qualified,
						c.target() == null ? null : c.target().minPeople(), was, c.shortFrom(), c.summary()));
			}
		}
		return lines;
	}

	private static IndicatorLine indicator(OutcomeMetric metric, SortedMap<LocalDate, Double> values, LocalDate since) {
		List<PreRead.Value> recent = new ArrayList<>();
		Double before = null;
		Double latest = null;
		for (Map.Entry<LocalDate, Double> e : values.entrySet()) {
			if (e.getKey().isBefore(since)) {
				before = e.getValue();
			}
			else {
				recent.add(new PreRead.Value(e.getKey(), e.getValue()));
			}
			latest = e.getValue();
		}
		String trend;
		Boolean better = null;
		String sentence;
		String unit = metric.unit() == null || metric.unit().isBlank() ? "" : " " + metric.unit();
		if (latest == null) {
			trend = "unknown";
			sentence = "No values yet: enter them on the indicator's page.";
		}
		else if (recent.isEmpty()) {
			trend = "unknown";
			sentence = "No new value since the last session; the latest is " + PreReadMarkdown.number(latest) + unit + ".";
		}
		else {
			Double from = before != null ? before : recent.get(0).value();
			int cmp = Double.compare(latest, from);
			trend = cmp > 0 ? "up" : cmp < 0 ? "down" : "flat";
			if (cmp != 0) {
				better = (cmp < 0) == (metric.direction() == OutcomeMetric.Direction.LOWER_IS_BETTER);
			}
			sentence = cmp == 0 ? "Stayed at " + PreReadMarkdown.number(latest) + unit + "."
					: "Went " + trend + " from " + PreReadMarkdown.number(from) + " to " + PreReadMarkdown.number(latest)
							+ unit + (better ? " (the good way)." : " (the wrong way).");
		}
		return new IndicatorLine(metric.id(), metric.name(), metric.unit(), metric.direction().label(), recent, before,
				latest, trend, better, sentence);
	}

	private static List<AttentionLine> attention(NeedsAttentionReport report) {
		List<AttentionLine> lines = new ArrayList<>();
		report.unclearLessons().items().forEach(l -> lines.add(new AttentionLine(l.courseId().value(), l.courseTitle(),
				"Lesson “" + l.lessonTitle() + "”: " + l.negative() + " of " + l.reactions()
						+ " reactions say it is unclear or outdated.")));
		report.dropOffLessons().items().forEach(l -> lines.add(new AttentionLine(l.courseId().value(), l.courseTitle(),
				"Lesson “" + l.lessonTitle() + "”: " + l.reached() + " of " + l.reachedPrevious()
						+ " learners of the lesson before reached it.")));
		report.missedQuestions().items().forEach(q -> lines.add(new AttentionLine(q.courseId().value(), q.courseTitle(),
				"Question “" + q.prompt() + "”: " + q.right() + " of " + q.answers() + " answers were right.")));
		report.weakCourses().items().forEach(c -> lines.add(new AttentionLine(c.courseId().value(), c.courseTitle(),
				"Reaction score " + c.reactionScore() + " from " + c.learners() + " learners.")));
		return lines.subList(0, Math.min(MAX_ATTENTION, lines.size()));
	}

	/** Goals of cycles active today that serve a team priority; owners named only for cycles the viewer reads. */
	private CycleGoals cycleGoals(Viewer viewer, TeamId team, LocalDate today, boolean nameCycles) {
		List<PersonId> members = organization.membersOfTeamTree(team).stream().map(p -> p.id()).toList();
		CycleFacts.Facts facts = cycleFacts.of(members, today, today);
		Set<CycleId> active = new HashSet<>();
		facts.cycles().stream().filter(c -> c.activeOn(today)).forEach(c -> active.add(c.id()));
		Set<CycleId> serving = new HashSet<>();
		int goals = 0;
		for (CycleFacts.GoalFact g : facts.goals()) {
			if (g.servesTeam() && active.contains(g.cycle())) {
				goals++;
				serving.add(g.cycle());
			}
		}
		List<NamedCycle> named = new ArrayList<>();
		boolean hidden = !nameCycles;
		if (nameCycles && !serving.isEmpty()) {
			if (organization.canManage(viewer, team)) {
				for (TeamCycles.Member m : cycles.team(viewer, team).members()) {
					var c = m.active();
					if (c != null && serving.contains(c.id()) && c.access() != CycleAccess.EXISTENCE) {
						named.add(new NamedCycle(c.id().value(), m.person().name(), c.title(),
								c.serves().stream().filter(p -> p.team() != null).map(p -> p.title()).toList()));
					}
				}
			}
			hidden = named.isEmpty();
		}
		named.sort(Comparator.comparing(NamedCycle::owner));
		return new CycleGoals(goals, serving.size(), named, hidden);
	}

	private List<InterventionReview> reviews(Viewer viewer, SessionRow previous,
			Map<String, CapabilityCoverage> byCapability, Map<String, IndicatorLine> indicators, boolean indicatorsShown) {
		List<InterventionRow> interventions = rows.interventions(List.of(previous.id()));
		Map<PersonId, Organization.Credit> owners = organization
			.credits(interventions.stream().map(i -> new PersonId(i.ownerId())).toList());
		List<InterventionReview> reviews = new ArrayList<>();
		for (InterventionRow i : interventions) {
			CapabilityCoverage c = byCapability.get(i.capabilityId());
			String capability = c != null ? c.name() : capabilityName(viewer, i.capabilityId());
			Integer holdersNow = c != null ? c.available() : 0;
			IndicatorLine metric = !indicatorsShown || i.metricId() == null ? null : indicators.get(i.metricId());
			Double metricBefore = metric == null || i.metricBefore() == null ? null : i.metricBefore().doubleValue();
			Double metricNow = metric == null ? null : metric.latest();
			Organization.Credit owner = owners.get(new PersonId(i.ownerId()));
			reviews.add(new InterventionReview(i.id(), i.position(), InterventionKind.valueOf(i.kind()), i.description(),
					capability, owner == null ? "Someone who left" : owner.name(), i.dueOn(), i.status(),
					i.holdersBefore(), holdersNow, metric == null ? null : metric.name(), metricBefore, metricNow,
					effect(i, holdersNow, metricBefore, metricNow)));
		}
		return reviews;
	}

	private String capabilityName(Viewer viewer, String id) {
		try {
			return capabilities.get(viewer, new CapabilityId(id)).name();
		}
		catch (NotFoundException e) {
			return "A capability no longer in the catalogue";
		}
	}

	/**
	 * What moved since the intervention was recorded, e.g. "Done. Coverage went from 1 to 3 holders; the indicator
	 * moved from 42 to 38. This moved together with the intervention; it does not show the intervention caused it."
	 */
	static String effect(InterventionRow i, Integer holdersNow, Double metricBefore, Double metricNow) {
		StringBuilder s = new StringBuilder(switch (i.status()) {
			case "DONE" -> "Done.";
			case "DROPPED" -> "Dropped.";
			default -> "Not done yet" + (i.dueOn() == null ? "." : " (due " + i.dueOn() + ").");
		});
		List<String> parts = new ArrayList<>();
		boolean moved = false;
		if (i.holdersBefore() != null && holdersNow != null) {
			if (i.holdersBefore().equals(holdersNow)) {
				parts.add("coverage stayed at " + holders(holdersNow));
			}
			else {
				parts.add("coverage went from " + i.holdersBefore() + " to " + holders(holdersNow));
				moved = true;
			}
		}
		if (metricBefore != null && metricNow != null) {
			if (Double.compare(metricBefore, metricNow) == 0) {
				parts.add("the indicator stayed at " + PreReadMarkdown.number(metricNow));
			}
			else {
				parts.add("the indicator moved from " + PreReadMarkdown.number(metricBefore) + " to "
						+ PreReadMarkdown.number(metricNow));
				moved = true;
			}
		}
		if (!parts.isEmpty()) {
			String joined = String.join("; ", parts);
			s.append(' ').append(Character.toUpperCase(joined.charAt(0))).append(joined.substring(1)).append('.');
		}
		if (moved) {
			s.append(' ').append(CORRELATION);
		}
		return s.toString();
	}

	private static String holders(int n) {
		return n + (n == 1 ? " holder" : " holders");
	}
}
