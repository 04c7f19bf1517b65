package io.stride.cycles;

/**
 * Who besides its owner reads a contract. The owner's managers always see that a cycle exists and which priorities
 * its goals serve; people invited to discuss it read it whatever its visibility.
 */
public enum Visibility {
	/** The owner's managers. */
	MANAGER,
	/** The people of the owner's teams and the owner's managers. */
	TEAM,
	/** Only the people the owner named. */
	NAMED,
	/** Everyone in the organization. */
	ORGANIZATION
}
