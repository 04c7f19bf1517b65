package io.stride.assessment.web;

import java.util.List;

import io.stride.assessment.Answer;
import io.stride.assessment.CheckView;
import io.stride.assessment.KnowledgeChecks;
import io.stride.assessment.QuestionFeedback;
import io.stride.authoring.CourseId;
import io.stride.authoring.QuestionKind;
import io.stride.identity.Organization;
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

	private final Organization organization;

	KnowledgeCheckApi(KnowledgeChecks checks, Organization organization) {
		this.checks = checks;
		this.organization = organization;
	}

	record Option(int index, String text) {
	}

	/** A check as learners see it (options in the order shown), with the caller's last answer and its feedback. */
	record CheckBody(String questionId, String lessonId, QuestionKind kind, String prompt, List<Option> options,
			List<Option> matches, String unit, String rule, Answer lastAnswer, QuestionFeedback feedback) {

		static CheckBody of(CheckView view) {
			var q = view.question();
			boolean matching = q.kind() == QuestionKind.MATCHING;
			List<Option> options = matching
					? java.util.stream.IntStream.range(0, q.options().size()).mapToObj(i -> new Option(i, q.options().get(i))).toList()
					: view.order().stream().map(i -> new Option(i, q.options().get(i))).toList();
			List<Option> matches = matching ? view.order().stream().map(i -> new Option(i, q.matches().get(i))).toList() : List.of();
			return new CheckBody(q.id(), view.lessonId(), q.kind(), q.prompt(), options, matches,
					q.numeric() == null ? null : q.numeric().unit(), q.scoringRule(), view.lastAnswer(), view.feedback());
		}
	}

	record AnswerBody(List<Integer> selected, String text) {
	}

	@GetMapping("/api/v1/courses/{id}/knowledge-checks")
	@Operation(summary = "The knowledge checks of the course version the caller takes, lesson by lesson, with their "
			+ "last answers")
	List<CheckBody> checks(@PathVariable String id) {
		return checks.all(organization.currentViewer(), new CourseId(id)).stream().map(CheckBody::of).toList();
	}

	@PostMapping("/api/v1/courses/{id}/knowledge-checks/{questionId}/answers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Answer a knowledge check: recorded, not part of the quiz score; answers the feedback "
			+ "(verdict, right answer, explanation). 404 for a question that is not a check of this course, 422 for "
			+ "an answer that does not fit the question")
	QuestionFeedback answer(@PathVariable String id, @PathVariable String questionId, @RequestBody AnswerBody body) {
		return checks.answer(organization.currentViewer(), new CourseId(id), questionId,
				new Answer(questionId, body == null ? null : body.selected(), body == null ? null : body.text()));
	}
}
