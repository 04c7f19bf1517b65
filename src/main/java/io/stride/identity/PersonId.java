package io.stride.identity;

public record PersonId(String value) {

	public PersonId {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("person id must not be blank");
		}
	}

	@Override
	public String toString() {
		return value;
	}
}
