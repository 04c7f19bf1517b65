package io.stride.drafting.internal;

import java.util.List;

import io.stride.drafting.CourseDraft;
import io.stride.drafting.DraftModule;
import tools.jackson.databind.JsonNode;

/**
 * The course-level text, from a short last request once the modules are done: summary and objectives (and a title
 * when the document has none) in the full mode, the objectives only in the hybrid mode. It sees the modules' titles
 * and takeaways, not the source; what fails the checks stays the offline engine's.
 */
final class CourseText {

	record Result(String title, String summary, List<String> objectives, String failure) {
	}

	private final ChatCompletions chat;

	CourseText(ChatCompletions chat) {
		this.chat = chat;
	}

	Result full(CourseDraft offline, List<DraftModule> modules, ChatCompletions.Call call) {
		JsonNode answer;
		try {
			answer = chat.ask(FULL_INSTRUCTIONS, outline(offline, modules), "course_text", FULL_SCHEMA, call);
		}
		catch (ChatCompletions.Unavailable e) {
			return kept(offline, "the language model could not be used (" + e.getMessage() + ")");
		}
		String title = ModelAnswers.text(answer, "title");
		String summary = ModelAnswers.text(answer, "summary");
		List<String> objectives = objectives(answer);
		if (title == null || title.length() > 120 || title.contains("\n") || summary == null || summary.length() > 1500
				|| objectives == null) {
			return kept(offline, "the language model's answer failed the checks");
		}
		// the document's own title stands; the model's is used only when the document has none
		return new Result(offline.title() == null || offline.title().isBlank() ? title : offline.title(), summary,
				objectives, null);
	}

	Result hybrid(CourseDraft offline, List<DraftModule> modules, ChatCompletions.Call call) {
		JsonNode answer;
		try {
			answer = chat.ask(HYBRID_INSTRUCTIONS, outline(offline, modules) + "\nObjectives to rewrite:\n- "
					+ String.join("\n- ", offline.objectives()), "course_objectives", HYBRID_SCHEMA, call);
		}
		catch (ChatCompletions.Unavailable e) {
			return kept(offline, "the language model could not be used (" + e.getMessage() + ")");
		}
		List<String> objectives = objectives(answer);
		if (objectives == null) {
			return kept(offline, "the language model's answer failed the checks");
		}
		return new Result(offline.title(), offline.summary(), objectives, null);
	}

	/** Three to five one-line objectives of a sensible length; null otherwise. */
	private static List<String> objectives(JsonNode answer) {
		List<String> objectives = ModelAnswers.strings(answer.path("objectives"));
		if (objectives.size() < 3 || objectives.stream().anyMatch(o -> o.length() > 200 || o.contains("\n"))
				|| objectives.stream().map(ModelAnswers::normal).distinct().count() < objectives.size()) {
			return null;
		}
		return objectives.subList(0, Math.min(5, objectives.size()));
	}

	private static Result kept(CourseDraft offline, String reason) {
		return new Result(offline.title(), offline.summary(), offline.objectives(), reason);
	}

	private static String outline(CourseDraft offline, List<DraftModule> modules) {
		StringBuilder text = new StringBuilder("The source's title: \"").append(offline.title()).append("\"\nModules:\n");
		for (int i = 0; i < modules.size(); i++) {
			DraftModule module = modules.get(i);
			text.append(i + 1).append(". ").append(module.title()).append('\n');
			module.takeaways().forEach(t -> text.append("   - ").append(t).append('\n'));
		}
		return text.toString();
	}

	static final String FULL_INSTRUCTIONS = """
			You finish a short course drafted module by module from a manager's document. From the modules' titles and
			takeaways, give the course a title (the document's own title when it has one), a summary of two to four
			sentences about what the learner will do, never about the document itself, and 3-5 learning objectives,
			each an observable verb and its object ("Report a suspected incident within one hour"). Write in the language the
			source is written in.""";

	static final String FULL_SCHEMA = """
			{"type":"object","additionalProperties":false,"required":["title","summary","objectives"],
			 "properties":{"title":{"type":"string"},"summary":{"type":"string"},
			   "objectives":{"type":"array","items":{"type":"string"}}}}""";

	static final String HYBRID_INSTRUCTIONS = """
			You improve the learning objectives an engine drafted for a short course. Rewrite them as 3-5 objectives,
			each an observable verb and its object taken from the modules ("Sequence the seven project stages",
			"Report a suspected incident within one hour"). Add nothing the modules do not cover. Write in the language the
			source is written in.""";

	static final String HYBRID_SCHEMA = """
			{"type":"object","additionalProperties":false,"required":["objectives"],
			 "properties":{"objectives":{"type":"array","items":{"type":"string"}}}}""";
}
