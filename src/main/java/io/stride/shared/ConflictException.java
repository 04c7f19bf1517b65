package io.stride.shared;

/**
 * A write lost a race with another write (optimistic locking) or clashes with existing data.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}
}
