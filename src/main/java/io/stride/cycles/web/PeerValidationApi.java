package io.stride.cycles.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.stride.capability.PersonRef;
import io.stride.cycles.Goal;
import io.stride.cycles.GoalEvidence;
import io.stride.cycles.GoalId;
import io.stride.cycles.PeerValidation;
import io.stride.cycles.ValidationRequest;
import io.stride.cycles.ValidationStatus;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Peer validation", description = "A goal's owner asks colleagues to validate what was learned; validators "
		+ "read the goal and its evidence and answer once: VALIDATED or NOT_YET with a note, or DECLINED. A qualified "
		+ "VALIDATED answer also counts toward the goal's capability level")
@SecurityRequirement(name = "bearer")
class PeerValidationApi {

	private final PeerValidation validation;

	PeerValidationApi(PeerValidation validation) {
		this.validation = validation;
	}

	record AskBody(List<String> validators, String message) {
	}

	record AnswerBody(String answer, String note) {
	}

	record PersonView(String id, String name) {

		static PersonView of(PersonRef p) {
			return p == null ? null : new PersonView(p.id().value(), p.name());
		}
	}

	record LinkView(String title, String url) {
	}

	record CheckInView(String note, int progress, int minutes, Instant at) {
	}

	/** What a validator reads of a goal: the goal, not the rest of its contract. */
	record EvidenceView(String goalId, PersonView owner, String what, String capability, String level, String evidence,
			List<LinkView> produced, List<CheckInView> checkIns, int progress, String outcome, String reflection,
			boolean cycleClosed) {

		static EvidenceView of(GoalEvidence e) {
			return e == null ? null : new EvidenceView(e.goalId().value(), PersonView.of(e.owner()), e.what(),
					e.capabilityName(), e.levelName(), e.evidence(),
					e.produced().stream().map((Goal.Link l) -> new LinkView(l.title(), l.url())).toList(),
					e.checkIns().stream().map(c -> new CheckInView(c.note(), c.progress(), c.minutes(), c.at())).toList(),
					e.progress(), e.outcome() == null ? null : e.outcome().name(), e.reflection(), e.cycleClosed());
		}
	}

	/**
	 * {@code status}: REQUESTED, VALIDATED, NOT_YET or DECLINED. {@code countsTowardLevel}: the answer recorded a
	 * capability validation; {@code wouldCountTowardLevel}: for the validator of an open request, whether a VALIDATED
	 * answer would; {@code levelNote} says it in words.
	 */
	record RequestView(String id, String goalId, String goalWhat, PersonView owner, PersonView validator, String message,
			String status, String note, String capability, String level, boolean countsTowardLevel,
			boolean wouldCountTowardLevel, String levelNote, Instant createdAt, Instant answeredAt, Instant remindedAt,
			EvidenceView evidence) {

		static RequestView of(ValidationRequest r) {
			return new RequestView(r.id(), r.goalId().value(), r.goalWhat(), PersonView.of(r.owner()),
					PersonView.of(r.validator()), r.message(), r.status().name(), r.note(), r.capabilityName(),
					r.levelName(), r.countsTowardLevel(), r.wouldCountTowardLevel(), r.levelNote(), r.createdAt(),
					r.answeredAt(), r.remindedAt(), EvidenceView.of(r.evidence()));
		}
	}

	@PostMapping("/goals/{id}/validation-requests")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The goal's owner asks colleagues to validate it, with an optional message; each is notified "
			+ "(and reminded once after a week). 422 at validators for nobody, oneself, someone not an active "
			+ "colleague or already asked; 403 for readers of the contract who do not own it; 404 for others")
	List<RequestView> ask(Viewer me, @PathVariable String id, @RequestBody AskBody body) {
		List<PersonId> people = body.validators() == null ? List.of()
				: body.validators().stream().map(v -> v == null ? null : new PersonId(v.strip())).toList();
		return validation.ask(me, new GoalId(id), people, body.message())
			.stream()
			.map(RequestView::of)
			.toList();
	}

	@GetMapping("/goals/{id}/validation-requests")
	@Operation(summary = "A goal's validation requests with their answers, for its owner (403 for readers, 404 for "
			+ "others)")
	List<RequestView> ofGoal(Viewer me, @PathVariable String id) {
		return validation.ofGoal(me, new GoalId(id)).stream().map(RequestView::of).toList();
	}

	@GetMapping("/validation-requests")
	@Operation(summary = "as=validator (default): requests to the viewer, open first, each with the goal's evidence; "
			+ "as=requester: requests the viewer made, latest first")
	List<RequestView> list(Viewer viewer,
			@Parameter(description = "validator or requester") @RequestParam(defaultValue = "validator") String as) {
		return switch (as.strip().toLowerCase(Locale.ROOT)) {
			case "validator" -> validation.inbox(viewer).stream().map(RequestView::of).toList();
			case "requester" -> validation.requested(viewer).stream().map(RequestView::of).toList();
			default -> throw new InvalidInputException("as", "Use as=validator or as=requester.");
		};
	}

	@GetMapping("/validation-requests/{id}")
	@Operation(summary = "One request with the goal's evidence, for its validator and the goal's owner (404 otherwise)")
	RequestView one(Viewer me, @PathVariable String id) {
		return RequestView.of(validation.request(me, id));
	}

	@PostMapping("/validation-requests/{id}/answer")
	@Operation(summary = "The validator answers once: VALIDATED or NOT_YET with a note, or DECLINED (note optional); the "
			+ "owner is notified. 422 at answer for a second answer, an answer on one's own goal, or an unknown "
			+ "answer; at note for a missing or too long note; 404 for anyone but the validator and the owner")
	RequestView answer(Viewer me, @PathVariable String id, @RequestBody AnswerBody body) {
		return RequestView.of(validation.answer(me, id, answer(body.answer()), body.note()));
	}

	private static ValidationStatus answer(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("answer", "Choose VALIDATED, NOT_YET or DECLINED.");
		}
		try {
			ValidationStatus status = ValidationStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
			if (status.isAnswer()) {
				return status;
			}
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		throw new InvalidInputException("answer", "Choose VALIDATED, NOT_YET or DECLINED.");
	}
}
