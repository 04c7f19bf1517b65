package io.stride.cycles;

/** What a viewer may do with a cycle they can see. */
public enum CycleAccess {
	/** Its owner: reads and changes everything. */
	OWNER,
	/** Reads the whole contract and comments (the visibility the owner chose, or an invitation to discuss). */
	READ,
	/** A manager outside the chosen visibility: sees that it exists and which priorities its goals serve; comments. */
	EXISTENCE
}
