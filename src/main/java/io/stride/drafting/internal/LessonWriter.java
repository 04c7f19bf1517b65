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
				int number = 1;
				boolean ordered = block.ordered();
				while (i < blocks.size() && blocks.get(i).is(Block.Kind.LIST_ITEM) && blocks.get(i).ordered() == ordered) {
					Block item = blocks.get(i);
					if (item != block) {
						citations.add(new Citation(source.name(), item.locator(), item.start(), item.end(), item.text()));
					}
					md.append(ordered ? number++ + ". " : "- ").append(item.markdown()).append('\n');
					i++;
				}
				md.append('\n');
				continue;
			}
			if (block.is(Block.Kind.TABLE_ROW)) {
				List<Block> rows = new ArrayList<>();
				while (i < blocks.size() && blocks.get(i).is(Block.Kind.TABLE_ROW)) {
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
