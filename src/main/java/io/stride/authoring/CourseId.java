package io.stride.authoring;

public record CourseId(String value) {

	public CourseId {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("course id must not be blank");
		}
	}

	@Override
	public String toString() {
		return value;
	}
}
