package io.stride.capability;

public record CapabilityId(String value) {

	public CapabilityId {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("capability id must not be blank");
		}
	}

	@Override
	public String toString() {
		return value;
	}
}
