package io.stride.rhythm;

import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/** A commission was cancelled before its course was published; its author hears of it. */
public record CommissionCancelled(CommissionId commission, TeamId team, PersonId cancelledBy, PersonId author,
		String problem) {
}
