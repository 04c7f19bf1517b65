package io.stride.drafting.internal;

import java.util.List;

/**
 * One structural piece of a source: a heading, a paragraph, a list item or a table row. {@code text} is plain
 * text at {@code [start, end)} of the source's extracted text (what citations point into); {@code markdown}
 * keeps inline formatting (bold, links, images) for lessons.
 */
public record Block(Kind kind, int level, boolean ordered, String text, String markdown, List<String> cells,
		List<String> bold, String locator, int start, int end) {

	public enum Kind {
		HEADING, PARAGRAPH, LIST_ITEM, TABLE_ROW
	}

	public Block {
		cells = cells == null ? List.of() : List.copyOf(cells);
		bold = bold == null ? List.of() : List.copyOf(bold);
	}

	public boolean is(Kind other) {
		return kind == other;
	}
}
