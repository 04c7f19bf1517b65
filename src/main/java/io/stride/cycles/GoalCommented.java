package io.stride.cycles;

import java.util.List;

import io.stride.identity.PersonId;

/**
 * Someone commented on a contract goal; {@code recipients} are whom it concerns (the goal's owner, and for a reply the
 * author of the comment answered), never its own author.
 */
public record GoalCommented(GoalId goalId, String goalWhat, String authorName, String body, boolean reply,
		List<PersonId> recipients) {

	public GoalCommented {
		recipients = List.copyOf(recipients);
	}
}
