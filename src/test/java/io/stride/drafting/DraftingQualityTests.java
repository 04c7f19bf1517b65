package io.stride.drafting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.stride.drafting.internal.Embedder;
import io.stride.drafting.internal.ExtractedSource;
import io.stride.drafting.internal.Objectives;
import io.stride.drafting.internal.OfflineEngine;
import io.stride.drafting.internal.SourceReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drafts every document of the corpus (written for the project, in src/test/resources/corpus) and checks the
 * structure and every single question against its source.
 */
class DraftingQualityTests {

	static final SourceReader READER = new SourceReader(20 << 20, 300, 600_000, 30);

	static final Drafting DRAFTING = new Drafting(READER, new OfflineEngine(new Embedder()), 10, null, null, null, new io.stride.drafting.internal.DraftsUnderWay(2));

	@ParameterizedTest
	@ValueSource(strings = { "expense-policy.md", "laptop-setup-howto.txt", "incident-response-slides.md",
			"onboarding-meeting.vtt", "customer-call-notes.srt", "quick-note.txt", "faq.html",
			"data-retention-tables.md", "accents-and-names.md", "faq-non-english.md", "handbook-8000.md",
			"published-handbook-page.md" })
	void everyDraftIsWellFormedAndEveryQuestionHoldsUpAgainstItsSource(String name) throws IOException {
		SourceFile file = corpus(name);
		ExtractedSource source = READER.read(file);
		CourseDraft draft = DRAFTING.draft(List.of(file), null);

		assertThat(draft.title()).isNotBlank();
		// named only when the document says who it is for, in its own words; otherwise empty
		assertThat(draft.audience()).isNotNull();
		if (!draft.audience().isEmpty()) {
			assertThat(source.text().toLowerCase(Locale.ROOT)).contains(draft.audience().toLowerCase(Locale.ROOT));
		}
		assertThat(draft.objectives()).hasSizeBetween(3, 5)
			// in English, a listed verb first; in another language, the objectives of that language's templates
			.allSatisfy(objective -> assertThat(!draft.language().equals("en") || Objectives.observable(objective)).as(objective).isTrue())
			.noneMatch(objective -> objective.startsWith("Describe the role of"));
		assertThat(draft.estimatedMinutes()).isPositive();
		assertThat(draft.summary()).isNotBlank();
		assertThat(draft.engine()).isEqualTo("offline");
		assertThat(draft.modules()).isNotEmpty();
		for (DraftModule module : draft.modules()) {
			assertThat(module.title()).isNotBlank();
			assertThat(module.lessons()).isNotEmpty();
			assertThat(module.knowledgeCheck()).hasSizeLessThanOrEqualTo(3);
			for (DraftLesson lesson : module.lessons()) {
				assertThat(lesson.markdown()).isNotBlank();
				assertThat(lesson.citations()).isNotEmpty().allSatisfy(c -> assertCitation(c, source));
			}
		}
		for (GlossaryEntry entry : draft.glossary()) {
			assertCitation(entry.citation(), source);
			assertThat(entry.citation().text().toLowerCase(Locale.ROOT)).contains(entry.term().toLowerCase(Locale.ROOT));
		}
		List<DraftQuestion> questions = draft.allQuestions();
		assertThat(questions).as("questions").hasSizeGreaterThanOrEqualTo(3);
		for (DraftQuestion question : questions) {
			assertQuestion(question, source);
		}
		if (source.words() > 2000) {
			assertThat(draft.quiz()).hasSizeGreaterThanOrEqualTo(8);
		}
		Set<String> prompts = new HashSet<>();
		assertThat(questions).allSatisfy(q -> assertThat(prompts.add(q.prompt())).as("duplicate: " + q.prompt()).isTrue());
		assertBalanced(questions);
	}

	/** No markup in any stem or option, no right answer more than twice, true/false keyed true and false in turn. */
	static void assertBalanced(List<DraftQuestion> questions) {
		java.util.Map<String, Integer> keys = new java.util.HashMap<>();
		int keyedTrue = 0;
		int keyedFalse = 0;
		for (DraftQuestion q : questions) {
			assertThat(QuestionSelectionTests.MARKUP.matcher(q.prompt()).find()).as("markup in the stem: " + q.prompt()).isFalse();
			assertThat(q.options()).as("markup in an option: " + q.prompt()).noneMatch(o -> QuestionSelectionTests.MARKUP.matcher(o).find());
			if (q.kind().equals("SINGLE_CHOICE")) {
				keys.merge(q.options().get(q.correct().get(0)).toLowerCase(Locale.ROOT), 1, Integer::sum);
			}
			if (q.kind().equals("TRUE_FALSE")) {
				if (q.correct().equals(List.of(0))) {
					keyedTrue++;
				}
				else {
					keyedFalse++;
				}
			}
		}
		assertThat(keys).allSatisfy((key, count) -> assertThat(count).as("answer repeated: " + key).isLessThanOrEqualTo(2));
		assertThat(Math.abs(keyedTrue - keyedFalse)).as(keyedTrue + " keyed true, " + keyedFalse + " keyed false").isLessThanOrEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "expense-policy.md", "onboarding-meeting.vtt", "quick-note.txt" })
	void theSameInputGivesTheSameDraft(String name) throws IOException {
		assertThat(DRAFTING.draft(List.of(corpus(name)), null)).isEqualTo(DRAFTING.draft(List.of(corpus(name)), null));
	}

	static void assertQuestion(DraftQuestion q, ExtractedSource source) {
		String where = q.kind() + " " + q.prompt() + " " + q.options();
		assertThat(q.explanation()).as(where).isNotBlank();
		assertThat(q.citation()).as(where).isNotNull();
		assertCitation(q.citation(), source);
		String cited = q.citation().text().toLowerCase(Locale.ROOT);
		List<String> options = q.options();
		assertThat(options.stream().map(o -> o.toLowerCase(Locale.ROOT).strip()).distinct().count()).as("distinct " + where)
			.isEqualTo(options.size());
		assertThat(options).as(where).noneMatch(o -> o.toLowerCase(Locale.ROOT).contains("all of the above"));
		if (!q.kind().equals("NUMERIC")) {
			assertThat(q.correct()).as(where).isNotEmpty().allSatisfy(i -> assertThat(i).isBetween(0, options.size() - 1));
		}
		switch (q.kind()) {
			case "SINGLE_CHOICE", "MULTIPLE_CHOICE" -> {
				assertThat(options).as(where).hasSizeGreaterThanOrEqualTo(3);
				for (int i = 0; i < options.size(); i++) {
					String option = options.get(i).toLowerCase(Locale.ROOT);
					if (q.correct().contains(i)) {
						assertThat(cited).as("right answer in the cited text: " + where).contains(option);
					}
					else {
						assertThat(containsWord(cited, option)).as("wrong answer '" + option + "' absent from: " + cited).isFalse();
					}
				}
			}
			case "TRUE_FALSE" -> {
				// "True"/"False" in English, "Richtig"/"Falsch" in German, …
				assertThat(options).hasSize(2).doesNotContainNull();
				if (q.prompt().startsWith("True or false: ")) {
					assertThat(options).containsExactly("True", "False");
				}
				String statement = q.prompt().replaceFirst("^[^“„«‘]*[“„«‘]\\s*", "").replaceFirst("\\s*[”“»’]$", "");
				if (q.correct().equals(List.of(0))) {
					assertThat(statement).as(where).isEqualTo(q.citation().text());
				}
				else {
					assertThat(statement).as(where).isNotEqualTo(q.citation().text());
				}
			}
			case "ORDERING" -> {
				int last = -1;
				for (int step : q.correct()) {
					int at = cited.indexOf(options.get(step).toLowerCase(Locale.ROOT));
					assertThat(at).as("steps in source order: " + where).isGreaterThan(last);
					last = at;
				}
				assertThat(q.correct()).as("not already in order").isNotEqualTo(
						java.util.stream.IntStream.range(0, options.size()).boxed().toList());
			}
			case "MATCHING" -> {
				// every item and every match in the cited text; each item has its own match
				List<String> matches = q.matches();
				assertThat(options).as(where).hasSizeBetween(3, 5);
				assertThat(matches).as(where).hasSameSizeAs(options);
				assertThat(matches.stream().map(m -> m.toLowerCase(Locale.ROOT)).distinct().count()).as("distinct matches " + where)
					.isEqualTo(matches.size());
				assertThat(q.correct()).as(where).hasSameSizeAs(options).doesNotHaveDuplicates()
					.allSatisfy(i -> assertThat(i).isBetween(0, matches.size() - 1));
				for (int i = 0; i < options.size(); i++) {
					assertThat(cited).as("item in the cited text: " + where).contains(options.get(i).toLowerCase(Locale.ROOT));
					assertThat(cited).as("match in the cited text: " + where)
						.contains(matches.get(q.correct().get(i)).toLowerCase(Locale.ROOT));
				}
			}
			case "NUMERIC" -> {
				assertThat(options).as(where).isEmpty();
				assertThat(q.numeric()).as(where).isNotNull();
				assertThat(q.numeric().tolerance().signum()).as(where).isGreaterThanOrEqualTo(0);
				assertThat(containsWord(cited, q.numeric().value().stripTrailingZeros().toPlainString())).as("value in the cited text: " + where)
					.isTrue();
				if (q.numeric().unit() != null) {
					String unit = q.numeric().unit().toLowerCase(Locale.ROOT).replaceAll("s$", "");
					assertThat(cited).as("unit in the cited text: " + where).contains(unit);
				}
				assertThat(q.prompt()).as("a question, not a blank: " + where).endsWith("?").doesNotContain("_____");
			}
			default -> throw new AssertionError("unexpected kind " + where);
		}
	}

	static void assertCitation(Citation citation, ExtractedSource source) {
		assertThat(citation.source()).isEqualTo(source.name());
		assertThat(citation.locator()).isNotBlank();
		assertThat(citation.start()).isBetween(0, citation.end());
		assertThat(citation.end()).isLessThanOrEqualTo(source.text().length());
		assertThat(source.text().substring(citation.start(), citation.end())).isEqualTo(citation.text());
	}

	private static boolean containsWord(String text, String word) {
		return java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(word) + "(?![\\p{L}\\p{N}])")
			.matcher(text)
			.find();
	}

	static SourceFile corpus(String name) throws IOException {
		return new SourceFile(name, Files.readAllBytes(Path.of("src/test/resources/corpus", name)));
	}
}
