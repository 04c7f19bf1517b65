package io.stride.tracks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.identity.Organization;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.tracks.internal.TrackReads;
import io.stride.tracks.internal.TrackWrites;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Teams' versions of a published track: the team's order of the organization's steps and its pacing per step, a
 * change on top of the base made on the base's version then. Managers of the team's tree (and L&D and admins) save,
 * keep after a base change, and reset them; the team's people read them. Only pacing that differs from the base is
 * kept, so the base's later pacing changes reach the steps the team left alone.
 */
@Service
public class TeamOverrides {

	public static final String CONFLICT_MESSAGE = "This team's version was changed elsewhere (another tab or person) "
			+ "after you opened it. Reload it to see the change, then edit again.";

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final TrackDefinitions definitions;

	private final TrackReads reads;

	private final TrackWrites writes;

	private final Organization organization;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TeamOverrides(TrackDefinitions definitions, TrackReads reads, TrackWrites writes, Organization organization,
			JsonMapper json, ApplicationEventPublisher events, Clock clock) {
		this.definitions = definitions;
		this.reads = reads;
		this.writes = writes;
		this.organization = organization;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	/** Whether the viewer may change this team's versions: its managers (and above), L&D and admins. */
	public boolean mayEdit(Viewer viewer, TeamId team) {
		return definitions.keepsOrganizationTracks(viewer) || organization.canManage(viewer, team);
	}

	/** The team's version as its editor reads it; 404 for a track or team the viewer may not see. */
	@Transactional(readOnly = true)
	public TeamVersion view(Viewer viewer, TrackId id, TeamId teamId) {
		Track track = definitions.readable(viewer, id);
		Team team = team(teamId);
		boolean mayEdit = mayEdit(viewer, teamId);
		if (!mayEdit && !viewer.teamIds().contains(teamId)) {
			throw new NotFoundException("Team");
		}
		List<TrackStep> base = reads.steps(id);
		Optional<TrackReads.OverrideRow> override = reads.override(id, teamId);
		EffectiveTrack effective = definitions.effective(id, teamId).orElseThrow();
		return new TeamVersion(track, teamId, team.name(), base, effective, differences(base, effective.steps()),
				override.map(row -> baseChanges(base, row, track)).orElse(List.of()),
				override.map(TrackReads.OverrideRow::note).orElse(null), override.map(TrackReads.OverrideRow::revision)
					.orElse(0),
				mayEdit && track.status() == TrackStatus.PUBLISHED);
	}

	/**
	 * Saves the team's order (every step of the track once) and pacing per step id, with a note. 422 at
	 * {@code stepOrder} for a missing, repeated or unknown step or a step placed before what it requires, at
	 * {@code pacing.<stepId>.days|releaseOn} for incomplete pacing or a release before a prerequisite's, at
	 * {@code note}; 409 when the track is not published or someone saved the team's version after {@code revision}
	 * (0 or null: there was none).
	 */
	@Transactional
	public TeamVersion save(Viewer viewer, TrackId id, TeamId teamId, Integer revision, List<String> stepOrder,
			Map<String, Pacing> pacing, String note) {
		Track track = editableFor(viewer, id, teamId);
		List<TrackStep> base = reads.steps(id);
		List<TrackStep> ordered = TrackDefinitions.ordered(base, stepOrder, "stepOrder");
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Pacing> given = pacing == null ? Map.of() : pacing;
		Set<String> known = new HashSet<>(stepOrder);
		for (Map.Entry<String, Pacing> entry : given.entrySet()) {
			if (!known.contains(entry.getKey())) {
				errors.put("pacing", "Pacing may be set only for steps of this track.");
			}
			else if (entry.getValue() != null) {
				TrackDefinitions.pacingErrors(entry.getValue(), "pacing." + entry.getKey(), errors);
			}
		}
		String kept = TrackDefinitions.text(note);
		if (kept != null && kept.length() > TrackDefinitions.MAX_NOTE) {
			errors.put("note", "Keep the note to " + TrackDefinitions.MAX_NOTE + " characters.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The team's version was not saved.", errors);
		}
		List<TrackStep> effective = new ArrayList<>();
		Map<String, Pacing> differing = new LinkedHashMap<>();
		for (TrackStep step : ordered) {
			Pacing chosen = given.get(step.id()) == null ? step.pacing() : given.get(step.id());
			if (!chosen.equals(step.pacing())) {
				differing.put(step.id(), chosen);
			}
			effective.add(step.placed(effective.size(), chosen));
		}
		TrackSequence.outOfOrder(effective).ifPresent(message -> {
			throw new InvalidInputException("The team's version was not saved.", Map.of("stepOrder", message));
		});
		Map<String, String> early = TrackSequence.releasedBeforePrerequisite(effective);
		if (!early.isEmpty()) {
			Map<String, String> fields = new LinkedHashMap<>();
			early.forEach((stepId, message) -> fields.put("pacing." + stepId + ".releaseOn", message));
			throw new InvalidInputException("The team's version was not saved.", fields);
		}
		Optional<TrackReads.OverrideRow> existing = reads.override(id, teamId);
		TrackReads.OverrideRow row = new TrackReads.OverrideRow(id.value(), teamId.value(), json.writeValueAsString(
				stepOrder), pacingJson(differing), kept, track.version(), 0, viewer.id().value(), clock.instant());
		if (existing.isEmpty()) {
			if (revision != null && revision != 0) {
				throw new ConflictException(CONFLICT_MESSAGE, Map.of("revision", 0));
			}
			writes.insertOverride(row);
		}
		else if (revision == null || !writes.updateOverride(row, revision)) {
			throw new ConflictException(CONFLICT_MESSAGE, Map.of("revision", existing.get().revision()));
		}
		List<String> what = new ArrayList<>();
		what.add("team " + team(teamId).name() + ": " + TrackDefinitions.moves(base, effective));
		differences(base, effective).forEach((stepId, lines) -> lines.stream()
			.filter(line -> !line.startsWith("moved"))
			.forEach(line -> what.add(titleOf(base, stepId) + " " + line)));
		events.publishEvent(new TrackChanged(id, track.title(), "TEAM_VERSION_SAVED", String.join("; ", what),
				viewer.id()));
		return view(viewer, id, teamId);
	}

	/**
	 * "Review and keep": the team's version, with the steps the base added since at their places, is now made on the
	 * track's current version. 404 when the team has no version of its own, 409 when the revision is stale.
	 */
	@Transactional
	public TeamVersion keep(Viewer viewer, TrackId id, TeamId teamId, int revision) {
		Track track = editableFor(viewer, id, teamId);
		TrackReads.OverrideRow row = reads.override(id, teamId).orElseThrow(() -> new NotFoundException("Team version"));
		EffectiveTrack effective = definitions.effective(id, teamId).orElseThrow();
		Map<String, Pacing> pacing = new LinkedHashMap<>(definitions.pacing(row.pacing()));
		Set<String> present = new HashSet<>();
		effective.steps().forEach(step -> present.add(step.id()));
		pacing.keySet().retainAll(present);
		TrackReads.OverrideRow kept = new TrackReads.OverrideRow(row.trackId(), row.teamId(), json.writeValueAsString(
				effective.steps().stream().map(TrackStep::id).toList()), pacingJson(pacing), row.note(), track.version(),
				row.revision(), viewer.id().value(), clock.instant());
		if (!writes.updateOverride(kept, revision)) {
			throw new ConflictException(CONFLICT_MESSAGE, Map.of("revision", row.revision()));
		}
		events.publishEvent(new TrackChanged(id, track.title(), "TEAM_VERSION_KEPT", "team " + team(teamId).name()
				+ ": reviewed the organization's changes, version " + row.baseVersion() + " → " + track.version(),
				viewer.id()));
		return view(viewer, id, teamId);
	}

	/** The team returns to the organization's track; 404 when it had no version of its own. */
	@Transactional
	public void reset(Viewer viewer, TrackId id, TeamId teamId) {
		Track track = editableFor(viewer, id, teamId);
		if (!writes.deleteOverride(id.value(), teamId.value())) {
			throw new NotFoundException("Team version");
		}
		events.publishEvent(new TrackChanged(id, track.title(), "TEAM_VERSION_RESET", "team " + team(teamId).name()
				+ " follows the organization's track again", viewer.id()));
	}

	private Track editableFor(Viewer viewer, TrackId id, TeamId teamId) {
		Track track = definitions.readable(viewer, id);
		team(teamId);
		if (!mayEdit(viewer, teamId)) {
			if (!viewer.teamIds().contains(teamId)) {
				throw new NotFoundException("Team");
			}
			throw new ForbiddenException("Only the team's managers, L&D and admins change the team's version.");
		}
		if (track.status() != TrackStatus.PUBLISHED) {
			throw new ConflictException("Only a published track can be re-sequenced for a team; this one is "
					+ track.status().name().toLowerCase(Locale.ROOT) + ".");
		}
		return track;
	}

	private Team team(TeamId teamId) {
		return organization.allTeams()
			.stream()
			.filter(team -> team.id().equals(teamId))
			.findAny()
			.orElseThrow(() -> new NotFoundException("Team"));
	}

	/** Per step id, what the team's version changes: "moved from 3 to 1", "14 days after … instead of 7". */
	static Map<String, List<String>> differences(List<TrackStep> base, List<TrackStep> team) {
		Map<String, TrackStep> byId = new LinkedHashMap<>();
		base.forEach(step -> byId.put(step.id(), step));
		Map<String, Integer> place = new LinkedHashMap<>();
		for (int i = 0; i < base.size(); i++) {
			place.put(base.get(i).id(), i);
		}
		Map<String, List<String>> differences = new LinkedHashMap<>();
		for (int i = 0; i < team.size(); i++) {
			TrackStep step = team.get(i);
			TrackStep original = byId.get(step.id());
			if (original == null) {
				continue;
			}
			List<String> lines = new ArrayList<>();
			int was = place.get(step.id());
			if (was != i) {
				lines.add("moved from " + (was + 1) + " to " + (i + 1));
			}
			if (!original.pacing().equals(step.pacing())) {
				lines.add(pacingChange(original.pacing(), step.pacing()));
			}
			if (!lines.isEmpty()) {
				differences.put(step.id(), lines);
			}
		}
		return differences;
	}

	static String pacingChange(Pacing base, Pacing team) {
		if (base.rule() == team.rule() && base.days() != null && team.days() != null) {
			return TrackSequence.describe(team) + " instead of " + base.days();
		}
		return TrackSequence.describe(team) + " instead of " + TrackSequence.describe(base);
	}

	/** What changed in the base since the team's version was made, as far as the stored order tells. */
	private List<String> baseChanges(List<TrackStep> base, TrackReads.OverrideRow row, Track track) {
		if (row.baseVersion() >= track.version()) {
			return List.of();
		}
		List<String> stored = json.readValue(row.stepOrder(), STRINGS);
		List<String> changes = new ArrayList<>();
		for (int i = 0; i < base.size(); i++) {
			TrackStep step = base.get(i);
			if (!stored.contains(step.id())) {
				changes.add("New step “" + step.title() + "” was placed "
						+ (i == 0 ? "first" : "after “" + base.get(i - 1).title() + "”") + ", as in the organization's track.");
			}
		}
		Set<String> now = new HashSet<>();
		base.forEach(step -> now.add(step.id()));
		long removed = stored.stream().filter(stepId -> !now.contains(stepId)).count();
		if (removed > 0) {
			changes.add(removed == 1 ? "1 step was removed from the organization's track."
					: removed + " steps were removed from the organization's track.");
		}
		if (changes.isEmpty()) {
			changes.add("No step was added or removed; steps' content or the organization's pacing changed (steps "
					+ "whose pacing you did not change follow the new pacing).");
		}
		return changes;
	}

	private String pacingJson(Map<String, Pacing> pacing) {
		ObjectNode root = json.createObjectNode();
		pacing.forEach((stepId, p) -> {
			ObjectNode node = root.putObject(stepId);
			node.put("pacing", p.rule().name());
			if (p.days() != null) {
				node.put("days", p.days());
			}
			if (p.releaseOn() != null) {
				node.put("releaseOn", p.releaseOn().toString());
			}
		});
		return json.writeValueAsString(root);
	}

	private static String titleOf(List<TrackStep> steps, String stepId) {
		return steps.stream().filter(s -> s.id().equals(stepId)).map(s -> "“" + s.title() + "”").findAny().orElse(stepId);
	}
}
