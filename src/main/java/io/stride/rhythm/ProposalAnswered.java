package io.stride.rhythm;

import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/**
 * The person a learning-cycle goal was proposed to took it ({@code answer} TAKEN, the intervention DONE) or left it
 * (LEFT, the intervention DROPPED).
 */
public record ProposalAnswered(InterventionId intervention, SessionId session, TeamId team, CapabilityId capability,
		PersonId person, PersonId owner, String answer, String description) {

	public boolean taken() {
		return "TAKEN".equals(answer);
	}
}
