package io.stride.tracks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Result;
import io.stride.activity.Verb;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ControlCharacters;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.tracks.internal.EnrolmentRows;
import io.stride.tracks.internal.ProgressRows;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joining tracks. An open track takes anyone at once, no permission needed; a high-investment one needs the person's
 * manager: the person or the manager asks (REQUESTED, with a note), the manager approves or declines with a reason,
 * and the person is told. Withdrawing leaves the track; asking again after a decline or a withdrawal reuses the row.
 */
@Service
public class Enrolments {

	public static final int MAX_NOTE = 1000;

	public static final int PAGE_SIZE = 50;

	/** A published track as the list shows it, with the viewer's own status (null when not enrolled). */
	public record TrackCard(Track track, int steps, EnrolmentStatus status, String enrolmentId) {
	}

	/** A request waiting for the viewer's decision. */
	public record Request(Enrolment enrolment, Track track, String personName, String requestedByName) {
	}

	/**
	 * One enrolled person as their manager sees them in a track: where they are, done of total, days since their last
	 * step (or since they enrolled), and their pace; requested and declined people have no progress.
	 */
	public record Place(Enrolment enrolment, String personName, String currentStep, int done, int total,
			Integer daysSinceLastStep, TrackProgressRules.Pace pace, String version) {
	}

	public record People(Track track, List<Place> places, int page, int pages, int total) {
	}

	private final TrackDefinitions definitions;

	private final EnrolmentRows rows;

	private final ProgressRows progressRows;

	private final TrackProgress progress;

	private final EnrolmentAccess access;

	private final Organization organization;

	private final LearningRecord record;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int behindAfterDays;

	Enrolments(TrackDefinitions definitions, EnrolmentRows rows, ProgressRows progressRows, TrackProgress progress,
			EnrolmentAccess access, Organization organization, LearningRecord record, ApplicationEventPublisher events,
			Clock clock, @Value("${stride.tracks.behind-after-days:14}") int behindAfterDays) {
		this.definitions = definitions;
		this.rows = rows;
		this.progressRows = progressRows;
		this.progress = progress;
		this.access = access;
		this.organization = organization;
		this.record = record;
		this.events = events;
		this.clock = clock;
		this.behindAfterDays = behindAfterDays;
	}

	/**
	 * Enrols {@code personId} (the viewer when null) in a published track, or asks for them to join it when it is
	 * high-investment. The viewer enrols themselves or, as their manager (L&D, an admin), someone of their tree (404
	 * for others). {@code teamId} chooses whose version of the track applies when the person is in several teams (422
	 * at {@code teamId} for a team not theirs); the first of their teams otherwise. 404 for a track not published; 409
	 * when the person already asked, follows or finished it. A manager (L&D, an admin) who proposes someone for a
	 * high-investment track is the one who approves their entry: the proposal is approved at once.
	 */
	@Transactional
	public Enrolment enrol(Viewer viewer, TrackId trackId, PersonId personId, String note, TeamId teamId) {
		PersonId person = personId == null ? viewer.id() : personId;
		if (!viewer.is(person) && !access.mayDecideFor(viewer, person)) {
			throw new NotFoundException("Person");
		}
		// a team's track is for its tree only: neither the viewer nor the person may join what they may not read
		Track track = Optional.of(definitions.readable(viewer, trackId))
			.filter(t -> t.status() == TrackStatus.PUBLISHED)
			.filter(t -> viewer.is(person) || definitions.mayRead(organization.viewerOf(person), t))
			.orElseThrow(() -> new NotFoundException("Track"));
		String cleanNote = note(note, "note");
		TeamId team = teamOf(person, teamId);
		Enrolment existing = rows.of(trackId, person).orElse(null);
		if (existing != null && existing.status().holds()) {
			throw new ConflictException(existing.status() == EnrolmentStatus.REQUESTED
					? "A request to join this track is already waiting for a decision."
					: "Already enrolled in this track.", Map.of("id", existing.id(), "status", existing.status().name()));
		}
		Instant now = clock.instant();
		EnrolmentStatus status = track.highInvestment() ? EnrolmentStatus.REQUESTED : EnrolmentStatus.ACTIVE;
		LocalDate enrolledOn = status == EnrolmentStatus.ACTIVE ? today() : null;
		String id;
		if (existing == null) {
			id = Ids.newId();
			rows.insert(new Enrolment(id, trackId, person, team, status, viewer.id(), now, cleanNote, null, null, null,
					enrolledOn, null, 0));
		}
		else {
			// joining again keeps what was done; the steps are planned again only when it becomes active (start)
			id = existing.id();
			if (!rows.restart(existing, status, team, viewer.id(), now, cleanNote, enrolledOn)) {
				throw new ConflictException("This enrolment changed at the same moment. Try again.");
			}
		}
		Enrolment enrolment = rows.find(id).orElseThrow();
		String personName = access.nameOf(person);
		if (status == EnrolmentStatus.REQUESTED && !viewer.is(person)) {
			// the proposer may decide for the person (enrol checked it above): her proposal is her approval, so it is
			// not left waiting for her own decision; recorded as proposed and approved by her, and the person is told
			if (!rows.decide(enrolment, EnrolmentStatus.ACTIVE, viewer.id(), now, null, today())) {
				throw new ConflictException("This enrolment changed at the same moment. Try again.");
			}
			Enrolment approved = rows.find(id).orElseThrow();
			events.publishEvent(new EnrolmentDecided(id, trackId, track.title(), person, true,
					"Proposed by " + viewer.name() + (cleanNote == null ? "." : ": " + cleanNote), viewer.name()));
			activate(approved, viewer, personName, track, "PROPOSED_AND_APPROVED");
		}
		else if (status == EnrolmentStatus.REQUESTED) {
			List<PersonId> managers = organization.managersOf(person).stream().filter(m -> !m.equals(viewer.id())).toList();
			events.publishEvent(new EnrolmentRequested(id, trackId, track.title(), person, personName, viewer.name(),
					cleanNote, managers, viewer.id()));
			events.publishEvent(new EnrolmentChanged(viewer.id(), id, track.title(), "REQUESTED",
					"person " + person.value() + (cleanNote == null ? "" : "; note: " + cleanNote)));
		}
		else {
			activate(enrolment, viewer, personName, track, "ENROLLED");
		}
		return rows.find(id).orElseThrow();
	}

	/** Approves a request (the person's manager, L&D or an admin; 403 for others who see it); 409 once decided. */
	@Transactional
	public Enrolment approve(Viewer viewer, String enrolmentId, String note) {
		Enrolment enrolment = decidable(viewer, enrolmentId);
		Track track = definitions.find(enrolment.trackId()).orElseThrow(() -> new NotFoundException("Track"));
		String cleanNote = note(note, "reason");
		if (!rows.decide(enrolment, EnrolmentStatus.ACTIVE, viewer.id(), clock.instant(), cleanNote, today())) {
			throw decidedAlready();
		}
		Enrolment approved = rows.find(enrolment.id()).orElseThrow();
		events.publishEvent(new EnrolmentDecided(approved.id(), track.id(), track.title(), approved.personId(), true,
				cleanNote, viewer.name()));
		activate(approved, viewer, access.nameOf(approved.personId()), track, "APPROVED");
		return rows.find(enrolment.id()).orElseThrow();
	}

	/** Declines a request with a reason the person reads (422 at {@code reason} when blank); 409 once decided. */
	@Transactional
	public Enrolment decline(Viewer viewer, String enrolmentId, String reason) {
		Enrolment enrolment = decidable(viewer, enrolmentId);
		String cleanReason = note(reason, "reason");
		if (cleanReason == null) {
			throw new InvalidInputException("reason", "Give a reason: the person reads it.");
		}
		Track track = definitions.find(enrolment.trackId()).orElseThrow(() -> new NotFoundException("Track"));
		if (!rows.decide(enrolment, EnrolmentStatus.DECLINED, viewer.id(), clock.instant(), cleanReason, null)) {
			throw decidedAlready();
		}
		events.publishEvent(new EnrolmentDecided(enrolment.id(), track.id(), track.title(), enrolment.personId(), false,
				cleanReason, viewer.name()));
		events.publishEvent(new EnrolmentChanged(viewer.id(), enrolment.id(), track.title(), "DECLINED",
				"person " + enrolment.personId().value() + "; reason: " + cleanReason));
		return rows.find(enrolment.id()).orElseThrow();
	}

	/** Leaves a track or takes back a request: the person or their manager; 409 when declined, withdrawn or completed. */
	@Transactional
	public Enrolment withdraw(Viewer viewer, String enrolmentId) {
		Enrolment enrolment = access.visible(viewer, enrolmentId);
		Track track = definitions.find(enrolment.trackId()).orElseThrow(() -> new NotFoundException("Track"));
		if (!rows.withdraw(enrolment)) {
			throw new ConflictException("Only a request or an enrolment under way can be withdrawn; this one is "
					+ rows.find(enrolment.id()).orElseThrow().status().name().toLowerCase(Locale.ROOT) + ".",
					Map.of("status", rows.find(enrolment.id()).orElseThrow().status().name()));
		}
		events.publishEvent(new EnrolmentChanged(viewer.id(), enrolment.id(), track.title(), "WITHDRAWN",
				"person " + enrolment.personId().value() + ", was " + enrolment.status().name()));
		return rows.find(enrolment.id()).orElseThrow();
	}

	/** One enrolment as the viewer may read it (404 for others' enrolments). */
	@Transactional(readOnly = true)
	public Enrolment enrolment(Viewer viewer, String enrolmentId) {
		return access.visible(viewer, enrolmentId);
	}

	/** May the viewer approve, decline, confirm and release for the person of this enrolment. */
	public boolean mayDecide(Viewer viewer, Enrolment enrolment) {
		return access.mayDecideFor(viewer, enrolment.personId());
	}

	/** Someone the viewer may propose for (or enrol in) a track. */
	public record Candidate(PersonId id, String name) {
	}

	/**
	 * The people of the viewer's team tree (the teams they manage and those below) who neither asked for, follow nor
	 * finished the track, by name; empty for someone who manages no team. L&D and admins propose others through the API.
	 */
	@Transactional(readOnly = true)
	public List<Candidate> candidates(Viewer viewer, TrackId trackId) {
		Map<PersonId, String> people = new HashMap<>();
		for (TeamId team : viewer.manages()) {
			organization.membersOfTeamTree(team).forEach(p -> people.put(p.id(), p.name()));
		}
		people.remove(viewer.id());
		rows.ofTrack(trackId, people.keySet()).stream()
			.filter(e -> e.status().holds())
			.forEach(e -> people.remove(e.personId()));
		return people.entrySet().stream()
			.map(e -> new Candidate(e.getKey(), e.getValue()))
			.sorted(Comparator.comparing(Candidate::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/** L&D and admins, and managers: they see the people of a track (theirs) and make tracks. */
	public boolean managesPeople(Viewer viewer) {
		return viewer.isManager() || access.actsOnAll(viewer);
	}

	/** The viewer's enrolments, latest first. */
	@Transactional(readOnly = true)
	public List<Enrolment> mine(Viewer viewer) {
		return rows.ofPerson(viewer.id());
	}

	/** Published tracks, by title, with the viewer's status in each. */
	@Transactional(readOnly = true)
	public List<TrackCard> published(Viewer viewer) {
		Map<String, EnrolmentStatus> statuses = rows.statusesOf(viewer.id());
		Map<String, String> ids = new HashMap<>();
		rows.ofPerson(viewer.id()).forEach(e -> ids.put(e.trackId().value(), e.id()));
		List<TrackCard> cards = new ArrayList<>();
		// a team's track shows only to its tree (and those who edit it): filtered in SQL, then by the same rule as reading
		Set<TeamId> ownerTeams = definitions.keepsOrganizationTracks(viewer) ? null
				: new HashSet<>(organization.withAncestors(viewer.teamIds()));
		if (ownerTeams != null) {
			ownerTeams.addAll(organization.managedTeamTree(viewer));
		}
		for (TrackId id : rows.publishedTracks(ownerTeams)) {
			definitions.effective(id, firstTeam(viewer)).filter(e -> definitions.mayRead(viewer, e.track())).ifPresent(effective -> cards.add(new TrackCard(effective.track(),
					effective.steps().size(), statuses.get(id.value()), ids.get(id.value()))));
		}
		return cards;
	}

	/** The viewer's own enrolment in a track, if any. */
	@Transactional(readOnly = true)
	public Optional<Enrolment> mineIn(Viewer viewer, TrackId track) {
		return rows.of(track, viewer.id());
	}

	/** Requests waiting for the viewer's decision (their tree's; all for L&D and admins), oldest first. */
	@Transactional(readOnly = true)
	public List<Request> waiting(Viewer viewer) {
		if (!managesPeople(viewer)) {
			return List.of();
		}
		Set<PersonId> people = access.managedPeople(viewer);
		List<Enrolment> list = rows.waiting(people).stream().filter(e -> !viewer.is(e.personId())).toList();
		Set<PersonId> named = new HashSet<>();
		list.forEach(e -> {
			named.add(e.personId());
			named.add(e.requestedBy());
		});
		Map<PersonId, Organization.Credit> credits = organization.credits(named);
		Map<TrackId, Track> tracks = new HashMap<>();
		List<Request> requests = new ArrayList<>();
		for (Enrolment e : list) {
			Track track = tracks.computeIfAbsent(e.trackId(), id -> definitions.find(id).orElse(null));
			if (track != null) {
				requests.add(new Request(e, track, name(credits, e.personId()), name(credits, e.requestedBy())));
			}
		}
		return requests;
	}

	/**
	 * The people of a track the viewer manages (every enrolled person for L&D and admins), optionally of one team's
	 * tree, by name, {@link #PAGE_SIZE} a page: progress is read in one query for the whole track.
	 */
	@Transactional(readOnly = true)
	public People people(Viewer viewer, TrackId trackId, TeamId teamId, int page) {
		if (!managesPeople(viewer)) {
			throw new ForbiddenException("Only managers, L&D and admins see who follows a track.");
		}
		Track track = definitions.readable(viewer, trackId);
		Set<PersonId> people = access.managedPeople(viewer);
		if (teamId != null) {
			organization.managedTeam(viewer, teamId);
			Set<PersonId> ofTeam = new HashSet<>();
			organization.membersOfTeamTree(teamId).stream().map(Person::id).forEach(ofTeam::add);
			if (people != null) {
				ofTeam.retainAll(people);
			}
			people = ofTeam;
		}
		List<Enrolment> enrolled = rows.ofTrack(trackId, people).stream()
			.filter(e -> e.status() != EnrolmentStatus.WITHDRAWN)
			.toList();
		Map<PersonId, Organization.Credit> credits = organization.credits(enrolled.stream().map(Enrolment::personId).toList());
		List<Enrolment> sorted = enrolled.stream()
			.sorted(Comparator.comparing((Enrolment e) -> name(credits, e.personId()).toLowerCase(Locale.ROOT))
				.thenComparing(Enrolment::id))
			.toList();
		int pages = Math.max(1, (sorted.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(1, page), pages);
		List<Enrolment> shown = sorted.subList((current - 1) * PAGE_SIZE, Math.min(sorted.size(), current * PAGE_SIZE));
		Map<String, ProgressRows.Summary> summaries = shown.isEmpty() ? Map.of() : progressRows.summaries(trackId.value(), today());
		// the current step and the version followed as the person's own page says them (one rule, TrackProgress)
		Map<String, TrackProgress.Progress> followed = new HashMap<>();
		progress.progressOf(shown.stream().filter(e -> summaries.containsKey(e.id())).toList())
			.forEach(p -> followed.put(p.enrolment().id(), p));
		Map<TeamId, String> versions = new HashMap<>();
		LocalDate today = today();
		List<Place> places = new ArrayList<>();
		for (Enrolment e : shown) {
			ProgressRows.Summary summary = summaries.get(e.id());
			TrackProgress.Progress p = followed.get(e.id());
			if (summary == null || p == null) {
				String version = versions.computeIfAbsent(e.team() == null ? new TeamId("-") : e.team(),
						k -> definitions.effective(trackId, e.team()).map(EffectiveTrack::versionInWords).orElse(null));
				places.add(new Place(e, name(credits, e.personId()), null, 0, 0, null, null, version));
				continue;
			}
			TrackProgress.StepProgress currentStep = p.current();
			LocalDate last = summary.lastDone() != null ? LocalDate.ofInstant(summary.lastDone(), ZoneOffset.UTC) : e.enrolledOn();
			Integer days = last == null ? null : (int) ChronoUnit.DAYS.between(last, today);
			TrackProgressRules.Pace pace = e.status() == EnrolmentStatus.COMPLETED ? null
					: TrackProgressRules.pace(summary.doneEarly(), summary.oldestOpenRelease(), today, behindAfterDays);
			places.add(new Place(e, name(credits, e.personId()), currentStep == null ? null : currentStep.step().title(),
					p.done(), p.total(), days, pace, p.version()));
		}
		return new People(track, places, current, pages, sorted.size());
	}

	private void activate(Enrolment enrolment, Viewer by, String personName, Track track, String change) {
		EffectiveTrack effective = definitions.effective(track.id(), enrolment.team())
			.orElseThrow(() -> new NotFoundException("Track"));
		record.record(new LearningAction(enrolment.personId(), personName, Verb.REGISTERED, ActivityType.TRACK,
				track.id().value(), track.title(), null, Result.NONE, enrolment.id()));
		events.publishEvent(new EnrolmentChanged(by.id(), enrolment.id(), track.title(), change,
				"person " + enrolment.personId().value() + (enrolment.team() == null ? "" : ", team " + enrolment.team().value())));
		progress.start(enrolment, effective);
	}

	private Enrolment decidable(Viewer viewer, String enrolmentId) {
		Enrolment seen = rows.find(enrolmentId).orElseThrow(() -> new NotFoundException("Enrolment"));
		if (!access.mayDecideFor(viewer, seen.personId())) {
			// the person and other managers are told why; anyone else learns nothing of it
			if (viewer.is(seen.personId()) || viewer.isManager()) {
				throw new ForbiddenException("Only the person's manager decides who enters this track.");
			}
			throw new NotFoundException("Enrolment");
		}
		Enrolment enrolment = rows.lock(seen.id()).orElseThrow(() -> new NotFoundException("Enrolment"));
		if (enrolment.status() != EnrolmentStatus.REQUESTED) {
			throw decidedAlready();
		}
		return enrolment;
	}

	private static ConflictException decidedAlready() {
		return new ConflictException("This request was decided already (or withdrawn).");
	}

	private TeamId teamOf(PersonId person, TeamId chosen) {
		// by name, so that "the first team" is the one people see first
		List<TeamId> teams = organization.teamsOf(List.of(person)).stream().map(Team::id).toList();
		if (chosen != null) {
			if (!teams.contains(chosen)) {
				throw new InvalidInputException("teamId", "Choose one of the person's own teams.");
			}
			return chosen;
		}
		return teams.isEmpty() ? null : teams.get(0);
	}

	private TeamId firstTeam(Viewer viewer) {
		List<Team> teams = organization.teamsOf(List.of(viewer.id()));
		return teams.isEmpty() ? null : teams.get(0).id();
	}

	static String note(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String clean = text.strip();
		if (clean.length() > MAX_NOTE) {
			throw new InvalidInputException(field, "Keep it under " + MAX_NOTE + " characters.");
		}
		if (ControlCharacters.in(clean)) {
			throw new InvalidInputException(field, ControlCharacters.MESSAGE);
		}
		return clean;
	}

	private static String name(Map<PersonId, Organization.Credit> credits, PersonId id) {
		Organization.Credit credit = credits.get(id);
		return credit == null ? "Someone" : credit.name();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}
}
