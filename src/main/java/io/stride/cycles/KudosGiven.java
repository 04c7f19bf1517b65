package io.stride.cycles;

import io.stride.identity.PersonId;

/** Someone thanked {@code to}; {@code courseTitle} is null when the thanks names no course. */
public record KudosGiven(String kudosId, PersonId to, String fromName, String message, String courseTitle) {
}
