package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Walks (X)HTML, from Tika or from an HTML or Markdown source, and collects its blocks. Tika marks PDF pages
 * with {@code div.page} and slides with {@code div.slide-content}; locators follow them.
 */
final class HtmlBlocks {

	enum Locators {
		PAGE, SLIDE, PARAGRAPH
	}

	private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(\\d{1,2}[.)]|[-•*▪◦])\\s+");

	private final BlockCollector out;

	private final Locators locators;

	private int page;

	private int slide;

	private boolean slideTitlePending;

	private HtmlBlocks(BlockCollector out, Locators locators) {
		this.out = out;
		this.locators = locators;
	}

	static void collect(Element body, BlockCollector out, Locators locators) {
		HtmlBlocks walker = new HtmlBlocks(out, locators);
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
				slideTitlePending = true;
				walk(child);
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

	private void listItem(Element element) {
		slideTitlePending = false;
		// nested lists become their own items
		Element copy = element.clone();
		copy.select("ul, ol").remove();
		boolean ordered = element.parent() != null && element.parent().tagName().equalsIgnoreCase("ol");
		out.add(Block.Kind.LIST_ITEM, 0, ordered, copy.text(), markdown(copy), null, bold(copy), locator());
		for (Element nested : element.select("> ul > li, > ol > li")) {
			listItem(nested);
		}
	}

	private void row(Element element) {
		List<String> cells = new ArrayList<>();
		for (Element cell : element.select("> th, > td")) {
			cells.add(BlockCollector.normalize(cell.text()));
		}
		if (cells.stream().allMatch(String::isBlank)) {
			return;
		}
		out.add(Block.Kind.TABLE_ROW, element.select("> th").isEmpty() ? 0 : 1, false, String.join(" | ", cells), null,
				cells, bold(element), locator());
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
			case PARAGRAPH -> "paragraph " + (out.size() + 1);
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
