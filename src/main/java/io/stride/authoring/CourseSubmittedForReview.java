package io.stride.authoring;

import io.stride.identity.PersonId;

public record CourseSubmittedForReview(CourseId courseId, int version, RiskTier tier, PersonId author, String title) {
}
