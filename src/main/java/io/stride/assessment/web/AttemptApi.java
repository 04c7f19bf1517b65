package io.stride.assessment.web;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.assessment.AttemptResult;
import io.stride.assessment.OpenAttempt;
import io.stride.assessment.QuestionFeedback;
import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.stride.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Assessment", description = "Quiz attempts: start or resume, save answers as you go, submit, feedback")
@SecurityRequirement(name = "bearer")
class AttemptApi {

	private final Assessment assessment;

	AttemptApi(Assessment assessment) {
		this.assessment = assessment;
	}

	record AttemptRequest(List<Answer> answers) {

		List<Answer> given() {
			return answers == null ? List.of() : answers.stream().filter(Objects::nonNull).toList();
		}
	}

	record QuestionResult(String questionId, List<Integer> selected, String text, boolean correct, double credit) {
	}

	record AttemptView(String attemptId, int score, boolean passed, boolean timedOut, List<QuestionResult> results) {

		static AttemptView of(AttemptResult result) {
			return new AttemptView(result.attemptId(), result.score(), result.passed(), result.timedOut(), result.outcomes()
				.stream()
				.map(o -> new QuestionResult(o.questionId(), o.selected(), o.text(), o.correct(), o.credit()))
				.toList());
		}
	}

	record OpenAttemptView(String attemptId, String courseId, Instant startedAt, Instant deadline, int attemptNumber,
			Integer attemptLimit, int passMark, List<ShownQuestion> questions, List<Answer> answers) {

		static OpenAttemptView of(OpenAttempt a) {
			return new OpenAttemptView(a.id(), a.courseId().value(), a.startedAt(), a.deadline(), a.number(), a.limit(),
					a.passMark(), a.questions().stream().map(d -> ShownQuestion.of(d.question(), d.order())).toList(),
					a.questions().stream().map(d -> a.answer(d.question().id())).filter(Objects::nonNull).toList());
		}
	}

	record SavedAnswer(String questionId, Instant savedAt) {
	}

	/**
	 * {@code answersShown} false: the quiz hides right answers and explanations for now; {@code answersNote} says until
	 * when.
	 */
	record AttemptDetail(String attemptId, String courseId, String personId, int score, boolean passed,
			boolean timedOut, Instant submittedAt, List<QuestionFeedback> questions, boolean answersShown,
			String answersNote) {
	}

	record AttemptSummary(String attemptId, int score, boolean passed, boolean timedOut, Instant submittedAt) {
	}

	@PostMapping("/api/v1/courses/{id}/attempts")
	@Operation(summary = "Submit a quiz attempt in one step: the learner's attempt in progress (or a new one) with these "
			+ "answers; a retry with the same Idempotency-Key returns the first result; 409 when no attempt is left")
	ResponseEntity<AttemptView> submit(Viewer me, @PathVariable String id, @RequestBody AttemptRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		AttemptResult result = assessment.submit(me, new CourseId(id),
				request == null ? List.of() : request.given(), idempotencyKey);
		return created(result);
	}

	@GetMapping("/api/v1/courses/{id}/attempts")
	@Operation(summary = "The caller's submitted attempts at a course, newest first")
	List<AttemptSummary> attempts(Viewer me, @PathVariable String id) {
		return assessment.attemptsOf(me, new CourseId(id))
			.stream()
			.map(a -> new AttemptSummary(a.attemptId(), a.score(), a.passed(), a.timedOut(), a.submittedAt()))
			.toList();
	}

	@PostMapping("/api/v1/courses/{id}/attempts/current")
	@Operation(summary = "Start the caller's quiz attempt, or resume the one in progress (200): drawn questions in the "
			+ "order shown, saved answers, deadline. An attempt whose time ran out is graded first. 201 when started; "
			+ "409 when every allowed attempt is used")
	ResponseEntity<OpenAttemptView> start(Viewer me, @PathVariable String id) {
		OpenAttempt attempt = assessment.start(me, new CourseId(id));
		return ResponseEntity.status(attempt.resumed() ? HttpStatus.OK : HttpStatus.CREATED).body(OpenAttemptView.of(attempt));
	}

	@GetMapping("/api/v1/courses/{id}/attempts/current")
	@Operation(summary = "The caller's attempt in progress; 404 when there is none (an attempt whose time ran out is "
			+ "graded and listed with the submitted ones)")
	OpenAttemptView current(Viewer me, @PathVariable String id) {
		CourseId course = new CourseId(id);
		assessment.closeIfExpired(me, course);
		return assessment.current(me, course).map(OpenAttemptView::of).orElseThrow(() -> new NotFoundException("Attempt in progress"));
	}

	@PutMapping("/api/v1/attempts/{attemptId}/answers/{questionId}")
	@Operation(summary = "Save one answer to an attempt in progress (replacing the earlier one): 'selected' option "
			+ "indexes, or 'text'. 409 when the attempt was submitted or its time ran out (it is then graded with the "
			+ "answers saved before); 403 for an attempt of someone you manage, 404 for others'")
	SavedAnswer save(Viewer me, @PathVariable String attemptId, @PathVariable String questionId,
			@RequestBody AnswerBody body) {
		Instant saved = assessment.save(me, attemptId,
				List.of(AnswerBody.to(questionId, body)));
		return new SavedAnswer(questionId, saved);
	}

	@PostMapping("/api/v1/attempts/{attemptId}/submit")
	@Operation(summary = "Submit an attempt in progress, with any answers not saved yet; submitting it again (double "
			+ "click, retry, another tab) returns the same result. After the deadline the answers sent are not taken")
	ResponseEntity<AttemptView> submitAttempt(Viewer me, @PathVariable String attemptId,
			@RequestBody(required = false) AttemptRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return created(assessment.submit(me, attemptId,
				request == null ? List.of() : request.given(), idempotencyKey));
	}

	@GetMapping("/api/v1/attempts/{attemptId}")
	@Operation(summary = "A submitted attempt with feedback per question: verdict, credit, the answer given, and the right "
			+ "answer and the explanation when the quiz's answersShown rule allows (otherwise rightAnswer is empty and "
			+ "answersNote says when they are shown); for the learner, their managers and admins")
	AttemptDetail attempt(Viewer me, @PathVariable String attemptId) {
		AttemptResult a = assessment.attempt(me, attemptId);
		List<QuestionFeedback> feedback = assessment.feedback(me, a);
		boolean shown = assessment.showsAnswers(a);
		return new AttemptDetail(a.attemptId(), a.courseId().value(), a.personId().value(), a.score(), a.passed(),
				a.timedOut(), a.submittedAt(), feedback, shown, shown ? null : assessment.answersRule(a).hiddenNote());
	}

	private static ResponseEntity<AttemptView> created(AttemptResult result) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Idempotent-Replayed", String.valueOf(result.replayed()))
			.body(AttemptView.of(result));
	}
}
