package io.stride.drafting;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import io.stride.drafting.internal.ExtractedSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.stride.drafting.DraftingQualityTests.DRAFTING;
import static io.stride.drafting.DraftingQualityTests.READER;
import static io.stride.drafting.DraftingQualityTests.assertCitation;
import static io.stride.drafting.DraftingQualityTests.assertQuestion;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drafts every file of the unseen corpus (src/test/resources/corpus/unseen: documents written for the project
 * in Markdown, HTML, DOCX and PDF, slide decks and transcripts, described by expected.json) and checks that the
 * draft is well formed and that the course takes the document's own title and section headings. A file whose
 * manifest entry {@code awaits} a point of issue 13 is still drafted and checked for well-formedness; its title
 * and modules are printed, not asserted, until that point is done.
 */
class DraftingCorpusTests {

	static Stream<Arguments> files() throws IOException {
		List<Arguments> files = new ArrayList<>();
		for (CorpusManifest.Document document : CorpusManifest.read().documents()) {
			for (CorpusManifest.File file : document.files()) {
				files.add(Arguments.of(file.name(), document, file));
			}
		}
		return files.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("files")
	void everyFileDraftsWellFormedUnderTheDocumentsOwnTitleAndSections(String name, CorpusManifest.Document document,
			CorpusManifest.File file) throws IOException {
		SourceFile upload = new SourceFile(name, Files.readAllBytes(CorpusManifest.DIRECTORY.resolve(name)));
		ExtractedSource source = READER.read(upload);
		CourseDraft draft = DRAFTING.draft(List.of(upload), null);

		assertWellFormed(draft, source);

		List<String> modules = draft.modules().stream().map(DraftModule::title).toList();
		if (file.awaits() != null) {
			System.out.printf("%s awaits %s; now: title “%s”, modules %s, %d questions%n", name, file.awaits(),
					draft.title(), modules, draft.allQuestions().size());
			return;
		}
		assertThat(draft.allQuestions()).as("questions drafted from " + name).hasSizeGreaterThanOrEqualTo(3);
		if (document.hasHeadings()) {
			assertThat(draft.title()).as("course title of " + name).isEqualTo(document.title());
			assertThat(document.modulesMatch(modules))
				.as("modules of %s: %s; expected %s%s", name, modules, document.modules(),
						document.opening() ? ", after at most one opening module" : "")
				.isTrue();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("files")
	void theManifestNamesOnlyFilesThatExistAndEveryDocumentComesInEachFormat(String name, CorpusManifest.Document document,
			CorpusManifest.File file) {
		assertThat(CorpusManifest.DIRECTORY.resolve(name)).isRegularFile();
		List<String> extensions = document.files().stream().map(f -> f.name().replaceFirst("^.*\\.", "")).toList();
		if (extensions.contains("md")) {
			assertThat(extensions).containsExactlyInAnyOrder("md", "html", "docx", "pdf");
		}
		assertThat(document.language()).isNotBlank();
		assertThat(file.awaits()).satisfiesAnyOf(awaits -> assertThat(awaits).isNull(),
				awaits -> assertThat(awaits).matches("point \\d+(, point \\d+)*"));
	}

	@org.junit.jupiter.api.Test
	void theCorpusHoldsEveryKindOfInputTheIssueNames() throws IOException {
		List<CorpusManifest.Document> documents = CorpusManifest.read().documents();
		List<String> names = documents.stream().flatMap(d -> d.files().stream()).map(CorpusManifest.File::name).toList();
		assertThat(names.stream().filter(n -> n.endsWith(".md"))).hasSizeGreaterThanOrEqualTo(12);
		assertThat(names.stream().filter(n -> n.endsWith(".pptx"))).hasSizeGreaterThanOrEqualTo(3);
		assertThat(names.stream().filter(n -> n.endsWith(".vtt"))).hasSizeGreaterThanOrEqualTo(3);
		assertThat(names.stream().filter(n -> n.endsWith(".srt"))).hasSizeGreaterThanOrEqualTo(3);
		StringBuilder markdown = new StringBuilder();
		for (String name : names.stream().filter(n -> n.endsWith(".md")).toList()) {
			markdown.append(Files.readString(CorpusManifest.DIRECTORY.resolve(name))).append('\n');
		}
		assertThat(markdown.toString()).as("published Markdown as found on sites")
			.containsPattern("(?m)^---\\ntitle:")
			.containsPattern("(?m)^\\+\\+\\+\\ntitle = ")
			.contains("{% include", "{{ page.title }}", "{{< note >}}", "{{< /note >}}", "<div", "<details>", "<img ",
					"<a href=", "[^1]", "](#");
		long taggedPdfs = names.stream().filter(n -> n.endsWith(".pdf")).filter(n -> {
			try {
				return new String(Files.readAllBytes(CorpusManifest.DIRECTORY.resolve(n)), java.nio.charset.StandardCharsets.ISO_8859_1)
					.contains("/StructTreeRoot");
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}).count();
		assertThat(taggedPdfs).as("PDFs with heading structure").isEqualTo(1);
	}

	/** The checks {@link DraftingQualityTests} makes of every draft, on a file of this corpus. */
	static void assertWellFormed(CourseDraft draft, ExtractedSource source) {
		assertThat(draft.title()).isNotBlank();
		// an audience only where the document names one, in its own words
		assertThat(draft.audience()).isNotNull();
		if (!draft.audience().isEmpty()) {
			assertThat(source.text().toLowerCase(java.util.Locale.ROOT)).contains(draft.audience().toLowerCase(java.util.Locale.ROOT));
		}
		assertThat(draft.objectives()).isNotEmpty();
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
		Set<String> prompts = new HashSet<>();
		for (DraftQuestion question : draft.allQuestions()) {
			assertQuestion(question, source);
			assertThat(prompts.add(question.prompt())).as("duplicate: " + question.prompt()).isTrue();
		}
	}
}
