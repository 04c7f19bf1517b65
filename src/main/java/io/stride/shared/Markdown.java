package io.stride.shared;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Renders author Markdown to HTML that is safe to put in a page: raw HTML in the source is escaped and the
 * result passes an allow-list, so scripts, event handlers and {@code javascript:} links never survive.
 */
public final class Markdown {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.escapeHtml(true)
		.sanitizeUrls(true)
		.build();

	private static final Safelist SAFELIST = Safelist.relaxed()
		.removeTags("img")
		.addAttributes("th", "align")
		.addAttributes("td", "align")
		.addProtocols("a", "href", "https", "http", "mailto")
		.addEnforcedAttribute("a", "rel", "nofollow noopener");

	private static final Safelist SAFELIST_WITH_IMAGES = Safelist.relaxed()
		.addAttributes("th", "align")
		.addAttributes("td", "align")
		.addProtocols("a", "href", "https", "http", "mailto")
		.addProtocols("img", "src", "https", "http");

	private Markdown() {
	}

	/**
	 * Like {@link #toSafeHtml(String)} but keeps images (with their alt text), for reading an author's Markdown
	 * source rather than showing it.
	 */
	public static String toSafeHtmlKeepingImages(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		String html = RENDERER.render(PARSER.parse(markdown));
		return Jsoup.clean(html, "http://localhost/", SAFELIST_WITH_IMAGES, new Document.OutputSettings().prettyPrint(false));
	}

	public static String toSafeHtml(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		// a pure function of its text, and every lesson page renders the same few lessons again and again
		String known = RENDERED.get(markdown);
		if (known != null) {
			return known;
		}
		String html = render(markdown);
		if (markdown.length() > 50_000) {
			return html;
		}
		if (RENDERED.size() >= RENDERED_LIMIT) {
			RENDERED.clear();
		}
		RENDERED.put(markdown, html);
		return html;
	}

	/** Texts kept rendered; past this the memo starts over rather than grow. */
	private static final int RENDERED_LIMIT = 2_000;

	private static final java.util.Map<String, String> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

	private static String render(String markdown) {
		String html = RENDERER.render(PARSER.parse(markdown));
		Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
		return shiftHeadings(Jsoup.clean(html, "", SAFELIST, settings));
	}

	/** Lesson text sits under the page's own h1, so its "# Heading" becomes an h2, and so on down. */
	private static String shiftHeadings(String html) {
		return HEADING_TAG.matcher(html).replaceAll(m -> "<" + m.group(1) + "h" + Math.min(6, m.group(2).charAt(0) - '0' + 1) + ">");
	}

	private static final java.util.regex.Pattern HEADING_TAG = java.util.regex.Pattern.compile("<(/?)h([1-6])>");
}
