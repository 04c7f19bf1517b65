package io.stride.drafting;

import java.util.List;

/**
 * A drafted course, shaped as in the API contract. {@code engine} is "offline" or "llm" (as the API contract fixes
 * it; in hybrid mode too, whose draft says so in its warnings); {@code warnings} say what could not be done (e.g. a
 * provider fell back to the offline engine).
 */
public record CourseDraft(String id, String title, String audience, List<String> objectives, int estimatedMinutes,
		String summary, List<DraftModule> modules, List<DraftQuestion> quiz, List<GlossaryEntry> glossary,
		String engine, List<String> warnings) {

	public CourseDraft {
		objectives = List.copyOf(objectives);
		modules = List.copyOf(modules);
		quiz = List.copyOf(quiz);
		glossary = List.copyOf(glossary);
		warnings = List.copyOf(warnings);
	}

	public List<DraftQuestion> allQuestions() {
		List<DraftQuestion> all = new java.util.ArrayList<>();
		modules.forEach(module -> all.addAll(module.knowledgeCheck()));
		all.addAll(quiz);
		return all;
	}
}
