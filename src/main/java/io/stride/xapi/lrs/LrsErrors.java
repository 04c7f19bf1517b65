package io.stride.xapi.lrs;

import io.stride.xapi.XapiException;
import io.stride.xapi.internal.XapiResponses;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The LRS answers errors as xAPI clients expect them: the status the specification names and a JSON message, not
 * Stride's problem details (those stay on {@code /api/v1}), and never a stack trace. It covers the controllers of
 * this package, where every LRS resource lives.
 */
@RestControllerAdvice(basePackageClasses = LrsErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LrsErrors {

	@ExceptionHandler(XapiException.class)
	ResponseEntity<String> refused(XapiException e) {
		return answer(e.status(), e.getMessage());
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
			MethodArgumentTypeMismatchException.class, HttpMediaTypeNotSupportedException.class })
	ResponseEntity<String> unreadable(Exception e) {
		return answer(400, e instanceof HttpMessageNotReadableException ? "The body is not valid JSON."
				: e instanceof HttpMediaTypeNotSupportedException ? "This resource does not take that Content-Type."
						: "A parameter is missing or has a value of the wrong kind: " + e.getMessage());
	}

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<String> unexpected(RuntimeException e) {
		LoggerFactory.getLogger(LrsErrors.class).error("Unexpected error in the LRS", e);
		return answer(500, "Something went wrong on our side; nothing was stored.");
	}

	static ResponseEntity<String> answer(int status, String message) {
		return ResponseEntity.status(HttpStatus.valueOf(status))
			.contentType(MediaType.APPLICATION_JSON)
			.body(XapiResponses.body(message));
	}
}
