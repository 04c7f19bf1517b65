package io.stride.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An API path nothing answers, or a method it does not take, is refused with a problem detail like every other API
 * error; {@link ApiErrors} cannot, as no controller was chosen. Paths outside {@code /api/} keep the error page.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnmappedApiErrors {

	@ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class })
	ResponseEntity<ProblemDetail> noSuchPath(Exception e, HttpServletRequest request) throws Exception {
		if (!isApi(request)) {
			throw e;
		}
		return problem(HttpStatus.NOT_FOUND, "There is no such API path. The API is described at /v3/api-docs.",
				new HttpHeaders());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
			throws Exception {
		if (!isApi(request)) {
			throw e;
		}
		HttpHeaders headers = new HttpHeaders();
		if (e.getSupportedHttpMethods() != null) {
			headers.setAllow(e.getSupportedHttpMethods());
		}
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "This path does not take " + e.getMethod() + "; it takes "
				+ String.join(", ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods()) + ".",
				headers);
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, HttpHeaders headers) {
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(status, detail));
	}
}
