package io.stride.shared;

import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;

/**
 * Runs a transactional call again when it lost an insert race to a parallel request of the same person (two
 * tabs opening the same course at once). The second run finds the row the first one created.
 */
public final class Retry {

	private Retry() {
	}

	public static <T> T onDuplicateKey(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (DuplicateKeyException raced) {
			return call.get();
		}
	}
}
