package io.stride.rhythm;

/** A ritual session's id. */
public record SessionId(String value) {
}
