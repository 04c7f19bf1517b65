package io.stride.shared.web;

import java.util.Map;

import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * API errors as RFC 9457 problem details with a readable {@code detail}; field errors under {@code errors}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
	}

	@ExceptionHandler(ForbiddenException.class)
	ProblemDetail forbidden(ForbiddenException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		e.state().forEach(problem::setProperty);
		return problem;
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException e) {
		return fieldProblem(e.getMessage(), e.fieldErrors());
	}

	static ProblemDetail fieldProblem(String message, Map<String, String> fieldErrors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				message + " " + String.join(" ", fieldErrors.values()));
		problem.setProperty("errors", fieldErrors);
		return problem;
	}

	/** A value of the wrong type at a known place (text for a number, a fraction for a whole number) is a field error. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			ProblemDetail problem = fieldProblem("Nothing was saved: a field has a value of the wrong kind.",
					Map.of(WrongKind.path(mismatch), WrongKind.message(mismatch.getTargetType())));
			return handleExceptionInternal(ex, problem, headers, HttpStatus.UNPROCESSABLE_CONTENT, request);
		}
		return super.handleHttpMessageNotReadable(ex, headers, status, request);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail clash(DataIntegrityViolationException e) {
		if (WrongKind.refusedByTheDatabase(e)) {
			return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
					"Nothing was saved: a value cannot be stored (for example a text with a control character, or a "
							+ "number out of range).");
		}
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"This clashes with data saved at the same moment (for example the same name or email). Try again.");
	}

	@ExceptionHandler(RuntimeException.class)
	ProblemDetail unexpected(RuntimeException e, HttpServletResponse response) {
		if (DatabaseUnavailable.causedBy(e)) {
			// not our error and not for long: the client is told when to try again (DatabaseUnavailable)
			response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
			return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"Stride cannot reach its database just now; nothing was changed. Try again in a few seconds.");
		}
		LoggerFactory.getLogger(ApiErrors.class).error("Unexpected error in an API call", e);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; nothing was changed. Try again, and tell an admin if it persists.");
	}

	@ExceptionHandler(InsufficientAuthenticationException.class)
	ProblemDetail unauthenticated(InsufficientAuthenticationException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
	}
}
