package io.stride.rhythm;

/** A ritual's id. */
public record RitualId(String value) {
}
