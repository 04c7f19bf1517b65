package io.stride.support;

import java.util.List;

/**
 * What a fuzz test allows a reader to do with any input: read it, or refuse it with its own clear refusal (the
 * exception it documents, which the web layer turns into a message). Anything else, a NullPointerException or a
 * StackOverflowError say, is rethrown for Jazzer to report as a finding.
 */
public final class Refusals {

	/** A read whose checked exceptions are findings too. */
	@FunctionalInterface
	public interface Read {

		void run() throws Exception;
	}

	private Refusals() {
	}

	@SafeVarargs
	public static void readOrRefuse(Read read, Class<? extends RuntimeException>... refusals) {
		try {
			read.run();
		}
		catch (RuntimeException e) {
			if (List.of(refusals).stream().noneMatch(refusal -> refusal.isInstance(e))) {
				throw e;
			}
		}
		catch (Exception e) {
			throw new AssertionError("The reader let a checked exception out", e);
		}
	}
}
