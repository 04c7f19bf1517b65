package io.stride.cycles;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stride.authoring.CourseId;
import io.stride.cycles.internal.CycleFactsRows;
import io.stride.identity.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The raw facts of learning cycles for figures across many people: which cycles ran when, what their goals serve,
 * the help asked for and offered, and validation requests with when they were asked and answered. No contract text
 * and no names: only what counting needs. It checks no viewer: callers (analytics) decide whose facts a person may
 * count, and show only totals.
 */
@Service
@Transactional(readOnly = true)
public class CycleFacts {

	/**
	 * A cycle's span: active from {@code startsOn} to {@code endsOn} (both included), or until the day it was closed
	 * ({@code closedOn}, UTC; a cycle closed on a day counts as active that day).
	 */
	public record Span(CycleId id, PersonId person, LocalDate startsOn, LocalDate endsOn, LocalDate closedOn) {

		/** Whether the cycle was active on the day. */
		public boolean activeOn(LocalDate day) {
			return !day.isBefore(startsOn) && !day.isAfter(lastDay());
		}

		/** Whether the cycle was active on at least one day from {@code from} to {@code to}. */
		public boolean ranDuring(LocalDate from, LocalDate to) {
			return !startsOn.isAfter(to) && !lastDay().isBefore(from);
		}

		/** The last day the cycle was active: its end, or the day it was closed when that came first. */
		public LocalDate lastDay() {
			return closedOn != null && closedOn.isBefore(endsOn) ? closedOn : endsOn;
		}
	}

	/**
	 * A goal of a cycle (removed goals are left out): what it serves (a goal may serve several) and whether it asks
	 * for help. A help request is a goal looking for help or one that got an offer; it is answered by its first offer
	 * (offers withdrawn since do not count).
	 */
	public record GoalFact(GoalId id, CycleId cycle, PersonId person, boolean servesOrganization, boolean servesTeam,
			boolean servesSelf, boolean lookingForHelp, int offers, Instant firstOfferAt) {

		public boolean asksForHelp() {
			return lookingForHelp || offers > 0;
		}
	}

	/** A validation request: {@code status} REQUESTED, VALIDATED, NOT_YET or DECLINED; answeredAt null while open. */
	public record ValidationFact(String id, GoalId goal, PersonId requester, PersonId validator, String status,
			Instant createdAt, Instant answeredAt) {

		/** Answered VALIDATED or NOT_YET: a validation given (declining is not one). */
		public boolean given() {
			return answeredAt != null && ("VALIDATED".equals(status) || "NOT_YET".equals(status));
		}
	}

	/** The facts of a group of people over a period. */
	public record Facts(List<Span> cycles, List<GoalFact> goals, List<ValidationFact> validations) {
	}

	private final CycleFactsRows rows;

	CycleFacts(CycleFactsRows rows) {
		this.rows = rows;
	}

	/**
	 * The facts of these people (everyone when null) from {@code from} to {@code to} (whole UTC days, both included):
	 * the cycles active on at least one of these days with their goals, and the validation requests asked by or of
	 * them that were open on one of these days or answered in them.
	 */
	public Facts of(Collection<PersonId> people, LocalDate from, LocalDate to) {
		List<String> ids = people == null ? null : people.stream().map(PersonId::value).distinct().toList();
		if (ids != null && ids.isEmpty()) {
			return new Facts(List.of(), List.of(), List.of());
		}
		List<Span> cycles = rows.cycles(ids, from, to)
			.stream()
			.map(c -> new Span(new CycleId(c.id()), new PersonId(c.personId()), c.startsOn(), c.endsOn(),
					c.closedAt() == null ? null : LocalDate.ofInstant(c.closedAt(), ZoneOffset.UTC)))
			.filter(s -> s.ranDuring(from, to))
			.toList();
		List<GoalFact> goals = rows.goals(cycles.stream().map(s -> s.id().value()).toList())
			.stream()
			.map(g -> new GoalFact(new GoalId(g.id()), new CycleId(g.cycleId()), new PersonId(g.personId()),
					g.servesOrganization(), g.servesTeam(), g.servesSelf(), g.lookingForHelp(), g.offers(),
					g.firstOfferAt()))
			.toList();
		Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		List<ValidationFact> validations = rows.validations(ids, start, end)
			.stream()
			.map(v -> new ValidationFact(v.id(), new GoalId(v.goalId()), new PersonId(v.requesterId()),
					new PersonId(v.validatorId()), v.status(), v.createdAt(), v.answeredAt()))
			.toList();
		return new Facts(cycles, goals, validations);
	}

	/** A course a person's contract names: a goal of an active cycle takes it. */
	public record GoalCourse(PersonId person, GoalId goal, CourseId course) {
	}

	/**
	 * The courses the goals (not removed) of these people's active cycles take, for cycles that run on at least one
	 * day from {@code from} to {@code to} (both included).
	 */
	public List<GoalCourse> goalCourses(Collection<PersonId> people, LocalDate from, LocalDate to) {
		return rows.goalCourses(people.stream().map(PersonId::value).distinct().toList(), from, to)
			.stream()
			.map(r -> new GoalCourse(new PersonId(r.personId()), new GoalId(r.goalId()),
					new CourseId(r.courseId())))
			.toList();
	}

	/** The minutes each of these people logged on their goals in check-ins from {@code start} (inclusive) to {@code end}. */
	public Map<PersonId, Integer> minutesLogged(Collection<PersonId> people, Instant start, Instant end) {
		Map<PersonId, Integer> result = new HashMap<>();
		rows.minutesLogged(people.stream().map(PersonId::value).distinct().toList(), start, end)
			.forEach((person, minutes) -> result.put(new PersonId(person), minutes));
		return result;
	}
}
