package io.stride.rhythm;

/** A capability intervention's id. */
public record InterventionId(String value) {
}
