package io.stride.badges;

public record BadgeId(String value) {

	public BadgeId {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("badge id must not be blank");
		}
	}

	@Override
	public String toString() {
		return value;
	}
}
