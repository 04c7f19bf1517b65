package io.stride.rhythm;

import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/**
 * An intervention was marked DONE or DROPPED ({@code status}): by its owner or those who act on its team
 * ({@code by}), or DONE when the course its commission asked for was published ({@code by} null). A proposed goal that
 * its person takes or leaves is {@link ProposalAnswered} instead.
 */
public record InterventionClosed(InterventionId intervention, SessionId session, TeamId team, InterventionKind kind,
		CapabilityId capability, PersonId owner, PersonId person, String status, String description, PersonId by) {
}
