package io.stride.standards.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the template chosen for a draft once the draft itself is forgotten (drafting keeps drafts for
 * {@code stride.drafting.keep-drafts-days}). Idempotent, so harmless when several nodes run it.
 */
@Component
class DraftChoiceCleanup {

	private final CourseTemplates templates;

	private final Duration keep;

	DraftChoiceCleanup(CourseTemplates templates, @Value("${stride.drafting.keep-drafts-days:30}") int keepDraftsDays) {
		this.templates = templates;
		this.keep = Duration.ofDays(keepDraftsDays + 1);
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
	void forgetOldDraftChoices() {
		templates.forgetDraftChoices(Instant.now().minus(keep));
	}
}
