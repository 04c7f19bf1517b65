package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * Walks (X)HTML, from Tika or from an HTML or Markdown source, and collects its blocks. Tika marks PDF pages
 * with {@code div.page}; {@link Slides} marks slides with {@code div.slide-content} and their speaker notes with
 * {@code div.slide-notes}; locators follow them. Word's list paragraphs, which Tika writes as paragraphs with the
 * bullet or number in front, become list items ({@link ListMarkers}).
 */
final class HtmlBlocks {

	enum Locators {
		PAGE, SLIDE, PARAGRAPH,
		/** Like PARAGRAPH, for a Word document: its list paragraphs carry their bullet or number as text. */
		WORD
	}

	private static final Pattern WORD_LIST_STYLE = Pattern.compile("list_(bullet|number)(?:_(\\d))?");

	private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(\\d{1,2}[.)]|[-•*▪◦])\\s+");

	private final BlockCollector out;

	private final Locators locators;

	private int page;

	private int slide;

	private boolean slideTitlePending;

	private final ListMarkers markers = new ListMarkers();

	private WordLevels wordLevels = WordLevels.NONE;

	/** The table whose first row was seen last, to tell its first row from the others. */
	private Element lastTable;

	/** Whether the last block was a Word list paragraph, so that the next "a)" or "ii." continues the list. */
	private boolean inWordList;

	private HtmlBlocks(BlockCollector out, Locators locators) {
		this.out = out;
		this.locators = locators;
	}

	static void collect(Element body, BlockCollector out, Locators locators) {
		collect(body, out, locators, WordLevels.NONE);
	}

	/** With the list levels of a Word document's numbered paragraphs, which its XHTML does not show. */
	static void collect(Element body, BlockCollector out, Locators locators, WordLevels wordLevels) {
		HtmlBlocks walker = new HtmlBlocks(out, locators);
		walker.wordLevels = wordLevels;
		walker.walk(body);
	}

	/** How many pages or slides were seen. */
	static int count(Element body, String cssClass) {
		return body.select("div." + cssClass).size();
	}

	private void walk(Element element) {
		for (Element child : element.children()) {
			String tag = child.tagName().toLowerCase(Locale.ROOT);
			if (tag.equals("div") && child.hasClass("page")) {
				page++;
				walk(child);
			}
			else if (tag.equals("div") && child.hasClass("slide-content")) {
				slide++;
				// a slide read with its title placeholder says which text is the title; otherwise it is guessed
				slideTitlePending = child.select("h1, h2, h3, h4, h5, h6").isEmpty();
				walk(child);
			}
			else if (tag.equals("div") && child.hasClass("slide-notes")) {
				notes(child);
			}
			else if (tag.matches("h[1-6]")) {
				heading(child, tag.charAt(1) - '0');
			}
			else if (tag.equals("p") || tag.equals("pre")) {
				paragraph(child);
			}
			else if (tag.equals("li")) {
				listItem(child);
			}
			else if (tag.equals("tr")) {
				row(child);
			}
			else if (tag.equals("script") || tag.equals("style") || tag.equals("head") || tag.equals("title")
					|| tag.equals("nav") || tag.equals("footer")) {
				continue;
			}
			else {
				if (tag.equals("img")) {
					image(child);
				}
				walk(child);
			}
		}
	}

	private void heading(Element element, int level) {
		slideTitlePending = false;
		endOfWordList();
		inlineExtras(element);
		out.add(Block.Kind.HEADING, level, false, element.text(), null, null, bold(element), locator());
	}

	private void paragraph(Element element) {
		String text = element.text();
		if (text.isBlank()) {
			// an image on its own line stays in the lesson (and in the quality panel's view)
			for (Element img : element.select("img")) {
				String alt = img.attr("alt").strip();
				out.add(Block.Kind.PARAGRAPH, 0, false, alt.isEmpty() ? "Image" : alt,
						"![" + alt + "](" + img.attr("src") + ")", null, null, locator());
			}
			inlineExtras(element);
			return;
		}
		if (locators == Locators.SLIDE && slideTitlePending && looksLikeTitle(text)) {
			slideTitlePending = false;
			out.add(Block.Kind.HEADING, 2, false, text, null, null, bold(element), locator());
			return;
		}
		slideTitlePending = false;
		if (locators == Locators.WORD) {
			wordParagraph(element, text);
			return;
		}
		var marker = LIST_MARKER.matcher(text);
		if (marker.find()) {
			boolean ordered = Character.isDigit(marker.group(1).charAt(0));
			String item = text.substring(marker.end());
			out.add(Block.Kind.LIST_ITEM, 0, ordered, item, stripMarker(markdown(element)), null, bold(element), locator());
			return;
		}
		if (locators == Locators.PAGE && looksLikeTitle(text) && text.length() < 70) {
			out.add(Block.Kind.HEADING, 2, false, text, null, null, bold(element), locator());
			return;
		}
		out.add(Block.Kind.PARAGRAPH, 0, false, text, markdown(element), null, bold(element), locator());
	}

	/**
	 * A Word paragraph: a list item if it starts with a bullet or number (which stays out of its text), or if its
	 * style is one of Word's list styles ("List Bullet 2", "List Number"); a paragraph otherwise.
	 */
	private void wordParagraph(Element element, String text) {
		String style = element.className().toLowerCase(Locale.ROOT);
		boolean listStyled = style.startsWith("list");
		ListMarkers.Marker marker = markers.match(text, listStyled || inWordList);
		var styled = WORD_LIST_STYLE.matcher(style);
		if (marker == null && styled.matches()) {
			int level = styled.group(2) == null ? 0 : Math.max(0, Integer.parseInt(styled.group(2)) - 1);
			marker = new ListMarkers.Marker(0, styled.group(1).equals("number"), level);
		}
		if (marker == null) {
			endOfWordList();
			out.add(Block.Kind.PARAGRAPH, 0, false, text, markdown(element), null, bold(element), locator());
			return;
		}
		inWordList = true;
		String markdown = markdown(element);
		String glyph = text.substring(0, marker.length()).strip();
		String item = text.substring(marker.length());
		if (markdown.startsWith(escape(glyph))) {
			markdown = markdown.substring(escape(glyph).length()).strip();
		}
		else if (marker.length() > 0) {
			markdown = escape(BlockCollector.normalize(item));
		}
		int numbered = marker.length() > 0 ? wordLevels.levelOf(item) : -1;
		out.add(Block.Kind.LIST_ITEM, numbered >= 0 ? numbered : marker.level(), marker.ordered(), item, markdown, null,
				bold(element), locator());
	}

	private void endOfWordList() {
		if (inWordList) {
			inWordList = false;
			markers.endOfList();
		}
	}

	/** Speaker notes: each paragraph a note of its own, cited as the slide's notes. */
	private void notes(Element element) {
		for (Element said : element.select("p, li")) {
			String text = said.text();
			if (!text.isBlank()) {
				out.add(Block.Kind.NOTE, 0, false, text, markdown(said), null, bold(said), "slide " + Math.max(1, slide)
						+ " notes");
			}
		}
	}

	private void listItem(Element element) {
		listItem(element, 0);
	}

	/** A list item and the lists nested in it, each item at its depth (or the depth a slide's bullet states). */
	private void listItem(Element element, int depth) {
		slideTitlePending = false;
		Element copy = element.clone();
		copy.select("ul, ol").remove();
		boolean ordered = element.parent() != null && element.parent().tagName().equalsIgnoreCase("ol");
		int level = element.hasAttr("data-level") ? parseLevel(element.attr("data-level")) : depth;
		out.add(Block.Kind.LIST_ITEM, level, ordered, copy.text(), markdown(copy), null, bold(copy), locator());
		for (Element nested : element.select("> ul > li, > ol > li")) {
			listItem(nested, depth + 1);
		}
	}

	private static int parseLevel(String value) {
		try {
			return Math.clamp(Integer.parseInt(value.strip()), 0, 8);
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}

	private void row(Element element) {
		endOfWordList();
		List<String> cells = new ArrayList<>();
		for (Element cell : element.select("> th, > td")) {
			cells.add(BlockCollector.normalize(cell.text()));
		}
		if (cells.stream().allMatch(String::isBlank)) {
			return;
		}
		out.add(Block.Kind.TABLE_ROW, headsItsTable(element) ? 1 : 0, false, String.join(" | ", cells), null, cells,
				bold(element), locator());
	}

	/**
	 * The header row: a row of header cells, or a table's first row with text (Word and Tika write header rows as
	 * ordinary cells, and a lesson's table needs one). A later row of header cells starts a table of its own.
	 */
	private boolean headsItsTable(Element row) {
		Elements cells = row.select("> th, > td");
		Element table = row.closest("table");
		if (!cells.isEmpty() && cells.stream().allMatch(c -> c.tagName().equalsIgnoreCase("th"))) {
			// the rows after a header row of header cells are its body, not another header
			lastTable = table;
			return true;
		}
		if (table != null && table != lastTable) {
			// rows come in order, so a table's first row with text is the first one seen
			lastTable = table;
			return true;
		}
		return false;
	}

	private void image(Element img) {
		if (img.attr("alt").isBlank()) {
			out.imageWithoutAlt();
		}
	}

	private void inlineExtras(Element element) {
		element.select("img").forEach(this::image);
		element.select("a[href]").forEach(a -> out.link(a.text()));
	}

	private String locator() {
		return switch (locators) {
			case PAGE -> "page " + Math.max(1, page) + ", paragraph " + (out.size() + 1);
			case SLIDE -> "slide " + Math.max(1, slide);
			case PARAGRAPH, WORD -> "paragraph " + (out.size() + 1);
		};
	}

	private static List<String> bold(Element element) {
		List<String> terms = new ArrayList<>();
		for (Element b : element.select("b, strong")) {
			String term = BlockCollector.normalize(b.text());
			if (!term.isEmpty() && term.length() <= 60 && !terms.contains(term)) {
				terms.add(term);
			}
		}
		return terms;
	}

	/** Inline Markdown for a lesson: bold, italics, links and images survive; everything else is text. */
	private String markdown(Element element) {
		inlineExtras(element);
		StringBuilder md = new StringBuilder();
		for (Node node : element.childNodes()) {
			inline(node, md);
		}
		return BlockCollector.normalize(md.toString());
	}

	private static String stripMarker(String markdown) {
		return LIST_MARKER.matcher(markdown).replaceFirst("");
	}

	private static void inline(Node node, StringBuilder md) {
		if (node instanceof TextNode text) {
			md.append(escape(text.text()));
			return;
		}
		if (!(node instanceof Element element)) {
			return;
		}
		String tag = element.tagName().toLowerCase(Locale.ROOT);
		switch (tag) {
			case "b", "strong" -> wrap(element, md, "**");
			case "i", "em" -> wrap(element, md, "*");
			case "a" -> {
				String href = element.attr("href");
				if (href.isBlank() || href.toLowerCase(Locale.ROOT).startsWith("javascript:")) {
					md.append(escape(element.text()));
				}
				else {
					md.append('[').append(escape(element.text())).append("](").append(href.replace(")", "%29")).append(')');
				}
			}
			case "img" -> md.append("![").append(escape(element.attr("alt"))).append("](").append(element.attr("src")).append(')');
			case "br" -> md.append(' ');
			default -> element.childNodes().forEach(child -> inline(child, md));
		}
	}

	private static void wrap(Element element, StringBuilder md, String mark) {
		String inner = BlockCollector.normalize(element.text());
		if (!inner.isEmpty()) {
			md.append(mark).append(escape(inner)).append(mark);
		}
	}

	static String escape(String text) {
		return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("[", "\\[").replace("<", "&lt;");
	}

	static boolean looksLikeTitle(String text) {
		String t = text.strip();
		if (t.isEmpty() || t.length() > 90) {
			return false;
		}
		char last = t.charAt(t.length() - 1);
		if (last == '.' || last == ',' || last == ';') {
			return false;
		}
		String[] words = t.split("\\s+");
		return words.length <= 10 && Character.isUpperCase(t.codePointAt(0)) || t.endsWith(":") && words.length <= 8;
	}
}
