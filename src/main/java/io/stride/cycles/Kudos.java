package io.stride.cycles;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.cycles.internal.CycleRows;
import io.stride.cycles.internal.KudosRows;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.ControlCharacters;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Kudos: anyone thanks anyone for help with learning or for a course that helped. A thank-you is seen by its
 * recipient, their managers and admins; managers also see their team tree's feed.
 */
@Service
@Transactional
public class Kudos {

	public static final int MAX_MESSAGE = 500;

	/** Enough to thank everyone who helped in a day, too few to flood a colleague's profile or notifications. */
	public static final int MAX_PER_DAY = 20;

	public static final int PAGE_SIZE = 50;

	/** One page of kudos, newest first; {@code page} counts from 1. */
	public record Page(List<Thanks> items, int page, boolean hasMore) {
	}

	private final KudosRows rows;

	private final CycleRows cycles;

	private final Organization organization;

	private final Authoring authoring;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Kudos(KudosRows rows, CycleRows cycles, Organization organization, Authoring authoring,
			ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.cycles = cycles;
		this.organization = organization;
		this.authoring = authoring;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The viewer thanks {@code to}, optionally for a published course. 422 at the field for thanking oneself, an
	 * unknown or inactive recipient, a missing, too long or control-character message, or a course not published;
	 * 422 without a field once the viewer gave {@link #MAX_PER_DAY} today (UTC).
	 */
	public Thanks give(Viewer viewer, PersonId to, String message, CourseId courseId) {
		return give(viewer, to, message, courseId, null);
	}

	/**
	 * As {@link #give(Viewer, PersonId, String, CourseId)}, for help with one of the viewer's own goals
	 * ({@code goalId}, optional): 422 at {@code goalId} for a goal that is not the viewer's. Only one's own goal: a
	 * thank-you is read by the recipient's managers, who may not read someone else's contract.
	 */
	public Thanks give(Viewer viewer, PersonId to, String message, CourseId courseId, GoalId goalId) {
		Map<String, String> errors = new LinkedHashMap<>();
		Person recipient = null;
		if (to == null) {
			errors.put("to", "Choose whom to thank.");
		}
		else if (viewer.is(to)) {
			errors.put("to", "Thank someone else: kudos cannot go to yourself.");
		}
		else {
			recipient = (Ids.looksValid(to.value()) ? organization.contactOf(to) : Optional.<Person>empty())
				.orElse(null);
			if (recipient == null) {
				errors.put("to", "Choose an active colleague.");
			}
		}
		String text = message == null ? "" : message.strip();
		if (text.isEmpty()) {
			errors.put("message", "Say what you thank them for.");
		}
		else if (text.length() > MAX_MESSAGE) {
			errors.put("message", "Keep it to " + MAX_MESSAGE + " characters (this one has " + text.length() + ").");
		}
		else if (ControlCharacters.in(text)) {
			errors.put("message", ControlCharacters.MESSAGE);
		}
		Course course = null;
		if (courseId != null) {
			course = publishedOrNull(courseId);
			if (course == null) {
				errors.put("courseId", "Choose a published course, or none.");
			}
		}
		CycleRows.GoalRow goal = null;
		if (goalId != null) {
			goal = Ids.looksValid(goalId.value()) ? cycles.goal(goalId)
				.filter(g -> cycles.cycle(g.cycleId()).map(c -> viewer.is(c.personId())).orElse(false))
				.orElse(null) : null;
			if (goal == null) {
				errors.put("goalId", "Choose one of your own goals, or none.");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The kudos was not sent.", errors);
		}
		Instant now = clock.instant();
		Instant startOfDay = LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
		if (rows.givenSince(viewer.id(), startOfDay) >= MAX_PER_DAY) {
			throw new InvalidInputException("You gave " + MAX_PER_DAY + " kudos today, the most a day; give more tomorrow.",
					Map.of());
		}
		KudosRows.Row row = new KudosRows.Row(Ids.newId(), viewer.id(), viewer.name(), to, text,
				course == null ? null : course.id(), now, goal == null ? null : goal.id());
		rows.insert(row);
		events.publishEvent(new KudosGiven(row.id(), to, viewer.name(), text, course == null ? null : course.title()));
		return new Thanks(row.id(), row.from(), row.fromName(), to, recipient.name(), text, row.courseId(),
				course == null ? null : course.title(), now, row.goalId(), goal == null ? null : goal.what());
	}

	/** The kudos a person received, newest first; for the person, their managers and admins (404 otherwise). */
	@Transactional(readOnly = true)
	public Page received(Viewer viewer, PersonId person, int page) {
		Person who = organization.person(viewer, person);
		return page(List.of(who), page);
	}

	@Transactional(readOnly = true)
	public Page received(Viewer viewer, PersonId person) {
		return received(viewer, person, 1);
	}

	/**
	 * Kudos received by the people of the team and every team below it, newest first; for managers of the tree and
	 * admins (404 otherwise).
	 */
	@Transactional(readOnly = true)
	public Page teamFeed(Viewer viewer, TeamId team, int page) {
		Team found = organization.managedTeam(viewer, team);
		return page(organization.membersOfTeamTree(found.id()), page);
	}

	/** Kudos each of these people received from {@code from} (inclusive) until {@code until}; callers check. */
	@Transactional(readOnly = true)
	Map<PersonId, Integer> receivedCounts(Collection<PersonId> people, Instant from, Instant until) {
		return rows.receivedCounts(people, from, until);
	}

	private Page page(List<Person> people, int page) {
		int number = Math.max(1, page);
		Map<PersonId, String> names = new HashMap<>();
		people.forEach(p -> names.put(p.id(), p.name()));
		// one more than a page tells whether another follows
		List<KudosRows.Row> found = rows.receivedBy(names.keySet(), (number - 1) * PAGE_SIZE, PAGE_SIZE + 1);
		List<KudosRows.Row> shown = found.size() > PAGE_SIZE ? found.subList(0, PAGE_SIZE) : found;
		Set<CourseId> courses = new HashSet<>();
		shown.stream().filter(r -> r.courseId() != null).forEach(r -> courses.add(r.courseId()));
		Map<CourseId, String> titles = courses.isEmpty() ? Map.of() : authoring.titles(new ArrayList<>(courses));
		Map<GoalId, String> goals = new HashMap<>();
		shown.stream()
			.map(KudosRows.Row::goalId)
			.filter(Objects::nonNull)
			.distinct()
			.forEach(g -> cycles.goal(g).ifPresent(row -> goals.put(g, row.what())));
		List<Thanks> items = shown.stream()
			.map(r -> new Thanks(r.id(), r.from(), r.fromName(), r.to(), names.get(r.to()), r.message(), r.courseId(),
					r.courseId() == null ? null : titles.get(r.courseId()), r.at(), r.goalId(),
					r.goalId() == null ? null : goals.get(r.goalId())))
			.toList();
		return new Page(items, number, found.size() > PAGE_SIZE);
	}

	private Course publishedOrNull(CourseId id) {
		if (!Ids.looksValid(id.value())) {
			return null;
		}
		try {
			return authoring.published(id);
		}
		catch (NotFoundException e) {
			return null;
		}
	}
}
