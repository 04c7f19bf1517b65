package io.stride.scim.web;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.stride.scim.internal.ScimErrorResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import io.stride.shared.InvalidInputException;

/**
 * Every error on {@code /scim/v2} as SCIM's error document (RFC 7644 section 3.12) in {@code application/scim+json},
 * ahead of the problem details the rest of Stride's API answers with.
 */
@RestControllerAdvice(assignableTypes = { ScimController.class, DiscoveryController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimErrors {

	private static final Logger LOG = LoggerFactory.getLogger(ScimErrors.class);

	@ExceptionHandler(ScimException.class)
	ResponseEntity<String> scim(ScimException e) {
		int status = e.getScimError().getStatus() == null ? 400 : e.getScimError().getStatus();
		return error(status, e.getScimError().getScimType(), e.getScimError().getDetail() == null ? e.getMessage()
				: e.getScimError().getDetail());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<String> badParameter(MethodArgumentTypeMismatchException e) {
		return error(400, "invalidValue", "'" + e.getName() + "' must be a whole number.");
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<String> invalid(InvalidInputException e) {
		// control characters in a body, refused before the services see it
		return error(400, "invalidValue", e.fieldErrors().isEmpty() ? e.getMessage()
				: String.join(" ", e.fieldErrors().values()));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<String> mediaType(HttpMediaTypeNotSupportedException e) {
		return error(415, null, "Send application/scim+json or application/json.");
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<String> header(MissingRequestHeaderException e) {
		return error(400, "invalidSyntax", "The header " + e.getHeaderName() + " is missing.");
	}

	/** Two providers' writes of the same userName or team name at once: the database's unique index decides. */
	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<String> conflict(DuplicateKeyException e) {
		return error(409, "uniqueness", "Another request made the same user or group at the same moment; read it and retry.");
	}

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<String> unexpected(RuntimeException e) {
		LOG.error("Unexpected error in a SCIM call", e);
		return error(500, null, "Stride could not do this; the error is logged.");
	}

	private static ResponseEntity<String> error(int status, String scimType, String detail) {
		return ResponseEntity.status(status)
			.contentType(ScimResponses.SCIM_JSON)
			.body(ScimErrorResponses.body(status, scimType, detail).toString());
	}
}
