package io.stride.rhythm;

/** A commission's id. */
public record CommissionId(String value) {
}
