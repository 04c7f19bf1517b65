package io.stride.tracks;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.CourseId;
import io.stride.capability.Capabilities;
import io.stride.capability.CapabilityId;
import io.stride.capability.LearningTeam;
import io.stride.identity.Organization;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.library.Library;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.tracks.internal.TrackReads;
import io.stride.tracks.internal.TrackWrites;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tracks as defined: the organization's steps and each team's version on top of them.
 * <p>
 * Who may: L&D (the learning team) and admins create the organization's tracks and edit every track; a manager
 * creates tracks owned by one of their teams and edits those of their tree. Published organization tracks are read
 * by everyone, a team's by its tree (members, the teams below, its managers); drafts only by those who may edit
 * them; 404 for the rest. A change to a published track's steps or pacing moves its {@code version}, and the teams
 * with a version of their own hear of it ({@link TrackBaseChanged}).
 */
@Service
public class TrackDefinitions {

	public static final int MAX_TITLE = 200;

	public static final int MAX_DESCRIPTION = 4000;

	public static final int MAX_STEP_DESCRIPTION = 2000;

	public static final int MAX_NOTE = 1000;

	public static final int MAX_STEPS = 100;

	public static final int MAX_DAYS = 365;

	public static final String CONFLICT_MESSAGE = "This track was changed elsewhere (another tab or person) after you "
			+ "opened it. Reload it to see the change, then edit again.";

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final TrackReads reads;

	private final TrackWrites writes;

	private final JsonMapper json;

	private final Organization organization;

	private final LearningTeam learningTeam;

	private final Authoring authoring;

	private final Capabilities capabilities;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Library library;

	TrackDefinitions(TrackReads reads, TrackWrites writes, JsonMapper json, Organization organization,
			LearningTeam learningTeam, Authoring authoring, Capabilities capabilities, ApplicationEventPublisher events,
			Clock clock, Library library) {
		this.library = library;
		this.reads = reads;
		this.writes = writes;
		this.json = json;
		this.organization = organization;
		this.learningTeam = learningTeam;
		this.authoring = authoring;
		this.capabilities = capabilities;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Track> find(TrackId id) {
		return reads.track(id);
	}

	/** The organization's steps, in order. */
	@Transactional(readOnly = true)
	public List<TrackStep> steps(TrackId id) {
		return reads.steps(id);
	}

	/**
	 * The track as {@code team}'s people follow it: the team's own version, else the version of the nearest team above
	 * it that has one (a team's version applies to its sub-teams unless they made their own; ADR 0028), else the
	 * organization's (also when {@code team} is null). Steps the version's order does not name (added to the base
	 * since) keep their base place among the others; steps removed from the base are gone.
	 */
	@Transactional(readOnly = true)
	public Optional<EffectiveTrack> effective(TrackId id, TeamId team) {
		return reads.track(id).map(track -> {
			List<TrackStep> base = reads.steps(id);
			Optional<Team> versionTeam = team == null ? Optional.empty() : versionTeam(id, team);
			Optional<TrackReads.OverrideRow> override = versionTeam.flatMap(t -> reads.override(id, t.id()));
			if (override.isEmpty()) {
				return new EffectiveTrack(track, team, base, false, track.version(), null, null);
			}
			return new EffectiveTrack(track, team, apply(base, override.get()), true, override.get().baseVersion(),
					versionTeam.get().id(), versionTeam.get().name());
		});
	}

	/**
	 * Per team, whose version of the track it follows, in words: "its own version", "Customer Success’s version" (a
	 * team above it), "the organization’s". Two queries whatever the number of teams.
	 */
	@Transactional(readOnly = true)
	public Map<TeamId, String> versionsFollowed(TrackId id, Collection<TeamId> teams) {
		Set<String> withVersion = writes.overriddenBy(id.value());
		Map<TeamId, Team> all = teamsById();
		Map<TeamId, String> followed = new LinkedHashMap<>();
		for (TeamId team : teams) {
			followed.put(team, versionTeam(withVersion, all, team)
				.map(t -> t.id().equals(team) ? "its own version" : t.name() + "’s version")
				.orElse("the organization’s"));
		}
		return followed;
	}

	/** The team whose version {@code team} follows: itself or the nearest team above it with a version of its own. */
	private Optional<Team> versionTeam(TrackId id, TeamId team) {
		Set<String> withVersion = writes.overriddenBy(id.value());
		return withVersion.isEmpty() ? Optional.empty() : versionTeam(withVersion, teamsById(), team);
	}

	private static Optional<Team> versionTeam(Set<String> withVersion, Map<TeamId, Team> teams, TeamId team) {
		Set<TeamId> seen = new HashSet<>();
		for (TeamId current = team; current != null && seen.add(current); ) {
			Team found = teams.get(current);
			if (withVersion.contains(current.value())) {
				return Optional.of(found != null ? found : new Team(current, "Your team", null));
			}
			current = found == null ? null : found.parentId();
		}
		return Optional.empty();
	}

	private Map<TeamId, Team> teamsById() {
		Map<TeamId, Team> teams = new HashMap<>();
		organization.allTeams().forEach(t -> teams.put(t.id(), t));
		return teams;
	}

	// --- who may ---

	/** Whether the viewer edits every track: admins and the learning team (L&D). */
	public boolean keepsOrganizationTracks(Viewer viewer) {
		return learningTeam.includes(viewer);
	}

	/** Whether the viewer may create tracks at all (L&D, admins and managers). */
	public boolean mayCreate(Viewer viewer) {
		return keepsOrganizationTracks(viewer) || viewer.isManager();
	}

	/** Whether the viewer may edit this track: L&D and admins all, a manager those owned by a team of their tree. */
	public boolean mayEdit(Viewer viewer, Track track) {
		return keepsOrganizationTracks(viewer)
				|| track.ownerTeam() != null && organization.canManage(viewer, track.ownerTeam());
	}

	/** Whether the viewer may read this track (see the class comment). */
	public boolean mayRead(Viewer viewer, Track track) {
		if (mayEdit(viewer, track)) {
			return true;
		}
		if (track.status() == TrackStatus.DRAFT) {
			return false;
		}
		if (track.ownerTeam() == null) {
			return true;
		}
		Set<TeamId> tree = organization.withDescendants(Set.of(track.ownerTeam()));
		return viewer.teamIds().stream().anyMatch(tree::contains);
	}

	/** A track the viewer may read; 404 otherwise. */
	@Transactional(readOnly = true)
	public Track readable(Viewer viewer, TrackId id) {
		return reads.track(id).filter(track -> mayRead(viewer, track)).orElseThrow(() -> new NotFoundException("Track"));
	}

	/** A track the viewer may edit: 403 for those who only read it, 404 for the rest. */
	@Transactional(readOnly = true)
	public Track editable(Viewer viewer, TrackId id) {
		Track track = readable(viewer, id);
		if (!mayEdit(viewer, track)) {
			throw new ForbiddenException("Only L&D, admins and the managers of the team that owns this track edit it.");
		}
		return track;
	}

	/** The tracks the viewer may read, of one role family when given (any case), archived ones left out. */
	@Transactional(readOnly = true)
	public List<Track> list(Viewer viewer, String roleFamily) {
		String family = roleFamily == null || roleFamily.isBlank() ? null : roleFamily.strip();
		return reads.tracks(family, false).stream().filter(track -> mayRead(viewer, track)).toList();
	}

	/** The track as {@code team} follows it, for a viewer who may read the track (404 otherwise). */
	@Transactional(readOnly = true)
	public EffectiveTrack effective(Viewer viewer, TrackId id, TeamId team) {
		readable(viewer, id);
		if (team != null && !organization.canManage(viewer, team) && !viewer.teamIds().contains(team)
				&& !keepsOrganizationTracks(viewer)) {
			throw new NotFoundException("Team");
		}
		return effective(id, team).orElseThrow(() -> new NotFoundException("Track"));
	}

	// --- writing a track ---

	/**
	 * Creates a draft track. The organization's ({@code ownerTeam} null) by L&D and admins; a team's by its managers
	 * (and L&D and admins); 403 otherwise. 422 at the field for a blank or long title, long texts, an unknown
	 * capability.
	 */
	@Transactional
	public Track create(Viewer viewer, TrackDraft draft) {
		if (draft.ownerTeam() == null ? !keepsOrganizationTracks(viewer)
				: !keepsOrganizationTracks(viewer) && !organization.canManage(viewer, draft.ownerTeam())) {
			throw new ForbiddenException(draft.ownerTeam() == null
					? "Only L&D and admins create the organization's tracks; managers create tracks for their teams."
					: "You may create tracks only for teams you manage.");
		}
		if (draft.ownerTeam() != null) {
			organization.allTeams()
				.stream()
				.filter(team -> team.id().equals(draft.ownerTeam()))
				.findAny()
				.orElseThrow(() -> new InvalidInputException("ownerTeamId", "There is no such team."));
		}
		TrackWrites.TrackRow row = checked(viewer, Ids.newId(), draft, "The track was not created.");
		writes.insert(row, viewer.id().value(), clock.instant());
		Track track = reads.track(new TrackId(row.id())).orElseThrow();
		events.publishEvent(new TrackChanged(track.id(), track.title(), "CREATED",
				track.ownerTeam() == null ? "the organization's" : "owned by team " + track.ownerTeam().value(),
				viewer.id()));
		return track;
	}

	/** Saves a track's own fields (its owner stays); 409 when someone saved it after {@code revision}, 422 as for create. */
	@Transactional
	public Track update(Viewer viewer, TrackId id, int revision, TrackDraft draft) {
		Track before = editable(viewer, id);
		if (before.status() == TrackStatus.ARCHIVED) {
			throw new ConflictException("This track is archived; it can no longer be changed.");
		}
		TrackWrites.TrackRow row = checked(viewer, id.value(), draft, "The track was not saved.");
		row = new TrackWrites.TrackRow(row.id(), row.title(), row.description(), row.roleFamily(), row.capabilityId(),
				row.highInvestment(), row.investmentNote(), before.ownerTeam() == null ? null : before.ownerTeam().value());
		if (!writes.update(row, revision, clock.instant())) {
			throw conflict(id);
		}
		Track track = reads.track(id).orElseThrow();
		events.publishEvent(new TrackChanged(id, track.title(), "UPDATED", changes(before, track), viewer.id()));
		return track;
	}

	/** Publishes a draft track: 422 at {@code steps} without a step, 409 when it is not a draft or the revision is stale. */
	@Transactional
	public Track publish(Viewer viewer, TrackId id, int revision) {
		Track track = editable(viewer, id);
		if (track.status() != TrackStatus.DRAFT) {
			throw new ConflictException("Only a draft track can be published; this one is " + track.status().name()
					.toLowerCase(Locale.ROOT) + ".", Map.of("revision", track.revision()));
		}
		if (reads.steps(id).isEmpty()) {
			throw new InvalidInputException("steps", "Add at least one step before publishing the track.");
		}
		if (!writes.publish(id.value(), revision, clock.instant())) {
			throw conflict(id);
		}
		events.publishEvent(new TrackChanged(id, track.title(), "PUBLISHED", "version " + track.version(), viewer.id()));
		return reads.track(id).orElseThrow();
	}

	/** Archives a track: no longer listed nor editable; enrolments and their records stay. */
	@Transactional
	public Track archive(Viewer viewer, TrackId id) {
		Track track = editable(viewer, id);
		if (track.status() != TrackStatus.ARCHIVED) {
			writes.archive(id.value(), clock.instant());
			events.publishEvent(new TrackChanged(id, track.title(), "ARCHIVED", null, viewer.id()));
		}
		return reads.track(id).orElseThrow();
	}

	// --- writing steps ---

	/**
	 * Adds a step (last, or at {@code draft.position()}); {@code revision} checked when given (409 when stale). 422 at
	 * the field for what the kind needs, unknown prerequisites, a circular prerequisite, a step placed before what it
	 * requires, a fixed date before a prerequisite's.
	 */
	@Transactional
	public TrackStep addStep(Viewer viewer, TrackId id, Integer revision, StepDraft draft) {
		Track track = writable(viewer, id);
		List<TrackStep> steps = reads.steps(id);
		if (steps.size() >= MAX_STEPS) {
			throw new InvalidInputException("steps", "A track has at most " + MAX_STEPS + " steps.");
		}
		TrackStep step = checkedStep(viewer, Ids.newId(), draft, steps, "The step was not added.");
		List<TrackStep> after = new ArrayList<>(steps);
		int at = place(draft.position(), steps.size());
		after.add(at, step);
		after = renumbered(after);
		checkSequence(after, step.id(), draft.position() != null, "The step was not added.");
		checkTeamVersions(id, after, "The step was not added.");
		touch(viewer, track, revision, "STEP_ADDED", "“" + step.title() + "” (" + step.kind() + ") at " + (at + 1));
		writes.saveStep(id.value(), after.get(at), true);
		writes.order(id.value(), after.stream().map(TrackStep::id).toList());
		return after.get(at);
	}

	/** Changes a step (and its place when {@code draft.position()} is given); 404 for a step of another track. */
	@Transactional
	public TrackStep editStep(Viewer viewer, TrackId id, String stepId, Integer revision, StepDraft draft) {
		Track track = writable(viewer, id);
		List<TrackStep> steps = reads.steps(id);
		TrackStep old = steps.stream()
			.filter(s -> s.id().equals(stepId))
			.findAny()
			.orElseThrow(() -> new NotFoundException("Step"));
		TrackStep step = checkedStep(viewer, stepId, draft, steps, "The step was not saved.");
		List<TrackStep> after = new ArrayList<>(steps);
		int was = after.indexOf(old);
		after.remove(was);
		int at = draft.position() == null ? was : place(draft.position(), after.size());
		after.add(at, step);
		after = renumbered(after);
		checkSequence(after, stepId, draft.position() != null, "The step was not saved.");
		checkTeamVersions(id, after, "The step was not saved.");
		String detail = stepChanges(old, after.get(at));
		touch(viewer, track, revision, "STEP_CHANGED", detail);
		writes.saveStep(id.value(), after.get(at), false);
		writes.order(id.value(), after.stream().map(TrackStep::id).toList());
		return after.get(at);
	}

	/**
	 * Removes a step; steps that required it no longer do. 422 at {@code stepId} when anyone has done it (a published
	 * track's done steps are not silently taken from people's progress).
	 */
	@Transactional
	public void removeStep(Viewer viewer, TrackId id, String stepId, Integer revision) {
		Track track = writable(viewer, id);
		List<TrackStep> steps = reads.steps(id);
		TrackStep old = steps.stream()
			.filter(s -> s.id().equals(stepId))
			.findAny()
			.orElseThrow(() -> new NotFoundException("Step"));
		int did = reads.peopleWhoDid(stepId);
		if (did > 0) {
			// their done steps stay theirs: a step people have done is changed, not removed
			throw new InvalidInputException("The step was not removed.", Map.of("stepId", (did == 1 ? "1 person has"
					: did + " people have") + " done this step; removing it would take it out of their progress. "
					+ "Change the step instead, or archive the track and publish a new one."));
		}
		touch(viewer, track, revision, "STEP_REMOVED", "“" + old.title() + "” (step " + (old.position() + 1) + ")");
		writes.removeStep(id.value(), stepId);
		writes.order(id.value(), steps.stream().map(TrackStep::id).filter(s -> !s.equals(stepId)).toList());
	}

	/**
	 * Puts the steps in this order: every step once (422 at {@code stepIds} otherwise), none before what it requires;
	 * 409 when the revision is stale.
	 */
	@Transactional
	public List<TrackStep> reorder(Viewer viewer, TrackId id, int revision, List<String> stepIds) {
		Track track = writable(viewer, id);
		List<TrackStep> steps = reads.steps(id);
		List<TrackStep> ordered = ordered(steps, stepIds, "stepIds");
		TrackSequence.outOfOrder(ordered).ifPresent(message -> {
			throw new InvalidInputException("The order was not saved.", Map.of("stepIds", message));
		});
		checkTeamVersions(id, ordered, "The order was not saved.");
		touch(viewer, track, revision, "REORDERED", moves(steps, ordered));
		writes.order(id.value(), stepIds);
		return reads.steps(id);
	}

	/** Steps in the order given, checked to name each of {@code steps} exactly once (422 at {@code field}). */
	static List<TrackStep> ordered(List<TrackStep> steps, List<String> stepIds, String field) {
		Map<String, TrackStep> byId = new LinkedHashMap<>();
		steps.forEach(step -> byId.put(step.id(), step));
		if (stepIds == null || stepIds.size() != steps.size() || new HashSet<>(stepIds).size() != stepIds.size()
				|| !byId.keySet().containsAll(stepIds)) {
			throw new InvalidInputException("The order was not saved.", Map.of(field,
					"Name every step of the track exactly once (" + steps.size() + " steps)."));
		}
		List<TrackStep> ordered = new ArrayList<>();
		for (String stepId : stepIds) {
			ordered.add(byId.get(stepId).placed(ordered.size(), byId.get(stepId).pacing()));
		}
		return ordered;
	}

	/** "“B” moved from 3 to 1" for each step whose place differs. */
	static String moves(List<TrackStep> from, List<TrackStep> to) {
		List<String> moves = new ArrayList<>();
		Map<String, Integer> before = new HashMap<>();
		for (int i = 0; i < from.size(); i++) {
			before.put(from.get(i).id(), i);
		}
		for (int i = 0; i < to.size(); i++) {
			Integer was = before.get(to.get(i).id());
			if (was != null && was != i) {
				moves.add("“" + to.get(i).title() + "” moved from " + (was + 1) + " to " + (i + 1));
			}
		}
		return moves.isEmpty() ? "no step moved" : String.join("; ", moves);
	}

	private Track writable(Viewer viewer, TrackId id) {
		writes.lock(id.value());
		Track track = editable(viewer, id);
		if (track.status() == TrackStatus.ARCHIVED) {
			throw new ConflictException("This track is archived; it can no longer be changed.");
		}
		return track;
	}

	/**
	 * Moves the track's revision (checked when given) and, for a published track, its version; tells the teams with a
	 * version of their own.
	 */
	private void touch(Viewer viewer, Track track, Integer revision, String change, String detail) {
		boolean published = track.status() == TrackStatus.PUBLISHED;
		if (!writes.touch(track.id().value(), revision, published, clock.instant())) {
			throw conflict(track.id());
		}
		events.publishEvent(new TrackChanged(track.id(), track.title(), change,
				published ? detail + " (version " + track.version() + " → " + (track.version() + 1) + ")" : detail,
				viewer.id()));
		if (published) {
			List<TeamId> teams = writes.overriddenBy(track.id().value()).stream().sorted().map(TeamId::new).toList();
			if (!teams.isEmpty()) {
				events.publishEvent(new TrackBaseChanged(track.id(), track.title(), track.version(), track.version() + 1,
						teams, viewer.id()));
			}
		}
	}

	private ConflictException conflict(TrackId id) {
		int now = reads.track(id).map(Track::revision).orElse(0);
		return new ConflictException(CONFLICT_MESSAGE, Map.of("revision", now));
	}

	private static int place(Integer position, int size) {
		if (position == null) {
			return size;
		}
		if (position < 0 || position > size) {
			throw new InvalidInputException("position", "Choose a place from 0 (first) to " + size + " (last).");
		}
		return position;
	}

	private static List<TrackStep> renumbered(List<TrackStep> steps) {
		List<TrackStep> numbered = new ArrayList<>();
		for (TrackStep step : steps) {
			numbered.add(step.placed(numbered.size(), step.pacing()));
		}
		return numbered;
	}

	/** The sequence rules for a track's steps after a change to {@code stepId}. */
	private static void checkSequence(List<TrackStep> steps, String stepId, boolean placed, String message) {
		Optional<String> cycle = TrackSequence.cycle(steps);
		if (cycle.isPresent()) {
			throw new InvalidInputException(message, Map.of("prerequisites", cycle.get()));
		}
		Optional<String> order = TrackSequence.outOfOrder(steps);
		if (order.isPresent()) {
			throw new InvalidInputException(message, Map.of(placed ? "position" : "prerequisites", order.get()));
		}
		Map<String, String> early = TrackSequence.releasedBeforePrerequisite(steps);
		if (!early.isEmpty()) {
			String text = early.getOrDefault(stepId, early.values().iterator().next());
			throw new InvalidInputException(message, Map.of("pacing.releaseOn", text));
		}
	}

	/**
	 * A change to the base must keep every team's version sound: a team's order applied to the changed steps must not
	 * put a step before its prerequisite, nor a team's fixed date before its prerequisite's. We refuse the base change
	 * (422 at {@code teams}, naming the team and the steps) rather than silently re-ordering a team's version: the
	 * manager who made that version decided it, and L&D can see whom to ask (or the manager resets it) before trying
	 * again; nothing of either is changed meanwhile.
	 */
	private void checkTeamVersions(TrackId id, List<TrackStep> changedBase, String message) {
		List<String> problems = new ArrayList<>();
		for (String teamId : writes.overriddenBy(id.value()).stream().sorted().toList()) {
			TeamId team = new TeamId(teamId);
			Optional<TrackReads.OverrideRow> override = reads.override(id, team);
			if (override.isEmpty()) {
				continue;
			}
			List<TrackStep> theirs = apply(changedBase, override.get());
			Optional<String> problem = TrackSequence.outOfOrder(theirs);
			if (problem.isEmpty()) {
				Map<String, String> early = TrackSequence.releasedBeforePrerequisite(theirs);
				problem = early.isEmpty() ? Optional.empty() : Optional.of(early.values().iterator().next());
			}
			problem.ifPresent(text -> problems.add(teamName(team) + "’s version: " + text));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(message, Map.of("teams", String.join(" ", problems)
					+ " Ask its manager to change or reset their version first."));
		}
	}

	private String teamName(TeamId team) {
		return organization.allTeams().stream().filter(t -> t.id().equals(team)).map(Team::name)
			.findAny().orElse("A team");
	}

	private TrackWrites.TrackRow checked(Viewer viewer, String id, TrackDraft draft, String message) {
		Map<String, String> errors = new LinkedHashMap<>();
		String title = text(draft.title());
		if (title == null) {
			errors.put("title", "Give the track a title.");
		}
		else if (title.length() > MAX_TITLE) {
			errors.put("title", "Keep the title to " + MAX_TITLE + " characters.");
		}
		String description = text(draft.description());
		if (description != null && description.length() > MAX_DESCRIPTION) {
			errors.put("description", "Keep the description to " + MAX_DESCRIPTION + " characters.");
		}
		String family = text(draft.roleFamily());
		if (family != null && family.length() > MAX_TITLE) {
			errors.put("roleFamily", "Keep the role family to " + MAX_TITLE + " characters.");
		}
		String note = text(draft.investmentNote());
		if (note != null && note.length() > MAX_NOTE) {
			errors.put("investmentNote", "Keep the note to " + MAX_NOTE + " characters.");
		}
		String capability = capability(viewer, draft.capabilityId(), "capabilityId", errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(message, errors);
		}
		return new TrackWrites.TrackRow(id, title, description == null ? "" : description, family, capability,
				draft.highInvestment(), draft.highInvestment() ? note : null,
				draft.ownerTeam() == null ? null : draft.ownerTeam().value());
	}

	private TrackStep checkedStep(Viewer viewer, String id, StepDraft draft, List<TrackStep> steps, String message) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (draft.kind() == null) {
			throw new InvalidInputException("kind", "Choose what the step is: COURSE, COMPONENT, OBSERVED_TASK, "
					+ "GOAL_SUGGESTION or EXTERNAL.");
		}
		String title = text(draft.title());
		String description = text(draft.description());
		CourseId course = null;
		String component = null;
		String checklistTask = null;
		String capability = null;
		String goal = null;
		String url = null;
		Confirmation confirmation = null;
		switch (draft.kind()) {
			case COURSE -> {
				String courseId = text(draft.courseId());
				if (courseId == null) {
					errors.put("courseId", "Choose a published course.");
				}
				else {
					try {
						var published = authoring.published(new CourseId(courseId));
						course = published.id();
						title = title == null ? published.title() : title;
					}
					catch (NotFoundException | IllegalArgumentException e) {
						errors.put("courseId", "There is no published course with this id.");
					}
				}
			}
			case COMPONENT -> {
				component = text(draft.componentId());
				if (component == null) {
					errors.put("componentId", "Choose a component of the library.");
				}
				else if (component.length() > 64) {
					errors.put("componentId", "A component id has at most 64 characters.");
				}
				else {
					// the library holds only what the viewer may read: lessons, modules and questions of live courses
					try {
						var found = library.component(viewer, component);
						title = title == null ? found.title() : title;
					}
					catch (NotFoundException e) {
						errors.put("componentId", "There is no component with this id in the library.");
					}
				}
			}
			case OBSERVED_TASK -> {
				checklistTask = text(draft.checklistTaskId());
				if (checklistTask != null && checklistTask.length() > 36) {
					errors.put("checklistTaskId", "A checklist task id has at most 36 characters.");
				}
				capability = capability(viewer, draft.capabilityId(), "capabilityId", errors);
				confirmation = draft.confirmation() == null ? Confirmation.MANAGER : draft.confirmation();
			}
			case GOAL_SUGGESTION -> {
				goal = text(draft.goalText());
				if (goal == null) {
					errors.put("goalText", "Write the goal to suggest.");
				}
				else if (goal.length() > MAX_NOTE) {
					errors.put("goalText", "Keep the goal to " + MAX_NOTE + " characters.");
				}
				capability = capability(viewer, draft.capabilityId(), "capabilityId", errors);
				if (capability == null && !errors.containsKey("capabilityId")) {
					errors.put("capabilityId", "Choose the capability the goal serves.");
				}
				title = title == null && goal != null ? cut(goal, MAX_TITLE) : title;
			}
			case EXTERNAL -> {
				url = text(draft.externalUrl());
				if (url == null) {
					errors.put("externalUrl", "Give the activity's address (https://…).");
				}
				else if (!isHttps(url)) {
					errors.put("externalUrl", "Give a full https address, like https://example.org/programme.");
				}
				if (draft.confirmation() == null) {
					errors.put("confirmation", "Choose who confirms it is done: the person (SELF) or their manager (MANAGER).");
				}
				confirmation = draft.confirmation();
			}
		}
		if (title == null) {
			errors.putIfAbsent("title", "Give the step a title.");
		}
		else if (title.length() > MAX_TITLE) {
			errors.put("title", "Keep the title to " + MAX_TITLE + " characters.");
		}
		if (description != null && description.length() > MAX_STEP_DESCRIPTION) {
			errors.put("description", "Keep the description to " + MAX_STEP_DESCRIPTION + " characters.");
		}
		pacingErrors(draft.pacing(), "pacing", errors);
		Set<String> known = new HashSet<>();
		steps.forEach(step -> known.add(step.id()));
		for (String requires : draft.prerequisites()) {
			if (requires.equals(id)) {
				errors.put("prerequisites", "A step cannot require itself.");
			}
			else if (!known.contains(requires)) {
				errors.put("prerequisites", "A prerequisite must be a step of this track.");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(message, errors);
		}
		return new TrackStep(id, 0, draft.kind(), title, description == null ? "" : description, course, component,
				checklistTask, capability, goal, url, confirmation, draft.pacing(), draft.prerequisites(),
				draft.highInvestment());
	}

	/** Pacing that is complete: days 0–365 for the day rules, a date for FIXED_DATE. */
	static void pacingErrors(Pacing pacing, String field, Map<String, String> errors) {
		if ((pacing.rule() == PacingRule.AFTER_PREVIOUS || pacing.rule() == PacingRule.AFTER_ENROLMENT)
				&& (pacing.days() == null || pacing.days() < 0 || pacing.days() > MAX_DAYS)) {
			errors.put(field + ".days", "Give a number of days from 0 to " + MAX_DAYS + ".");
		}
		if (pacing.rule() == PacingRule.FIXED_DATE && pacing.releaseOn() == null) {
			errors.put(field + ".releaseOn", "Give the date the step is released on.");
		}
	}

	private String capability(Viewer viewer, String capabilityId, String field, Map<String, String> errors) {
		String id = text(capabilityId);
		if (id == null) {
			return null;
		}
		try {
			return capabilities.get(viewer, new CapabilityId(id)).id().value();
		}
		catch (NotFoundException | IllegalArgumentException e) {
			errors.put(field, "There is no such capability.");
			return null;
		}
	}

	private static boolean isHttps(String url) {
		if (url.length() > 2000) {
			return false;
		}
		try {
			URI uri = new URI(url);
			return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	private static String changes(Track before, Track after) {
		List<String> changes = new ArrayList<>();
		if (!before.title().equals(after.title())) {
			changes.add("title “" + before.title() + "” → “" + after.title() + "”");
		}
		if (!before.description().equals(after.description())) {
			changes.add("description");
		}
		if (!Objects.equals(before.roleFamily(), after.roleFamily())) {
			changes.add("role family " + before.roleFamily() + " → " + after.roleFamily());
		}
		if (!Objects.equals(before.capabilityId(), after.capabilityId())) {
			changes.add("capability");
		}
		if (before.highInvestment() != after.highInvestment()) {
			changes.add(after.highInvestment() ? "now high-investment" : "no longer high-investment");
		}
		if (!Objects.equals(before.investmentNote(), after.investmentNote())) {
			changes.add("investment note");
		}
		return changes.isEmpty() ? "nothing changed" : String.join("; ", changes);
	}

	private static String stepChanges(TrackStep before, TrackStep after) {
		List<String> changes = new ArrayList<>();
		if (!before.title().equals(after.title())) {
			changes.add("title “" + before.title() + "” → “" + after.title() + "”");
		}
		if (before.position() != after.position()) {
			changes.add("moved from " + (before.position() + 1) + " to " + (after.position() + 1));
		}
		if (!before.pacing().equals(after.pacing())) {
			changes.add("released " + TrackSequence.describe(after.pacing()) + " instead of "
					+ TrackSequence.describe(before.pacing()));
		}
		if (!before.prerequisites().equals(after.prerequisites())) {
			changes.add("prerequisites");
		}
		if (before.kind() != after.kind() || !before.description().equals(after.description())
				|| !Objects.equals(before.courseId(), after.courseId())
				|| !Objects.equals(before.externalUrl(), after.externalUrl())) {
			changes.add("content");
		}
		return "“" + after.title() + "”: " + (changes.isEmpty() ? "nothing changed" : String.join("; ", changes));
	}

	static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String cut(String value, int max) {
		return value.length() <= max ? value : value.substring(0, max - 1) + "…";
	}

	private List<TrackStep> apply(List<TrackStep> base, TrackReads.OverrideRow override) {
		Map<String, TrackStep> byId = new LinkedHashMap<>();
		base.forEach(step -> byId.put(step.id(), step));
		List<String> order = new ArrayList<>(json.readValue(override.stepOrder(), STRINGS));
		order.removeIf(stepId -> !byId.containsKey(stepId));
		// a step added to the base since goes after the step it follows in the base
		for (int i = 0; i < base.size(); i++) {
			String stepId = base.get(i).id();
			if (!order.contains(stepId)) {
				int after = i == 0 ? -1 : order.indexOf(base.get(i - 1).id());
				order.add(after + 1, stepId);
			}
		}
		Map<String, Pacing> pacing = pacing(override.pacing());
		List<TrackStep> steps = new ArrayList<>();
		for (String stepId : order) {
			TrackStep step = byId.get(stepId);
			steps.add(step.placed(steps.size(), pacing.getOrDefault(stepId, step.pacing())));
		}
		return steps;
	}

	Map<String, Pacing> pacing(String stored) {
		Map<String, Pacing> pacing = new HashMap<>();
		if (stored == null || stored.isBlank()) {
			return pacing;
		}
		JsonNode root = json.readTree(stored);
		for (Map.Entry<String, JsonNode> entry : root.properties()) {
			JsonNode value = entry.getValue();
			PacingRule rule = PacingRule.valueOf(value.path("pacing").asString("ON_ENROLMENT"));
			Integer days = value.hasNonNull("days") ? value.get("days").asInt() : null;
			LocalDate releaseOn = value.hasNonNull("releaseOn") ? LocalDate.parse(value.get("releaseOn").asString()) : null;
			pacing.put(entry.getKey(), new Pacing(rule, days, releaseOn));
		}
		return pacing;
	}
}
