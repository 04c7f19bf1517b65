package io.stride.capability;

import java.util.List;
import java.util.Optional;

import io.stride.identity.TeamId;

/**
 * A capability of the organization's catalogue (no owner team) or local to a team tree. {@code validityMonths} is
 * how long evidence counts (null: no expiry; an external certificate's own expiry date applies too).
 */
public record Capability(CapabilityId id, String name, String description, String category, TeamId ownerTeamId,
		String ownerTeamName, Integer validityMonths, CapabilityStatus status, CapabilityId mergedInto, int revision,
		List<Level> levels, List<EvidenceRule> rules) {

	public static final int MAX_LEVELS = 5;

	public static final List<String> DEFAULT_LEVELS = List.of("Learning", "Can do it alone", "Can teach it");

	public Capability {
		levels = List.copyOf(levels);
		rules = List.copyOf(rules);
	}

	public boolean active() {
		return status == CapabilityStatus.ACTIVE;
	}

	public Optional<Level> level(int rank) {
		return levels.stream().filter(level -> level.rank() == rank).findFirst();
	}

	public String levelName(int rank) {
		return level(rank).map(Level::name).orElse("Level " + rank);
	}

	public List<EvidenceRule> rulesOf(int rank) {
		return rules.stream().filter(rule -> rule.level() == rank).toList();
	}
}
