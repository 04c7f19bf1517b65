package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.stride.drafting.Citation;
import io.stride.drafting.DraftLesson;
import io.stride.drafting.DraftModule;
import io.stride.drafting.DraftQuestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The full mode, one module at a time: the model drafts a module's lessons and questions from that module's text
 * alone. A module whose answer fails the checks is the offline engine's; a question that fails is replaced by an
 * offline question from the same module.
 */
final class ModuleDrafting {

	private static final Logger log = LoggerFactory.getLogger(ModuleDrafting.class);

	/**
	 * A module longer than this is sent in parts, cut between its lessons' passages, so that each request fits a
	 * small model's context.
	 */
	static final int MAX_MODULE_CHARACTERS = 40_000;

	/** What became of one module. {@code quiz} holds the model's questions offered for the final quiz. */
	record Outcome(DraftModule module, List<DraftQuestion> quiz, List<String> warnings, boolean byModel,
			ChatCompletions.Unavailable failure) {
	}

	private final ChatCompletions chat;

	private final int maxCharacters;

	ModuleDrafting(ChatCompletions chat) {
		this(chat, MAX_MODULE_CHARACTERS);
	}

	/** With another limit on one request's text, for tests that need no 40,000-character module. */
	ModuleDrafting(ChatCompletions chat, int maxCharacters) {
		this.chat = chat;
		this.maxCharacters = maxCharacters;
	}

	Outcome draft(ModuleSlice slice, LlmEngine.Attempts attempts) {
		List<ModuleSlice> parts = slice.parts(maxCharacters);
		if (parts.stream().anyMatch(p -> p.characters() > maxCharacters)) {
			return offline(slice, "one of its passages is longer than " + maxCharacters + " characters", null);
		}
		if (parts.size() == 1) {
			return draftPart(slice, attempts);
		}
		List<Outcome> drafted = new ArrayList<>();
		for (ModuleSlice part : parts) {
			Outcome outcome = draftPart(part, attempts);
			if (!outcome.byModel()) {
				// a module is the model's whole or not at all: half of it would lose the other half's lessons
				return outcome;
			}
			drafted.add(outcome);
		}
		return joined(drafted);
	}

	/** The parts of a long module as one module: the first part's title, every part's lessons in order. */
	private static Outcome joined(List<Outcome> parts) {
		Set<String> prompts = new HashSet<>();
		List<String> takeaways = new ArrayList<>();
		List<DraftLesson> lessons = new ArrayList<>();
		List<DraftQuestion> check = new ArrayList<>();
		List<DraftQuestion> quiz = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		for (Outcome part : parts) {
			DraftModule module = part.module();
			module.takeaways().stream().filter(t -> takeaways.size() < 5 && !takeaways.contains(t)).forEach(takeaways::add);
			lessons.addAll(module.lessons());
			module.knowledgeCheck().stream().filter(q -> check.size() < 3 && prompts.add(q.prompt())).forEach(check::add);
			part.quiz().stream().filter(q -> prompts.add(q.prompt())).forEach(quiz::add);
			warnings.addAll(part.warnings());
		}
		DraftModule module = new DraftModule(parts.get(0).module().title(), takeaways, lessons, check);
		return new Outcome(module, quiz, warnings, true, null);
	}

	private Outcome draftPart(ModuleSlice slice, LlmEngine.Attempts attempts) {
		String notNow = attempts.whyNot();
		if (notNow != null) {
			return offline(slice, notNow, null);
		}
		JsonNode answer;
		try {
			answer = chat.ask(INSTRUCTIONS, request(slice), "course_module", SCHEMA, attempts.call(slice));
			attempts.answered();
		}
		catch (ChatCompletions.Unavailable e) {
			attempts.failed();
			return offline(slice, "the language model could not be used (" + e.getMessage() + ")", e);
		}
		String title = ModelAnswers.text(answer, "title");
		List<DraftLesson> lessons = new ArrayList<>();
		for (JsonNode l : answer.path("lessons")) {
			String lessonTitle = ModelAnswers.text(l, "title");
			String markdown = ModelAnswers.text(l, "markdown");
			Optional<Citation> citation = slice.locate(ModelAnswers.text(l, "sourceQuote"));
			if (lessonTitle == null || markdown == null || citation.isEmpty()) {
				return offline(slice, "the language model's lessons did not all quote the module's text word for word", null);
			}
			lessons.add(new DraftLesson(lessonTitle, markdown, List.of(citation.get())));
		}
		if (title == null || lessons.isEmpty()) {
			return offline(slice, "the language model's answer did not have the expected shape", null);
		}
		Set<String> prompts = new HashSet<>();
		List<DraftQuestion> check = new ArrayList<>();
		int failed = 0;
		for (JsonNode q : answer.path("questions")) {
			Optional<DraftQuestion> question = ModelAnswers.question(q, slice).filter(d -> prompts.add(d.prompt()));
			if (question.isEmpty()) {
				failed++;
			}
			else if (check.size() < 3) {
				check.add(question.get());
			}
		}
		List<DraftQuestion> quiz = new ArrayList<>();
		for (JsonNode q : answer.path("quizQuestions")) {
			ModelAnswers.question(q, slice).filter(d -> prompts.add(d.prompt())).ifPresentOrElse(quiz::add, () -> {
			});
		}
		// each failed question is replaced by one of the offline module's, and a check has at least two questions
		int wanted = Math.min(3, Math.max(check.size() + failed, 2));
		int replaced = 0;
		for (DraftQuestion q : slice.offline().knowledgeCheck()) {
			if (check.size() >= wanted) {
				break;
			}
			if (prompts.add(q.prompt())) {
				check.add(q);
				replaced++;
			}
		}
		List<String> warnings = new ArrayList<>();
		if (failed > 0) {
			warnings.add(slice.name() + ": " + failed + " of the language model's questions failed the checks (an answer "
					+ "not among the options or not in the quoted text, a wrong option the text states, a stem that gives "
					+ "the answer away, or a quote not in the module's text); "
					+ (replaced == 0 ? "they were left out."
							: replaced + " question" + (replaced == 1 ? " comes" : "s come") + " from the offline engine instead."));
		}
		List<String> takeaways = ModelAnswers.strings(answer.path("takeaways"));
		DraftModule module = new DraftModule(title, takeaways.isEmpty() ? slice.offline().takeaways()
				: takeaways.subList(0, Math.min(5, takeaways.size())), lessons, check);
		return new Outcome(module, quiz, warnings, true, null);
	}

	static Outcome offline(ModuleSlice slice, String reason, ChatCompletions.Unavailable failure) {
		// the reason is ours (no key, no source text); the module's title is the source's, so it is left out
		log.info("Module {} of {} was drafted offline: {}", slice.index() + 1, slice.count(), reason);
		return new Outcome(slice.offline(), List.of(),
				List.of(slice.name() + " came from the offline engine: " + reason + "."), false, failure);
	}

	private static String request(ModuleSlice slice) {
		String part = slice.parts() > 1 ? " (part " + slice.part() + " of " + slice.parts() + ")" : "";
		return "Module " + (slice.index() + 1) + " of " + slice.count() + part + " of a course. Its heading in the source: \""
				+ slice.offline().title() + "\".\nThe module's text, one block a line; [@offset kind] gives where the "
				+ "block starts in the source and is not part of the text:\n\n" + slice.text();
	}

	static final String INSTRUCTIONS = """
			You turn one module of a manager's source material into part of a short course. Use only the module's
			text you are given. Keep the author's own sentences and context; restructure lightly (steps as numbered
			lists, warnings as callouts). Write one to four lessons in Markdown and up to five takeaways. Write 2-3
			knowledge-check questions ("questions") and 1-2 more for the final quiz ("quizQuestions"). Kinds:
			SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE (options "True","False"), ORDERING (correct = option indexes in
			the right order). Test what matters (an action, a deadline, a role, a number, a step), never a heading or a
			label. Wrong options must be plausible items of the same kind from the same text, never the right answer
			in other words, never duplicates, never "all of the above". Every lesson and question has a sourceQuote:
			a sentence of at least four words (or a whole heading or list item) copied exactly, character for
			character, from one block of the module's text (without the [@offset kind] marker); the right answer must
			appear in that sentence, and no wrong option may. ORDERING options must appear in the quote in the right
			order. A TRUE_FALSE prompt is a statement: keyed True, it repeats the quote's words; keyed False, it
			changes one detail of the quote. Write in the language the
			source is written in.""";

	static final String SCHEMA = """
			{"type":"object","additionalProperties":false,
			 "required":["title","takeaways","lessons","questions","quizQuestions"],
			 "properties":{
			  "title":{"type":"string"},
			  "takeaways":{"type":"array","items":{"type":"string"}},
			  "lessons":{"type":"array","items":{"type":"object","additionalProperties":false,
			    "required":["title","markdown","sourceQuote"],
			    "properties":{"title":{"type":"string"},"markdown":{"type":"string"},"sourceQuote":{"type":"string"}}}},
			  "questions":{"type":"array","items":{"$ref":"#/$defs/question"}},
			  "quizQuestions":{"type":"array","items":{"$ref":"#/$defs/question"}}},
			 "$defs":{"question":{"type":"object","additionalProperties":false,
			   "required":["kind","prompt","options","correct","explanation","sourceQuote"],
			   "properties":{
			     "kind":{"type":"string","enum":["SINGLE_CHOICE","MULTIPLE_CHOICE","TRUE_FALSE","ORDERING"]},
			     "prompt":{"type":"string"},"options":{"type":"array","items":{"type":"string"}},
			     "correct":{"type":"array","items":{"type":"integer"}},
			     "explanation":{"type":"string"},"sourceQuote":{"type":"string"}}}}}""";
}
