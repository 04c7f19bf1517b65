package io.stride.drafting.internal;

import java.util.List;

/**
 * One structural piece of a source: a heading, a paragraph, a list item, a table row or a slide's speaker note.
 * {@code text} is plain text at {@code [start, end)} of the source's extracted text (what citations point into);
 * {@code markdown} keeps inline formatting (bold, links, images) for lessons. {@code level} is a heading's level, a
 * list item's nesting depth (0 outermost), and 1 for a table row that heads its table (0 for the others).
 */
public record Block(Kind kind, int level, boolean ordered, String text, String markdown, List<String> cells,
		List<String> bold, String locator, int start, int end) {

	public enum Kind {
		HEADING, PARAGRAPH, LIST_ITEM, TABLE_ROW,
		/** What the presenter says over a slide (its speaker notes): not shown on the slide itself. */
		NOTE
	}

	public Block {
		cells = cells == null ? List.of() : List.copyOf(cells);
		bold = bold == null ? List.of() : List.copyOf(bold);
	}

	/** By place and text (equal blocks are equal in both); cheaper than hashing every field, as blocks key sets. */
	@Override
	public int hashCode() {
		return (31 * start + end) * 31 + java.util.Objects.hashCode(text);
	}

	public boolean is(Kind other) {
		return kind == other;
	}
}
