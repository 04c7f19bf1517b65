package io.stride.analytics;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * The lifecycle proposed archiving or refining a course; {@code reason} says why, for its owner. Notification tells
 * the owner (an event rather than a call, so that modules analytics serves may be heard by notification too).
 */
public record LifecycleProposed(PersonId owner, CourseId course, String title, LifecycleProposal.Kind kind,
		String reason) {
}
