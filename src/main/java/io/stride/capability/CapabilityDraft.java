package io.stride.capability;

import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.identity.TeamId;

/**
 * What a keeper of the catalogue writes for a capability. {@code levels} are the level names from lowest to highest
 * (empty: the three defaults); {@code ownerTeamId} null makes it the organization's.
 */
public record CapabilityDraft(String name, String description, String category, TeamId ownerTeamId,
		Integer validityMonths, List<String> levels, List<RuleDraft> rules) {

	/** One evidence rule as written; see {@link EvidenceRule} for which fields each kind uses. */
	public record RuleDraft(int level, RuleKind kind, CourseId courseId, boolean currentVersion, String taskId,
			Integer count, String certificateName, String activityIri, String activityName, Double minScore) {

		/** A rule of a kind that names no outside activity. */
		public RuleDraft(int level, RuleKind kind, CourseId courseId, boolean currentVersion, String taskId,
				Integer count, String certificateName) {
			this(level, kind, courseId, currentVersion, taskId, count, certificateName, null, null, null);
		}
	}
}
