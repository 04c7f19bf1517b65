package io.stride.practice.web;

import java.time.LocalDate;
import java.util.List;

import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.practice.CourseRetention;
import io.stride.practice.Feeling;
import io.stride.practice.Practice;
import io.stride.practice.ReviewCard;
import io.stride.practice.ReviewOutcome;
import io.stride.practice.ReviewQueue;
import io.stride.practice.TeamRetention;
import io.stride.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Spaced review", description = "The daily review queue (FSRS-5) and predicted recall")
@SecurityRequirement(name = "bearer")
class PracticeApi {

	private final Practice practice;

	PracticeApi(Practice practice) {
		this.practice = practice;
	}

	/** A question as a learner answers it: no correct options or explanation before the answer. */
	record QuestionView(String id, String kind, String prompt, List<String> options) {
	}

	record CardView(String cardId, String courseId, String courseTitle, int reviewNumber, QuestionView question) {

		static CardView of(ReviewCard card) {
			var q = card.question();
			return new CardView(card.cardId(), card.courseId().value(), card.courseTitle(), card.reviewNumber(),
					new QuestionView(q.id(), q.kind().name(), q.prompt(), q.options()));
		}
	}

	record DueView(String courseId, String title, int dueCount) {
	}

	record QueueView(CardView next, int remainingToday, int doneToday, boolean limitReached, LocalDate nextDueOn,
			List<DueView> due) {
	}

	record AnswerRequest(String cardId, Integer reviewNumber, List<Integer> selected, String feeling) {
	}

	record OutcomeView(String reviewId, String cardId, String courseId, String questionId, List<Integer> selected,
			boolean correct, List<Integer> correctAnswer, String explanation, String rating, LocalDate nextDueOn,
			int intervalDays) {

		static OutcomeView of(ReviewOutcome o) {
			return new OutcomeView(o.reviewId(), o.cardId(), o.courseId().value(), o.question().id(), o.selected(),
					o.correct(), o.question().correct(), o.question().explanation(), o.rating(), o.nextDueOn(),
					o.intervalDays());
		}
	}

	record RetentionView(String courseId, String title, int cards, double recall, int dueToday, LocalDate nextDueOn) {

		static RetentionView of(CourseRetention r) {
			return new RetentionView(r.courseId().value(), r.title(), r.cards(), r.recall(), r.dueToday(), r.nextDueOn());
		}
	}

	record TeamRetentionView(String courseId, String title, int learners, double averageRecall, int belowTarget,
			int dueToday) {

		static TeamRetentionView of(TeamRetention r) {
			return new TeamRetentionView(r.courseId().value(), r.title(), r.learners(), r.averageRecall(), r.belowTarget(),
					r.dueToday());
		}
	}

	@GetMapping("/me/practice")
	@Operation(summary = "The caller's review queue today: the next question (at most 20 a day), and due counts per course")
	QueueView queue(Viewer me) {
		ReviewQueue queue = practice.queue(me);
		return new QueueView(queue.next() == null ? null : CardView.of(queue.next()), queue.remainingToday(),
				queue.doneToday(), queue.limitReached(), queue.nextDueOn(), practice.dueToday(me)
					.stream()
					.map(d -> new DueView(d.courseId().value(), d.title(), d.dueCount()))
					.toList());
	}

	@GetMapping("/me/practice/cards/{cardId}")
	@Operation(summary = "One of the caller's review questions; 404 for anyone else's")
	CardView card(Viewer me, @PathVariable String cardId) {
		return CardView.of(practice.card(me, cardId));
	}

	@PostMapping("/me/practice/answers")
	@Operation(summary = "Answer a due review question. 'reviewNumber' is the one the card was shown with: sending it "
			+ "again returns the first result (200) instead of a second review. 'feeling' (HARD, AS_EXPECTED, EASY) "
			+ "adjusts a right answer's rating. 409 when the card is not due or today's 20 reviews are done; 422 for an "
			+ "incomplete answer")
	ResponseEntity<OutcomeView> answer(Viewer me, @RequestBody AnswerRequest request) {
		if (request.cardId() == null || request.cardId().isBlank()) {
			throw new InvalidInputException("cardId", "Give the card you answer.");
		}
		if (request.reviewNumber() == null) {
			throw new InvalidInputException("reviewNumber", "Give the reviewNumber the card was shown with.");
		}
		ReviewOutcome outcome = practice.answer(me, request.cardId(), request.reviewNumber(),
				request.selected(), Feeling.of(request.feeling()));
		return ResponseEntity.status(outcome.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(OutcomeView.of(outcome));
	}

	@GetMapping("/me/retention")
	@Operation(summary = "The caller's predicted recall per course now, from spaced reviews")
	List<RetentionView> retention(Viewer me) {
		return practice.retention(me).stream().map(RetentionView::of).toList();
	}

	@GetMapping("/teams/{id}/retention")
	@Operation(summary = "Predicted recall per course for a team and its sub-teams; 404 unless the caller manages it")
	List<TeamRetentionView> teamRetention(Viewer me, @PathVariable String id) {
		return practice.teamRetention(me, new TeamId(id))
			.stream()
			.map(TeamRetentionView::of)
			.toList();
	}
}
