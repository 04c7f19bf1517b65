package io.stride.capability;

/** Active capabilities are used; retired ones keep their history (and say where they were merged into, if so). */
public enum CapabilityStatus {
	ACTIVE, RETIRED
}
