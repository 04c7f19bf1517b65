package io.stride.analytics.redrafts;

import io.stride.analytics.items.ItemAnalysisQuestion;

/**
 * Where a redraft stands and how the two questions did. {@code before}: the old question's statistics over each
 * learner's first attempt that was asked it (null when nobody was); {@code after}: the same for the new question,
 * only once it is published and {@link Redrafts#ENOUGH_ATTEMPTS} such attempts exist.
 * @param afterAttempts first attempts that were asked the new question so far
 * @param attemptsNeeded how many more are needed before {@code after} is shown; 0 once it is
 */
public record RedraftReport(Redraft redraft, String oldPrompt, String newPrompt, State state, Integer publishedIn,
		ItemAnalysisQuestion before, ItemAnalysisQuestion after, int afterAttempts, int attemptsNeeded) {

	public enum State {
		DRAFT, IN_REVIEW, PUBLISHED, WITHDRAWN
	}

	/** The state in words, for pages. */
	public String stateLabel() {
		return switch (state) {
			case DRAFT -> "Draft of version " + redraft.madeInVersion() + ": publish it or submit it for review";
			case IN_REVIEW -> "Version " + redraft.madeInVersion() + " in review";
			case PUBLISHED -> "Published in version " + publishedIn;
			case WITHDRAWN -> "No longer in the course (replaced or removed before it was published)";
		};
	}
}
