package io.stride.identity;

public record TeamId(String value) {

	public TeamId {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("team id must not be blank");
		}
	}

	@Override
	public String toString() {
		return value;
	}
}
