package io.stride.cycles;

import java.util.List;

import io.stride.identity.PersonId;

/** The owner of a contract invited colleagues to discuss it: they may now read it and comment on its goals. */
public record DiscussionInvited(CycleId cycleId, String cycleTitle, String ownerName, List<PersonId> invitees,
		String message) {

	public DiscussionInvited {
		invitees = List.copyOf(invitees);
	}
}
