package io.stride.packages.web;

import java.util.Map;

import io.stride.identity.Viewer;
import io.stride.packages.scorm.ScormPlayer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.stereotype.Controller;

/**
 * Where the lesson page's player saves the SCO's run-time data: the signed-in learner's own attempt, with the
 * session and a CSRF token like any form. The player sends the whole flattened CMI with a sequence number on every
 * commit, finish and page hide, and again until it is saved; repeats and late arrivals are harmless
 * ({@link ScormPlayer#commit}).
 */
@Controller
class ScormCommits {

	private final ScormPlayer player;

	ScormCommits(ScormPlayer player) {
		this.player = player;
	}

	record CommitBody(Long sequence, Boolean terminate, Map<String, Object> cmi) {
	}

	@PostMapping(path = "/packages/attempts/{attemptId}/commits", consumes = "application/json",
			produces = "application/json")
	@ResponseBody
	ScormPlayer.Committed commit(Viewer me, @PathVariable String attemptId, @RequestBody CommitBody body) {
		if (body == null || body.sequence() == null) {
			throw new InvalidInputException("sequence", "Send the commit's sequence number.");
		}
		return player.commit(me, attemptId, body.sequence(),
				Boolean.TRUE.equals(body.terminate()), body.cmi());
	}

	@ExceptionHandler(InvalidInputException.class)
	@ResponseBody
	ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				e.getMessage() + " " + String.join(" ", e.fieldErrors().values()));
		problem.setProperty("errors", e.fieldErrors());
		return ResponseEntity.status(422)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseBody
	ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
		return ResponseEntity.status(404)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
	}
}
