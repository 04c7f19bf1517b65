package io.stride.rhythm;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.internal.LearningNeedRows;
import io.stride.rhythm.internal.LearningNeedRows.NeedRow;
import io.stride.shared.ConflictException;
import io.stride.shared.ControlCharacters;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learning needs: anyone files what they struggle with and everyone in the organization sees it; colleagues add their
 * voice (once each, with an optional note) or withdraw it. A manager of the need's team (of the filer's teams when it
 * names none) or L&D turns it into a commission or answers it with an existing course; answered needs stay listed.
 */
@Service
@Transactional
public class LearningNeeds {

	public static final int MAX_WHAT = 1000;

	public static final int MAX_NOTE = 500;

	/** The most needs one list shows. */
	public static final int MAX_LISTED = 200;

	/** A list's narrowing: {@code status} OPEN, COMMISSIONED, ANSWERED or null for all. */
	public record Filter(LearningNeed.Status status, TeamId team, CapabilityId capability, String words) {
	}

	private final LearningNeedRows rows;

	private final DecisionRights rights;

	private final Organization organization;

	private final Capabilities capabilities;

	private final Authoring authoring;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LearningNeeds(LearningNeedRows rows, DecisionRights rights, Organization organization, Capabilities capabilities,
			Authoring authoring, ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.rights = rights;
		this.organization = organization;
		this.capabilities = capabilities;
		this.authoring = authoring;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Files a need. 422 at the field for an empty, too long or control-character text, an unknown capability or
	 * team.
	 */
	public LearningNeed file(Viewer viewer, String what, CapabilityId capability, TeamId team) {
		Map<String, String> errors = new LinkedHashMap<>();
		String text = what == null ? "" : what.strip();
		if (text.isEmpty()) {
			errors.put("what", "Say what you struggle with.");
		}
		else if (text.length() > MAX_WHAT) {
			errors.put("what", "Keep it to " + MAX_WHAT + " characters (this one has " + text.length() + ").");
		}
		else if (ControlCharacters.in(text)) {
			errors.put("what", ControlCharacters.MESSAGE);
		}
		if (capability != null && capabilityOrNull(viewer, capability) == null) {
			errors.put("capabilityId", "Choose a capability of the catalogue, or none.");
		}
		if (team != null && teamOrNull(team) == null) {
			errors.put("teamId", "Choose a team of the organization, or none.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The need was not filed.", errors);
		}
		NeedRow row = new NeedRow(Ids.newId(), viewer.id().value(), text,
				capability == null ? null : capability.value(), team == null ? null : team.value(), "OPEN", 0, null,
				null, null, null, clock.instant());
		rows.insert(row);
		events.publishEvent(new LearningNeedFiled(new LearningNeedId(row.id()), viewer.id(), text, capability, team));
		return need(viewer, new LearningNeedId(row.id()));
	}

	/** The open needs filed for these teams, most voices first (at most {@code limit}). */
	@Transactional(readOnly = true)
	public List<LearningNeed> openOfTeams(Viewer viewer, Collection<TeamId> teams, int limit) {
		return views(viewer, rows.openOfTeams(teams.stream().map(TeamId::value).toList(), limit), false);
	}

	/** Needs by most voices, then newest, narrowed by the filter; anyone signed in reads them. */
	@Transactional(readOnly = true)
	public List<LearningNeed> list(Viewer viewer, Filter filter) {
		String words = filter.words() == null || filter.words().isBlank() ? null : filter.words().strip();
		List<NeedRow> found = rows.list(new LearningNeedRows.Filter(
				filter.status() == null ? null : filter.status().name(),
				filter.team() == null ? null : filter.team().value(),
				filter.capability() == null ? null : filter.capability().value(), words), MAX_LISTED);
		return views(viewer, found, false);
	}

	/** One need with who added their voice; 404 for an unknown id. */
	@Transactional(readOnly = true)
	public LearningNeed need(Viewer viewer, LearningNeedId id) {
		return views(viewer, List.of(row(id)), true).get(0);
	}

	/**
	 * The viewer adds their voice, with an optional note. 422 for the filer (their voice counts already) or an
	 * answered need, at {@code note} for a too long note; 409 for a second voice.
	 */
	public LearningNeed addVoice(Viewer viewer, LearningNeedId id, String note) {
		NeedRow need = row(id);
		if (viewer.is(new PersonId(need.filedBy()))) {
			throw new InvalidInputException("You filed this need: your voice counts already.", Map.of());
		}
		if ("ANSWERED".equals(need.status())) {
			throw new InvalidInputException("This need is answered already; open its course instead.", Map.of());
		}
		String text = note == null ? "" : note.strip();
		if (text.length() > MAX_NOTE) {
			throw new InvalidInputException("note", "Keep the note to " + MAX_NOTE + " characters.");
		}
		if (ControlCharacters.in(text)) {
			throw new InvalidInputException("note", ControlCharacters.MESSAGE);
		}
		if (!rows.addVoice(new LearningNeedRows.VoiceRow(need.id(), viewer.id().value(), text, clock.instant()))) {
			throw new ConflictException("You added your voice to this need already.");
		}
		return need(viewer, id);
	}

	/** The viewer takes their voice back; 404 when they had none on it. */
	public LearningNeed withdrawVoice(Viewer viewer, LearningNeedId id) {
		NeedRow need = row(id);
		if (!rows.withdraw(need.id(), viewer.id().value())) {
			throw new NotFoundException("Voice");
		}
		return need(viewer, id);
	}

	/**
	 * Answers the need with an existing published course; the filer and the voices are notified. 422 at
	 * {@code courseId} for a course not published, 409 once answered, 403 for someone who may not decide it.
	 */
	public LearningNeed answer(Viewer viewer, LearningNeedId id, CourseId courseId) {
		NeedRow need = decidable(viewer, id);
		Course course = publishedOrNull(courseId);
		if (course == null) {
			throw new InvalidInputException("courseId", "Choose a published course that answers this need.");
		}
		if (!answered(need, course.id(), course.title(), viewer.id())) {
			throw new ConflictException("This need is answered already.");
		}
		return need(viewer, id);
	}

	/** The need, if the viewer may turn it into a commission or answer it: 404 unknown, 403 for others. */
	NeedRow decidable(Viewer viewer, LearningNeedId id) {
		NeedRow need = row(id);
		if (!mayDecide(viewer, need)) {
			throw new ForbiddenException("Only a manager of the need's team, or L&D, turns a need into a commission or answers it.");
		}
		if ("ANSWERED".equals(need.status())) {
			throw new ConflictException("This need is answered already.");
		}
		return need;
	}

	/** A commission made from the need now carries it out; false when the need was no longer open. */
	boolean commissioned(LearningNeedId need, CommissionId commission) {
		return rows.commissioned(need.value(), commission.value());
	}

	/** The commission made from the need was cancelled: the need is open again. */
	void reopen(LearningNeedId need, CommissionId commission) {
		rows.reopen(need.value(), commission.value());
	}

	/** The commission made from the need published its course: the need is answered by it. */
	void answeredByCommission(LearningNeedId need, CourseId course, String title, PersonId by) {
		rows.find(need.value()).ifPresent(row -> answered(row, course, title, by));
	}

	private boolean answered(NeedRow need, CourseId course, String title, PersonId by) {
		if (!rows.answered(need.id(), course.value(), by.value(), clock.instant())) {
			return false;
		}
		List<PersonId> recipients = new ArrayList<>();
		recipients.add(new PersonId(need.filedBy()));
		rows.voices(need.id()).forEach(v -> recipients.add(new PersonId(v.personId())));
		events.publishEvent(new LearningNeedAnswered(new LearningNeedId(need.id()), need.what(), course, title,
				recipients));
		return true;
	}

	private boolean mayDecide(Viewer viewer, NeedRow need) {
		if (rights.isLearningTeam(viewer)) {
			return true;
		}
		if (need.teamId() != null) {
			return organization.canManage(viewer, new TeamId(need.teamId()));
		}
		return viewer.isManager() && organization.canSee(viewer, new PersonId(need.filedBy()));
	}

	private NeedRow row(LearningNeedId id) {
		if (id == null || !Ids.looksValid(id.value())) {
			throw new NotFoundException("Learning need");
		}
		return rows.find(id.value()).orElseThrow(() -> new NotFoundException("Learning need"));
	}

	private List<LearningNeed> views(Viewer viewer, List<NeedRow> found, boolean withVoters) {
		if (found.isEmpty()) {
			return List.of();
		}
		Set<PersonId> people = new HashSet<>();
		Set<CourseId> courses = new HashSet<>();
		found.forEach(n -> {
			people.add(new PersonId(n.filedBy()));
			if (n.answerCourseId() != null) {
				courses.add(new CourseId(n.answerCourseId()));
			}
		});
		Map<String, List<LearningNeedRows.VoiceRow>> voices = new HashMap<>();
		if (withVoters) {
			for (NeedRow n : found) {
				List<LearningNeedRows.VoiceRow> v = rows.voices(n.id());
				voices.put(n.id(), v);
				v.forEach(row -> people.add(new PersonId(row.personId())));
			}
		}
		Map<PersonId, Organization.Credit> names = organization.credits(people);
		Map<CourseId, String> titles = courses.isEmpty() ? Map.of() : authoring.titles(new ArrayList<>(courses));
		Map<TeamId, String> teams = new HashMap<>();
		organization.allTeams().forEach(t -> teams.put(t.id(), t.name()));
		Map<String, String> capabilityNames = new HashMap<>();
		if (found.stream().anyMatch(n -> n.capabilityId() != null)) {
			capabilities.catalogue(viewer, null, null, true).forEach(c -> capabilityNames.put(c.id().value(), c.name()));
		}
		Set<String> voted = rows.votedBy(viewer.id().value(), found.stream().map(NeedRow::id).toList());
		List<LearningNeed> result = new ArrayList<>();
		for (NeedRow n : found) {
			List<LearningNeed.Voice> voters = voices.getOrDefault(n.id(), List.of())
				.stream()
				.map(v -> new LearningNeed.Voice(new PersonId(v.personId()), name(names, v.personId()),
						v.note().isEmpty() ? null : v.note(), v.createdAt()))
				.toList();
			result.add(new LearningNeed(new LearningNeedId(n.id()), new PersonId(n.filedBy()), name(names, n.filedBy()),
					n.what(), n.capabilityId() == null ? null : new CapabilityId(n.capabilityId()),
					n.capabilityId() == null ? null : capabilityNames.get(n.capabilityId()),
					n.teamId() == null ? null : new TeamId(n.teamId()),
					n.teamId() == null ? null : teams.get(new TeamId(n.teamId())), LearningNeed.Status.valueOf(n.status()),
					n.voices(), voted.contains(n.id()), n.commissionId() == null ? null : new CommissionId(n.commissionId()),
					n.answerCourseId() == null ? null : new CourseId(n.answerCourseId()),
					n.answerCourseId() == null ? null : titles.get(new CourseId(n.answerCourseId())), n.answeredAt(),
					n.createdAt(), mayDecide(viewer, n), voters));
		}
		return result;
	}

	private static String name(Map<PersonId, Organization.Credit> names, String id) {
		Organization.Credit credit = names.get(new PersonId(id));
		return credit == null ? "Someone who left" : credit.name();
	}

	private Capability capabilityOrNull(Viewer viewer, CapabilityId id) {
		if (!Ids.looksValid(id.value())) {
			return null;
		}
		try {
			return capabilities.get(viewer, id);
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	private Team teamOrNull(TeamId id) {
		return organization.allTeams().stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
	}

	private Course publishedOrNull(CourseId id) {
		if (id == null || !Ids.looksValid(id.value())) {
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
