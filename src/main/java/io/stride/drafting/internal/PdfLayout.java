package io.stride.drafting.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.stride.drafting.internal.PdfLines.Line;
import io.stride.drafting.internal.PdfLines.Word;
import io.stride.shared.ControlCharacters;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A PDF read the way a person sees it, from its lines alone, since most PDFs carry no structure: headings are the
 * lines set larger than the body text (ranked by size, largest first) or bold lines of body size standing alone;
 * lines close together make one paragraph; bullet- and number-led lines are list items. Running headers, footers and
 * page numbers are dropped ({@link PageFurniture}), and words broken at a line's end are put back together
 * ({@link Hyphenation}). The title is the largest text on page 1, or the document's own title when it is a real one.
 */
final class PdfLayout {

	private static final Pattern BULLET = Pattern.compile("[•·▪◦●■□‣➢►✓–*\\-\\uF0B7\\uF0A7\\uF076\\uF0D8\\uF0FC\\uF06E]");

	private static final Pattern NUMBER = Pattern.compile("\\(?(?:\\d{1,2}|[a-z])\\)|\\d{1,2}\\.");

	private static final Pattern UNTITLED = Pattern.compile("(?i)^(?:microsoft\\s+\\w+\\s+-|untitled|document\\d*$|"
			+ "title$|slide\\s*\\d*$|presentation\\d*$|new\\s+document)|\\.(?:docx?|odt|pdf|rtf|txt|pptx?|xlsx?|indd|tex|dvi|e?ps|html?)$|[\\\\/]");

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;][\"'”’)]*$");

	private final List<Line> lines;

	private final float body;

	private final float lead;

	private final Map<Integer, Float> rightEdges = new HashMap<>();

	private final Hyphenation hyphenation;

	private final String metadataTitle;

	private PdfLayout(List<Line> lines, float body, String metadataTitle) {
		this.lines = lines;
		this.body = body;
		this.lead = lead(lines, body);
		this.metadataTitle = metadataTitle;
		this.hyphenation = new Hyphenation(lines);
		for (Line line : lines) {
			if (Math.abs(line.size() - body) <= 0.6f) {
				rightEdges.merge(line.page(), line.right(), Math::max);
			}
		}
	}

	/**
	 * @param maxChars how much text is read before the file is refused as having too much of it
	 */
	static ExtractedSource read(String name, PDDocument document, long deadlineNanos, int maxChars) throws IOException {
		int pages = document.getNumberOfPages();
		List<Line> all = PdfLines.of(name, document, deadlineNanos, maxChars);
		float body = bodySize(all);
		PdfLayout layout = new PdfLayout(PageFurniture.without(all, pages, body, lead(all, body)), body,
				realTitle(document.getDocumentInformation().getTitle(), name));
		BlockCollector out = new BlockCollector();
		layout.collect(out);
		return out.build(name, pages);
	}

	/** The size most of the text is set in. */
	private static float bodySize(List<Line> lines) {
		Map<Float, Integer> chars = new HashMap<>();
		for (Line line : lines) {
			chars.merge(line.size(), line.text().length(), Integer::sum);
		}
		return chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(11f);
	}

	/** The usual distance from one body line to the next within a paragraph. */
	private static float lead(List<Line> lines, float body) {
		Map<Float, Integer> pitches = new HashMap<>();
		for (int i = 1; i < lines.size(); i++) {
			Line prev = lines.get(i - 1);
			Line cur = lines.get(i);
			float pitch = cur.baseline() - prev.baseline();
			if (prev.page() == cur.page() && prev.size() == body && cur.size() == body && pitch > 0.8f * body
					&& pitch < 3 * body) {
				pitches.merge(Math.round(pitch * 2) / 2f, 1, Integer::sum);
			}
		}
		return pitches.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(body * 1.2f);
	}

	/** The document information's title, unless it is a file name or a program's placeholder. */
	static String realTitle(String title, String fileName) {
		if (title == null) {
			return null;
		}
		String t = BlockCollector.normalize(ControlCharacters.strip(title));
		String base = fileName.replaceAll("\\.[^.]+$", "");
		if (t.length() < 3 || t.length() > 150 || !t.matches(".*\\p{L}.*") || UNTITLED.matcher(t).find()
				|| t.equalsIgnoreCase(base) || t.equalsIgnoreCase(fileName)) {
			return null;
		}
		return t;
	}

	/** A run of lines that read as one block. */
	private static final class Group {

		final List<Line> lines = new ArrayList<>();

		final boolean item;

		Block.Kind kind = Block.Kind.PARAGRAPH;

		int level;

		Group(Line first, boolean item) {
			lines.add(first);
			this.item = item;
		}

		Line first() {
			return lines.get(0);
		}

		String text() {
			return lines.stream().map(Line::text).reduce((a, b) -> a + " " + b).orElse("");
		}
	}

	private void collect(BlockCollector out) {
		List<Group> groups = new ArrayList<>();
		Group current = null;
		Line prev = null;
		for (Line line : lines) {
			// "1. Scope" set large is a numbered heading, not a list item
			boolean item = !headingSize(line.size()) && marker(line) != null;
			if (current != null && !item && continues(current, prev, line)) {
				current.lines.add(line);
			}
			else {
				current = new Group(line, item);
				groups.add(current);
			}
			prev = line;
		}
		classify(groups);
		for (Group group : groups) {
			emit(group, out);
		}
	}

	private boolean continues(Group group, Line prev, Line cur) {
		if (Math.abs(prev.size() - cur.size()) > 0.6f) {
			return false;
		}
		boolean heading = headingSize(cur.size());
		boolean ends = endsSentence(prev.text());
		if (cur.page() != prev.page()) {
			// a paragraph running on to the next page
			return !heading && !ends && prev.allBold() == cur.allBold() && Character.isLowerCase(cur.text().codePointAt(0));
		}
		float pitch = cur.baseline() - prev.baseline();
		if (pitch < 0.3f * cur.size()) {
			// above the previous line, or beside it: another column, a table cell, a margin note
			return false;
		}
		if (heading) {
			return pitch <= 1.8f * cur.size() && group.lines.size() < 4;
		}
		if (prev.allBold() != cur.allBold() && (ends || boldHeading(prev.allBold() ? prev : cur))) {
			// from bold type to regular or back, at a sentence's end or after a title: another block
			return false;
		}
		float usual = Math.abs(cur.size() - body) <= 0.6f ? lead : cur.size() * 1.25f;
		if (pitch > usual * 1.3f) {
			return false;
		}
		float right = rightEdges.getOrDefault(cur.page(), prev.right());
		if (ends && prev.right() < right - 2.5f * cur.size()) {
			// a short line that ends a sentence ends its paragraph
			return false;
		}
		if (ends && !group.item && cur.x() > prev.x() + 0.8f * cur.size()) {
			// an indented first line
			return false;
		}
		if (group.item && ends && cur.x() <= group.first().x() + 1) {
			// back at the list's margin: the list is over
			return false;
		}
		// lines standing far apart (each its own paragraph, or double spacing) go on only mid-sentence
		return pitch <= 2.1f * cur.size() || !ends && prev.right() >= right - 4 * cur.size();
	}

	private boolean headingSize(float size) {
		return size >= body + 1 && size >= body * 1.08f;
	}

	private boolean boldHeading(Line line) {
		String text = line.text().strip();
		return line.allBold() && Math.abs(line.size() - body) <= 0.6f && HtmlBlocks.looksLikeTitle(text)
				&& !text.endsWith(":") && text.matches(".*\\p{L}\\p{L}.*") && marker(line) == null;
	}

	private void classify(List<Group> groups) {
		TreeSet<Float> sizes = new TreeSet<>(Collections.reverseOrder());
		for (Group group : groups) {
			if (headingSize(group.first().size()) && !group.item && group.text().length() <= 200
					&& group.text().matches("(?s).*\\p{L}\\p{L}.*")) {
				group.kind = Block.Kind.HEADING;
				sizes.add(group.first().size());
			}
		}
		List<Float> ranked = new ArrayList<>(sizes);
		int boldLevel = Math.min(6, ranked.size() + 1);
		boolean any = !ranked.isEmpty();
		for (Group group : groups) {
			if (group.kind == Block.Kind.HEADING) {
				group.level = Math.min(6, ranked.indexOf(group.first().size()) + 1);
			}
			else if (group.item) {
				group.kind = Block.Kind.LIST_ITEM;
			}
			else if (group.lines.size() == 1 && boldHeading(group.first())) {
				group.kind = Block.Kind.HEADING;
				group.level = boldLevel;
				any = true;
			}
		}
		if (!any) {
			// type all of one size and weight: short lines standing alone that read as titles are headings
			for (Group group : groups) {
				String text = group.text().strip();
				if (group.kind == Block.Kind.PARAGRAPH && group.lines.size() == 1 && HtmlBlocks.looksLikeTitle(text)
						&& text.length() < 70) {
					group.kind = Block.Kind.HEADING;
					group.level = 2;
				}
			}
		}
		title(groups);
	}

	/**
	 * The largest text on page 1 is the title when no other heading is set in its size; otherwise the document's own
	 * title, when it has a real one, is: the heading it names is raised above the others, or it is put first.
	 */
	private void title(List<Group> groups) {
		List<Group> headings = groups.stream().filter(g -> g.kind == Block.Kind.HEADING).toList();
		Group largest = headings.stream()
			.filter(g -> g.first().page() == 1)
			.max((a, b) -> Float.compare(a.first().size(), b.first().size()))
			.orElse(null);
		if (largest != null && headingSize(largest.first().size()) && headings.stream()
			.noneMatch(g -> g != largest && Math.abs(g.first().size() - largest.first().size()) <= 0.5f)) {
			raise(headings, largest);
			return;
		}
		if (metadataTitle == null || lines.isEmpty()) {
			return;
		}
		String wanted = comparable(metadataTitle);
		Group named = headings.stream()
			.filter(g -> g.first().page() == 1 && comparable(g.text()).equals(wanted))
			.findFirst()
			.orElse(null);
		if (named != null) {
			raise(headings, named);
			return;
		}
		headings.forEach(heading -> heading.level = Math.min(6, heading.level + 1));
		Line first = lines.get(0);
		Group title = new Group(new Line(first.page(), List.of(new Word(metadataTitle, false)), first.size(), 0, first.x(),
				first.right(), first.baseline(), first.pageHeight()), false);
		title.kind = Block.Kind.HEADING;
		title.level = 1;
		groups.add(0, title);
	}

	/** Makes a heading the only one at the top level, the others one level below where they were. */
	private static void raise(List<Group> headings, Group title) {
		if (title.level == 1 && headings.stream().noneMatch(g -> g != title && g.level == 1)) {
			return;
		}
		for (Group heading : headings) {
			heading.level = heading == title ? 1 : heading.level + 1;
		}
		// no level left empty between two others
		List<Integer> used = headings.stream().map(g -> g.level).distinct().sorted().toList();
		for (Group heading : headings) {
			heading.level = Math.min(6, used.indexOf(heading.level) + 1);
		}
	}

	private static String comparable(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	private void emit(Group group, BlockCollector out) {
		List<Word> words = joined(group.lines);
		boolean ordered = false;
		if (group.kind == Block.Kind.LIST_ITEM) {
			String marker = marker(group.first());
			ordered = !BULLET.matcher(marker).matches();
			Word first = words.get(0);
			String rest = first.text().substring(marker.length()).strip();
			words = new ArrayList<>(words.subList(1, words.size()));
			if (!rest.isEmpty()) {
				words.add(0, new Word(rest, first.bold()));
			}
		}
		String text = String.join(" ", words.stream().map(Word::text).toList());
		String locator = "page " + group.first().page() + ", paragraph " + (out.size() + 1);
		if (group.kind == Block.Kind.HEADING) {
			out.add(Block.Kind.HEADING, group.level, false, text, null, null, null, locator);
			return;
		}
		StringBuilder markdown = new StringBuilder();
		List<String> bold = new ArrayList<>();
		for (int i = 0; i < words.size();) {
			int end = i;
			while (end < words.size() && words.get(end).bold() == words.get(i).bold()) {
				end++;
			}
			String run = String.join(" ", words.subList(i, end).stream().map(Word::text).toList());
			if (!markdown.isEmpty()) {
				markdown.append(' ');
			}
			if (words.get(i).bold()) {
				markdown.append("**").append(HtmlBlocks.escape(run)).append("**");
				String term = BlockCollector.normalize(run).replaceAll("[:;,.]+$", "");
				if (!term.isEmpty() && term.length() <= 60 && !bold.contains(term)) {
					bold.add(term);
				}
			}
			else {
				markdown.append(HtmlBlocks.escape(run));
			}
			i = end;
		}
		out.add(group.kind, 0, ordered, text, markdown.toString(), null, bold, locator);
	}

	/** The words of lines read as one run of text: a word broken at a line's end is put back together. */
	private List<Word> joined(List<Line> group) {
		List<Word> words = new ArrayList<>();
		for (Line line : group) {
			List<Word> next = line.words();
			if (!words.isEmpty() && !next.isEmpty()) {
				Word last = words.get(words.size() - 1);
				String whole = hyphenation.unbroken(last.text(), next.get(0).text());
				if (whole != null) {
					words.set(words.size() - 1, new Word(whole, last.bold() || next.get(0).bold()));
					next = next.subList(1, next.size());
				}
			}
			words.addAll(next);
		}
		return words;
	}

	/** The bullet or number a list item's line opens with, or null. */
	private static String marker(Line line) {
		String text = line.text().strip();
		String token = SPACE.split(text, 2)[0];
		if (text.length() > token.length() && (BULLET.matcher(token).matches() || NUMBER.matcher(token).matches())) {
			return token;
		}
		// a bullet glyph set close against its text
		String glyph = new String(Character.toChars(text.codePointAt(0)));
		if (text.length() > glyph.length() && BULLET.matcher(glyph).matches() && !"-–*".contains(glyph)
				&& Character.isLetterOrDigit(text.codePointAt(glyph.length()))) {
			return glyph;
		}
		return null;
	}

	private static boolean endsSentence(String text) {
		return SENTENCE_END.matcher(text.strip()).find();
	}
}
