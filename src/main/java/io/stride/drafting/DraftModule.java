package io.stride.drafting;

import java.util.List;

/**
 * A drafted module. {@code untested} are the module's important sentences (rules, steps, numbers, definitions,
 * central points) that no question of the draft asks about, so the author can see what the questions miss.
 */
public record DraftModule(String title, List<String> takeaways, List<DraftLesson> lessons,
		List<DraftQuestion> knowledgeCheck, List<Citation> untested) {

	public DraftModule {
		takeaways = List.copyOf(takeaways);
		lessons = List.copyOf(lessons);
		knowledgeCheck = List.copyOf(knowledgeCheck);
		untested = untested == null ? List.of() : List.copyOf(untested);
	}

	/** A module without a coverage report. */
	public DraftModule(String title, List<String> takeaways, List<DraftLesson> lessons, List<DraftQuestion> knowledgeCheck) {
		this(title, takeaways, lessons, knowledgeCheck, List.of());
	}
}
