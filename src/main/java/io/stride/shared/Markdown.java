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

	private Markdown() {
	}

	public static String toSafeHtml(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		String html = RENDERER.render(PARSER.parse(markdown));
		Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
		return Jsoup.clean(html, "", SAFELIST, settings);
	}
}
