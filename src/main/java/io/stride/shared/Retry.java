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
		return onDuplicateKey(2, call);
	}

	/**
	 * Runs the call up to {@code times} times while it loses insert races; where many requests make the same row at
	 * once (people signing in from one office address), one retry is not always enough.
	 */
	public static <T> T onDuplicateKey(int times, Supplier<T> call) {
		for (int tries = 1;; tries++) {
			try {
				return call.get();
			}
			catch (DuplicateKeyException raced) {
				if (tries >= times) {
					throw raced;
				}
			}
		}
	}
}
