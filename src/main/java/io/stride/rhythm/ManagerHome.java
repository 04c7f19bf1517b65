package io.stride.rhythm;

import java.time.Clock;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.stride.analytics.attention.NeedsAttention;
import io.stride.analytics.attention.NeedsAttentionReport;
import io.stride.analytics.outcomes.OutcomeMetric;
import io.stride.analytics.outcomes.Outcomes;
import io.stride.authoring.CourseId;
import io.stride.capability.CapabilityCoverage;
import io.stride.capability.CapabilityId;
import io.stride.capability.CapabilityLevels;
import io.stride.capability.Coverage;
import io.stride.capability.CoverageStatus;
import io.stride.capability.ExpiringHolding;
import io.stride.capability.LearningTeam;
import io.stride.delivery.Delivery;
import io.stride.delivery.TeamProgressRow;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.internal.HomeRows;
import io.stride.rhythm.internal.HoursRows;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager's start page: for the teams they manage (and the teams below them), what needs them now and where to act
 * on it. Scoped to the teams the viewer manages themselves, admins and L&D included: their organization-wide views are
 * the risk report and the analytics pages, and a home over every team could not stay fast. Every list is bounded and
 * read in a fixed number of queries per managed team, never per person or per course.
 */
@Service
public class ManagerHome {

	/** Evidence expiring within this many days is listed, those within {@link #EXPIRING_SOON_DAYS} first. */
	public static final int EXPIRING_DAYS = 90;

	public static final int EXPIRING_SOON_DAYS = 30;

	/** At most this many teams (the ones the viewer manages at the top of their tree) are summed up at once. */
	public static final int MAX_TEAMS = 10;

	/** The most entries a list shows; the totals say how many there were. */
	public static final int LIMIT = 20;

	/** How far ahead the next ritual meeting is looked for (a quarterly ritual meets within it). */
	static final int RITUAL_DAYS_AHEAD = 100;

	static final int MAX_INDICATORS = 12;

	static final int MAX_INTERVENTIONS = 9;

	private final Organization organization;

	private final Coverage coverage;

	private final CapabilityLevels capabilities;

	private final Delivery delivery;

	private final NeedsAttention needsAttention;

	private final Outcomes outcomes;

	private final RitualSchedule schedule;

	private final HomeRows rows;

	private final Clock clock;

	private final LearningHours learningHours;

	private final Commissions commissions;

	private final LearningNeeds learningNeeds;

	private final HoursRows hoursRows;

	private final LearningTeam learningTeam;

	ManagerHome(Organization organization, Coverage coverage, CapabilityLevels capabilities, Delivery delivery,
			NeedsAttention needsAttention, Outcomes outcomes, RitualSchedule schedule, HomeRows rows, Clock clock,
			LearningHours learningHours, HoursRows hoursRows, Commissions commissions,
			LearningNeeds learningNeeds, LearningTeam learningTeam) {
		this.learningTeam = learningTeam;
		this.commissions = commissions;
		this.learningNeeds = learningNeeds;
		this.learningHours = learningHours;
		this.hoursRows = hoursRows;
		this.organization = organization;
		this.coverage = coverage;
		this.capabilities = capabilities;
		this.delivery = delivery;
		this.needsAttention = needsAttention;
		this.outcomes = outcomes;
		this.schedule = schedule;
		this.rows = rows;
		this.clock = clock;
	}

	/** A team the home covers. */
	public record TeamRef(TeamId id, String name) {
	}

	/** A capability short or at risk today, or falling short within the 90-day forecast. */
	public record CapabilityRisk(TeamId teamId, String teamName, CapabilityId capabilityId, String name, String status,
			String statusLabel, int qualified, int target, String levelName, LocalDate shortFrom, String summary,
			String link) {
	}

	/** A level someone holds that stops holding soon unless its evidence is renewed. */
	public record ExpiringEvidence(PersonId personId, String name, CapabilityId capabilityId, String capabilityName,
			String levelName, LocalDate expiresOn, long daysLeft, String renewal, String link) {

		public boolean soon() {
			return daysLeft <= EXPIRING_SOON_DAYS;
		}
	}

	/** A course assigned to someone in the tree that is past its due date and not done. */
	public record OverdueAssignment(PersonId personId, String name, TeamId teamId, CourseId courseId, String courseTitle,
			LocalDate dueDate, long daysOverdue, String status, String link) {
	}

	/** A course the team takes (or the manager wrote) where learners struggle, and why. */
	public record CourseAttention(CourseId courseId, String courseTitle, String reason, String link) {
	}

	/**
	 * An outcome indicator with its latest value and the change from the one before: {@code trend} is IMPROVING,
	 * WORSENING, STEADY, ONE_VALUE or NO_VALUES, read with the metric's direction.
	 */
	public record Indicator(String id, TeamId teamId, String teamName, String name, String unit, Double latest,
			LocalDate latestPeriod, Double previous, String trend, String trendText, String link) {
	}

	/** An intervention still open that the next meeting reviews. */
	public record OpenIntervention(InterventionId id, SessionId sessionId, String kind, String kindLabel,
			CapabilityId capabilityId, String capabilityName, PersonId ownerId, String ownerName, LocalDate dueOn,
			boolean overdue, String description, String link) {
	}

	/** The next meeting of one of the tree's rituals, with the interventions it should review. */
	public record NextRitual(RitualId ritualId, TeamId teamId, String teamName, String name, String kind,
			String kindLabel, Instant startsAt, int durationMinutes, SessionId sessionId, String link,
			List<OpenIntervention> openInterventions) {
	}

	/** An open commission or learning-need request of the tree (filled in by the commissions slice). */
	public record OpenCommission(String id, String title, String status, LocalDate dueOn, String link) {
	}

	/** Learning hours planned and used this period, per team (filled in by the learning-hours slice). */
	public record PlannedHours(TeamId teamId, String teamName, String period, double planned, double used,
			String link) {
	}

	/** Every section of the home; lists are cut at {@link #LIMIT} and the totals say how many there were. */
	public record Home(LocalDate today, List<TeamRef> teams, List<TeamRef> otherTeams, boolean targetsSet,
			List<CapabilityRisk> capabilities, List<ExpiringEvidence> expiring, int expiringTotal,
			List<OverdueAssignment> overdue, int overdueTotal, List<CourseAttention> courses, int coursesTotal,
			List<Indicator> indicators, NextRitual nextRitual, int openInterventions, List<OpenCommission> commissions,
			List<PlannedHours> hours) {

		/** The first team, whose pages the empty states point to; null for someone who manages no team. */
		public TeamRef primary() {
			return teams.isEmpty() ? null : teams.get(0);
		}
	}

	/**
	 * The home over every team the viewer manages (the topmost ones of their tree, at most {@link #MAX_TEAMS}), or
	 * over one team of their tree; 404 for a team outside it. Someone who manages no team gets empty sections.
	 */
	@Transactional(readOnly = true)
	public Home home(Viewer viewer, TeamId only) {
		Map<TeamId, Team> teams = new HashMap<>();
		organization.allTeams().forEach(t -> teams.put(t.id(), t));
		Set<TeamId> own = organization.withDescendants(viewer.manages());
		if (only != null && !own.contains(only)) {
			throw new NotFoundException("Team");
		}
		List<TeamRef> tops = new ArrayList<>();
		for (TeamId id : viewer.manages()) {
			if (teams.containsKey(id) && !hasManagedAncestor(id, viewer.manages(), teams)) {
				tops.add(new TeamRef(id, teams.get(id).name()));
			}
		}
		tops.sort(Comparator.comparing((TeamRef t) -> t.name().toLowerCase(Locale.ROOT)).thenComparing(t -> t.id().value()));
		List<TeamRef> shown = only != null ? List.of(new TeamRef(only, teams.get(only).name()))
				: List.copyOf(tops.subList(0, Math.min(MAX_TEAMS, tops.size())));
		List<TeamRef> others = only != null ? tops.stream().filter(t -> !t.id().equals(only)).toList()
				: List.copyOf(tops.subList(shown.size(), tops.size()));
		LocalDate today = LocalDate.now(clock);
		if (shown.isEmpty()) {
			return new Home(today, List.of(), List.of(), false, List.of(), List.of(), 0, List.of(), 0, List.of(), 0,
					List.of(), null, 0, List.of(), List.of());
		}
		Set<TeamId> tree = organization.withDescendants(shown.stream().map(TeamRef::id).toList());
		Map<CapabilityId, String> capabilityNames = new HashMap<>();
		boolean targetsSet = false;
		List<CapabilityRisk> risks = new ArrayList<>();
		List<ExpiringEvidence> expiring = new ArrayList<>();
		List<OverdueAssignment> overdue = new ArrayList<>();
		Set<String> seenOverdue = new HashSet<>();
		Set<String> seenExpiring = new HashSet<>();
		for (TeamRef team : shown) {
			// renewals for the ones a list of LIMIT can show
			Coverage.Outlook outlook = coverage.outlook(viewer, team.id(), EXPIRING_DAYS, LIMIT);
			for (CapabilityCoverage c : outlook.coverage().capabilities()) {
				capabilityNames.put(c.capabilityId(), c.name());
				if (c.target() == null) {
					continue;
				}
				targetsSet = true;
				if (c.status() == CoverageStatus.SHORT || c.status() == CoverageStatus.AT_RISK || c.shortFrom() != null) {
					risks.add(new CapabilityRisk(team.id(), team.name(), c.capabilityId(), c.name(), c.status().name(),
							c.status().label(), c.available(), c.target().minPeople(),
							c.target().levelName(), c.shortFrom(), c.summary(),
							"/teams/" + team.id().value() + "/coverage"));
				}
			}
			for (ExpiringHolding h : outlook.expiring()) {
				if (seenExpiring.add(h.personId().value() + "/" + h.capabilityId().value() + "/" + h.levelRank())) {
					expiring.add(new ExpiringEvidence(h.personId(), h.name(), h.capabilityId(), h.capabilityName(),
							h.levelName(), h.expiresOn(), h.daysLeft(),
							h.renewal() == null ? null : h.renewal().description(),
							"/people/" + h.personId().value() + "/capabilities"));
				}
			}
			for (TeamProgressRow row : delivery.teamProgress(viewer, team.id())) {
				if (row.dueDate() != null && row.dueDate().isBefore(today) && !row.status().isDone(row.hasQuiz())
						&& seenOverdue.add(row.personId().value() + "/" + row.courseId().value())) {
					overdue.add(new OverdueAssignment(row.personId(), row.name(), team.id(), row.courseId(),
							row.courseTitle(), row.dueDate(), ChronoUnit.DAYS.between(row.dueDate(), today),
							row.status().name(), "/teams/" + team.id().value()));
				}
			}
		}
		risks.sort(Comparator.comparing((CapabilityRisk r) -> rank(r.status()))
			.thenComparing(r -> r.shortFrom() == null ? LocalDate.MIN : r.shortFrom())
			.thenComparing(r -> r.name().toLowerCase(Locale.ROOT)));
		expiring.sort(Comparator.comparing(ExpiringEvidence::expiresOn).thenComparing(ExpiringEvidence::name));
		overdue.sort(Comparator.comparing(OverdueAssignment::dueDate).thenComparing(OverdueAssignment::name));
		List<CourseAttention> courses = courses(viewer, only == null ? null : shown, shown);
		NextRitual next = nextRitual(tree, teams, capabilityNames, today);
		return new Home(today, shown, others, targetsSet, cut(risks), cut(expiring), expiring.size(), cut(overdue),
				overdue.size(), cut(courses), courses.size(), indicators(viewer, tree, teams), next,
				rows.openCount(tree.stream().map(TeamId::value).toList()), openCommissions(viewer, tree),
				plannedHours(viewer, tree));
	}

	/**
	 * Open commissions of the tree, due first, then the learning needs its people filed for its teams, most voices
	 * first (at most {@link #LIMIT} in all).
	 */
	public List<OpenCommission> openCommissions(Viewer viewer, Set<TeamId> tree) {
		List<OpenCommission> result = new ArrayList<>();
		for (Commission c : commissions.openOfTeams(tree, LIMIT)) {
			result.add(new OpenCommission(c.id().value(), c.problem(), c.waitingForFunding()
					? "Commission waiting for L&D to fund it" : "Commission for " + c.authorName(), c.dueOn(),
					"/commissions/" + c.id().value()));
		}
		for (LearningNeed n : learningNeeds.openOfTeams(viewer, tree, LIMIT - result.size())) {
			result.add(new OpenCommission(n.id().value(), n.what(), "Learning need · " + n.voices()
					+ (n.voices() == 1 ? " voice" : " voices"), null, "/learning-needs/" + n.id().value()));
		}
		return result;
	}

	/**
	 * Learning hours planned against used this period, per team of the tree that has a period today (at most
	 * {@link #LIMIT} teams), each linking to its planning page.
	 */
	public List<PlannedHours> plannedHours(Viewer viewer, Set<TeamId> tree) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		Map<TeamId, String> names = new HashMap<>();
		organization.allTeams().forEach(t -> names.put(t.id(), t.name()));
		List<PlannedHours> result = new ArrayList<>();
		// the totals alone: the full plan of each period (every person's committed time) made a division's home slow
		for (LearningHours.Totals totals : learningHours.totals(
				hoursRows.current(tree.stream().map(TeamId::value).toList(), today, LIMIT))) {
			var period = totals.period();
			TeamId team = new TeamId(period.teamId());
			double used = Math.round(totals.usedMinutes() / 6.0) / 10.0;
			result.add(new PlannedHours(team, names.getOrDefault(team, ""), period.name(),
					totals.allocatedHours().doubleValue(), used,
					"/teams/" + period.teamId() + "/learning-hours?period=" + period.id()));
		}
		result.sort(Comparator.comparing(PlannedHours::teamName));
		return result;
	}

	/**
	 * The courses of the home's teams that need attention: a manager's across their teams and the courses they wrote;
	 * one team's when the home is of one ({@code ?team=}), and for admins and L&D the teams shown (every course of
	 * the organization is theirs on the analytics pages, and reading them all made their home slow).
	 */
	private List<CourseAttention> courses(Viewer viewer, List<TeamRef> only, List<TeamRef> shown) {
		List<NeedsAttentionReport> reports = new ArrayList<>();
		if (only == null && !viewer.isAdmin() && !learningTeam.includes(viewer)) {
			reports.add(needsAttention.across(viewer));
		}
		else {
			for (TeamRef team : only != null ? only : shown) {
				reports.add(needsAttention.ofTeam(viewer, team.id()));
			}
		}
		Map<String, CourseAttention> result = new LinkedHashMap<>();
		for (NeedsAttentionReport report : reports) {
			for (CourseAttention c : courses(report)) {
				result.putIfAbsent(c.courseId().value() + "/" + c.reason(), c);
			}
		}
		return List.copyOf(result.values());
	}

	private static List<CourseAttention> courses(NeedsAttentionReport report) {
		List<CourseAttention> result = new ArrayList<>();
		report.weakCourses().items().forEach(w -> result.add(attention(w.courseId(), w.courseTitle(),
				"Learners react negatively: score " + w.reactionScore() + " from " + w.reactions() + " reactions")));
		report.unclearLessons().items().forEach(u -> result.add(attention(u.courseId(), u.courseTitle(),
				"“" + u.lessonTitle() + "” found unclear or outdated " + u.negative() + " of " + u.reactions() + " times")));
		report.dropOffLessons().items().forEach(d -> result.add(attention(d.courseId(), d.courseTitle(),
				Math.round(d.dropOff() * 100) + "% of learners stop before “" + d.lessonTitle() + "”")));
		report.missedQuestions().items().forEach(q -> result.add(attention(q.courseId(), q.courseTitle(),
				"Most answers wrong (" + Math.round(q.shareRight() * 100) + "% right): “" + q.prompt() + "”")));
		return result;
	}

	private static CourseAttention attention(CourseId course, String title, String reason) {
		return new CourseAttention(course, title, reason, "/courses/" + course.value() + "/analytics");
	}

	private List<Indicator> indicators(Viewer viewer, Set<TeamId> tree, Map<TeamId, Team> teams) {
		List<Indicator> result = new ArrayList<>();
		for (Outcomes.Recent recent : outcomes.recent(viewer, tree, 2, MAX_INDICATORS)) {
			OutcomeMetric m = recent.metric();
			List<Map.Entry<LocalDate, Double>> values = new ArrayList<>(recent.values().entrySet());
			Map.Entry<LocalDate, Double> latest = values.isEmpty() ? null : values.get(values.size() - 1);
			Map.Entry<LocalDate, Double> previous = values.size() < 2 ? null : values.get(values.size() - 2);
			String trend;
			String text;
			if (latest == null) {
				trend = "NO_VALUES";
				text = "No values yet: enter the first one";
			}
			else if (previous == null) {
				trend = "ONE_VALUE";
				text = number(latest.getValue()) + " in the " + m.granularity().noun() + " of " + latest.getKey()
						+ "; the trend shows from the second value";
			}
			else {
				double change = latest.getValue() - previous.getValue();
				boolean better = m.direction() == OutcomeMetric.Direction.HIGHER_IS_BETTER ? change > 0 : change < 0;
				trend = change == 0 ? "STEADY" : better ? "IMPROVING" : "WORSENING";
				text = (change == 0 ? "Steady at " + number(latest.getValue())
						: (change > 0 ? "Up" : "Down") + " from " + number(previous.getValue()) + " to "
								+ number(latest.getValue()) + (better ? " (better)" : " (worse)"))
						+ " in the " + m.granularity().noun() + " of " + latest.getKey();
			}
			Team team = teams.get(m.teamId());
			result.add(new Indicator(m.id(), m.teamId(), team == null ? "" : team.name(), m.name(), m.unit(),
					latest == null ? null : latest.getValue(), latest == null ? null : latest.getKey(),
					previous == null ? null : previous.getValue(), trend, text, "/outcomes/" + m.id()));
		}
		return result;
	}

	private NextRitual nextRitual(Set<TeamId> tree, Map<TeamId, Team> teams, Map<CapabilityId, String> capabilityNames,
			LocalDate today) {
		Instant now = clock.instant();
		List<RitualSchedule.Occurrence> upcoming = schedule.between(tree, now, now.plus(RITUAL_DAYS_AHEAD, ChronoUnit.DAYS));
		if (upcoming.isEmpty()) {
			return null;
		}
		RitualSchedule.Occurrence next = upcoming.get(0);
		List<HomeRows.OpenIntervention> open = rows.openOfRitual(next.team().value(), next.ritual().value(),
				MAX_INTERVENTIONS);
		// at most a few names the coverage did not bring, read one by one
		Map<CapabilityId, String> names = new LinkedHashMap<>(capabilityNames);
		open.stream().map(i -> new CapabilityId(i.capabilityId())).distinct().filter(id -> !names.containsKey(id))
			.forEach(id -> names.put(id, capabilities.capability(id).map(c -> c.name()).orElse("A retired capability")));
		Map<PersonId, Organization.Credit> owners = organization.credits(
				open.stream().map(i -> new PersonId(i.ownerId())).distinct().toList());
		List<OpenIntervention> items = open.stream().map(i -> {
			InterventionKind kind = InterventionKind.valueOf(i.kind());
			PersonId owner = new PersonId(i.ownerId());
			Organization.Credit credit = owners.get(owner);
			CapabilityId capability = new CapabilityId(i.capabilityId());
			return new OpenIntervention(new InterventionId(i.id()), new SessionId(i.sessionId()), kind.name(),
					kind.label(), capability, names.get(capability), owner, credit == null ? "" : credit.name(), i.dueOn(),
					i.dueOn().isBefore(today), i.description(), "/sessions/" + i.sessionId());
		}).toList();
		Team team = teams.get(next.team());
		String link = next.session() != null ? "/sessions/" + next.session().value()
				: "/teams/" + next.team().value() + "/rituals";
		return new NextRitual(next.ritual(), next.team(), team == null ? "" : team.name(), next.name(),
				next.kind().name(), next.kind().label(), next.startsAt(), next.durationMinutes(), next.session(), link,
				items);
	}

	private static boolean hasManagedAncestor(TeamId id, Set<TeamId> managed, Map<TeamId, Team> teams) {
		Set<TeamId> seen = new HashSet<>();
		Team team = teams.get(id);
		for (TeamId up = team == null ? null : team.parentId(); up != null && seen.add(up);
				up = teams.containsKey(up) ? teams.get(up).parentId() : null) {
			if (managed.contains(up)) {
				return true;
			}
		}
		return false;
	}

	private static int rank(String status) {
		return switch (status) {
			case "SHORT" -> 0;
			case "AT_RISK" -> 1;
			default -> 2;
		};
	}

	private static String number(double value) {
		return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
				: String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
	}

	private static <T> List<T> cut(List<T> all) {
		return List.copyOf(all.subList(0, Math.min(LIMIT, all.size())));
	}
}
