package io.stride.cycles;

/** A priority's id: it stays the same across edits, so contract goals can name the priority they serve. */
public record PriorityId(String value) {
}
