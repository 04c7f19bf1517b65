package io.stride.cycles;

/** A contract goal's id: it stays the same across edits and when the goal is carried into the next cycle's copy. */
public record GoalId(String value) {
}
