package io.stride.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A write lost a race with another write (optimistic locking) or clashes with existing data. {@code state} tells the
 * caller where things stand now, so that a client need not ask again; APIs add it to the problem detail.
 */
public class ConflictException extends RuntimeException {

	private final Map<String, Object> state;

	public ConflictException(String message) {
		this(message, Map.of());
	}

	public ConflictException(String message, Map<String, Object> state) {
		super(message);
		this.state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
	}

	public Map<String, Object> state() {
		return state;
	}
}
