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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An API path nothing answers, a method it does not take, or an upload over the multipart limits is refused with a
 * problem detail like every other API error; {@link ApiErrors} cannot, as no controller was chosen. Paths outside {@code /api/} keep the error page.
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

	/**
	 * A multipart request over the size or part limits fails before any controller is chosen; without this the caller
	 * got a 413 with an empty body.
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) throws Exception {
		if (!isApi(request)) {
			throw e;
		}
		return problem(HttpStatus.CONTENT_TOO_LARGE,
				"The upload is too large or has too many parts; send fewer or smaller files.", new HttpHeaders());
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> unreadableUpload(MultipartException e, HttpServletRequest request) throws Exception {
		if (!isApi(request)) {
			throw e;
		}
		return problem(HttpStatus.BAD_REQUEST, "The multipart upload could not be read.", new HttpHeaders());
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
