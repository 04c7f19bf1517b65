package io.stride.review.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.stride.authoring.CourseChanges;

/**
 * A changed part's lines as a reviewer reads them: what changed, with a line of context around it and the unchanged
 * stretches between counted rather than shown; a line edited rather than rewritten is one line with the words added
 * and removed marked in it. Blank lines (Markdown's paragraph breaks) are left out unless they are all that changed.
 */
final class ReadableDiff {

	/** How alike two lines must be (share of words in common) to be shown as one line edited. */
	static final double EDITED = 0.5;

	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}'’]+|\\s+|.");

	enum RowKind {
		SAME, GAP, CHANGED, ADDED, REMOVED
	}

	enum Mark {
		SAME, ADDED, REMOVED
	}

	record Segment(Mark mark, String text) {
	}

	/** One line shown, or ({@code GAP}) {@code hidden} unchanged lines not shown. */
	record Row(RowKind kind, List<Segment> segments, int hidden) {

		/** The visible word before a line that changed. */
		public String label() {
			return switch (kind) {
				case CHANGED -> "Changed";
				case ADDED -> "Added";
				case REMOVED -> "Removed";
				default -> null;
			};
		}

		public String css() {
			return kind.name().toLowerCase(Locale.ROOT);
		}
	}

	private ReadableDiff() {
	}

	/**
	 * The rows to show of a part's diff.
	 * @param context how many unchanged lines to show before and after each change
	 */
	static List<Row> of(List<CourseChanges.Line> lines, int context) {
		List<Object> entries = new ArrayList<>();
		Block block = null;
		for (CourseChanges.Line line : lines) {
			if (line.change() == CourseChanges.Change.SAME) {
				block = null;
				if (!line.text().isBlank()) {
					entries.add(line.text());
				}
				continue;
			}
			if (block == null) {
				block = new Block(new ArrayList<>(), new ArrayList<>());
				entries.add(block);
			}
			(line.change() == CourseChanges.Change.ADDED ? block.added() : block.removed()).add(line.text());
		}
		boolean[] shown = new boolean[entries.size()];
		for (int i = 0; i < entries.size(); i++) {
			if (entries.get(i) instanceof Block) {
				for (int j = Math.max(0, i - context); j <= Math.min(entries.size() - 1, (long) i + context); j++) {
					shown[j] = true;
				}
			}
		}
		List<Row> rows = new ArrayList<>();
		int hidden = 0;
		for (int i = 0; i < entries.size(); i++) {
			if (!shown[i]) {
				hidden++;
				continue;
			}
			if (hidden > 0) {
				rows.add(new Row(RowKind.GAP, List.of(), hidden));
				hidden = 0;
			}
			if (entries.get(i) instanceof Block b) {
				rows.addAll(b.rows());
			}
			else {
				rows.add(new Row(RowKind.SAME, List.of(new Segment(Mark.SAME, (String) entries.get(i))), 0));
			}
		}
		if (hidden > 0) {
			rows.add(new Row(RowKind.GAP, List.of(), hidden));
		}
		return rows;
	}

	/** Lines removed and added together, between unchanged ones. */
	private record Block(List<String> removed, List<String> added) {

		List<Row> rows() {
			List<String> was = removed.stream().filter(l -> !l.isBlank()).toList();
			List<String> now = added.stream().filter(l -> !l.isBlank()).toList();
			List<Row> rows = new ArrayList<>();
			if (was.isEmpty() && now.isEmpty()) {
				// only a paragraph break came or went: it changes how the text reads, so it is shown
				rows.add(whole(added.isEmpty() ? RowKind.REMOVED : RowKind.ADDED, "(an empty line)"));
				return rows;
			}
			// each removed line is shown as edited into the next added line alike enough, in order
			int next = 0;
			for (String line : was) {
				int match = -1;
				for (int j = next; j < now.size() && match < 0; j++) {
					if (similarity(line, now.get(j)) >= EDITED) {
						match = j;
					}
				}
				if (match < 0) {
					rows.add(whole(RowKind.REMOVED, line));
					continue;
				}
				for (; next < match; next++) {
					rows.add(whole(RowKind.ADDED, now.get(next)));
				}
				rows.add(new Row(RowKind.CHANGED, words(line, now.get(match)), 0));
				next = match + 1;
			}
			for (; next < now.size(); next++) {
				rows.add(whole(RowKind.ADDED, now.get(next)));
			}
			return rows;
		}
	}

	private static Row whole(RowKind kind, String text) {
		return new Row(kind, List.of(new Segment(kind == RowKind.ADDED ? Mark.ADDED : Mark.REMOVED, text)), 0);
	}

	/** One line edited into another: its words kept, removed and added, in reading order. */
	static List<Segment> words(String before, String after) {
		List<String> a = tokens(before);
		List<String> b = tokens(after);
		List<Segment> segments = new ArrayList<>();
		int at = 0;
		for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
			append(segments, Mark.SAME, a.subList(at, delta.getSource().getPosition()));
			append(segments, Mark.REMOVED, delta.getSource().getLines());
			append(segments, Mark.ADDED, delta.getTarget().getLines());
			at = delta.getSource().getPosition() + delta.getSource().size();
		}
		append(segments, Mark.SAME, a.subList(at, a.size()));
		// a space at the end of words added or removed belongs to the text around them: only words are marked
		for (int i = 0; i + 1 < segments.size(); i++) {
			Segment s = segments.get(i);
			Segment next = segments.get(i + 1);
			String words = s.text().stripTrailing();
			if (s.mark() != Mark.SAME && next.mark() == Mark.SAME && !words.isEmpty() && words.length() < s.text().length()) {
				segments.set(i, new Segment(s.mark(), words));
				segments.set(i + 1, new Segment(Mark.SAME, s.text().substring(words.length()) + next.text()));
			}
		}
		return segments;
	}

	/** The share of words two lines have in common, in order (0 to 1). */
	static double similarity(String before, String after) {
		List<String> a = tokens(before).stream().filter(t -> !t.isBlank()).toList();
		List<String> b = tokens(after).stream().filter(t -> !t.isBlank()).toList();
		if (a.isEmpty() && b.isEmpty()) {
			return 1;
		}
		int changed = 0;
		for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
			changed += delta.getSource().size();
		}
		return 2.0 * (a.size() - changed) / (a.size() + b.size());
	}

	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		Matcher m = TOKEN.matcher(text);
		while (m.find()) {
			tokens.add(m.group());
		}
		return tokens;
	}

	private static void append(List<Segment> segments, Mark mark, List<String> tokens) {
		if (tokens.isEmpty()) {
			return;
		}
		String text = String.join("", tokens);
		Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
		if (last != null && last.mark() == mark) {
			segments.set(segments.size() - 1, new Segment(mark, last.text() + text));
		}
		else {
			segments.add(new Segment(mark, text));
		}
	}
}
