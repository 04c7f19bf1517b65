package io.stride.tracks;

import io.stride.identity.PersonId;

/**
 * An enrolment changed hands or state (requested, enrolled, approved, declined, withdrawn, step confirmed, step
 * released early, completed): heard by the audit log in the same transaction. {@code by} is null for Stride itself.
 */
public record EnrolmentChanged(PersonId by, String enrolmentId, String trackTitle, String change, String detail) {
}
