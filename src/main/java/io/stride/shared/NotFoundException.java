package io.stride.shared;

/**
 * Something does not exist, or the caller may not know that it exists. Both answer 404 so that guessing
 * ids reveals nothing.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what + " not found");
	}
}
