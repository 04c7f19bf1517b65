package io.stride.drafting;

import java.util.List;

public record DraftLesson(String title, String markdown, List<Citation> citations) {

	public DraftLesson {
		citations = List.copyOf(citations);
	}
}
