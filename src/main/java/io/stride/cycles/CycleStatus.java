package io.stride.cycles;

public enum CycleStatus {
	ACTIVE, CLOSED
}
