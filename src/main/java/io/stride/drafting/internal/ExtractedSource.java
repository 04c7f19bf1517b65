package io.stride.drafting.internal;

import java.util.List;

/**
 * A source reduced to its text and structure.
 * @param text the extracted plain text; citations' spans index into it
 * @param links link texts found, for the quality panel
 * @param imagesWithoutAlt images that had no alternative text
 */
public record ExtractedSource(String name, String text, List<Block> blocks, int pages, List<String> links,
		int imagesWithoutAlt) {

	public ExtractedSource {
		blocks = List.copyOf(blocks);
		links = List.copyOf(links);
	}

	public int words() {
		return text.isBlank() ? 0 : text.trim().split("\\s+").length;
	}
}
