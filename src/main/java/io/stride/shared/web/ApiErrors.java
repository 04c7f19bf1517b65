package io.stride.shared.web;

import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

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
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				e.getMessage() + " " + String.join(" ", e.fieldErrors().values()));
		problem.setProperty("errors", e.fieldErrors());
		return problem;
	}

	@ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
	ProblemDetail clash(org.springframework.dao.DataIntegrityViolationException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"This clashes with data saved at the same moment (for example the same name or email). Try again.");
	}

	@ExceptionHandler(RuntimeException.class)
	ProblemDetail unexpected(RuntimeException e) {
		org.slf4j.LoggerFactory.getLogger(ApiErrors.class).error("Unexpected error in an API call", e);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; nothing was changed. Try again, and tell an admin if it persists.");
	}

	@ExceptionHandler(InsufficientAuthenticationException.class)
	ProblemDetail unauthenticated(InsufficientAuthenticationException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
	}
}
