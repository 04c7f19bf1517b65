package io.stride.identity;

public record PersonId(String value) {

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
