package io.stride.integration;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.stride.capability.Absence;
import io.stride.capability.Absences;
import io.stride.cycles.LearningCycle;
import io.stride.cycles.LearningCycles;
import io.stride.delivery.Delivery;
import io.stride.delivery.LearningItem;
import io.stride.delivery.TeamProgressRow;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.integration.internal.FeedRows;
import io.stride.integration.internal.IcsWriter;
import io.stride.integration.internal.IcsWriter.FeedEvent;
import io.stride.integration.internal.Signatures;
import io.stride.rhythm.DueInterventions;
import io.stride.rhythm.RitualSchedule;
import io.stride.shared.Ids;
import io.stride.shared.Retry;
import io.stride.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Private iCalendar feeds: a person's (their due dates, their teams' ritual sessions, their learning cycle's check-in
 * reminder and end, their planned absences, the interventions they own) and a team's (its ritual sessions, its open
 * interventions, its assignments' due dates per course with how many have not finished, the check-ins of the cycles
 * its people may read, its members' absences as "Away"). The token in the URL is the only key: only its hash is kept, the
 * URL is shown once, and a new feed revokes the one before: a person and a team have one live feed at most.
 */
@Service
public class CalendarFeeds {

	/** What a feed spans around today. */
	static final int DAYS_BACK = 30;

	static final int DAYS_AHEAD = 180;

	/** Live team feeds listed for an admin at most. */
	static final int MAX_LISTED = 500;

	public enum Kind {
		PERSON, TEAM
	}

	/** A live feed, without its URL (which only its creator saw, once). */
	public record Feed(String id, Kind kind, TeamId team, String teamName, Instant createdAt) {
	}

	/** A feed just made, with its URL: shown this once. */
	public record NewFeed(Feed feed, String url) {
	}

	private final FeedRows rows;

	private final Organization organization;

	private final Delivery delivery;

	private final RitualSchedule schedule;

	private final DueInterventions interventions;

	private final LearningCycles cycles;

	private final Absences absences;

	private final Clock clock;

	private final String baseUrl;

	private final TransactionTemplate transactions;

	CalendarFeeds(TransactionTemplate transactions, FeedRows rows, Organization organization, Delivery delivery, RitualSchedule schedule,
			DueInterventions interventions, LearningCycles cycles, Absences absences, Clock clock,
			@Value("${stride.base-url}") String baseUrl) {
		this.transactions = transactions;
		this.rows = rows;
		this.organization = organization;
		this.delivery = delivery;
		this.schedule = schedule;
		this.interventions = interventions;
		this.cycles = cycles;
		this.absences = absences;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The viewer's own feed and those of the teams they manage (all teams' for admins). */
	@Transactional(readOnly = true)
	public List<Feed> visibleTo(Viewer viewer) {
		List<FeedRows.Row> found = viewer.isAdmin() ? rows.liveOfPersonAndAllTeams(viewer.id().value(), MAX_LISTED)
				: rows.liveOf(viewer.id().value(),
						organization.managedTeamTree(viewer).stream().map(TeamId::value).toList());
		return views(found);
	}

	/**
	 * Makes a feed: the viewer's own ({@code team} null) or a team's they manage (404 otherwise); revokes the one it
	 * replaces.
	 */
	public NewFeed create(Viewer viewer, TeamId team) {
		// two requests at once: the database keeps one live feed per person and team (live_key), so the later insert
		// fails; run again, it revokes the feed the other request just made and makes its own, the only one live
		return Retry.onDuplicateKey(() -> transactions.execute(tx -> {
			if (team != null) {
				organization.managedTeam(viewer, team);
			}
			Instant now = clock.instant();
			rows.revokeLiveOf(viewer.id().value(), team == null ? null : team.value(), now);
			String token = Signatures.newSecret("");
			String id = Ids.newId();
			rows.insert(id, Signatures.hash(token), team == null ? viewer.id().value() : null,
					team == null ? null : team.value(), viewer.id().value(), now);
			Feed feed = views(List.of(rows.live(id).orElseThrow())).getFirst();
			return new NewFeed(feed, baseUrl + "/calendar/" + token + ".ics");
		}));
	}

	/** Revokes the viewer's own feed or a feed of a team they manage; 404 for any other. */
	@Transactional
	public void revoke(Viewer viewer, String id) {
		FeedRows.Row row = Ids.looksValid(id) ? rows.live(id).orElse(null) : null;
		if (row == null || !mayManage(viewer, row)) {
			throw new NotFoundException("Calendar feed");
		}
		rows.revoke(id, clock.instant());
	}

	/** A calendar's name and text. */
	public record Ics(String name, String text) {
	}

	/**
	 * The feed the token opens, as iCalendar text; empty for an unknown or revoked token, a person no longer active
	 * or a team feed whose maker no longer manages the team.
	 */
	@Transactional(readOnly = true)
	public Optional<Ics> ics(String token) {
		if (token == null || token.length() < 20 || token.length() > 100) {
			return Optional.empty();
		}
		FeedRows.Row row = rows.byToken(Signatures.hash(token)).orElse(null);
		if (row == null) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		LocalDate from = today.minusDays(DAYS_BACK);
		LocalDate to = today.plusDays(DAYS_AHEAD);
		if (row.personId() != null) {
			Optional<Person> person = organization.contactOf(new PersonId(row.personId()));
			if (person.isEmpty()) {
				return Optional.empty();
			}
			Viewer viewer = Viewer.of(person.get());
			return Optional.of(new Ics("Stride: " + person.get().name(),
					IcsWriter.write("Stride: " + person.get().name(), personEvents(viewer, from, to), now)));
		}
		TeamId team = new TeamId(row.teamId());
		Optional<Person> maker = organization.contactOf(new PersonId(row.createdBy()));
		if (maker.isEmpty() || !organization.canManage(Viewer.of(maker.get()), team)) {
			return Optional.empty();
		}
		String name = organization.allTeams().stream().filter(t -> t.id().equals(team)).map(Team::name).findFirst()
			.orElse("team");
		return Optional.of(new Ics("Stride: " + name, IcsWriter.write("Stride: " + name, teamEvents(team, from, to), now)));
	}

	private List<FeedEvent> personEvents(Viewer viewer, LocalDate from, LocalDate to) {
		List<FeedEvent> events = new ArrayList<>();
		String person = viewer.id().value();
		for (LearningItem item : delivery.myLearning(viewer)) {
			if (item.dueDate() != null && !item.done() && within(item.dueDate(), from, to)) {
				events.add(FeedEvent.allDay("due-" + item.courseId().value() + "-" + person + "@stride",
						"Due: " + item.title(), "Finish “" + item.title() + "” by this day.",
						link("/learning/courses/" + item.courseId().value()), item.dueDate(), item.dueDate()));
			}
		}
		Set<TeamId> teams = new HashSet<>(viewer.teamIds());
		teams.addAll(viewer.manages());
		events.addAll(sessions(teams, from, to));
		cycles.active(viewer).ifPresent(cycle -> events.addAll(cycleEvents(cycle, from, to)));
		for (Absence a : absences.between(List.of(viewer.id()), from, to).getOrDefault(viewer.id(), List.of())) {
			events.add(FeedEvent.allDay("absence-" + a.id() + "@stride",
					a.kind() == null ? "Away" : "Away (" + a.kind().phrase() + ")", null, null, a.startsOn(), a.endsOn()));
		}
		// those they own or that name them; their own list, since a session's page is for the team's managers
		interventions.addressedTo(viewer.id(), from, to)
			.forEach(i -> events.add(intervention(i, link("/interventions"))));
		return events;
	}

	private List<FeedEvent> teamEvents(TeamId team, LocalDate from, LocalDate to) {
		List<FeedEvent> events = new ArrayList<>(sessions(Set.of(team), from, to));
		interventions.ofTeams(List.of(team), from, to)
			.forEach(i -> events.add(intervention(i, link("/sessions/" + i.session().value()))));
		events.addAll(teamDueDates(team, from, to));
		// the check-ins of the cycles the team's people may read; one shown to managers only or to named people is not
		// the team's to see, whoever subscribed
		for (LearningCycles.TeamVisibleCycle c : cycles.readableByTeam(team)) {
			LocalDate day = checkInDay(c.startsOn(), c.endsOn(), c.reminderAfterDays());
			if (day != null && within(day, from, to)) {
				events.add(FeedEvent.allDay("cycle-check-in-" + c.id().value() + "@stride",
						"Check-in: " + c.owner().name() + ", " + c.title(), null,
						link("/cycles/" + c.id().value()), day, day));
			}
		}
		List<PersonId> members = organization.directMembersOf(team);
		Map<PersonId, Organization.Credit> names = organization.credits(members);
		absences.between(members, from, to).forEach((person, list) -> {
			Organization.Credit credit = names.get(person);
			// a team's calendar says who is away, never why
			for (Absence a : list) {
				events.add(FeedEvent.allDay("absence-" + a.id() + "@stride",
						"Away: " + (credit == null ? "a team member" : credit.name()), null, null, a.startsOn(), a.endsOn()));
			}
		});
		events.sort(Comparator.comparing(FeedEvent::uid));
		return events;
	}

	/**
	 * The team's assignment due dates, one event per course and day with how many have not finished it ("Course X due
	 * — 12 people"), never who: the team's progress page, for its managers, says who.
	 */
	private List<FeedEvent> teamDueDates(TeamId team, LocalDate from, LocalDate to) {
		Map<String, int[]> open = new TreeMap<>();
		Map<String, TeamProgressRow> first = new HashMap<>();
		for (TeamProgressRow row : delivery.progressOfTeamTree(team)) {
			if (row.dueDate() != null && within(row.dueDate(), from, to) && !row.status().isDone(row.hasQuiz())) {
				String key = row.courseId().value() + "-" + row.dueDate();
				open.computeIfAbsent(key, k -> new int[1])[0]++;
				first.putIfAbsent(key, row);
			}
		}
		List<FeedEvent> events = new ArrayList<>();
		open.forEach((key, count) -> {
			TeamProgressRow row = first.get(key);
			int n = count[0];
			String people = n + (n == 1 ? " person" : " people");
			events.add(FeedEvent.allDay("team-due-" + key + "-" + team.value() + "@stride",
					row.courseTitle() + " due — " + people,
					"“" + row.courseTitle() + "” is due this day; " + people + " of the team have not finished it yet.",
					link("/teams/" + team.value()), row.dueDate(), row.dueDate()));
		});
		return events;
	}

	private List<FeedEvent> sessions(Set<TeamId> teams, LocalDate from, LocalDate to) {
		List<FeedEvent> events = new ArrayList<>();
		for (RitualSchedule.Occurrence o : schedule.between(teams, from.atStartOfDay(ZoneOffset.UTC).toInstant(),
				to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
			String summary = o.name() + ("SKIPPED".equals(o.status()) ? " (skipped)" : "");
			events.add(FeedEvent.timed("ritual-" + o.ritual().value() + "-" + o.startsAt().getEpochSecond() + "@stride",
					summary, o.kind().label() + " with a capability planning block.",
					o.session() == null ? link("/teams/" + o.team().value() + "/rituals")
							: link("/sessions/" + o.session().value()),
					o.startsAt(), Duration.ofMinutes(Math.max(1, o.durationMinutes()))));
		}
		return events;
	}

	private List<FeedEvent> cycleEvents(LearningCycle cycle, LocalDate from, LocalDate to) {
		List<FeedEvent> events = new ArrayList<>();
		String link = link("/cycles/" + cycle.id().value());
		// the same day CycleReminders reminds: the start plus reminder_after_days, or halfway; 0 means none
		LocalDate day = checkInDay(cycle.startsOn(), cycle.endsOn(), cycle.reminderAfterDays());
		if (day != null && within(day, from, to)) {
			events.add(FeedEvent.allDay("cycle-check-in-" + cycle.id().value() + "@stride",
					"Check in: " + cycle.title(), "A note and progress per goal keeps the cycle on track.",
					link + "/check-in", day, day));
		}
		if (within(cycle.endsOn(), from, to)) {
			events.add(FeedEvent.allDay("cycle-end-" + cycle.id().value() + "@stride",
					"Learning cycle ends: " + cycle.title(), null, link, cycle.endsOn(), cycle.endsOn()));
		}
		return events;
	}

	/** The day CycleReminders reminds: the start plus reminder_after_days, or halfway; null for none (0, or past the end). */
	private static LocalDate checkInDay(LocalDate startsOn, LocalDate endsOn, Integer after) {
		if (after != null && after <= 0) {
			return null;
		}
		LocalDate day = startsOn.plusDays(after == null ? ChronoUnit.DAYS.between(startsOn, endsOn) / 2
				: after);
		return day.isBefore(endsOn) ? day : null;
	}

	private FeedEvent intervention(DueInterventions.Due i, String link) {
		return FeedEvent.allDay("intervention-" + i.id().value() + "@stride",
				"Intervention due: " + i.kind().label(), i.description(), link, i.dueOn(), i.dueOn());
	}

	private boolean mayManage(Viewer viewer, FeedRows.Row row) {
		return row.personId() != null ? viewer.id().value().equals(row.personId())
				: organization.canManage(viewer, new TeamId(row.teamId()));
	}

	private List<Feed> views(List<FeedRows.Row> found) {
		Map<TeamId, String> names = new HashMap<>();
		if (found.stream().anyMatch(r -> r.teamId() != null)) {
			organization.allTeams().forEach(t -> names.put(t.id(), t.name()));
		}
		return found.stream()
			.map(r -> r.teamId() == null ? new Feed(r.id(), Kind.PERSON, null, null, r.createdAt())
					: new Feed(r.id(), Kind.TEAM, new TeamId(r.teamId()), names.get(new TeamId(r.teamId())), r.createdAt()))
			.toList();
	}

	private String link(String path) {
		return baseUrl + path;
	}

	private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
		return !day.isBefore(from) && !day.isAfter(to);
	}
}
