package io.stride.drafting;

import java.util.List;

public record DraftModule(String title, List<String> takeaways, List<DraftLesson> lessons,
		List<DraftQuestion> knowledgeCheck) {

	public DraftModule {
		takeaways = List.copyOf(takeaways);
		lessons = List.copyOf(lessons);
		knowledgeCheck = List.copyOf(knowledgeCheck);
	}
}
