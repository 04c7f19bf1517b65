package io.stride.tracks;

public record TrackId(String value) {

	public TrackId {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("track id must not be blank");
		}
	}

	@Override
	public String toString() {
		return value;
	}
}
