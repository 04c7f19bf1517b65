package io.stride.rhythm.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.stride.identity.Viewer;
import io.stride.rhythm.Intervention;
import io.stride.rhythm.InterventionDraft;
import io.stride.rhythm.InterventionId;
import io.stride.rhythm.Interventions;
import io.stride.rhythm.SessionId;
import io.stride.rhythm.Sessions;
import io.stride.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
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
@Tag(name = "Interventions", description = "At most three capability interventions per ritual session, each with an "
		+ "owner, a due date, the capability it builds and the outcome indicator it should move. Managers of the team's "
		+ "tree, admins and L&D record and change them; owners and the people named see theirs; 404 for everyone else")
@SecurityRequirement(name = "bearer")
class InterventionsApi {

	private final Interventions interventions;

	private final Sessions sessions;

	InterventionsApi(Interventions interventions, Sessions sessions) {
		this.interventions = interventions;
		this.sessions = sessions;
	}

	/**
	 * {@code kind}: ASSIGN_COURSE, COMMISSION_MODULE, PAIR_OR_SHADOW, PRACTICE_ON_REAL_WORK, PROPOSE_CYCLE_GOAL or
	 * ALLOCATE_HOURS; {@code status}: OPEN, DONE or DROPPED; {@code answer}: a proposal's TAKEN or LEFT;
	 * {@code holdersBefore} and {@code metricBefore}: the team's qualified and available people and the indicator's
	 * latest value when it was recorded; {@code actionPath}: where a manager acts on it.
	 */
	record InterventionView(String id, String sessionId, String teamId, int position, String kind,
			String capabilityId, String capabilityName, String ownerId, String ownerName, LocalDate dueOn,
			String metricId, String metricName, String description, String courseId, String courseTitle,
			String personId, String personName, BigDecimal hours, String taskId, String commissionId, String status,
			String answer, Instant doneAt, Integer holdersBefore, BigDecimal metricBefore, int revision,
			String ritualName, Instant sessionStartsAt, String actionPath) {

		static InterventionView of(Intervention i) {
			return new InterventionView(i.id().value(), i.sessionId().value(), i.teamId().value(), i.position(),
					i.kind().name(), i.capabilityId().value(), i.capabilityName(), i.ownerId().value(), i.ownerName(),
					i.dueOn(), i.metricId(), i.metricName(), i.description(), i.courseId(), i.courseTitle(),
					i.personId() == null ? null : i.personId().value(), i.personName(), i.hours(), i.taskId(),
					i.commissionId(), i.status(), i.answer(), i.doneAt(), i.holdersBefore(), i.metricBefore(),
					i.revision(), i.ritualName(), i.sessionStartsAt(), i.actionPath());
		}
	}

	/** Said at {@code dueOn} when a body names the due date {@code dueDate}, as course assignments do. */
	static final String DUE_ON_NOT_DUE_DATE = "An intervention's due date is 'dueOn' (YYYY-MM-DD); 'dueDate' is "
			+ "the name course assignments use and is not read here. Send it as 'dueOn'.";

	/**
	 * By kind: ASSIGN_COURSE a published {@code courseId} (assigned to {@code personId}, else the people of the
	 * session's gaps in the capability, else the team); PAIR_OR_SHADOW a {@code personId} who holds the capability
	 * at the level the team's coverage counts; PRACTICE_ON_REAL_WORK a {@code personId} and optionally the observed
	 * {@code taskId}; PROPOSE_CYCLE_GOAL a {@code personId}, the suggestion in {@code description}; ALLOCATE_HOURS
	 * {@code hours} above 0, added to the hours of {@code personId} (else the owner) in the team's learning period
	 * holding {@code dueOn} (else the current one). {@code revision} for edits; the kind, capability and course stay.
	 * {@code dueDate} is not a field of this body: sent, it is refused at {@code dueOn} rather than ignored.
	 */
	record InterventionBody(Integer revision, String kind, String capabilityId, String ownerId,
			@Schema(description = "The due date, YYYY-MM-DD, today or later (within three years); required. 422 at "
					+ "'dueOn' when missing, not a date, in the past, or sent as 'dueDate'", format = "date",
					example = "2027-03-31", requiredMode = Schema.RequiredMode.REQUIRED) String dueOn,
			String metricId, String description, String courseId, String personId,
			@Schema(description = "ALLOCATE_HOURS: hours above 0, to one decimal; with the person's hours already in "
					+ "the period at most its working hours (weekdays x 8)", example = "4") BigDecimal hours,
			String taskId, @Schema(hidden = true) Object dueDate) {

		InterventionDraft draft() {
			if (dueDate != null) {
				throw new InvalidInputException("dueOn", DUE_ON_NOT_DUE_DATE);
			}
			return new InterventionDraft(kind, capabilityId, ownerId, dueOn, metricId, description, courseId, personId,
					// as typed (not toPlainString: 1e700000000 would be written out as 700 million digits)
					hours == null ? null : hours.toString(), taskId);
		}
	}

	/** {@code status}: DONE or DROPPED; {@code revision}: the one read. */
	record CloseBody(Integer revision, String status) {
	}

	@GetMapping("/sessions/{id}/interventions")
	@Operation(summary = "A session's interventions, by position")
	List<InterventionView> ofSession(Viewer me, @PathVariable String id) {
		return sessions.get(me, new SessionId(id))
			.interventions()
			.stream()
			.map(InterventionView::of)
			.toList();
	}

	@PostMapping("/sessions/{id}/interventions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a capability intervention. A fourth in a session is refused with 422 at 'kind' (a "
			+ "session commits to at most three, so that each gets done), also when recorded at the same moment as the "
			+ "third; other bad input with 422 at its field (a due date in 'dueOn' missing, not YYYY-MM-DD or in the "
			+ "past, or sent as 'dueDate'; an owner outside the team; an indicator not the team's; a course not "
			+ "published; a partner who does not hold the capability at the level the team's coverage counts, with who "
			+ "does; hours not above 0, or above the learning period's length with what the person has, or no period "
			+ "holding the due date or today). L&D and admins record every kind for every team: a course is assigned "
			+ "and a sign-off asked for on their authority")
	InterventionView record(Viewer me, @PathVariable String id, @RequestBody InterventionBody body) {
		return InterventionView.of(interventions.record(me, new SessionId(id), body.draft()));
	}

	@GetMapping("/interventions")
	@Operation(summary = "The caller's own interventions and proposals (as owner or as the person named): open ones "
			+ "first by due date, then the others; at most 100")
	List<InterventionView> mine(Viewer me,
			@Parameter(description = "the caller's own (the only list offered)") @RequestParam(required = false) String mine) {
		return interventions.addressedTo(me).stream().map(InterventionView::of).toList();
	}

	@GetMapping("/interventions/{id}")
	@Operation(summary = "One intervention, for the team's managers, admins, L&D, its owner and the person it names")
	InterventionView get(Viewer me, @PathVariable String id) {
		return InterventionView.of(interventions.get(me, new InterventionId(id)));
	}

	@PutMapping("/interventions/{id}")
	@Operation(summary = "Edit an intervention's owner, due date, indicator, description, person or hours; 409 when "
			+ "someone saved since 'revision'")
	InterventionView edit(Viewer me, @PathVariable String id, @RequestBody InterventionBody body) {
		if (body.revision() == null) {
			throw new InvalidInputException("revision", "Give the revision you read, e.g. 1.");
		}
		return InterventionView.of(interventions.edit(me, new InterventionId(id),
				body.revision(), body.draft()));
	}

	@DeleteMapping("/interventions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an intervention; its place among the session's three is free again")
	void delete(Viewer me, @PathVariable String id) {
		interventions.delete(me, new InterventionId(id));
	}

	@PostMapping("/interventions/{id}/close")
	@Operation(summary = "Mark an intervention DONE or DROPPED (its owner or the team's managers); 409 when it changed "
			+ "since 'revision' or is closed already")
	InterventionView close(Viewer me, @PathVariable String id, @RequestBody CloseBody body) {
		if (body.revision() == null) {
			throw new InvalidInputException("revision", "Give the revision you read, e.g. 1.");
		}
		return InterventionView.of(interventions.close(me, new InterventionId(id),
				body.revision(), body.status()));
	}

	@PostMapping("/interventions/{id}/take")
	@Operation(summary = "Take a proposed learning-cycle goal (only the person it was proposed to); then add it to the "
			+ "contract from the goal form")
	InterventionView take(Viewer me, @PathVariable String id) {
		return InterventionView.of(interventions.answer(me, new InterventionId(id), true));
	}

	@PostMapping("/interventions/{id}/leave")
	@Operation(summary = "Leave a proposed learning-cycle goal (only the person it was proposed to)")
	InterventionView leave(Viewer me, @PathVariable String id) {
		return InterventionView.of(interventions.answer(me, new InterventionId(id), false));
	}
}
