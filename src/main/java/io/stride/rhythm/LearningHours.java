package io.stride.rhythm;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.activity.LearningTime;
import io.stride.authoring.CourseEstimates;
import io.stride.authoring.CourseId;
import io.stride.capability.CapabilityId;
import io.stride.capability.LearningTeam;
import io.stride.cycles.CycleFacts;
import io.stride.delivery.Delivery;
import io.stride.delivery.TeamProgressRow;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.internal.HoursRows;
import io.stride.rhythm.internal.HoursRows.PeriodRow;
import io.stride.rhythm.internal.TeamLocks;
import io.stride.shared.ConflictException;
import io.stride.shared.ControlCharacters;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learning hours in planning: a team's periods (a sprint or a month; a team's periods never overlap), the hours of
 * learning each person of the team tree is given in a period, and against them the time their learning asks for and
 * the time they spent ({@link HoursPlan.PersonHours}). Managers act on their team tree, L&D and admins on every team;
 * everyone else gets 404. Figures are read one query per kind for the whole team, never per person.
 */
@Service
@Transactional
public class LearningHours {

	public static final int MAX_NAME = 60;

	/** A sprint or a month: a period lasts at most this many days. */
	public static final int MAX_DAYS = 92;

	/** At most this many people's hours in one save. */
	public static final int MAX_ALLOCATIONS = 2000;

	public static final String CONFLICT_MESSAGE = "This period's hours were saved elsewhere (another tab or person) "
			+ "after you opened them. Reload to see the change, then save yours again.";

	/** A period as typed: dates as YYYY-MM-DD. */
	public record PeriodDraft(String name, String startsOn, String endsOn) {
	}

	/** A person's hours as typed; blank hours take back the hours given. */
	public record Allocation(String personId, String hours) {
	}

	private final HoursRows rows;

	private final Organization organization;

	private final LearningTeam learningTeam;

	private final Delivery delivery;

	private final CycleFacts cycles;

	private final CourseEstimates estimates;

	private final LearningTime learningTime;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TeamLocks locks;

	LearningHours(HoursRows rows, Organization organization, LearningTeam learningTeam, Delivery delivery,
			CycleFacts cycles, CourseEstimates estimates, LearningTime learningTime, ApplicationEventPublisher events,
			Clock clock, TeamLocks locks) {
		this.locks = locks;
		this.events = events;
		this.rows = rows;
		this.organization = organization;
		this.learningTeam = learningTeam;
		this.delivery = delivery;
		this.cycles = cycles;
		this.estimates = estimates;
		this.learningTime = learningTime;
		this.clock = clock;
	}

	/** Whether the viewer plans this team's learning hours: its managers (and those above), L&D and admins. */
	@Transactional(readOnly = true)
	public boolean mayPlan(Viewer viewer, TeamId team) {
		return organization.canManage(viewer, team) || learningTeam.includes(viewer);
	}

	/** The team's periods, latest first. */
	@Transactional(readOnly = true)
	public List<LearningPeriod> periods(Viewer viewer, TeamId teamId) {
		team(viewer, teamId);
		return rows.periods(teamId.value()).stream().map(LearningHours::period).toList();
	}

	/** One of the team's periods (404 for another team's). */
	@Transactional(readOnly = true)
	public LearningPeriod period(Viewer viewer, TeamId teamId, String periodId) {
		team(viewer, teamId);
		return period(own(teamId, periodId));
	}

	/**
	 * Adds a period to the team. 422 at the field for a blank or long name, a missing or reversed date, a period over
	 * {@link #MAX_DAYS} days, or one that shares a day with another of the team's periods.
	 */
	public LearningPeriod createPeriod(Viewer viewer, TeamId teamId, PeriodDraft draft) {
		team(viewer, teamId);
		// the overlap check holds under concurrent requests: a second one waits here for the first to commit
		locks.lock(teamId.value(), TeamLocks.Rule.LEARNING_PERIODS);
		Checked checked = check(teamId, draft, null, "The period was not added.");
		String id = Ids.newId();
		rows.insertPeriod(new PeriodRow(id, teamId.value(), checked.name(), checked.startsOn(), checked.endsOn(), 1),
				viewer.id().value(), clock.instant());
		return period(own(teamId, id));
	}

	/**
	 * Changes a period's name and dates; 409 when someone saved it (or its hours) after {@code revision}; 422 as for
	 * {@link #createPeriod}, and at {@code endsOn} when someone's hours would exceed the shorter period's length.
	 */
	public LearningPeriod changePeriod(Viewer viewer, TeamId teamId, String periodId, Integer revision,
			PeriodDraft draft) {
		team(viewer, teamId);
		PeriodRow row = own(teamId, periodId);
		if (revision == null) {
			throw new InvalidInputException("revision", "Give the revision you read, e.g. " + row.revision() + ".");
		}
		locks.lock(teamId.value(), TeamLocks.Rule.LEARNING_PERIODS);
		Checked checked = check(teamId, draft, row.id(), "The period was not saved.");
		BigDecimal most = rows.mostHours(row.id());
		BigDecimal max = BigDecimal.valueOf((long) LearningPeriod.workingDays(checked.startsOn(), checked.endsOn())
				* LearningPeriod.HOURS_PER_DAY);
		if (most.compareTo(max) > 0) {
			throw new InvalidInputException("endsOn", "Someone has " + most.stripTrailingZeros().toPlainString()
					+ " hours in this period, more than the " + max + " working hours the new dates give; lower their "
					+ "hours first.");
		}
		if (!rows.updatePeriod(row.id(), revision, checked.name(), checked.startsOn(), checked.endsOn(),
				clock.instant())) {
			throw new ConflictException(CONFLICT_MESSAGE, Map.of("revision", row.revision()));
		}
		return period(own(teamId, periodId));
	}

	/** Removes a period with the hours given in it. */
	public void deletePeriod(Viewer viewer, TeamId teamId, String periodId) {
		team(viewer, teamId);
		rows.deletePeriod(own(teamId, periodId).id());
	}

	/**
	 * The team's hours in a period (its id; when null the one today falls in, else the last one ended, else the first
	 * to come); a plan without period or people when the team has no period yet.
	 */
	@Transactional(readOnly = true)
	public HoursPlan plan(Viewer viewer, TeamId teamId, String periodId) {
		Team team = team(viewer, teamId);
		List<LearningPeriod> periods = rows.periods(teamId.value()).stream().map(LearningHours::period).toList();
		LearningPeriod shown;
		if (periodId == null || periodId.isBlank()) {
			shown = current(periods).orElse(null);
		}
		else {
			shown = periods.stream()
				.filter(p -> p.id().equals(periodId.strip()))
				.findFirst()
				.orElseThrow(() -> new NotFoundException("Period"));
		}
		if (shown == null) {
			return new HoursPlan(team, null, periods, List.of());
		}
		return new HoursPlan(team, shown, periods, figures(teamId, shown));
	}

	/** A period's hours given to the people of its team tree and the minutes they used ({@link HoursPlan}'s sums). */
	public record Totals(PeriodRow period, BigDecimal allocatedHours, int usedMinutes) {
	}

	/**
	 * The totals of these periods for the manager's home: what {@link #plan} sums up for each, without the time the
	 * people's learning asks for (which reads their assignments, progress and goals). The hours given in one query
	 * for every period, the time used in two per distinct span of days; checks no viewer (the home reads only the
	 * viewer's own tree).
	 */
	@Transactional(readOnly = true)
	public List<Totals> totals(List<PeriodRow> periods) {
		if (periods.isEmpty()) {
			return List.of();
		}
		Map<String, Map<String, BigDecimal>> given = rows.hours(periods.stream().map(PeriodRow::id).toList());
		// the people of the topmost teams read once: a division's period holds those of its teams' periods
		Set<TeamId> teams = new LinkedHashSet<>();
		periods.forEach(p -> teams.add(new TeamId(p.teamId())));
		List<Person> everyone = new ArrayList<>();
		Set<PersonId> read = new HashSet<>();
		for (TeamId team : teams) {
			boolean below = organization.withAncestors(Set.of(team))
				.stream()
				.anyMatch(t -> !t.equals(team) && teams.contains(t));
			if (!below) {
				organization.membersOfTeamTree(team).stream().filter(p -> read.add(p.id())).forEach(everyone::add);
			}
		}
		Map<PeriodRow, List<PersonId>> members = new LinkedHashMap<>();
		// periods of the same days (a team's months, a division's sprints) read the time used together
		Map<List<LocalDate>, Set<PersonId>> spans = new LinkedHashMap<>();
		for (PeriodRow period : periods) {
			Set<TeamId> tree = organization.withDescendants(Set.of(new TeamId(period.teamId())));
			List<PersonId> ids = everyone.stream()
				.filter(p -> p.teamIds().stream().anyMatch(tree::contains))
				.map(Person::id)
				.toList();
			members.put(period, ids);
			spans.computeIfAbsent(List.of(period.startsOn(), period.endsOn()), k -> new LinkedHashSet<>()).addAll(ids);
		}
		Map<List<LocalDate>, Map<PersonId, Integer>> used = new HashMap<>();
		spans.forEach((span, people) -> {
			Instant start = span.get(0).atStartOfDay(ZoneOffset.UTC).toInstant();
			Instant end = span.get(1).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
			Map<PersonId, LearningTime.Spent> spent = learningTime.of(people, start, end);
			Map<PersonId, Integer> logged = cycles.minutesLogged(people, start, end);
			Map<PersonId, Integer> minutes = new HashMap<>();
			for (PersonId p : people) {
				LearningTime.Spent time = spent.getOrDefault(p, LearningTime.Spent.NONE);
				minutes.put(p, roundedMinutes(time.lessons()) + roundedMinutes(time.quizzes())
						+ logged.getOrDefault(p, 0));
			}
			used.put(span, minutes);
		});
		List<Totals> result = new ArrayList<>();
		members.forEach((period, ids) -> {
			Map<String, BigDecimal> hours = given.getOrDefault(period.id(), Map.of());
			Map<PersonId, Integer> minutes = used.get(List.of(period.startsOn(), period.endsOn()));
			BigDecimal allocated = BigDecimal.ZERO;
			int usedMinutes = 0;
			for (PersonId p : ids) {
				allocated = allocated.add(hours.getOrDefault(p.value(), BigDecimal.ZERO));
				usedMinutes += minutes.getOrDefault(p, 0);
			}
			result.add(new Totals(period, allocated, usedMinutes));
		});
		return result;
	}

	/**
	 * Sets the hours of these people of the team tree in the period, all or none; 409 when someone saved the period
	 * after {@code revision}; 422 at {@code allocations[i].hours} for hours that are not a number, below 0, above
	 * the period's working hours or with more than one decimal, and at {@code allocations[i].personId} for someone
	 * outside the team tree.
	 */
	public HoursPlan allocate(Viewer viewer, TeamId teamId, String periodId, Integer revision,
			List<Allocation> allocations) {
		team(viewer, teamId);
		PeriodRow row = own(teamId, periodId);
		LearningPeriod period = period(row);
		if (revision == null) {
			throw new InvalidInputException("revision", "Give the revision you read, e.g. " + row.revision() + ".");
		}
		if (allocations == null || allocations.isEmpty()) {
			throw new InvalidInputException("allocations", "Give the hours of at least one person.");
		}
		if (allocations.size() > MAX_ALLOCATIONS) {
			throw new InvalidInputException("allocations", "Give at most " + MAX_ALLOCATIONS + " people's hours at once.");
		}
		Set<String> members = new HashSet<>();
		organization.membersOfTeamTree(teamId).forEach(p -> members.add(p.id().value()));
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, BigDecimal> hours = new LinkedHashMap<>();
		for (int i = 0; i < allocations.size(); i++) {
			Allocation a = allocations.get(i);
			String field = "allocations[" + i + "]";
			String person = a == null || a.personId() == null ? "" : a.personId().strip();
			if (!members.contains(person)) {
				errors.put(field + ".personId", "Give hours only to people of this team (or the teams below it).");
				continue;
			}
			String message = hoursProblem(a.hours(), period);
			if (message != null) {
				errors.put(field + ".hours", message);
				continue;
			}
			hours.put(person, a.hours() == null || a.hours().isBlank() ? null : new BigDecimal(a.hours().strip()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The hours were not saved.", errors);
		}
		Instant now = clock.instant();
		if (!rows.touchPeriod(row.id(), revision, now)) {
			throw new ConflictException(CONFLICT_MESSAGE, Map.of("revision", row.revision()));
		}
		Map<String, BigDecimal> before = rows.hours(row.id());
		hours.forEach((person, h) -> {
			rows.setHours(row.id(), person, h, viewer.id().value(), now);
			BigDecimal was = before.get(person);
			if (was == null ? h != null : h == null || was.compareTo(h) != 0) {
				events.publishEvent(new HoursAllocated(row.id(), row.name(), row.startsOn(), row.endsOn(), teamId,
						new PersonId(person), was, h, null, null, viewer.id()));
			}
		});
		return plan(viewer, teamId, row.id());
	}

	/** What an intervention's hours did: the period they went into and the person's hours there before and after. */
	record Added(LearningPeriod period, PersonId person, BigDecimal before, BigDecimal after) {
	}

	/**
	 * Adds an ALLOCATE_HOURS intervention's hours to the person's hours in the team's period that holds {@code day},
	 * else in the one today falls in, by planning's rules: 422 at {@code field} when the team has neither period, or
	 * when the person's hours there would go above the period's working hours. It counts as a save of the period (a
	 * plan opened before it is stale), which also makes concurrent additions wait for each other. Callers have checked
	 * that the viewer acts on the team and that the person is of its tree.
	 */
	Added addForIntervention(Viewer viewer, TeamId teamId, PersonId person, String personName, BigDecimal hours,
			LocalDate day, InterventionId intervention, CapabilityId capability, String field) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		List<PeriodRow> periods = rows.periods(teamId.value());
		PeriodRow row = periods.stream()
			.filter(p -> period(p).includes(day))
			.findFirst()
			.or(() -> periods.stream().filter(p -> period(p).includes(today)).findFirst())
			.orElseThrow(() -> new InvalidInputException(field, "The team has no learning period on " + day
					+ " (the due date) nor today (" + today + "); add the period in learning hours first, then "
					+ "allocate the hours."));
		LearningPeriod period = period(row);
		Instant now = clock.instant();
		rows.touchPeriod(row.id(), now);
		BigDecimal before = rows.hours(row.id(), person.value()).orElse(null);
		BigDecimal after = (before == null ? BigDecimal.ZERO : before).add(hours);
		if (after.compareTo(period.maxHours()) > 0) {
			throw new InvalidInputException(field, "At most " + period.maxHours() + " hours: “" + period.name()
					+ "” has " + period.workingDays() + " working days (Monday to Friday) of "
					+ LearningPeriod.HOURS_PER_DAY + " hours, and " + personName + " has "
					+ (before == null ? "0" : before.stripTrailingZeros().toPlainString()) + " hours there already.");
		}
		rows.setHours(row.id(), person.value(), after, viewer.id().value(), now);
		events.publishEvent(new HoursAllocated(row.id(), row.name(), row.startsOn(), row.endsOn(), teamId, person,
				before, after, intervention, capability, viewer.id()));
		return new Added(period, person, before, after);
	}

	/**
	 * Takes back hours an intervention added to a person's hours in a period (when it is deleted or its hours change):
	 * what is left of them, never below 0; nothing when the period is gone.
	 */
	void takeBack(Viewer viewer, TeamId teamId, String periodId, PersonId person, BigDecimal hours,
			InterventionId intervention, CapabilityId capability) {
		PeriodRow row = periodId == null ? null
				: rows.period(periodId).filter(p -> p.teamId().equals(teamId.value())).orElse(null);
		if (row == null) {
			return;
		}
		Instant now = clock.instant();
		rows.touchPeriod(row.id(), now);
		BigDecimal before = rows.hours(row.id(), person.value()).orElse(null);
		if (before == null || before.signum() == 0) {
			return;
		}
		BigDecimal left = before.subtract(hours).max(BigDecimal.ZERO);
		BigDecimal after = left.signum() == 0 ? null : left;
		rows.setHours(row.id(), person.value(), after, viewer.id().value(), now);
		events.publishEvent(new HoursAllocated(row.id(), row.name(), row.startsOn(), row.endsOn(), teamId, person,
				before, after, intervention, capability, viewer.id()));
	}

	/** What is wrong with hours as typed for the period, or null when they are fine (blank: none given). */
	static String hoursProblem(String text, LearningPeriod period) {
		if (text == null || text.isBlank()) {
			return null;
		}
		BigDecimal hours;
		try {
			hours = new BigDecimal(text.strip());
		}
		catch (NumberFormatException e) {
			return "Give hours as a number, e.g. 6 or 7.5.";
		}
		if (hours.signum() < 0) {
			return "Hours cannot be below 0.";
		}
		if (hours.compareTo(period.maxHours()) > 0) {
			return "At most " + period.maxHours() + " hours: “" + period.name() + "” has " + period.workingDays()
					+ " working days (Monday to Friday) of " + LearningPeriod.HOURS_PER_DAY + " hours.";
		}
		if (hours.stripTrailingZeros().scale() > 1) {
			return "Give hours to one decimal at most, e.g. 7.5.";
		}
		return null;
	}

	private List<HoursPlan.PersonHours> figures(TeamId teamId, LearningPeriod period) {
		List<Person> members = organization.membersOfTeamTree(teamId);
		List<PersonId> ids = members.stream().map(Person::id).toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		// assigned courses not done that are due in or before the period, or have no due date
		Map<PersonId, Set<CourseId>> assigned = new HashMap<>();
		for (TeamProgressRow row : delivery.progressOfTeamTree(teamId)) {
			boolean due = row.dueDate() == null || !row.dueDate().isAfter(period.endsOn());
			if (due && !row.status().isDone(row.hasQuiz())) {
				assigned.computeIfAbsent(row.personId(), k -> new LinkedHashSet<>()).add(row.courseId());
			}
		}
		// courses of active contracts' goals not done yet, unless assigned already (a course counts once)
		Map<PersonId, Set<CourseId>> done = delivery.doneBy(ids);
		Map<PersonId, Set<CourseId>> goals = new HashMap<>();
		for (CycleFacts.GoalCourse g : cycles.goalCourses(ids, period.startsOn(), period.endsOn())) {
			if (!done.getOrDefault(g.person(), Set.of()).contains(g.course())
					&& !assigned.getOrDefault(g.person(), Set.of()).contains(g.course())) {
				goals.computeIfAbsent(g.person(), k -> new LinkedHashSet<>()).add(g.course());
			}
		}
		Set<CourseId> courses = new HashSet<>();
		assigned.values().forEach(courses::addAll);
		goals.values().forEach(courses::addAll);
		Map<CourseId, CourseEstimates.Estimate> minutes = estimates.of(courses);
		Instant start = period.startsOn().atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = period.endsOn().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Map<PersonId, LearningTime.Spent> spent = learningTime.of(ids, start, end);
		Map<PersonId, Integer> logged = cycles.minutesLogged(ids, start, end);
		Map<String, BigDecimal> given = rows.hours(period.id());
		List<HoursPlan.PersonHours> result = new ArrayList<>();
		for (Person p : members) {
			Set<CourseId> own = assigned.getOrDefault(p.id(), Set.of());
			Set<CourseId> chosen = goals.getOrDefault(p.id(), Set.of());
			LearningTime.Spent time = spent.getOrDefault(p.id(), LearningTime.Spent.NONE);
			result.add(new HoursPlan.PersonHours(p.id(), p.name(), p.email(), given.get(p.id().value()),
					sum(own, minutes), own.size(), sum(chosen, minutes), chosen.size(), roundedMinutes(time.lessons()),
					roundedMinutes(time.quizzes()), logged.getOrDefault(p.id(), 0)));
		}
		result.sort(Comparator.comparing(HoursPlan.PersonHours::name, String.CASE_INSENSITIVE_ORDER)
			.thenComparing(h -> h.person().value()));
		return result;
	}

	private static int sum(Set<CourseId> courses, Map<CourseId, CourseEstimates.Estimate> minutes) {
		return courses.stream().mapToInt(c -> minutes.containsKey(c) ? minutes.get(c).minutes() : 0).sum();
	}

	private static int roundedMinutes(Duration d) {
		return (int) ((d.toSeconds() + 30) / 60);
	}

	private record Checked(String name, LocalDate startsOn, LocalDate endsOn) {
	}

	private Checked check(TeamId teamId, PeriodDraft draft, String except, String message) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = draft == null || draft.name() == null ? "" : draft.name().strip();
		if (name.isEmpty()) {
			errors.put("name", "Name the period, e.g. “Sprint 14” or “January”.");
		}
		else if (name.length() > MAX_NAME) {
			errors.put("name", "Keep the name to " + MAX_NAME + " characters (it has " + name.length() + ").");
		}
		else if (ControlCharacters.in(name)) {
			errors.put("name", ControlCharacters.MESSAGE);
		}
		LocalDate start = day(draft == null ? null : draft.startsOn(), "startsOn", "Give the period's first day.", errors);
		LocalDate end = day(draft == null ? null : draft.endsOn(), "endsOn", "Give the period's last day.", errors);
		if (start != null && end != null) {
			if (end.isBefore(start)) {
				errors.put("endsOn", "The last day comes on or after the first day (" + start + ").");
			}
			else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
				errors.put("endsOn", "A period is a sprint or a month: at most " + MAX_DAYS + " days.");
			}
			else {
				rows.overlapping(teamId.value(), start, end, except).stream().findFirst().ifPresent(other -> errors
					.put("startsOn", "These dates overlap “" + other.name() + "” (" + other.startsOn() + " to "
							+ other.endsOn() + "); a team's periods do not overlap."));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(message, errors);
		}
		return new Checked(name, start, end);
	}

	private static LocalDate day(String text, String field, String missing, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			errors.put(field, missing);
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			errors.put(field, "Give a date as YYYY-MM-DD, e.g. 2027-01-04.");
			return null;
		}
	}

	private Optional<LearningPeriod> current(List<LearningPeriod> periods) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		Optional<LearningPeriod> now = periods.stream().filter(p -> p.includes(today)).findFirst();
		if (now.isPresent()) {
			return now;
		}
		Optional<LearningPeriod> ended = periods.stream()
			.filter(p -> p.endsOn().isBefore(today))
			.max(Comparator.comparing(LearningPeriod::endsOn));
		return ended.isPresent() ? ended : periods.stream().min(Comparator.comparing(LearningPeriod::startsOn));
	}

	private Team team(Viewer viewer, TeamId teamId) {
		if (teamId == null || !mayPlan(viewer, teamId)) {
			throw new NotFoundException("Team");
		}
		return organization.allTeams()
			.stream()
			.filter(t -> t.id().equals(teamId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Team"));
	}

	private PeriodRow own(TeamId teamId, String periodId) {
		return rows.period(periodId == null ? "" : periodId.strip())
			.filter(p -> p.teamId().equals(teamId.value()))
			.orElseThrow(() -> new NotFoundException("Period"));
	}

	private static LearningPeriod period(PeriodRow r) {
		return new LearningPeriod(r.id(), new TeamId(r.teamId()), r.name(), r.startsOn(), r.endsOn(), r.revision());
	}
}
