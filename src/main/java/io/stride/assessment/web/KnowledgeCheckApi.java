package io.stride.assessment.web;

import java.util.List;

import io.stride.assessment.Answer;
import io.stride.assessment.CheckView;
import io.stride.assessment.KnowledgeChecks;
import io.stride.assessment.QuestionFeedback;
import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Knowledge checks", description = "Questions after lessons, answered with feedback at once; not scored")
@SecurityRequirement(name = "bearer")
class KnowledgeCheckApi {

	private final KnowledgeChecks checks;

	KnowledgeCheckApi(KnowledgeChecks checks) {
		this.checks = checks;
	}

	/** A check as learners see it (options in the order shown), with the caller's last answer and its feedback. */
	record CheckBody(String lessonId, ShownQuestion question, Answer lastAnswer, QuestionFeedback feedback) {

		static CheckBody of(CheckView view) {
			return new CheckBody(view.lessonId(), ShownQuestion.of(view.question(), view.order()), view.lastAnswer(),
					view.feedback());
		}
	}

	@GetMapping("/api/v1/courses/{id}/knowledge-checks")
	@Operation(summary = "The knowledge checks of the course version the caller takes, lesson by lesson, with their "
			+ "last answers")
	List<CheckBody> checks(Viewer me, @PathVariable String id) {
		return checks.all(me, new CourseId(id)).stream().map(CheckBody::of).toList();
	}

	@PostMapping("/api/v1/courses/{id}/knowledge-checks/{questionId}/answers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Answer a knowledge check: recorded, not part of the quiz score; answers the feedback "
			+ "(verdict, right answer, explanation). 404 for a question that is not a check of this course, 422 for "
			+ "an answer that does not fit the question")
	QuestionFeedback answer(Viewer me, @PathVariable String id, @PathVariable String questionId,
			@RequestBody AnswerBody body) {
		return checks.answer(me, new CourseId(id), questionId, AnswerBody.to(questionId, body));
	}
}
