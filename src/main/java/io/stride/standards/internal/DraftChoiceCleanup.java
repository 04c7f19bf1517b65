package io.stride.standards.internal;

import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the template chosen for a draft once the draft itself is forgotten (drafting keeps drafts for
 * {@code stride.drafting.keep-drafts-days}). Idempotent, so harmless when several nodes run it; the hourly run is
 * still one node's at a time (ADR 0039).
 */
@Component
class DraftChoiceCleanup {

	private final CourseTemplates templates;

	private final Duration keep;

	DraftChoiceCleanup(CourseTemplates templates, @Value("${stride.drafting.keep-drafts-days:30}") int keepDraftsDays) {
		this.templates = templates;
		this.keep = Duration.ofDays(keepDraftsDays + 1);
	}

	// the nodes' hourly timers do not line up: held fifty minutes, it runs about once an hour for the whole cluster
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
	@SchedulerLock(name = "standards-draft-choice-cleanup", lockAtMostFor = "PT55M", lockAtLeastFor = "PT50M")
	void forgetOldDraftChoices() {
		templates.forgetDraftChoices(Instant.now().minus(keep));
	}
}
