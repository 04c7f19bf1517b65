package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.stride.drafting.internal.PdfLines.Line;

/**
 * What is printed on every page rather than written in the document: running headers and footers, and page numbers.
 */
final class PageFurniture {

	/** How close to the top or bottom edge (as a share of the page height) running headers and footers stand. */
	private static final float EDGE = 0.15f;

	/** A running header or footer is on at least this share of the pages. */
	private static final double RUNNING_SHARE = 0.4;

	private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)(?:page|p\\.|seite|pagina|página|pág\\.)?\\s*"
			+ "[-–—(\\[]?\\s*(?:\\d{1,4}|[ivxlcdm]{1,7})\\s*[-–—)\\]]?\\s*(?:(?:of|/|von|de|sur|van)\\s*\\d{1,4})?");

	private PageFurniture() {
	}

	/**
	 * Lines standing apart at the top or bottom edge of a page that are a page number, or that repeat (digits aside)
	 * at the edges of many pages in regular type no larger than the body's, are the page's furniture, not its content.
	 */
	static List<Line> without(List<Line> lines, int pages, float body, float lead) {
		Map<Integer, List<Line>> byPage = new HashMap<>();
		lines.forEach(line -> byPage.computeIfAbsent(line.page(), p -> new ArrayList<>()).add(line));
		Set<Line> edge = Collections.newSetFromMap(new IdentityHashMap<>());
		float apart = 1.3f * lead;
		for (List<Line> page : byPage.values()) {
			List<Line> down = new ArrayList<>(page);
			down.sort((a, b) -> Float.compare(a.baseline(), b.baseline()));
			int n = down.size();
			if (n == 1) {
				edge.add(down.get(0));
			}
			// the lines above the first wide gap near the top, and below the last one near the bottom
			for (int i = 0; i < Math.min(3, n - 1); i++) {
				if (down.get(i + 1).baseline() - down.get(i).baseline() > apart) {
					edge.addAll(down.subList(0, i + 1));
					break;
				}
			}
			for (int i = n - 1; i > Math.max(0, n - 4); i--) {
				if (down.get(i).baseline() - down.get(i - 1).baseline() > apart) {
					edge.addAll(down.subList(i, n));
					break;
				}
			}
		}
		edge.removeIf(line -> line.baseline() > line.pageHeight() * EDGE && line.baseline() < line.pageHeight() * (1 - EDGE));
		Map<String, Set<Integer>> pagesOf = new HashMap<>();
		edge.forEach(line -> pagesOf.computeIfAbsent(key(line), k -> new TreeSet<>()).add(line.page()));
		int running = Math.max(2, (int) Math.ceil(pages * RUNNING_SHARE));
		List<Line> kept = new ArrayList<>();
		for (Line line : lines) {
			boolean furniture = edge.contains(line) && (PAGE_NUMBER.matcher(line.text().strip()).matches()
					|| line.size() <= body + 0.5f && !(line.allBold() && line.size() >= body - 0.5f)
							&& pagesOf.get(key(line)).size() >= running);
			if (!furniture) {
				kept.add(line);
			}
		}
		return kept;
	}

	private static String key(Line line) {
		return line.text().toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ").strip();
	}
}
