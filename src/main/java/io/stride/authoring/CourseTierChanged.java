package io.stride.authoring;

import io.stride.identity.PersonId;

/**
 * A course's risk tier was set or changed; {@code from} is null when the course was created.
 */
public record CourseTierChanged(CourseId courseId, String title, RiskTier from, RiskTier to, String reason,
		RiskTier suggested, PersonId by) {
}
