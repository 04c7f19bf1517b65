package io.stride.capability;

/** One of a capability's ordered levels: rank 1 is the lowest, at most {@link Capability#MAX_LEVELS}. */
public record Level(int rank, String name) {
}
