package io.stride.capability.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.authoring.CourseId;
import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityDraft;
import io.stride.capability.CapabilityId;
import io.stride.capability.EvidenceRule;
import io.stride.capability.Level;
import io.stride.capability.RuleKind;
import io.stride.identity.Organization;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/capabilities")
@Tag(name = "Capabilities", description = "The catalogue of capabilities: levels, evidence rules, retiring and merging")
@SecurityRequirement(name = "bearer")
class CapabilityApi {

	private final Capabilities capabilities;

	private final Organization organization;

	CapabilityApi(Capabilities capabilities, Organization organization) {
		this.capabilities = capabilities;
		this.organization = organization;
	}

	record LevelView(int rank, String name) {

		static LevelView of(Level level) {
			return new LevelView(level.rank(), level.name());
		}
	}

	/** {@code label} says the rule in words, e.g. "3 successful spaced reviews of “Handling escalations”". */
	record RuleView(String id, int level, String kind, String courseId, boolean currentVersion, String taskId,
			Integer count, String certificateName, String label, String activityIri, String activityName,
			Double minScore) {

		static RuleView of(EvidenceRule r) {
			return new RuleView(r.id(), r.level(), r.kind().name(), r.courseId() == null ? null : r.courseId().value(),
					r.currentVersion(), r.taskId(), r.count(), r.certificateName(), r.label(), r.activityIri(),
					r.activityName(), r.minScore());
		}
	}

	record CapabilityView(String id, String name, String description, String category, String ownerTeamId,
			String ownerTeamName, Integer validityMonths, String status, String mergedInto, int revision,
			List<LevelView> levels, List<RuleView> rules) {

		static CapabilityView of(Capability c) {
			return new CapabilityView(c.id().value(), c.name(), c.description(), c.category(),
					c.ownerTeamId() == null ? null : c.ownerTeamId().value(), c.ownerTeamName(), c.validityMonths(),
					c.status().name(), c.mergedInto() == null ? null : c.mergedInto().value(), c.revision(),
					c.levels().stream().map(LevelView::of).toList(), c.rules().stream().map(RuleView::of).toList());
		}
	}

	/**
	 * One evidence rule. {@code kind}: COURSE_MASTERED (courseId, currentVersion), SPACED_REVIEWS (courseId, count),
	 * TASK_SIGNED_OFF (taskId), CERTIFICATE (certificateName, optional), VALIDATIONS (count), OUTSIDE_ACTIVITY
	 * (activityIri, an absolute IRI matched exactly against statements sent to the LRS; activityName and minScore, a
	 * scaled score from 0 to 1, optional).
	 */
	record RuleBody(Integer level, String kind, String courseId, Boolean currentVersion, String taskId, Integer count,
			String certificateName, String activityIri, String activityName, Double minScore) {
	}

	/** {@code levels}: names from lowest to highest (none: Learning, Can do it alone, Can teach it). */
	record CapabilityBody(String name, String description, String category, String ownerTeamId, Integer validityMonths,
			List<String> levels, List<RuleBody> rules, Integer revision) {
	}

	record LevelsBody(Integer revision, List<String> levels) {
	}

	record RulesBody(Integer revision, List<RuleBody> rules) {
	}

	record LevelsView(String capabilityId, int revision, List<LevelView> levels) {

		static LevelsView of(Capability c) {
			return new LevelsView(c.id().value(), c.revision(), c.levels().stream().map(LevelView::of).toList());
		}
	}

	record RulesView(String capabilityId, int revision, List<RuleView> rules) {

		static RulesView of(Capability c) {
			return new RulesView(c.id().value(), c.revision(), c.rules().stream().map(RuleView::of).toList());
		}
	}

	record MergeBody(String into) {
	}

	@GetMapping
	@Operation(summary = "The catalogue, for everyone signed in: active capabilities (retired ones too with "
			+ "includeRetired=true), optionally of one category or matching all the words of q")
	List<CapabilityView> catalogue(Viewer me, @RequestParam(required = false) String category,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean includeRetired) {
		return capabilities.catalogue(me, category, q, includeRetired)
			.stream()
			.map(CapabilityView::of)
			.toList();
	}

	@PostMapping
	@Operation(summary = "Add a capability: admins and L&D reviewers for the organization (no ownerTeamId) or any team, "
			+ "managers for a team they manage (422 on ownerTeamId otherwise; 403 for others). 422 with field errors "
			+ "(name, description, category, validityMonths, levels, rules[i]) for a bad one")
	ResponseEntity<CapabilityView> create(Viewer me, @RequestBody CapabilityBody body) {
		Capability created = capabilities.create(me, draft(body.name(), body.description(),
				body.category(), body.ownerTeamId(), body.validityMonths(), body.levels(), body.rules()));
		return ResponseEntity.created(URI.create("/api/v1/capabilities/" + created.id().value()))
			.body(CapabilityView.of(created));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One capability with its levels and rules in words (404 when there is none)")
	CapabilityView get(Viewer me, @PathVariable String id) {
		return CapabilityView.of(capabilities.get(me, capabilityId(id)));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a capability, its levels and rules as a whole (its keepers; 403 for others). "
			+ "'revision' must be the one last read (409 when it was saved meanwhile)")
	CapabilityView update(Viewer me, @PathVariable String id, @RequestBody CapabilityBody body) {
		return CapabilityView.of(capabilities.update(me, capabilityId(id), revision(body.revision()),
				draft(body.name(), body.description(), body.category(), body.ownerTeamId(), body.validityMonths(),
						body.levels(), body.rules())));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Retire a capability (its keepers): it leaves coverage, targets and the matrix; its history "
			+ "stays and it can be restored. Answers the retired capability")
	CapabilityView retire(Viewer me, @PathVariable String id) {
		return CapabilityView.of(capabilities.retire(me, capabilityId(id)));
	}

	@PostMapping("/{id}/restore")
	@Operation(summary = "Restore a retired capability (its keepers); 409 for one merged into another or whose name an "
			+ "active capability took meanwhile")
	CapabilityView restore(Viewer me, @PathVariable String id) {
		return CapabilityView.of(capabilities.restore(me, capabilityId(id)));
	}

	@PostMapping("/{id}/merge")
	@Operation(summary = "Merge this capability into another ('into'): certificates, validations, self-assessments and "
			+ "team targets move there (those already on 'into' win) and this one is retired pointing to it. 422 for "
			+ "itself or a retired one, 403 unless the caller keeps both. Answers the capability merged into")
	CapabilityView merge(Viewer me, @PathVariable String id, @RequestBody MergeBody body) {
		if (body.into() == null || body.into().isBlank()) {
			throw new InvalidInputException("into", "Give the capability to merge into.");
		}
		CapabilityId from = capabilityId(id);
		if (!Ids.looksValid(body.into())) {
			throw new InvalidInputException("into", "Choose an existing capability to merge into.");
		}
		return CapabilityView.of(capabilities.merge(me, from, new CapabilityId(body.into())));
	}

	@GetMapping("/{id}/levels")
	@Operation(summary = "A capability's levels, lowest first, with the revision to send when changing them")
	LevelsView levels(Viewer me, @PathVariable String id) {
		return LevelsView.of(capabilities.get(me, capabilityId(id)));
	}

	@PutMapping("/{id}/levels")
	@Operation(summary = "Rename or add levels (1 to 5 names, lowest first; none: the defaults). Rules on a level that "
			+ "no longer exists are refused (422 at rules[i]); 409 when 'revision' is not the current one")
	LevelsView setLevels(Viewer viewer, @PathVariable String id, @RequestBody LevelsBody body) {
		Capability current = capabilities.get(viewer, capabilityId(id));
		CapabilityDraft draft = new CapabilityDraft(current.name(), current.description(), current.category(),
				current.ownerTeamId(), current.validityMonths(), body.levels() == null ? List.of() : body.levels(),
				ruleDrafts(current.rules()));
		return LevelsView.of(capabilities.update(viewer, current.id(), revision(body.revision()), draft));
	}

	@GetMapping("/{id}/rules")
	@Operation(summary = "A capability's evidence rules, in words too, with the revision to send when changing them")
	RulesView rules(Viewer me, @PathVariable String id) {
		return RulesView.of(capabilities.get(me, capabilityId(id)));
	}

	@PutMapping("/{id}/rules")
	@Operation(summary = "Replace the evidence rules as a whole (at most 10 per level, no rule twice); 422 at rules[i], "
			+ "409 when 'revision' is not the current one")
	RulesView setRules(Viewer viewer, @PathVariable String id, @RequestBody RulesBody body) {
		Capability current = capabilities.get(viewer, capabilityId(id));
		CapabilityDraft draft = new CapabilityDraft(current.name(), current.description(), current.category(),
				current.ownerTeamId(), current.validityMonths(), current.levels().stream().map(Level::name).toList(),
				rules(body.rules()));
		return RulesView.of(capabilities.update(viewer, current.id(), revision(body.revision()), draft));
	}

	private static CapabilityId capabilityId(String id) {
		if (!Ids.looksValid(id)) {
			throw new NotFoundException("Capability");
		}
		return new CapabilityId(id);
	}

	private static int revision(Integer revision) {
		if (revision == null) {
			throw new InvalidInputException("revision", "Send the revision you last read, to avoid overwriting a newer save.");
		}
		return revision;
	}

	private static CapabilityDraft draft(String name, String description, String category, String ownerTeamId,
			Integer validityMonths, List<String> levels, List<RuleBody> rules) {
		TeamId owner = ownerTeamId == null || ownerTeamId.isBlank() ? null : new TeamId(ownerTeamId);
		return new CapabilityDraft(name, description, category, owner, validityMonths, levels == null ? List.of() : levels,
				rules(rules));
	}

	/** Kinds are checked here, where the text is still at hand; the rest of each rule by the catalogue. */
	private static List<CapabilityDraft.RuleDraft> rules(List<RuleBody> bodies) {
		List<CapabilityDraft.RuleDraft> drafts = new ArrayList<>();
		Map<String, String> errors = new LinkedHashMap<>();
		List<RuleBody> given = bodies == null ? List.of() : bodies;
		for (int i = 0; i < given.size(); i++) {
			RuleBody body = given.get(i);
			if (body == null) {
				drafts.add(null);
				continue;
			}
			RuleKind kind = null;
			if (body.kind() != null && !body.kind().isBlank()) {
				try {
					kind = RuleKind.valueOf(body.kind().strip());
				}
				catch (IllegalArgumentException e) {
					errors.put("rules[" + i + "]", "The kind is one of COURSE_MASTERED, TASK_SIGNED_OFF, SPACED_REVIEWS, "
							+ "CERTIFICATE, VALIDATIONS or OUTSIDE_ACTIVITY.");
				}
			}
			drafts.add(new CapabilityDraft.RuleDraft(body.level() == null ? 0 : body.level(), kind,
					body.courseId() == null || body.courseId().isBlank() ? null : new CourseId(body.courseId()),
					Boolean.TRUE.equals(body.currentVersion()), body.taskId(), body.count(), body.certificateName(),
					kind == RuleKind.OUTSIDE_ACTIVITY ? body.activityIri() : null,
					kind == RuleKind.OUTSIDE_ACTIVITY ? body.activityName() : null,
					kind == RuleKind.OUTSIDE_ACTIVITY ? body.minScore() : null));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The capability was not saved.", errors);
		}
		return drafts;
	}

	static List<CapabilityDraft.RuleDraft> ruleDrafts(List<EvidenceRule> rules) {
		return rules.stream()
			.map(r -> new CapabilityDraft.RuleDraft(r.level(), r.kind(), r.courseId(), r.currentVersion(), r.taskId(),
					r.count(), r.certificateName(), r.activityIri(), r.activityName(), r.minScore()))
			.toList();
	}
}
