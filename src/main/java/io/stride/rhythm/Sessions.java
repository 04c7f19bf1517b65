package io.stride.rhythm;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.PersonRef;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.internal.InterventionRows;
import io.stride.rhythm.internal.RitualRows;
import io.stride.shared.ConflictException;
import io.stride.shared.ControlCharacters;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.shared.Retry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ritual's sessions: opening one of its meetings (stored once), its notes, marking it held or skipped, and the skill
 * gaps it records. For those who act on the team (managers of its tree, admins, L&D); 404 for everyone else.
 */
@Service
public class Sessions {

	public static final int MAX_NOTES = 4000;

	public static final int MAX_GAP_NOTE = 1000;

	public static final int MAX_GAP_PEOPLE = 50;

	public static final int MAX_GAPS = 20;

	private final RitualRows rituals;

	private final InterventionRows rows;

	private final RitualSchedule schedule;

	private final RhythmAccess access;

	private final Organization organization;

	private final Interventions interventions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Sessions(RitualRows rituals, InterventionRows rows, RitualSchedule schedule, RhythmAccess access,
			Organization organization, Interventions interventions, ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.rituals = rituals;
		this.rows = rows;
		this.schedule = schedule;
		this.access = access;
		this.organization = organization;
		this.interventions = interventions;
		this.clock = clock;
	}

	/**
	 * The session of the ritual's meeting at {@code startsAt}, stored now when it is the first time it is opened (twice,
	 * or twice at once, gives the same session). 422 at "startsAt" when the ritual does not meet then. Runs outside a
	 * transaction so that a lost insert race is retried and finds the winner's session.
	 */
	public Session open(Viewer viewer, RitualId ritual, Instant startsAt) {
		if (ritual == null || !Ids.looksValid(ritual.value())) {
			throw new NotFoundException("Ritual");
		}
		RitualRows.Row row = rituals.find(ritual.value()).orElseThrow(() -> new NotFoundException("Ritual"));
		access.team(viewer, new TeamId(row.teamId()));
		if (startsAt == null) {
			throw new InvalidInputException("startsAt", "Say which meeting to open: its start time.");
		}
		SessionId id = Retry.onDuplicateKey(() -> schedule.prepare(ritual, startsAt));
		return get(viewer, id).session();
	}

	/** The session with its gaps and interventions. */
	@Transactional(readOnly = true)
	public SessionRecord get(Viewer viewer, SessionId id) {
		Session session = find(viewer, id);
		Team team = access.team(viewer, session.teamId());
		List<InterventionRows.GapRow> gapRows = rows.gaps(id.value());
		Set<CapabilityId> capabilityIds = new LinkedHashSet<>();
		Set<PersonId> people = new LinkedHashSet<>();
		gapRows.forEach(g -> {
			capabilityIds.add(new CapabilityId(g.capabilityId()));
			g.personIds().forEach(p -> people.add(new PersonId(p)));
		});
		Map<CapabilityId, String> names = access.capabilityNames(viewer, capabilityIds);
		Map<PersonId, Organization.Credit> credits = people.isEmpty() ? Map.of() : organization.credits(people);
		List<Gap> gaps = gapRows.stream()
			.map(g -> new Gap(g.id(), id, new CapabilityId(g.capabilityId()),
					names.getOrDefault(new CapabilityId(g.capabilityId()), "A capability"), g.note(),
					g.personIds().stream().map(p -> new PersonRef(new PersonId(p),
							credits.containsKey(new PersonId(p)) ? credits.get(new PersonId(p)).name() : "Someone")).toList()))
			.toList();
		return new SessionRecord(session, team, gaps, interventions.ofSession(viewer, session));
	}

	/** The session, for those who act on its team; 404 otherwise. */
	@Transactional(readOnly = true)
	public Session find(Viewer viewer, SessionId id) {
		RitualRows.SessionRow row = id == null || !Ids.looksValid(id.value()) ? null
				: rituals.session(id.value()).orElse(null);
		if (row == null || !access.mayAct(viewer, new TeamId(row.teamId()))) {
			throw new NotFoundException("Session");
		}
		return session(row);
	}

	/**
	 * Saves the notes and, when {@code status} is given, marks the session HELD (once it has started) or SKIPPED, or
	 * back to PLANNED. 422 at the field for long notes or an unknown or early status.
	 */
	@Transactional
	public Session update(Viewer viewer, SessionId id, String notes, String status) {
		return update(viewer, id, notes, null, status);
	}

	/**
	 * As {@link #update(Viewer, SessionId, String, String)}, and when {@code notesBefore} is given (the notes as the
	 * writer read them), 409 with the notes saved meanwhile under "notes" when someone else saved different notes
	 * since: two managers writing during the same meeting do not overwrite each other.
	 */
	@Transactional
	public Session update(Viewer viewer, SessionId id, String notes, String notesBefore, String status) {
		Session session = find(viewer, id);
		if (notes != null && notesBefore != null) {
			rows.lockSession(id.value());
			String saved = rituals.notes(id.value());
			String current = saved == null ? "" : saved.strip();
			if (!current.equals(notesBefore.strip()) && !current.equals(notes.strip())) {
				throw new ConflictException("Someone saved other notes since you opened this session. Theirs are shown "
						+ "above yours: put together what both of you want to keep and save again.",
						Map.of("notes", current));
			}
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String text = notes == null ? null : notes.strip();
		if (text != null && text.length() > MAX_NOTES) {
			errors.put("notes", "Keep the notes to " + MAX_NOTES + " characters (they have " + text.length() + ").");
		}
		else if (ControlCharacters.in(text)) {
			errors.put("notes", ControlCharacters.MESSAGE);
		}
		String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
		Instant now = clock.instant();
		if (wanted != null && !List.of("PLANNED", "HELD", "SKIPPED").contains(wanted)) {
			errors.put("status", "Mark the session HELD, SKIPPED or PLANNED.");
		}
		else if ("HELD".equals(wanted) && now.isBefore(session.startsAt())) {
			errors.put("status", "The meeting starts at " + session.startsAt() + " (UTC); mark it held once it has begun.");
		}
		else if ("SKIPPED".equals(wanted) && !interventions.ofSession(viewer, session).isEmpty()) {
			errors.put("status", "This session recorded interventions, so it was held; delete them first to mark it "
					+ "skipped.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The session was not saved.", errors);
		}
		if (text != null) {
			rituals.saveNotes(id.value(), text);
		}
		if (wanted != null && !wanted.equals(session.status())) {
			rituals.mark(id.value(), wanted, "HELD".equals(wanted) ? now : null);
			if ("HELD".equals(wanted)) {
				events.publishEvent(new SessionHeld(id, session.ritualId(), session.teamId(), session.ritualName(),
						session.startsAt(), now, rows.gapCount(id.value()), rows.positions(id.value()).size(),
						viewer.id()));
			}
		}
		return find(viewer, id);
	}

	/**
	 * Records a skill gap: an active capability of the organization and, optionally, people of the team (or a team
	 * below it) who need deeper exposure. 422 at the field otherwise, and at "capabilityId" past {@link #MAX_GAPS}
	 * gaps, also when gaps are recorded at once (the session's row is held while they are counted).
	 */
	@Transactional
	public Gap recordGap(Viewer viewer, SessionId id, String capabilityId, String note, List<String> personIds) {
		Session session = find(viewer, id);
		rows.lockSession(id.value());
		Map<String, String> errors = new LinkedHashMap<>();
		if (!session.recordable()) {
			errors.put("capabilityId", "This session was skipped; mark it held before recording gaps.");
		}
		Capability capability = access.activeCapability(viewer, capabilityId, "capabilityId", errors);
		String text = note == null ? "" : note.strip();
		if (text.length() > MAX_GAP_NOTE) {
			errors.put("note", "Keep the note to " + MAX_GAP_NOTE + " characters (it has " + text.length() + ").");
		}
		else if (ControlCharacters.in(text)) {
			errors.put("note", ControlCharacters.MESSAGE);
		}
		List<String> wanted = personIds == null ? List.of()
				: new ArrayList<>(new LinkedHashSet<>(personIds.stream()
					.filter(p -> p != null && !p.isBlank())
					.map(String::strip)
					.toList()));
		Map<PersonId, String> members = access.members(session.teamId());
		if (wanted.size() > MAX_GAP_PEOPLE) {
			errors.put("personIds", "Name at most " + MAX_GAP_PEOPLE + " people.");
		}
		else if (wanted.stream().anyMatch(p -> !members.containsKey(new PersonId(p)))) {
			errors.put("personIds", "Name people of the team (or of a team below it).");
		}
		if (rows.gapCount(id.value()) >= MAX_GAPS) {
			errors.put("capabilityId", "A session records at most " + MAX_GAPS + " gaps.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The gap was not recorded.", errors);
		}
		String gapId = Ids.newId();
		rows.insertGap(gapId, id.value(), capability.id().value(), text, wanted, viewer.id().value(), clock.instant());
		events.publishEvent(new GapRecorded(gapId, id, session.teamId(), capability.id(), capability.name(),
				wanted.stream().map(PersonId::new).toList(), viewer.id()));
		return new Gap(gapId, id, capability.id(), capability.name(), text,
				wanted.stream().map(p -> new PersonRef(new PersonId(p), members.get(new PersonId(p)))).toList());
	}

	@Transactional
	public void removeGap(Viewer viewer, SessionId id, String gapId) {
		find(viewer, id);
		if (gapId == null || !rows.deleteGap(id.value(), gapId)) {
			throw new NotFoundException("Gap");
		}
	}

	static Session session(RitualRows.SessionRow s) {
		return new Session(new SessionId(s.id()), new RitualId(s.ritualId()), s.ritualName(), new TeamId(s.teamId()),
				s.startsAt(), s.durationMinutes(), s.status(), s.notes(), s.heldAt());
	}
}
