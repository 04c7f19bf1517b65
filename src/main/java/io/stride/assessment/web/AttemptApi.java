package io.stride.assessment.web;

import java.util.List;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.assessment.AttemptResult;
import io.stride.authoring.CourseId;
import io.stride.identity.Organization;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Assessment", description = "Quiz attempts")
@SecurityRequirement(name = "bearer")
class AttemptApi {

	private final Assessment assessment;

	private final Organization organization;

	AttemptApi(Assessment assessment, Organization organization) {
		this.assessment = assessment;
		this.organization = organization;
	}

	record AttemptRequest(List<Answer> answers) {
	}

	record QuestionResult(String questionId, List<Integer> selected, boolean correct) {
	}

	record AttemptView(String attemptId, int score, boolean passed, List<QuestionResult> results) {
	}

	@PostMapping("/api/v1/courses/{id}/attempts")
	@Operation(summary = "Submit a quiz attempt; a retry with the same Idempotency-Key returns the first result")
	ResponseEntity<AttemptView> submit(@PathVariable String id, @RequestBody AttemptRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		AttemptResult result = assessment.submit(organization.currentViewer(), new CourseId(id),
				request.answers() == null ? List.of()
						: request.answers().stream().filter(java.util.Objects::nonNull).toList(), idempotencyKey);
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Idempotent-Replayed", String.valueOf(result.replayed()))
			.body(new AttemptView(result.attemptId(), result.score(), result.passed(), result.outcomes()
				.stream()
				.map(o -> new QuestionResult(o.questionId(), o.selected(), o.correct()))
				.toList()));
	}
}
