package io.stride.shared;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/**
 * Renders author Markdown to HTML that is safe to put in a page: raw HTML in the source is escaped and the
 * result passes an allow-list, so scripts, event handlers and {@code javascript:} links never survive.
 * <p>
 * Media stays plain Markdown (issue 18): {@code ![alt](/media/ID)} is an image Stride keeps (no other image is shown),
 * {@code ![Video: title](/media/ID)} a video with its captions ({@code /media/ID/captions}), and GitHub's alerts
 * ({@code > [!NOTE]}, {@code [!TIP]}, {@code [!IMPORTANT]}, {@code [!WARNING]}, {@code [!CAUTION]}) callouts with a
 * label read out before them. These are made after the allow-list, from what passed it, by fixed markup.
 */
public final class Markdown {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.escapeHtml(true)
		.sanitizeUrls(true)
		.build();

	/**
	 * Images may stay only to be checked after cleaning ({@link #media}): their addresses are relative, which the
	 * allow-list's protocol check would strip.
	 */
	private static final Safelist SAFELIST = Safelist.relaxed()
		.removeProtocols("img", "src", "http", "https")
		.removeAttributes("img", "width", "height")
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
	 * What a page needs to show an uploaded file well: an image's size in pixels (so that it takes its place before it
	 * loads) and the narrower widths kept of it (for srcset), a video's captions language (a BCP 47 tag). Any may be
	 * null or empty.
	 */
	public record MediaFacts(Integer width, Integer height, List<Integer> widths, String captionsLanguage) {
	}

	/** Tells the renderer about uploaded files by id; the module that keeps them answers. */
	@FunctionalInterface
	public interface MediaLookup {

		Map<String, MediaFacts> facts(Set<String> ids);
	}

	/** Every running application's lookup (tests run several in one JVM); the first that knows an id answers. */
	private static final List<MediaLookup> LOOKUPS = new CopyOnWriteArrayList<>();

	/** Registers a lookup; the returned action takes it away again (when its application stops). */
	public static Runnable describeMediaWith(MediaLookup lookup) {
		LOOKUPS.add(lookup);
		RENDERED.clear();
		return () -> LOOKUPS.remove(lookup);
	}

	/** Forgets what was rendered, after something a rendering shows of a file changed. */
	public static void forgetRendered() {
		RENDERED.clear();
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

	private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

	private static String render(String markdown) {
		String html = RENDERER.render(PARSER.parse(markdown));
		Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
		Document clean = Jsoup.parseBodyFragment(Jsoup.clean(html, "", SAFELIST, settings));
		clean.outputSettings(settings);
		media(clean);
		callouts(clean);
		return shiftHeadings(clean.body().html());
	}

	/** An uploaded file's address: nothing else may be an image's or a video's source. */
	private static final Pattern MEDIA = Pattern.compile("/media/[A-Za-z0-9-]{1,64}");

	/**
	 * Keeps images whose source is an uploaded file, and makes those whose alt text starts with "Video:" a video
	 * player with its captions track; every other image goes, as before.
	 */
	private static void media(Document html) {
		Set<String> ids = new LinkedHashSet<>();
		for (Element image : html.select("img")) {
			if (MEDIA.matcher(image.attr("src")).matches()) {
				ids.add(image.attr("src").substring("/media/".length()));
			}
		}
		Map<String, MediaFacts> facts = facts(ids);
		for (Element image : html.select("img")) {
			String src = image.attr("src");
			if (!MEDIA.matcher(src).matches()) {
				image.remove();
				continue;
			}
			MediaFacts known = facts.get(src.substring("/media/".length()));
			String alt = image.attr("alt");
			if (alt.regionMatches(true, 0, VIDEO, 0, VIDEO.length())) {
				String title = alt.substring(VIDEO.length()).strip();
				String language = known != null && known.captionsLanguage() != null
						&& LANGUAGE.matcher(known.captionsLanguage()).matches() ? known.captionsLanguage() : "en";
				Element video = new Element("video").attr("controls", true)
					.attr("preload", "metadata")
					.attr("src", src)
					.addClass("lesson-video");
				if (!title.isEmpty()) {
					video.attr("aria-label", title);
				}
				video.appendElement("track")
					.attr("kind", "captions")
					.attr("src", src + "/captions")
					.attr("srclang", language)
					.attr("label", languageName(language))
					.attr("default", true);
				video.appendElement("a").attr("href", src).text("Open the video" + (title.isEmpty() ? "" : ": " + title));
				image.replaceWith(video);
			}
			else {
				image.attr("loading", "lazy").addClass("lesson-image");
				if (known != null && known.width() != null && known.height() != null) {
					// the browser keeps the image's place before it loads: nothing below it jumps
					image.attr("width", String.valueOf(known.width())).attr("height", String.valueOf(known.height()));
					if (known.widths() != null && !known.widths().isEmpty()) {
						StringBuilder srcset = new StringBuilder();
						for (int width : known.widths()) {
							srcset.append(src).append("?w=").append(width).append(' ').append(width).append("w, ");
						}
						srcset.append(src).append(' ').append(known.width()).append('w');
						image.attr("srcset", srcset.toString()).attr("sizes", SIZES);
					}
				}
			}
		}
	}

	/** The width a lesson's image takes: the lesson's column (70ch) on a wide screen, the screen's width on a phone. */
	private static final String SIZES = "(min-width: 48rem) 44rem, 100vw";

	private static final Pattern LANGUAGE = Pattern
		.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

	/** A captions track's label: its language's English name ("German (Switzerland)"). */
	private static String languageName(String tag) {
		Locale locale = Locale.forLanguageTag(tag);
		String name = locale.getDisplayName(Locale.ENGLISH);
		return name.isBlank() || name.equalsIgnoreCase(tag) ? "Captions (" + tag + ")" : name;
	}

	private static Map<String, MediaFacts> facts(Set<String> ids) {
		Map<String, MediaFacts> facts = new HashMap<>();
		for (MediaLookup lookup : LOOKUPS) {
			if (facts.size() == ids.size()) {
				break;
			}
			try {
				facts.putAll(lookup.facts(ids));
			}
			catch (RuntimeException unavailable) {
				// an application stopping: its files are shown plainly, as before they were described
			}
		}
		return facts;
	}

	private static final String VIDEO = "Video:";

	/** GitHub's alert kinds and the label each is read out with. */
	private static final Map<String, String> CALLOUTS = Map.of("NOTE", "Note", "TIP", "Tip",
			"IMPORTANT", "Important", "WARNING", "Warning", "CAUTION", "Caution");

	private static final Pattern CALLOUT_MARK = Pattern
		.compile("^\\s*\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\\]\\s*", Pattern.CASE_INSENSITIVE);

	/** A block quote whose first line is "[!NOTE]" (or another kind) becomes a callout with its label. */
	private static void callouts(Document html) {
		for (Element quote : html.select("blockquote")) {
			Element first = quote.firstElementChild();
			if (first == null || !first.nameIs("p") || first.childNodeSize() == 0
					|| !(first.childNode(0) instanceof TextNode text)) {
				continue;
			}
			Matcher mark = CALLOUT_MARK.matcher(text.getWholeText());
			if (!mark.find()) {
				continue;
			}
			String kind = mark.group(1).toUpperCase(Locale.ROOT);
			String label = CALLOUTS.get(kind);
			text.text(text.getWholeText().substring(mark.end()));
			// the line break after the marker, when the text goes on under it
			while (first.childNodeSize() > 0 && (first.childNode(0) instanceof Element br && br.nameIs("br")
					|| first.childNode(0) instanceof TextNode blank && blank.isBlank())) {
				first.childNode(0).remove();
			}
			if (first.childNodeSize() == 0) {
				first.remove();
			}
			Element callout = new Element("div").addClass("callout")
				.addClass("callout-" + kind.toLowerCase(Locale.ROOT))
				.attr("role", "note")
				.attr("aria-label", label);
			callout.appendElement("p").addClass("callout-label").text(label);
			callout.appendChildren(quote.childNodesCopy());
			quote.replaceWith(callout);
		}
	}

	/** Lesson text sits under the page's own h1, so its "# Heading" becomes an h2, and so on down. */
	private static String shiftHeadings(String html) {
		return HEADING_TAG.matcher(html).replaceAll(m -> "<" + m.group(1) + "h" + Math.min(6, m.group(2).charAt(0) - '0' + 1) + ">");
	}

	private static final Pattern HEADING_TAG = Pattern.compile("<(/?)h([1-6])>");
}
