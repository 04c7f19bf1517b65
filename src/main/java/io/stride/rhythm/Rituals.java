package io.stride.rhythm;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.internal.RitualRows;
import io.stride.shared.ConflictException;
import io.stride.shared.ControlCharacters;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rituals a team declares: managers of the team (or above it), admins and L&D declare, edit (with the revision
 * read: a stale edit is a conflict), retire (its sessions are kept) and list them; 404 for everyone else.
 */
@Service
@Transactional
public class Rituals {

	public static final int MAX_NAME = 120;

	public static final int MAX_NOTE = 1000;

	public static final int MAX_MINUTES = 480;

	public static final int MAX_PRE_READ_HOURS = 14 * 24;

	public static final int DEFAULT_PRE_READ_HOURS = 24;

	public static final int DEFAULT_AGENDA_MINUTES = 15;

	/** Past sessions listed on a ritual's page. */
	public static final int SESSIONS_SHOWN = 50;

	public static final String CONFLICT_MESSAGE = "This ritual was changed elsewhere (another tab or person) after you "
			+ "opened it. Reload it to see the change, then edit again.";

	private final RitualRows rows;

	private final RitualSchedule schedule;

	private final RhythmAccess access;

	private final Clock clock;

	Rituals(RitualRows rows, RitualSchedule schedule, RhythmAccess access, Clock clock) {
		this.rows = rows;
		this.schedule = schedule;
		this.access = access;
		this.clock = clock;
	}

	/** The team's rituals, live ones first, each with its next meeting. */
	@Transactional(readOnly = true)
	public TeamRituals ofTeam(Viewer viewer, TeamId teamId) {
		Team team = access.team(viewer, teamId);
		Instant now = clock.instant();
		List<RitualRows.Row> found = rows.ofTeam(teamId.value());
		Map<RitualId, RitualSchedule.Occurrence> next = new LinkedHashMap<>();
		// one read of the schedule for the whole team, not one per ritual
		for (RitualSchedule.Occurrence o : schedule.between(Set.of(teamId), now, now.plus(400, ChronoUnit.DAYS))) {
			next.putIfAbsent(o.ritual(), o);
		}
		return new TeamRituals(team, found.stream()
			.map(Rituals::ritual)
			.map(r -> new TeamRituals.Line(r, r.retired() ? null : next.get(r.id())))
			.toList());
	}

	/** A ritual with its meetings from two weeks back to three months ahead, and its stored sessions. */
	@Transactional(readOnly = true)
	public RitualDetail get(Viewer viewer, RitualId id) {
		Ritual ritual = find(viewer, id);
		Team team = access.team(viewer, ritual.teamId());
		Instant now = clock.instant();
		List<RitualSchedule.Occurrence> meetings = schedule
			.between(Set.of(ritual.teamId()), now.minus(14, ChronoUnit.DAYS), now.plus(92, ChronoUnit.DAYS))
			.stream()
			.filter(o -> o.ritual().equals(id))
			.toList();
		List<Session> sessions = rows.sessionsOf(id.value(), SESSIONS_SHOWN).stream().map(Sessions::session).toList();
		return new RitualDetail(ritual, team, meetings, sessions);
	}

	/** The ritual, for those who may act on its team; 404 otherwise. */
	@Transactional(readOnly = true)
	public Ritual find(Viewer viewer, RitualId id) {
		RitualRows.Row row = id == null || !Ids.looksValid(id.value()) ? null : rows.find(id.value()).orElse(null);
		if (row == null || !access.mayAct(viewer, new TeamId(row.teamId()))) {
			throw new NotFoundException("Ritual");
		}
		return ritual(row);
	}

	/** Declares a ritual; 422 at the field for a missing kind or cadence, a bad date, time or zone, or bad lengths. */
	public Ritual declare(Viewer viewer, TeamId teamId, RitualDraft draft) {
		access.team(viewer, teamId);
		RitualRows.Row row = check(Ids.newId(), teamId, draft, 0);
		rows.insert(row, viewer.id().value(), clock.instant());
		return find(viewer, new RitualId(row.id()));
	}

	/** Edits a live ritual; 409 when it was saved after {@code revision} or retired meanwhile. */
	public Ritual edit(Viewer viewer, RitualId id, int revision, RitualDraft draft) {
		Ritual current = find(viewer, id);
		if (current.retired()) {
			throw new ConflictException("This ritual was retired; declare a new one instead.", Map.of("revision",
					current.revision()));
		}
		RitualRows.Row row = check(id.value(), current.teamId(), draft, revision);
		if (!rows.update(row, revision, clock.instant())) {
			throw new ConflictException(CONFLICT_MESSAGE, Map.of("revision", current.revision()));
		}
		rows.forgetEmptyFutureSessions(id.value(), clock.instant());
		return find(viewer, id);
	}

	/** Retires a ritual: it meets no more from now; its sessions, gaps and interventions are kept. */
	public Ritual retire(Viewer viewer, RitualId id) {
		Ritual current = find(viewer, id);
		if (!current.retired()) {
			rows.retire(id.value(), clock.instant());
			rows.forgetEmptyFutureSessions(id.value(), clock.instant());
		}
		return find(viewer, id);
	}

	static Ritual ritual(RitualRows.Row r) {
		return new Ritual(new RitualId(r.id()), new TeamId(r.teamId()), RitualKind.valueOf(r.kind()), r.name(),
				Cadence.valueOf(r.cadence()), r.firstStartsAt(), r.timeZone(), r.durationMinutes(), r.agendaMinutes(),
				r.agendaNote(), r.preReadHours(), r.revision(), r.retiredAt());
	}

	private RitualRows.Row check(String id, TeamId teamId, RitualDraft d, int revision) {
		Map<String, String> errors = new LinkedHashMap<>();
		RitualKind kind = choice(RitualKind.class, d.kind(), "kind", "Choose what kind of meeting this is.", errors);
		Cadence cadence = choice(Cadence.class, d.cadence(), "cadence", "Choose how often it meets.", errors);
		String name = blank(d.name()) ? (kind == null ? "" : kind.label()) : d.name().strip();
		if (name.length() > MAX_NAME) {
			errors.put("name", "Keep the name to " + MAX_NAME + " characters (it has " + name.length() + ").");
		}
		else if (ControlCharacters.in(name)) {
			errors.put("name", ControlCharacters.MESSAGE);
		}
		ZoneId zone = ZoneId.of("UTC");
		if (!blank(d.timeZone())) {
			try {
				zone = ZoneId.of(d.timeZone().strip());
			}
			catch (DateTimeException e) {
				errors.put("timeZone", "“" + d.timeZone().strip() + "” is not a time zone; give one such as "
						+ "Europe/Lisbon, America/New_York or UTC.");
			}
		}
		LocalDate date = null;
		if (blank(d.firstDate())) {
			errors.put("firstDate", "Give the day of the first session.");
		}
		else {
			try {
				date = LocalDate.parse(d.firstDate().strip());
			}
			catch (DateTimeParseException e) {
				errors.put("firstDate", "Give a date as YYYY-MM-DD, e.g. 2027-01-12.");
			}
		}
		LocalTime time = null;
		if (blank(d.firstTime())) {
			errors.put("firstTime", "Give the time the first session starts.");
		}
		else {
			try {
				time = LocalTime.parse(d.firstTime().strip());
			}
			catch (DateTimeParseException e) {
				errors.put("firstTime", "Give a time as HH:MM, e.g. 09:30.");
			}
		}
		Integer duration = number(d.durationMinutes(), null, 5, MAX_MINUTES, "durationMinutes",
				"A meeting lasts from 5 to " + MAX_MINUTES + " minutes.", errors);
		Integer agenda = number(d.agendaMinutes(), duration == null ? DEFAULT_AGENDA_MINUTES
				: Math.min(DEFAULT_AGENDA_MINUTES, duration), 1, MAX_MINUTES, "agendaMinutes",
				"Keep at least a minute of the agenda for capability planning.", errors);
		if (agenda != null && duration != null && agenda > duration) {
			errors.put("agendaMinutes", "The capability-planning block fits in the meeting: at most " + duration
					+ " minutes.");
		}
		String note = d.agendaNote() == null ? "" : d.agendaNote().strip();
		if (note.length() > MAX_NOTE) {
			errors.put("agendaNote", "Keep the note to " + MAX_NOTE + " characters (it has " + note.length() + ").");
		}
		else if (ControlCharacters.in(note)) {
			errors.put("agendaNote", ControlCharacters.MESSAGE);
		}
		Integer preRead = number(d.preReadHours(), DEFAULT_PRE_READ_HOURS, 0, MAX_PRE_READ_HOURS, "preReadHours",
				"Send the pre-read from 0 to " + MAX_PRE_READ_HOURS + " hours (two weeks) before a session.", errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(revision == 0 ? "The ritual was not declared." : "The ritual was not saved.",
					errors);
		}
		Instant first = date.atTime(time).atZone(zone).toInstant();
		return new RitualRows.Row(id, teamId.value(), kind.name(), name, cadence.name(), first, zone.getId(), duration,
				agenda, note, preRead, revision, null);
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, String missing,
			Map<String, String> errors) {
		if (blank(value)) {
			errors.put(field, missing);
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			errors.put(field, "Choose one of " + Arrays.toString(type.getEnumConstants()) + ".");
			return null;
		}
	}

	private static Integer number(String value, Integer fallback, int min, int max, String field, String message,
			Map<String, String> errors) {
		if (blank(value)) {
			if (fallback == null) {
				errors.put(field, message);
			}
			return fallback;
		}
		try {
			int n = Integer.parseInt(value.strip());
			if (n < min || n > max) {
				errors.put(field, message);
				return null;
			}
			return n;
		}
		catch (NumberFormatException e) {
			errors.put(field, "Give a whole number. " + message);
			return null;
		}
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
