package io.stride.drafting;

import java.util.ArrayList;
import java.util.List;

/**
 * A drafted course, shaped as in the API contract. {@code engine} is "offline" or "llm" (as the API contract fixes
 * it; in hybrid mode too, whose draft says so in its warnings); {@code warnings} say what could not be done (e.g. a
 * provider fell back to the offline engine). {@code language} is the source's language as an ISO 639-1 code
 * ("en", "de"), which the draft's own words (questions, objectives, labels) are written in where Stride drafts in it.
 */
public record CourseDraft(String id, String title, String audience, List<String> objectives, int estimatedMinutes,
		String summary, List<DraftModule> modules, List<DraftQuestion> quiz, List<GlossaryEntry> glossary,
		String engine, List<String> warnings, String language) {

	public CourseDraft {
		objectives = List.copyOf(objectives);
		modules = List.copyOf(modules);
		quiz = List.copyOf(quiz);
		glossary = List.copyOf(glossary);
		warnings = List.copyOf(warnings);
		language = language == null || language.isBlank() ? "en" : language;
	}

	/** A draft in English. */
	public CourseDraft(String id, String title, String audience, List<String> objectives, int estimatedMinutes,
			String summary, List<DraftModule> modules, List<DraftQuestion> quiz, List<GlossaryEntry> glossary,
			String engine, List<String> warnings) {
		this(id, title, audience, objectives, estimatedMinutes, summary, modules, quiz, glossary, engine, warnings, "en");
	}

	/** The same draft with other warnings. */
	public CourseDraft withWarnings(List<String> newWarnings) {
		return new CourseDraft(id, title, audience, objectives, estimatedMinutes, summary, modules, quiz, glossary, engine,
				newWarnings, language);
	}

	/** The label the draft's language gives a module's key takeaways, e.g. "Key takeaways", "Das Wichtigste". */
	public String takeawaysLabel() {
		return DraftLabels.keyTakeaways(language);
	}

	public List<DraftQuestion> allQuestions() {
		List<DraftQuestion> all = new ArrayList<>();
		modules.forEach(module -> all.addAll(module.knowledgeCheck()));
		all.addAll(quiz);
		return all;
	}
}
