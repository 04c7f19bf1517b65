package io.stride.capability;

public record CapabilityId(String value) {

	public CapabilityId {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("capability id must not be blank");
		}
	}

	// written out: a record's generated equals goes through a method handle, and reports put hundreds of thousands of
	// ids in hash maps
	@Override
	public boolean equals(Object other) {
		return this == other || other instanceof CapabilityId id && value.equals(id.value);
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
