package io.stride.cycles;

/** A learning cycle's id. */
public record CycleId(String value) {
}
