package io.stride.tracks.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stride.identity.Organization;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.tracks.Confirmation;
import io.stride.tracks.EffectiveTrack;
import io.stride.tracks.Pacing;
import io.stride.tracks.PacingRule;
import io.stride.tracks.StepDraft;
import io.stride.tracks.StepKind;
import io.stride.tracks.TeamOverrides;
import io.stride.tracks.TeamVersion;
import io.stride.tracks.Track;
import io.stride.tracks.TrackDefinitions;
import io.stride.tracks.TrackDraft;
import io.stride.tracks.TrackId;
import io.stride.tracks.TrackSequence;
import io.stride.tracks.TrackStep;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tracks")
@Tag(name = "Tracks", description = "Development tracks: ordered steps towards a capability or a role (courses, "
		+ "components, observed tasks, goal suggestions, external activities) with prerequisites and pacing, and teams' "
		+ "versions (their order and pacing on top of the organization's track)")
@SecurityRequirement(name = "bearer")
class TrackApi {

	private final TrackDefinitions definitions;

	private final TeamOverrides overrides;

	private final Organization organization;

	TrackApi(TrackDefinitions definitions, TeamOverrides overrides, Organization organization) {
		this.definitions = definitions;
		this.overrides = overrides;
		this.organization = organization;
	}

	/** {@code ownerTeamId}: null for the organization's track (L&D and admins), else a team the caller manages. */
	record TrackBody(String title, String description, String roleFamily, String capabilityId, Boolean highInvestment,
			String investmentNote, String ownerTeamId, Integer revision) {
	}

	/**
	 * {@code rule} (or {@code pacing}): ON_ENROLMENT, AFTER_PREVIOUS and AFTER_ENROLMENT (with {@code days} 0–365),
	 * FIXED_DATE (with {@code releaseOn}, YYYY-MM-DD).
	 */
	record PacingBody(String rule, String pacing, Integer days, String releaseOn) {
	}

	/**
	 * {@code kind}: COURSE (courseId), COMPONENT (componentId), OBSERVED_TASK (title, checklistTaskId, capabilityId,
	 * confirmation), GOAL_SUGGESTION (goalText, capabilityId), EXTERNAL (externalUrl https, confirmation SELF|MANAGER).
	 * {@code position}: 0 first; last when absent. {@code revision}: the track's, checked when sent.
	 */
	record StepBody(String kind, String title, String description, String courseId, String componentId,
			String checklistTaskId, String capabilityId, String goalText, String externalUrl, String confirmation,
			PacingBody pacing, List<String> prerequisites, Boolean highInvestment, Integer position, Integer revision) {
	}

	record OrderBody(List<String> stepIds, Integer revision) {
	}

	record RevisionBody(Integer revision) {
	}

	/** {@code pacing}: step id to its pacing for this team; steps left out keep the organization's. */
	record OverrideBody(List<String> stepOrder, Map<String, PacingBody> pacing, String note, Integer revision) {
	}

	record PacingView(String rule, Integer days, LocalDate releaseOn, String summary) {

		static PacingView of(Pacing p) {
			return new PacingView(p.rule().name(), p.days(), p.releaseOn(), TrackSequence.describe(p));
		}
	}

	record StepView(String id, int position, String kind, String title, String description, String courseId,
			String componentId, String checklistTaskId, String capabilityId, String goalText, String externalUrl,
			String confirmation, PacingView pacing, List<String> prerequisites, boolean highInvestment) {

		static StepView of(TrackStep s) {
			return new StepView(s.id(), s.position(), s.kind().name(), s.title(), s.description(),
					s.courseId() == null ? null : s.courseId().value(), s.componentId(), s.checklistTaskId(),
					s.capabilityId(), s.goalText(), s.externalUrl(),
					s.confirmation() == null ? null : s.confirmation().name(), PacingView.of(s.pacing()),
					s.prerequisites().stream().sorted().toList(), s.highInvestment());
		}
	}

	/**
	 * {@code teamId}, {@code overridden}, {@code baseVersion}, {@code versionTeamId}: when read for a team (the version
	 * that applies: its own, the nearest team's above it, or the base; {@code versionTeamId} names whose, null for the
	 * base).
	 */
	record TrackView(String id, String title, String description, String roleFamily, String capabilityId,
			boolean highInvestment, String investmentNote, String status, String ownerTeamId, int version, int revision,
			Instant publishedAt, String teamId, Boolean overridden, Integer baseVersion, String versionTeamId,
			List<StepView> steps) {

		static TrackView of(Track t, List<TrackStep> steps) {
			return new TrackView(t.id().value(), t.title(), t.description(), t.roleFamily(), t.capabilityId(),
					t.highInvestment(), t.investmentNote(), t.status().name(),
					t.ownerTeam() == null ? null : t.ownerTeam().value(), t.version(), t.revision(), t.publishedAt(),
					null, null, null, null, steps == null ? null : steps.stream().map(StepView::of).toList());
		}

		static TrackView of(EffectiveTrack e) {
			Track t = e.track();
			return new TrackView(t.id().value(), t.title(), t.description(), t.roleFamily(), t.capabilityId(),
					t.highInvestment(), t.investmentNote(), t.status().name(),
					t.ownerTeam() == null ? null : t.ownerTeam().value(), t.version(), t.revision(), t.publishedAt(),
					e.team() == null ? null : e.team().value(), e.overridden(), e.baseVersion(),
					e.versionTeam() == null ? null : e.versionTeam().value(), e.steps().stream().map(StepView::of).toList());
		}
	}

	/**
	 * {@code differences}: step id to what the team's version changes; {@code baseChanges}: what changed in the
	 * organization's track since the team's version was made on {@code baseVersion} (empty when up to date);
	 * {@code inheritedFrom}: the team above whose version the team follows for want of its own (null otherwise).
	 */
	record TeamVersionView(String trackId, String teamId, String teamName, boolean overridden, String inheritedFrom,
			int baseVersion,
			int trackVersion, boolean behind, List<String> baseChanges, String note, int revision,
			List<StepView> steps, List<StepView> baseSteps, Map<String, List<String>> differences) {

		static TeamVersionView of(TeamVersion v) {
			return new TeamVersionView(v.track().id().value(), v.team().value(), v.teamName(), v.overridden(),
					v.inheritedFrom(), v.effective().baseVersion(), v.track().version(), v.behind(), v.baseChanges(), v.note(), v.revision(),
					v.effective().steps().stream().map(StepView::of).toList(),
					v.base().stream().map(StepView::of).toList(), v.differences());
		}
	}

	@GetMapping
	@Operation(summary = "The tracks the caller may read (published ones; drafts for those who edit them), archived "
			+ "ones left out; of one role family when given")
	List<TrackView> list(Viewer me, @RequestParam(required = false) String roleFamily) {
		return definitions.list(me, roleFamily).stream().map(t -> TrackView.of(t, null)).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a draft track: the organization's (ownerTeamId null; L&D and admins) or a team's (its "
			+ "managers); 403 otherwise; 422 at the field for a blank or long title, long texts, an unknown capability "
			+ "or team")
	TrackView create(Viewer me, @RequestBody TrackBody body) {
		Track track = definitions.create(me, draft(body));
		return TrackView.of(track, List.of());
	}

	@GetMapping("/{id}")
	@Operation(summary = "A track with its steps; with teamId, the track as that team follows it (its own order and "
			+ "pacing when it has a version). 404 for a track the caller may not read")
	TrackView get(Viewer me, @PathVariable String id, @RequestParam(required = false) String teamId) {
		if (teamId != null && !teamId.isBlank()) {
			return TrackView.of(definitions.effective(me, new TrackId(id), new TeamId(teamId)));
		}
		Track track = definitions.readable(me, new TrackId(id));
		return TrackView.of(track, definitions.steps(track.id()));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a track's own fields with the revision read (409 when someone saved meanwhile); its "
			+ "owner stays. 403 for those who only read it; 422 as for creating")
	TrackView update(Viewer me, @PathVariable String id, @RequestBody TrackBody body) {
		Track track = definitions.update(me, new TrackId(id), revision(body.revision()), draft(body));
		return TrackView.of(track, definitions.steps(track.id()));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Archive a track: no longer listed nor changed; enrolments and their records stay")
	TrackView archive(Viewer me, @PathVariable String id) {
		Track track = definitions.archive(me, new TrackId(id));
		return TrackView.of(track, definitions.steps(track.id()));
	}

	@PostMapping("/{id}/publish")
	@Operation(summary = "Publish a draft track (revision checked when sent); 422 at steps without a step, 409 when it "
			+ "is not a draft or the revision is stale")
	TrackView publish(Viewer me, @PathVariable String id, @RequestBody(required = false) RevisionBody body) {
		TrackId trackId = new TrackId(id);
		int revision = body == null || body.revision() == null ? definitions.editable(me, trackId).revision()
				: body.revision();
		Track track = definitions.publish(me, trackId, revision);
		return TrackView.of(track, definitions.steps(track.id()));
	}

	@PostMapping("/{id}/steps")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a step. A change to a published track's steps moves its version and tells teams with a "
			+ "version of their own. 422 at the field: what the kind needs (courseId of a published course, componentId, "
			+ "goalText and capabilityId, an https externalUrl and confirmation), prerequisites that are not steps of "
			+ "this track or that form a circle, a position before a prerequisite, pacing.days outside 0–365, "
			+ "pacing.releaseOn missing or before a prerequisite's fixed date; 409 when the revision sent is stale")
	StepView addStep(Viewer me, @PathVariable String id, @RequestBody StepBody body) {
		return StepView.of(definitions.addStep(me, new TrackId(id), body.revision(), step(body)));
	}

	@PutMapping("/{id}/steps/{stepId}")
	@Operation(summary = "Change a step (and move it when position is sent); refusals as for adding; 404 for a step "
			+ "of another track")
	StepView editStep(Viewer me, @PathVariable String id, @PathVariable String stepId, @RequestBody StepBody body) {
		return StepView.of(definitions.editStep(me, new TrackId(id), stepId, body.revision(), step(body)));
	}

	@DeleteMapping("/{id}/steps/{stepId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a step; steps that required it no longer do (revision checked when sent); 422 at "
			+ "stepId when anyone has done it (their done steps are kept: change the step instead)")
	void removeStep(Viewer me, @PathVariable String id, @PathVariable String stepId,
			@RequestParam(required = false) Integer revision) {
		definitions.removeStep(me, new TrackId(id), stepId, revision);
	}

	@PutMapping("/{id}/steps/order")
	@Operation(summary = "Put the steps in this order (every step once); 422 at stepIds when a step would come before "
			+ "what it requires; 409 when the revision is stale")
	List<StepView> reorder(Viewer me, @PathVariable String id, @RequestBody OrderBody body) {
		return definitions.reorder(me, new TrackId(id), revision(body.revision()), body.stepIds())
			.stream()
			.map(StepView::of)
			.toList();
	}

	@GetMapping("/{id}/teams/{teamId}/override")
	@Operation(summary = "A team's version of a track: its steps in the team's order and pacing, the base's, what "
			+ "differs per step, and what changed in the base since the version was made. For the team's people, its "
			+ "managers, L&D and admins (404 otherwise)")
	TeamVersionView override(Viewer me, @PathVariable String id, @PathVariable String teamId) {
		return TeamVersionView.of(overrides.view(me, new TrackId(id), new TeamId(teamId)));
	}

	@PutMapping("/{id}/teams/{teamId}/override")
	@Operation(summary = "Save a team's version of a published track: the order of every step and pacing per step id, "
			+ "with a note; made on the track's current version. Managers of the team's tree, L&D and admins. 422 at "
			+ "stepOrder (a step missing, repeated or before what it requires) or pacing.<stepId>.days|releaseOn; 409 "
			+ "when the revision is stale (0 or absent when the team has no version yet) or the track is not published")
	TeamVersionView saveOverride(Viewer me, @PathVariable String id, @PathVariable String teamId,
			@RequestBody OverrideBody body) {
		Map<String, Pacing> pacing = new LinkedHashMap<>();
		if (body.pacing() != null) {
			body.pacing().forEach((stepId, p) -> pacing.put(stepId, pacing(p, "pacing." + stepId)));
		}
		return TeamVersionView.of(overrides.save(me, new TrackId(id), new TeamId(teamId), body.revision(),
				body.stepOrder(), pacing, body.note()));
	}

	@PostMapping("/{id}/teams/{teamId}/override/keep")
	@Operation(summary = "Review and keep: the team's version (with the steps the organization added since at their "
			+ "places) is now made on the track's current version; 404 without a team version, 409 when stale")
	TeamVersionView keepOverride(Viewer me, @PathVariable String id, @PathVariable String teamId,
			@RequestBody RevisionBody body) {
		return TeamVersionView.of(overrides.keep(me, new TrackId(id), new TeamId(teamId), revision(body.revision())));
	}

	@DeleteMapping("/{id}/teams/{teamId}/override")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "The team returns to the organization's track (404 when it had no version of its own)")
	void resetOverride(Viewer me, @PathVariable String id, @PathVariable String teamId) {
		overrides.reset(me, new TrackId(id), new TeamId(teamId));
	}

	private static int revision(Integer revision) {
		if (revision == null) {
			throw new InvalidInputException("revision", "Send the revision you read.");
		}
		return revision;
	}

	static TrackDraft draft(TrackBody body) {
		return new TrackDraft(body.title(), body.description(), body.roleFamily(), body.capabilityId(),
				Boolean.TRUE.equals(body.highInvestment()), body.investmentNote(),
				body.ownerTeamId() == null || body.ownerTeamId().isBlank() ? null : new TeamId(body.ownerTeamId().strip()));
	}

	static StepDraft step(StepBody body) {
		return new StepDraft(kind(body.kind()), body.title(), body.description(), body.courseId(), body.componentId(),
				body.checklistTaskId(), body.capabilityId(), body.goalText(), body.externalUrl(),
				confirmation(body.confirmation()), pacing(body.pacing(), "pacing"),
				body.prerequisites() == null ? null : new LinkedHashSet<>(body.prerequisites()),
				Boolean.TRUE.equals(body.highInvestment()), body.position());
	}

	static StepKind kind(String kind) {
		try {
			return kind == null || kind.isBlank() ? null : StepKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("kind", "Choose what the step is: COURSE, COMPONENT, OBSERVED_TASK, "
					+ "GOAL_SUGGESTION or EXTERNAL.");
		}
	}

	static Confirmation confirmation(String confirmation) {
		try {
			return confirmation == null || confirmation.isBlank() ? null
					: Confirmation.valueOf(confirmation.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("confirmation", "Choose SELF (the person confirms) or MANAGER.");
		}
	}

	static Pacing pacing(PacingBody body, String field) {
		if (body == null) {
			return null;
		}
		String rule = body.rule() != null && !body.rule().isBlank() ? body.rule() : body.pacing();
		return pacing(rule, body.days(), body.releaseOn(), field);
	}

	static Pacing pacing(String rule, Integer days, String releaseOn, String field) {
		PacingRule parsed;
		try {
			parsed = rule == null || rule.isBlank() ? PacingRule.ON_ENROLMENT
					: PacingRule.valueOf(rule.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(field + ".rule", "Choose ON_ENROLMENT, AFTER_PREVIOUS, AFTER_ENROLMENT or "
					+ "FIXED_DATE.");
		}
		LocalDate date = null;
		if (parsed == PacingRule.FIXED_DATE && releaseOn != null && !releaseOn.isBlank()) {
			try {
				date = LocalDate.parse(releaseOn.strip());
			}
			catch (DateTimeParseException e) {
				throw new InvalidInputException(field + ".releaseOn", "Give the date as YYYY-MM-DD.");
			}
		}
		return new Pacing(parsed, days, date);
	}
}
