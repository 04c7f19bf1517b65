package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds a source's text and its blocks together, so that every block knows its character span.
 */
final class BlockCollector {

	private final StringBuilder text = new StringBuilder();

	private final List<Block> blocks = new ArrayList<>();

	private final List<String> links = new ArrayList<>();

	private int imagesWithoutAlt;

	void add(Block.Kind kind, int level, boolean ordered, String plain, String markdown, List<String> cells,
			List<String> bold, String locator) {
		add(kind, level, ordered, plain, markdown, cells, bold, locator, List.of());
	}

	/** A block with the cues its words were said in (a transcript's), placed in the block's normalized text. */
	void add(Block.Kind kind, int level, boolean ordered, String plain, String markdown, List<String> cells,
			List<String> bold, String locator, List<Block.Cue> cues) {
		String clean = normalize(plain);
		if (clean.isEmpty()) {
			return;
		}
		if (!text.isEmpty()) {
			text.append("\n\n");
		}
		int start = text.length();
		text.append(clean);
		blocks.add(new Block(kind, level, ordered, clean, markdown == null ? clean : markdown.strip(), cells, bold, locator,
				start, text.length(), cues));
	}

	void link(String linkText) {
		links.add(linkText);
	}

	void imageWithoutAlt() {
		imagesWithoutAlt++;
	}

	int size() {
		return blocks.size();
	}

	ExtractedSource build(String name, int pages) {
		return new ExtractedSource(name, text.toString(), blocks, pages, links, imagesWithoutAlt);
	}

	private static final Pattern SPACES = Pattern.compile("[\\t\\x0B\\f\\r ]+");

	private static final Pattern NEWLINE = Pattern.compile(" *\\n *");

	static String normalize(String value) {
		if (value == null) {
			return "";
		}
		return NEWLINE.matcher(SPACES.matcher(value.replace('\u00a0', ' ')).replaceAll(" ")).replaceAll(" ").strip();
	}
}
