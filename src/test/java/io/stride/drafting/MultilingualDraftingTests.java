package io.stride.drafting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.stride.authoring.CourseFromDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drafts of documents in German, French, Spanish and Dutch ask their questions and state their objectives in that
 * language; a document in another language gets its lessons, a warning and no English questions.
 */
class MultilingualDraftingTests {

	/** The opening words of every stem the engine writes in English; none may appear in another language's draft. */
	private static final List<String> ENGLISH_STEMS = List.of("Fill in the blank", "True or false", "Which of these",
			"What does", "Put the steps", "Match ", "What should you do", "Within how many", "Who ");

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"faq-non-english.md|de|Ergänzen Sie die Lücke: ,Richtig oder falsch: ,Bringen Sie die Schritte,Welche davon,Was bedeutet|Richtig|Einführung",
			"languages/remboursement-frais.md|fr|Complétez : ,Vrai ou faux : ,Remettez dans l'ordre,Lesquels font partie,Que signifie|Vrai|Introduction",
			"languages/seguridad-almacen.md|es|Complete el espacio,¿Verdadero o falso?,Ordene los pasos,¿Cuáles de estos,¿Qué significa|Verdadero|Introducción",
			"languages/wachtwoordbeleid.md|nl|Vul het ontbrekende,Waar of niet waar: ,Zet de stappen,Welke hiervan,Wat betekent|Waar|Inleiding" })
	void aDraftAsksItsQuestionsInTheDocumentsLanguage(String file, String language, String stems, String yes,
			String opening) throws IOException {
		CourseDraft draft = draft(file);

		assertThat(draft.language()).isEqualTo(language);
		assertThat(draft.allQuestions()).as("questions").hasSizeGreaterThanOrEqualTo(3);
		List<String> own = List.of(stems.split(","));
		for (DraftQuestion question : draft.allQuestions()) {
			assertThat(own).as(question.prompt()).anySatisfy(stem -> assertThat(question.prompt()).startsWith(stem));
			assertThat(ENGLISH_STEMS).noneSatisfy(stem -> assertThat(question.prompt()).startsWith(stem));
			assertThat(question.explanation()).doesNotContain("The source says", "The steps in order", "listed under");
			if (question.kind().equals("TRUE_FALSE")) {
				assertThat(question.options().get(0)).isEqualTo(yes);
			}
		}
		assertThat(draft.objectives()).hasSizeBetween(3, 5)
			.noneMatch(o -> o.matches("^(Sequence|Define|Explain|Describe|State|Apply|Carry out|List|Summarise|Answer|Recall)\\b.*"));
		assertThat(draft.modules().get(0).title()).isEqualTo(opening);
		assertThat(draft.modules()).extracting(DraftModule::title).doesNotContain("Introduction".equals(opening) ? "" : "Introduction");
	}

	@Test
	void aCourseFromAGermanDraftHeadsItsTakeawaysInGerman() throws IOException {
		CourseDraft draft = draft("faq-non-english.md");

		String lessons = String.join("\n", CourseFromDraft.content(draft).lessons().stream().map(l -> l.markdown()).toList());

		assertThat(lessons).contains("**Das Wichtigste**").doesNotContain("Key takeaways");
	}

	@Test
	void aDocumentInAnotherLanguageGetsItsLessonsAndAWarningButNoEnglishQuestions() throws IOException {
		CourseDraft draft = draft("languages/sicurezza-laboratorio.md");

		assertThat(draft.language()).isEqualTo("it");
		assertThat(draft.warnings()).anySatisfy(w -> assertThat(w).contains("is in Italian")
			.contains("English, German, French, Spanish and Dutch"));
		assertThat(draft.warnings()).noneSatisfy(w -> assertThat(w).contains("too few facts"));
		assertThat(draft.allQuestions()).isEmpty();
		assertThat(draft.objectives()).isEmpty();
		assertThat(draft.modules()).isNotEmpty().extracting(DraftModule::title).doesNotContain("Introduction")
			.contains("Prima di entrare", "Durante il lavoro", "In caso di incidente");
		assertThat(draft.modules()).allSatisfy(m -> assertThat(m.lessons()).isNotEmpty());
	}

	@Test
	void anEnglishDraftIsWrittenAsBefore() throws IOException {
		CourseDraft draft = draft("expense-policy.md");

		assertThat(draft.language()).isEqualTo("en");
		assertThat(draft.allQuestions()).anySatisfy(q -> assertThat(ENGLISH_STEMS).anySatisfy(s -> assertThat(q.prompt()).startsWith(s)));
		assertThat(draft.warnings()).noneSatisfy(w -> assertThat(w).contains("Stride drafts questions in"));
	}

	private static CourseDraft draft(String file) throws IOException {
		Path path = Path.of("src/test/resources/corpus", file);
		return DraftingQualityTests.DRAFTING.draft(List.of(new SourceFile(path.getFileName().toString(), Files.readAllBytes(path))), null);
	}
}
