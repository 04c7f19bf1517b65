package io.stride.capability;

import io.stride.identity.PersonId;

/**
 * Absences were added, removed or imported, for the audit log. {@code action}: ABSENCE_ADDED, ABSENCE_REMOVED or
 * ABSENCES_IMPORTED; {@code subjectId} is the absence's person (the import's source for an import); the detail
 * names dates and counts, never a kind.
 */
public record AbsencesChanged(PersonId by, String action, String subjectId, String subjectName, String detail) {
}
