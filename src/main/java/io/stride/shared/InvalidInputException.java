package io.stride.shared;

import java.util.Map;

/**
 * Input that breaks a rule, with a message per field so that forms can show it next to the field.
 */
public class InvalidInputException extends RuntimeException {

	private final Map<String, String> fieldErrors;

	public InvalidInputException(String message, Map<String, String> fieldErrors) {
		super(message);
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	public InvalidInputException(String field, String message) {
		this(message, Map.of(field, message));
	}

	public Map<String, String> fieldErrors() {
		return fieldErrors;
	}
}
