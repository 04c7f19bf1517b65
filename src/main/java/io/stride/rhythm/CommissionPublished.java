package io.stride.rhythm;

import java.time.Duration;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/**
 * The course that answers a commission was published, which closes the commission; {@code took} is the time from
 * commission to publication.
 */
public record CommissionPublished(CommissionId commission, TeamId team, PersonId commissionedBy, PersonId author,
		CourseId course, String courseTitle, InterventionId intervention, Duration took) {
}
