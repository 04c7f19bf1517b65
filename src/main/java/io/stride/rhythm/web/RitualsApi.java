package io.stride.rhythm.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.Gap;
import io.stride.rhythm.Ritual;
import io.stride.rhythm.RitualDetail;
import io.stride.rhythm.RitualDraft;
import io.stride.rhythm.RitualId;
import io.stride.rhythm.RitualSchedule;
import io.stride.rhythm.Rituals;
import io.stride.rhythm.Session;
import io.stride.rhythm.SessionId;
import io.stride.rhythm.SessionRecord;
import io.stride.rhythm.Sessions;
import io.stride.rhythm.TeamRituals;
import io.stride.rhythm.web.InterventionsApi.InterventionView;
import io.stride.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Rituals", description = "The meetings a team already runs (retrospectives, business reviews, pipeline "
		+ "calls, one-on-ones) with their cadence and capability-planning block; their sessions, notes and skill gaps. "
		+ "Managers of the team's tree, admins and L&D; 404 for everyone else")
@SecurityRequirement(name = "bearer")
class RitualsApi {

	private final Rituals rituals;

	private final Sessions sessions;

	private final Clock clock;

	RitualsApi(Rituals rituals, Sessions sessions, Clock clock) {
		this.rituals = rituals;
		this.sessions = sessions;
		this.clock = clock;
	}

	/** {@code nextStartsAt}: the next meeting (null when retired); times in UTC. */
	record RitualView(String id, String teamId, String kind, String name, String cadence, Instant firstStartsAt,
			String timeZone, int durationMinutes, int agendaMinutes, String agendaNote, int preReadHours, int revision,
			Instant retiredAt, Instant nextStartsAt) {

		static RitualView of(Ritual r, Instant next) {
			return new RitualView(r.id().value(), r.teamId().value(), r.kind().name(), r.name(), r.cadence().name(),
					r.firstStartsAt(), r.timeZone(), r.durationMinutes(), r.agendaMinutes(), r.agendaNote(),
					r.preReadHours(), r.revision(), r.retiredAt(), next);
		}
	}

	/** A meeting; {@code sessionId} null until it is opened. {@code status}: PLANNED, HELD or SKIPPED. */
	record MeetingView(Instant startsAt, int durationMinutes, String sessionId, String status) {

		static MeetingView of(RitualSchedule.Occurrence o) {
			return new MeetingView(o.startsAt(), o.durationMinutes(), o.session() == null ? null : o.session().value(),
					o.status());
		}
	}

	record RitualDetailView(RitualView ritual, String teamName, List<MeetingView> meetings, List<SessionView> sessions) {
	}

	/** {@code preReadPath}: the session's pre-read page. */
	record SessionView(String id, String ritualId, String ritualName, String teamId, Instant startsAt,
			int durationMinutes, String status, String notes, Instant heldAt, String preReadPath) {

		static SessionView of(Session s) {
			return new SessionView(s.id().value(), s.ritualId().value(), s.ritualName(), s.teamId().value(), s.startsAt(),
					s.durationMinutes(), s.status(), s.notes(), s.heldAt(), "/sessions/" + s.id().value() + "/pre-read");
		}
	}

	record PersonView(String id, String name) {
	}

	record GapView(String id, String capabilityId, String capabilityName, String note, List<PersonView> people) {

		static GapView of(Gap g) {
			return new GapView(g.id(), g.capabilityId().value(), g.capabilityName(), g.note(),
					g.people().stream().map(p -> new PersonView(p.id().value(), p.name())).toList());
		}
	}

	record SessionRecordView(SessionView session, String teamName, List<GapView> gaps,
			List<InterventionView> interventions) {

		static SessionRecordView of(SessionRecord r) {
			return new SessionRecordView(SessionView.of(r.session()), r.team().name(),
					r.gaps().stream().map(GapView::of).toList(),
					r.interventions().stream().map(InterventionView::of).toList());
		}
	}

	/**
	 * {@code firstDate} YYYY-MM-DD and {@code firstTime} HH:MM in {@code timeZone} (an IANA zone id; UTC when absent).
	 * {@code name} defaults to the kind's label, {@code agendaMinutes} to 15, {@code preReadHours} to 24.
	 * {@code revision}: for edits, the one read.
	 */
	record RitualBody(Integer revision, String kind, String name, String cadence, String firstDate, String firstTime,
			String timeZone, Integer durationMinutes, Integer agendaMinutes, String agendaNote, Integer preReadHours) {

		RitualDraft draft() {
			return new RitualDraft(kind, name, cadence, firstDate, firstTime, timeZone, text(durationMinutes),
					text(agendaMinutes), agendaNote, text(preReadHours));
		}

		private static String text(Integer n) {
			return n == null ? null : n.toString();
		}
	}

	/** {@code startsAt}: the meeting's start (ISO-8601 UTC), as listed in the ritual's meetings. */
	record OpenSessionBody(String startsAt) {
	}

	/** Either or both: the notes (replacing them) and the status HELD, SKIPPED or PLANNED. */
	record SessionChangeBody(String notes,
			@Schema(description = "The notes as the writer read them (optional): when someone saved different notes "
					+ "since, 409 with theirs under 'notes' instead of overwriting them") String notesBefore,
			String status) {
	}

	record GapBody(String capabilityId, String note, List<String> personIds) {
	}

	@GetMapping("/teams/{teamId}/rituals")
	@Operation(summary = "A team's rituals, live ones first, each with its next meeting")
	List<RitualView> teamRituals(Viewer me, @PathVariable String teamId) {
		TeamRituals found = rituals.ofTeam(me, new TeamId(teamId));
		return found.rituals()
			.stream()
			.map(l -> RitualView.of(l.ritual(), l.next() == null ? null : l.next().startsAt()))
			.toList();
	}

	@PostMapping("/teams/{teamId}/rituals")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Declare a ritual; 422 at the field for a missing kind or cadence, a bad date, time or time "
			+ "zone, a length outside 5 to 480 minutes or an agenda block longer than the meeting")
	RitualView declare(Viewer me, @PathVariable String teamId, @RequestBody RitualBody body) {
		Ritual r = rituals.declare(me, new TeamId(teamId), body.draft());
		return RitualView.of(r, null);
	}

	@GetMapping("/rituals/{id}")
	@Operation(summary = "A ritual with its meetings from two weeks back to three months ahead, and its sessions")
	RitualDetailView ritual(Viewer me, @PathVariable String id) {
		RitualDetail d = rituals.get(me, new RitualId(id));
		Instant next = d.meetings().stream().map(RitualSchedule.Occurrence::startsAt)
			.filter(t -> !t.isBefore(clock.instant()))
			.findFirst()
			.orElse(null);
		return new RitualDetailView(RitualView.of(d.ritual(), d.ritual().retired() ? null : next), d.team().name(),
				d.meetings().stream().map(MeetingView::of).toList(), d.sessions().stream().map(SessionView::of).toList());
	}

	@PutMapping("/rituals/{id}")
	@Operation(summary = "Edit a ritual; 'revision' is the one read, 409 when someone saved since or it was retired")
	RitualView edit(Viewer me, @PathVariable String id, @RequestBody RitualBody body) {
		if (body.revision() == null) {
			throw new InvalidInputException("revision", "Give the revision you read, e.g. 1.");
		}
		return RitualView.of(rituals.edit(me, new RitualId(id), body.revision(), body.draft()),
				null);
	}

	@DeleteMapping("/rituals/{id}")
	@Operation(summary = "Retire a ritual: it meets no more; its sessions, gaps and interventions are kept")
	RitualView retire(Viewer me, @PathVariable String id) {
		return RitualView.of(rituals.retire(me, new RitualId(id)), null);
	}

	@GetMapping("/rituals/{id}/sessions")
	@Operation(summary = "A ritual's sessions (prepared, held or skipped), latest first")
	List<SessionView> ritualSessions(Viewer me, @PathVariable String id) {
		return rituals.get(me, new RitualId(id)).sessions().stream().map(SessionView::of).toList();
	}

	@PostMapping("/rituals/{id}/sessions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open the session of one of the ritual's meetings (stored once: opening it again, or twice at "
			+ "once, gives the same session); 422 at 'startsAt' when the ritual does not meet then")
	SessionView open(Viewer me, @PathVariable String id, @RequestBody OpenSessionBody body) {
		return SessionView.of(sessions.open(me, new RitualId(id), instant(body.startsAt())));
	}

	@GetMapping("/sessions/{id}")
	@Operation(summary = "A session with its skill gaps and interventions")
	SessionRecordView session(Viewer me, @PathVariable String id) {
		return SessionRecordView.of(sessions.get(me, new SessionId(id)));
	}

	@PatchMapping("/sessions/{id}")
	@Operation(summary = "Save a session's notes and/or mark it HELD (once begun), SKIPPED or PLANNED; 422 at the field; "
			+ "409 when 'notesBefore' is given and someone saved other notes since")
	SessionView change(Viewer me, @PathVariable String id, @RequestBody SessionChangeBody body) {
		return SessionView.of(sessions.update(me, new SessionId(id), body.notes(),
				body.notesBefore(), body.status()));
	}

	@GetMapping("/sessions/{id}/gaps")
	@Operation(summary = "A session's skill gaps")
	List<GapView> gaps(Viewer me, @PathVariable String id) {
		return sessions.get(me, new SessionId(id)).gaps().stream().map(GapView::of).toList();
	}

	@PostMapping("/sessions/{id}/gaps")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a skill gap: an active capability and optionally people of the team who need deeper "
			+ "exposure; 422 at the field")
	GapView recordGap(Viewer me, @PathVariable String id, @RequestBody GapBody body) {
		return GapView.of(sessions.recordGap(me, new SessionId(id), body.capabilityId(),
				body.note(), body.personIds()));
	}

	@DeleteMapping("/sessions/{id}/gaps/{gapId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a skill gap from a session")
	void removeGap(Viewer me, @PathVariable String id, @PathVariable String gapId) {
		sessions.removeGap(me, new SessionId(id), gapId);
	}

	static Instant instant(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("startsAt", "Give the start as ISO-8601 UTC, e.g. 2027-01-12T09:00:00Z.");
		}
	}
}
