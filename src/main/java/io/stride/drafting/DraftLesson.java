package io.stride.drafting;

import java.util.List;

/**
 * A drafted lesson in Markdown, with the source passages it is written from. {@code cut} holds the author's sentences
 * left out to bring the lesson within the template's words per lesson (asides, examples, restatements), each with its
 * citation, so that the author can put them back.
 */
public record DraftLesson(String title, String markdown, List<Citation> citations, List<CutPassage> cut) {

	/** A sentence of the source left out of the lesson, as the source has it. */
	public record CutPassage(String text, String reason, Citation citation) {
	}

	public DraftLesson {
		citations = List.copyOf(citations);
		cut = cut == null ? List.of() : List.copyOf(cut);
	}

	public DraftLesson(String title, String markdown, List<Citation> citations) {
		this(title, markdown, citations, List.of());
	}
}
