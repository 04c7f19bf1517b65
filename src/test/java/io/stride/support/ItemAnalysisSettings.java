package io.stride.support;

import io.stride.analytics.items.ItemAnalysis;
import io.stride.analytics.items.ItemAnalysisThresholds;
import io.stride.identity.Viewer;
import org.springframework.stereotype.Component;

/**
 * The organization's item analysis thresholds for tests: flags from a question's first attempt, so that a few
 * learners are enough to see them, and the defaults again after.
 */
@Component
public class ItemAnalysisSettings {

	private final ItemAnalysis analysis;

	private final Fixtures fixtures;

	ItemAnalysisSettings(ItemAnalysis analysis, Fixtures fixtures) {
		this.analysis = analysis;
		this.fixtures = fixtures;
	}

	/** The default thresholds, flagging from the first attempt. */
	public void flagFromFirstAttempt() {
		minimumAttempts(1);
	}

	/** The defaults: flags from {@link ItemAnalysisThresholds#DEFAULTS}' ten attempts. */
	public void defaults() {
		minimumAttempts(ItemAnalysisThresholds.DEFAULTS.minimumAttempts());
	}

	private void minimumAttempts(int attempts) {
		Viewer admin = fixtures.admin();
		ItemAnalysisThresholds d = ItemAnalysisThresholds.DEFAULTS;
		analysis.changeThresholds(admin, new ItemAnalysisThresholds.Change(d.tooEasy(), d.tooHard(), d.weakDiscrimination(),
				attempts, analysis.thresholds().revision()));
	}
}
