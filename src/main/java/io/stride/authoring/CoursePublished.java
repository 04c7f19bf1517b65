package io.stride.authoring;

import io.stride.identity.PersonId;

/**
 * A version of a course was published. {@code contentChanged} tells whether lessons or questions differ from the
 * version before (always true for the first).
 */
public record CoursePublished(CourseId courseId, int version, PersonId publishedBy, String title, RiskTier tier,
		boolean contentChanged) {
}
