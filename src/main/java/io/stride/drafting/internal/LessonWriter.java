package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.drafting.Citation;
import io.stride.drafting.DraftLesson;

/**
 * Writes a lesson in Markdown from the author's own blocks, lightly restructured: steps become numbered lists,
 * warnings and deadlines become callouts, tables stay tables.
 */
final class LessonWriter {

	private static final Pattern LABEL = Pattern.compile("(?i)^(warning|caution|important|note|attention|tip|deadline)\\s*[:!-]\\s*");

	private static final Pattern WARNING = Pattern.compile("(?i)\\b(do not|don't|never|must not|mustn't|under no circumstances|not allowed|forbidden|prohibited)\\b");

	private static final Pattern DEADLINE = Pattern.compile("(?i)\\b(deadline|no later than|at the latest|by the end of)\\b");

	private LessonWriter() {
	}

	static DraftLesson write(Outline.LessonPlan plan, ExtractedSource source) {
		StringBuilder md = new StringBuilder();
		List<Citation> citations = new ArrayList<>();
		List<Block> blocks = plan.blocks();
		int i = 0;
		while (i < blocks.size()) {
			Block block = blocks.get(i);
			citations.add(new Citation(source.name(), block.locator(), block.start(), block.end(), block.text()));
			if (block.is(Block.Kind.LIST_ITEM)) {
				int end = i + 1;
				while (end < blocks.size() && blocks.get(end).is(Block.Kind.LIST_ITEM)
						&& (blocks.get(end).level() > 0 || blocks.get(end).ordered() == block.ordered())) {
					Block item = blocks.get(end++);
					citations.add(new Citation(source.name(), item.locator(), item.start(), item.end(), item.text()));
				}
				list(blocks.subList(i, end), md);
				i = end;
				continue;
			}
			if (block.is(Block.Kind.NOTE)) {
				// what the presenter says, set apart from what the slide shows
				md.append("> **Speaker notes:** ").append(block.markdown()).append('\n');
				i++;
				while (i < blocks.size() && blocks.get(i).is(Block.Kind.NOTE)) {
					Block note = blocks.get(i++);
					citations.add(new Citation(source.name(), note.locator(), note.start(), note.end(), note.text()));
					md.append(">\n> ").append(note.markdown()).append('\n');
				}
				md.append('\n');
				continue;
			}
			if (block.is(Block.Kind.TABLE_ROW)) {
				List<Block> rows = new ArrayList<>();
				// a row that heads a table starts a new one
				while (i < blocks.size() && blocks.get(i).is(Block.Kind.TABLE_ROW)
						&& (blocks.get(i) == block || blocks.get(i).level() == 0)) {
					rows.add(blocks.get(i));
					if (blocks.get(i) != block) {
						citations.add(new Citation(source.name(), blocks.get(i).locator(), blocks.get(i).start(),
								blocks.get(i).end(), blocks.get(i).text()));
					}
					i++;
				}
				table(rows, md);
				continue;
			}
			if (block.is(Block.Kind.HEADING)) {
				md.append("# ").append(block.text()).append("\n\n");
			}
			else {
				md.append(callout(block.markdown())).append("\n\n");
			}
			i++;
		}
		return new DraftLesson(plan.title(), md.toString().strip(), citations);
	}

	/** A warning, prohibition or deadline is set apart; the author's sentence stays as written. */
	static String callout(String text) {
		Matcher label = LABEL.matcher(text);
		if (label.find()) {
			String name = Words.capitalize(Words.lower(label.group(1)));
			return "> **" + name + ":** " + text.substring(label.end());
		}
		if (WARNING.matcher(text).find() && text.length() < 400) {
			return "> **Warning:** " + text;
		}
		if (DEADLINE.matcher(text).find() && text.length() < 400) {
			return "> **Deadline:** " + text;
		}
		return text;
	}

	/**
	 * A list in Markdown, nested as the items' levels say: each level is indented to the text of the item above it,
	 * numbers count per level and start again under each new parent.
	 */
	private static void list(List<Block> items, StringBuilder md) {
		int[] indent = new int[10];
		int[] number = new int[10];
		Boolean[] ordered = new Boolean[10];
		int depth = -1;
		for (Block item : items) {
			int level = Math.min(item.level(), depth + 1);
			for (int deeper = level + 1; deeper < number.length; deeper++) {
				number[deeper] = 0;
				ordered[deeper] = null;
			}
			if (ordered[level] != null && ordered[level] != item.ordered()) {
				number[level] = 0;
			}
			ordered[level] = item.ordered();
			String marker = item.ordered() ? ++number[level] + ". " : "- ";
			md.append(" ".repeat(indent[level])).append(marker).append(item.markdown()).append('\n');
			if (level + 1 < indent.length) {
				indent[level + 1] = indent[level] + marker.length();
			}
			depth = Math.min(level, indent.length - 2);
		}
		md.append('\n');
	}

	private static void table(List<Block> rows, StringBuilder md) {
		int columns = rows.stream().mapToInt(r -> r.cells().size()).max().orElse(1);
		for (int r = 0; r < rows.size(); r++) {
			List<String> cells = new ArrayList<>(rows.get(r).cells());
			while (cells.size() < columns) {
				cells.add("");
			}
			md.append("| ").append(String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList())).append(" |\n");
			if (r == 0) {
				md.append("|").append("---|".repeat(columns)).append('\n');
			}
		}
		md.append('\n');
	}
}
