package io.stride.assessment;

import io.stride.shared.ConflictException;

/**
 * The attempt can no longer change: it was submitted, or its time ran out and it was graded with the answers saved
 * before. {@link #attempt()} is the graded attempt, to show instead.
 */
public class AttemptClosed extends ConflictException {

	private final transient AttemptResult attempt;

	public AttemptClosed(AttemptResult attempt, String message) {
		super(message);
		this.attempt = attempt;
	}

	public AttemptResult attempt() {
		return attempt;
	}
}
