package io.stride.cycles;

import java.util.Arrays;
import java.util.List;

/**
 * What a priority says: the organization publishes its purpose, strategy and current challenges; a team what makes
 * it successful and its current priorities.
 */
public enum PriorityKind {
	PURPOSE("Purpose", false), STRATEGY("Strategy", false), CHALLENGE("Current challenge", false),
	SUCCESS("What makes us successful", true), PRIORITY("Current priority", true);

	private final String label;

	private final boolean team;

	PriorityKind(String label, boolean team) {
		this.label = label;
		this.team = team;
	}

	public String label() {
		return label;
	}

	/** The kinds a team publishes, or the organization's when {@code team} is false. */
	public static List<PriorityKind> of(boolean team) {
		return Arrays.stream(values()).filter(k -> k.team == team).toList();
	}

	public boolean forTeam() {
		return team;
	}
}
