package io.stride.drafting.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A source reduced to its text and structure.
 * @param text the extracted plain text; citations' spans index into it
 * @param links link texts found, for the quality panel
 * @param imagesWithoutAlt images that had no alternative text
 * @param metadata what the file says about itself, outside its text: {@link #TITLE}, {@link #DESCRIPTION},
 * {@link #AUDIENCE} (from Markdown front matter, an HTML head, a document's properties); never cited
 */
public record ExtractedSource(String name, String text, List<Block> blocks, int pages, List<String> links,
		int imagesWithoutAlt, Map<String, String> metadata) {

	public static final String TITLE = "title";

	public static final String DESCRIPTION = "description";

	public static final String AUDIENCE = "audience";

	public ExtractedSource {
		blocks = List.copyOf(blocks);
		links = List.copyOf(links);
		metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
	}

	/**
	 * By name and text only, which remember their hashes: every sentence holds its source and sentences are hashed
	 * often, so hashing all blocks each time was a measurable part of drafting. Equality stays the record's.
	 */
	@Override
	public int hashCode() {
		return 31 * Objects.hashCode(name) + Objects.hashCode(text);
	}

	public ExtractedSource(String name, String text, List<Block> blocks, int pages, List<String> links,
			int imagesWithoutAlt) {
		this(name, text, blocks, pages, links, imagesWithoutAlt, Map.of());
	}

	/** The same source with what its file says about itself; blank values are left out. */
	public ExtractedSource withMetadata(Map<String, String> more) {
		Map<String, String> all = new HashMap<>(metadata);
		more.forEach((key, value) -> {
			if (value != null && !value.isBlank()) {
				all.put(key, value.strip());
			}
		});
		return new ExtractedSource(name, text, blocks, pages, links, imagesWithoutAlt, all);
	}

	/** A metadata value, or null. */
	public String meta(String key) {
		return metadata.get(key);
	}

	public int words() {
		return text.isBlank() ? 0 : Words.count(text.trim());
	}
}
