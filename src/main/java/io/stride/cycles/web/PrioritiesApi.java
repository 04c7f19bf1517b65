package io.stride.cycles.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stride.capability.CapabilityId;
import io.stride.capability.LearningNeed;
import io.stride.cycles.Period;
import io.stride.cycles.Priorities;
import io.stride.cycles.Priority;
import io.stride.cycles.PriorityBoard;
import io.stride.cycles.PriorityContent;
import io.stride.cycles.PriorityId;
import io.stride.cycles.PriorityKind;
import io.stride.identity.Organization;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
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
@RequestMapping("/api/v1")
@Tag(name = "Priorities", description = "The organization's purpose, strategy and current challenges, and each team's "
		+ "success factors and current priorities, per period; a team's short and at-risk capabilities as its "
		+ "suggested learning needs")
@SecurityRequirement(name = "bearer")
class PrioritiesApi {

	private final Priorities priorities;

	private final Organization organization;

	PrioritiesApi(Priorities priorities, Organization organization) {
		this.priorities = priorities;
		this.organization = organization;
	}

	/** {@code current}: the period shown when none is asked for. */
	record PriorityPeriodView(String id, String label, LocalDate startsOn, LocalDate endsOn, boolean current) {

		static PriorityPeriodView of(Period p, Period current) {
			return p == null ? null : new PriorityPeriodView(p.id(), p.label(), p.startsOn(), p.endsOn(),
					current != null && current.id().equals(p.id()));
		}
	}

	record LinkedCapabilityView(String id, String name, boolean active) {
	}

	/** {@code teamId} null: the organization's. {@code kind}: PURPOSE, STRATEGY, CHALLENGE, SUCCESS or PRIORITY. */
	record PriorityView(String id, String period, String teamId, String kind, String title, String text,
			List<LinkedCapabilityView> capabilities, int revision, Instant publishedAt, Instant updatedAt) {

		static PriorityView of(Priority p) {
			return new PriorityView(p.id().value(), p.period().label(), p.teamId() == null ? null : p.teamId().value(),
					p.kind().name(), p.title(), p.text(),
					p.capabilities().stream().map(c -> new LinkedCapabilityView(c.id().value(), c.name(), c.active())).toList(),
					p.revision(), p.publishedAt(), p.updatedAt());
		}
	}

	/** {@code status}: SHORT or AT_RISK; {@code shortFrom}: the first day of the first shortfall forecast, if any. */
	record LearningNeedView(String capabilityId, String name, int levelRank, String levelName, String status,
			LocalDate shortFrom) {

		static LearningNeedView of(LearningNeed n) {
			return new LearningNeedView(n.capabilityId().value(), n.name(), n.levelRank(), n.levelName(),
					n.status().name(), n.shortFrom());
		}
	}

	record OrganizationPrioritiesView(PriorityPeriodView period, List<PriorityView> priorities, boolean mayEdit) {
	}

	record TeamPrioritiesView(String teamId, String teamName, PriorityPeriodView period, List<PriorityView> priorities,
			List<PriorityView> above, List<LearningNeedView> learningNeeds, boolean mayEdit) {
	}

	/** {@code startsOn}, {@code endsOn}: needed when {@code period} names a new period. */
	record PriorityPublishBody(String period, String startsOn, String endsOn, String kind, String title, String text,
			List<String> capabilityIds) {
	}

	record PriorityEditBody(Integer revision, String kind, String title, String text, List<String> capabilityIds) {
	}

	@GetMapping("/priorities/periods")
	@Operation(summary = "Every period, latest first, with the current one marked")
	List<PriorityPeriodView> periods() {
		Period current = priorities.current().orElse(null);
		return priorities.periods().stream().map(p -> PriorityPeriodView.of(p, current)).toList();
	}

	@GetMapping("/priorities")
	@Operation(summary = "The organization's priorities of a period (label or id in 'period'; the current one when "
			+ "absent), for everyone; 404 for an unknown period")
	OrganizationPrioritiesView organizationPriorities(Viewer me, @RequestParam(required = false) String period) {
		PriorityBoard board = priorities.organization(me, period);
		return new OrganizationPrioritiesView(PriorityPeriodView.of(board.period(), priorities.current().orElse(null)),
				board.priorities().stream().map(PriorityView::of).toList(), board.mayEdit());
	}

	@PostMapping("/priorities")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Publish an organization priority (admins; 403 otherwise) in a period, created when new; 422 "
			+ "at the field for a missing title, bad period dates or an unknown or retired capability")
	PriorityView publish(Viewer me, @RequestBody PriorityPublishBody body) {
		return PriorityView.of(priorities.publish(me, null, body.period(), body.startsOn(),
				body.endsOn(), content(body.kind(), body.title(), body.text(), body.capabilityIds())));
	}

	@PutMapping("/priorities/{id}")
	@Operation(summary = "Edit a priority (the organization's: admins; a team's: its managers and admins); 'revision' "
			+ "is the one read, 409 when someone saved since")
	PriorityView edit(Viewer me, @PathVariable String id, @RequestBody PriorityEditBody body) {
		if (body.revision() == null) {
			throw new InvalidInputException("revision", "Give the revision you read, e.g. 1.");
		}
		return PriorityView.of(priorities.edit(me, new PriorityId(id), body.revision(),
				content(body.kind(), body.title(), body.text(), body.capabilityIds())));
	}

	@DeleteMapping("/priorities/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Retire a priority: no longer shown; its id stays valid for goals that named it")
	void retire(Viewer me, @PathVariable String id) {
		priorities.retire(me, new PriorityId(id));
	}

	@GetMapping("/teams/{id}/priorities")
	@Operation(summary = "A team's priorities of a period, those of the teams above it, and its suggested learning "
			+ "needs (short and at-risk capabilities); for the people of the team's tree, its managers and admins (404 "
			+ "otherwise)")
	TeamPrioritiesView teamPriorities(Viewer me, @PathVariable String id,
			@RequestParam(required = false) String period) {
		PriorityBoard board = priorities.team(me, new TeamId(id), period);
		return new TeamPrioritiesView(board.team().id().value(), board.team().name(),
				PriorityPeriodView.of(board.period(), priorities.current().orElse(null)),
				board.priorities().stream().map(PriorityView::of).toList(),
				board.above().stream().map(PriorityView::of).toList(),
				board.learningNeeds().stream().map(LearningNeedView::of).toList(), board.mayEdit());
	}

	@PostMapping("/teams/{id}/priorities")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Publish a team priority (SUCCESS or PRIORITY; the team's managers and admins, 403 for its "
			+ "members, 404 for others)")
	PriorityView publishForTeam(Viewer me, @PathVariable String id, @RequestBody PriorityPublishBody body) {
		return PriorityView.of(priorities.publish(me, new TeamId(id), body.period(),
				body.startsOn(), body.endsOn(), content(body.kind(), body.title(), body.text(), body.capabilityIds())));
	}

	@PostMapping("/priorities/periods/{period}/start-from-previous")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Copy the previous period's priorities of the organization (or of the team in 'teamId') into "
			+ "this empty period, as new priorities; 409 when it has some already")
	Map<String, Integer> startFromPrevious(Viewer me, @PathVariable String period,
			@RequestParam(required = false) String teamId) {
		return Map.of("copied", priorities.startFromPrevious(me,
				teamId == null || teamId.isBlank() ? null : new TeamId(teamId), period));
	}

	static PriorityContent content(String kind, String title, String text, List<String> capabilityIds) {
		return new PriorityContent(kind(kind), title, text, capabilityIds == null ? List.of()
				: capabilityIds.stream().filter(c -> c != null && !c.isBlank()).map(c -> new CapabilityId(c.strip())).toList());
	}

	/** The kind by name; unknown names are reported at the field like a missing one. */
	static PriorityKind kind(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		try {
			return PriorityKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("kind", "Choose one of " + Arrays.toString(PriorityKind.values()) + ".");
		}
	}
}
