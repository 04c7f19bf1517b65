package io.stride.packages.questions;

import java.util.Map;

import io.stride.shared.InvalidInputException;

/** A file refused whole: said at the {@code file} field, after the one sentence an API caller reads first. */
final class Refused {

	private Refused() {
	}

	static InvalidInputException file(String why) {
		return new InvalidInputException("Nothing was imported.", Map.of("file", why));
	}
}
