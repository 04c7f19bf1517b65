package io.stride.rhythm;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/**
 * A commission as asked for. Its cost is {@code internalHours} at the installation's rate, or {@code externalPrice}
 * (one of the two, or neither for no cost). {@code requestApproval} asks L&D to approve a cost over what the team's
 * budget has left instead of refusing it.
 */
public record CommissionDraft(TeamId team, PersonId author, String problem, String audience, LocalDate dueOn,
		CourseId extendsCourse, InterventionId intervention, LearningNeedId need, BigDecimal internalHours,
		BigDecimal externalPrice, boolean requestApproval) {
}
