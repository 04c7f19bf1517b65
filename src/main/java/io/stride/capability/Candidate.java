package io.stride.capability;

import java.util.List;

import io.stride.identity.PersonId;

/** Someone close to qualifying for a team's target: their level now (null: none) and what they still lack. */
public record Candidate(PersonId personId, String name, Integer levelRank, String levelName,
		List<MissingEvidence> missing) {

	public Candidate {
		missing = List.copyOf(missing);
	}
}
