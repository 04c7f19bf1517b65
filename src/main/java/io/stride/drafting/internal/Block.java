package io.stride.drafting.internal;

import java.util.List;
import java.util.Objects;

/**
 * One structural piece of a source: a heading, a paragraph, a list item, a table row or a slide's speaker note.
 * {@code text} is plain text at {@code [start, end)} of the source's extracted text (what citations point into);
 * {@code markdown} keeps inline formatting (bold, links, images) for lessons. {@code level} is a heading's level, a
 * list item's nesting depth (0 outermost), and 1 for a table row that heads its table (0 for the others).
 * {@code cues} are set for what was said (a transcript's paragraph), empty for everything written.
 */
public record Block(Kind kind, int level, boolean ordered, String text, String markdown, List<String> cells,
		List<String> bold, String locator, int start, int end, List<Cue> cues) {

	public enum Kind {
		HEADING, PARAGRAPH, LIST_ITEM, TABLE_ROW,
		/** What the presenter says over a slide (its speaker notes): not shown on the slide itself. */
		NOTE
	}

	/**
	 * The words of a spoken block that were said in one cue: from {@code start} to {@code end} of the block's text
	 * (first word to last), said between {@code fromMillis} and {@code toMillis} of the recording.
	 */
	public record Cue(int start, int end, long fromMillis, long toMillis) {
	}

	public Block {
		cells = cells == null ? List.of() : List.copyOf(cells);
		bold = bold == null ? List.of() : List.copyOf(bold);
		cues = cues == null ? List.of() : List.copyOf(cues);
	}

	/** What was said (a transcript's paragraph), not written: its sentences are a speaker's, not a document's. */
	public boolean spoken() {
		return !cues.isEmpty();
	}

	/**
	 * Where {@code [from, to)} of the source's text, a span inside this block, is found: for what was said, the time
	 * range of the cues its words were said in (so a sentence points at its moment, not at the speaker's whole
	 * turn); for anything else the block's own locator.
	 */
	public String locator(int from, int to) {
		return spoken() ? Transcripts.range(cueAt(from, true), cueAt(to, false)) : locator;
	}

	/** The first cue with a word ending after {@code at} ({@code first}), or the last with a word starting before it. */
	Cue cueAt(int at, boolean first) {
		int offset = at - start;
		if (first) {
			for (Cue cue : cues) {
				if (cue.end() > offset) {
					return cue;
				}
			}
			return cues.get(cues.size() - 1);
		}
		for (int i = cues.size() - 1; i >= 0; i--) {
			if (cues.get(i).start() < offset) {
				return cues.get(i);
			}
		}
		return cues.get(0);
	}

	/** By place and text (equal blocks are equal in both); cheaper than hashing every field, as blocks key sets. */
	@Override
	public int hashCode() {
		return (31 * start + end) * 31 + Objects.hashCode(text);
	}

	public boolean is(Kind other) {
		return kind == other;
	}
}
