package io.stride.identity;

import java.io.Serial;
import java.io.Serializable;

/** Serializable: a signed-in person's principal names them by it, and sessions are kept in the database. */
public record PersonId(String value) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	public PersonId {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("person id must not be blank");
		}
	}

	// written out: a record's generated equals goes through a method handle, and reports put hundreds of thousands of
	// ids in hash maps
	@Override
	public boolean equals(Object other) {
		return this == other || other instanceof PersonId id && value.equals(id.value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return value;
	}
}
