package io.stride.drafting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * The manifest of the unseen corpus (src/test/resources/corpus/unseen/expected.json): per document its files, the
 * course title and module titles a reader would expect, and its language. A file marked {@code awaits} is one
 * the engine does not yet read right; it names the point of issue 13 that will fix it.
 */
public record CorpusManifest(List<Document> documents) {

	public static final Path DIRECTORY = Path.of("src/test/resources/corpus/unseen");

	/**
	 * @param title the expected course title; null for a document without headings (a transcript)
	 * @param modules the expected module titles in order (its section headings); null for a document without
	 * headings
	 * @param opening whether the document has text between its title and its first section heading: a draft may
	 * give that text an opening module of its own (named by the engine, in the document's language) before the
	 * sections' modules
	 */
	public record Document(String id, String language, String title, List<String> modules, boolean opening,
			List<File> files) {

		public boolean hasHeadings() {
			return title != null && modules != null;
		}

		/**
		 * Whether a draft's module titles are this document's sections, exactly and in order, after at most one
		 * opening module if the document has an opening text.
		 */
		public boolean modulesMatch(List<String> drafted) {
			return drafted.equals(modules) || opening && drafted.size() == modules.size() + 1
					&& drafted.subList(1, drafted.size()).equals(modules);
		}
	}

	/** @param awaits the point of issue 13 this file's title and modules wait for; null when they are right now */
	public record File(String name, String awaits) {
	}

	public static CorpusManifest read() throws IOException {
		return JsonMapper.builder().build().readValue(Files.readString(DIRECTORY.resolve("expected.json")), CorpusManifest.class);
	}
}
