package io.stride.shared.web;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Words for a value of the wrong kind in a request body, and for values the database refused as data rather than as
 * a clash with other rows.
 */
final class WrongKind {

	private WrongKind() {
	}

	/** The field as callers write it: {@code quiz.questions[0].value}. */
	static String path(JacksonException e) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : e.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	static String message(Class<?> type) {
		if (type == null) {
			return "This value is not of the right kind.";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class) {
			return "Enter a whole number.";
		}
		if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
				|| type == float.class) {
			return "Enter a finite number, such as 1.5.";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "Enter true or false.";
		}
		if (type.isEnum()) {
			return "Enter one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
				.collect(Collectors.joining(", ")) + ".";
		}
		if (type == String.class) {
			return "Enter a text.";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "Enter a list.";
		}
		return "This value is not of the right kind.";
	}

	/**
	 * Whether the database refused a value itself (SQL state class 22, "data exception": NUL in a text, a number out
	 * of range, a string too long) rather than a constraint across rows.
	 */
	static boolean refusedByTheDatabase(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
				return true;
			}
		}
		return false;
	}
}
