package io.stride.drafting.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Markdown as handbooks and static sites publish it, made into the Markdown its author wrote: the front matter gives
 * the title and is otherwise dropped; template tags (Liquid, Jinja, Hugo shortcodes) go; raw HTML becomes its text
 * (a link its text, an image its alt text); footnote markers go (their notes stay as paragraphs); links to anchors in
 * the same page become their text. None of it is content a learner should read or be asked about.
 */
final class PublishedMarkdown {

	private static final Pattern YAML_FRONT_MATTER = Pattern.compile("\\A\\uFEFF?---[ \\t]*\\R(.*?)\\R---[ \\t]*(\\R|\\z)",
			Pattern.DOTALL);

	private static final Pattern TOML_FRONT_MATTER = Pattern.compile("\\A\\uFEFF?\\+\\+\\+[ \\t]*\\R(.*?)\\R\\+\\+\\+[ \\t]*(\\R|\\z)",
			Pattern.DOTALL);

	private static final Pattern TITLE = Pattern.compile("(?m)^title[ \\t]*[:=][ \\t]*(.+?)[ \\t]*$");

	/** Bounded, so that an unclosed tag costs a scan of a few hundred characters, not of the rest of the text. */
	private static final Pattern TEMPLATE_TAG = Pattern.compile("\\{%.{0,500}?%\\}|\\{\\{.{0,500}?\\}\\}", Pattern.DOTALL);

	private static final Pattern FOOTNOTE_DEFINITION = Pattern.compile("(?m)^\\[\\^[^\\]\\s]{1,40}\\]:[ \\t]*");

	private static final Pattern FOOTNOTE_MARKER = Pattern.compile("\\[\\^[^\\]\\s]{1,40}\\]");

	private static final Pattern ANCHOR_LINK = Pattern.compile("\\[([^\\]\\n]{1,300})\\]\\(#[^)\\s]{0,200}\\)");

	/** A line that is an HTML tag or starts with one (a block), or an inline tag with its content. */
	private static final Pattern HTML_ELEMENT = Pattern.compile(
			"<([a-zA-Z][a-zA-Z0-9]{0,20})(?=[\\s/>])[^<>]{0,1000}>.{0,5000}?</\\1\\s*>"
					+ "|<[a-zA-Z][a-zA-Z0-9]{0,20}(?=[\\s/>])[^<>]{0,1000}>|</[a-zA-Z][a-zA-Z0-9]{0,20}\\s*>",
			Pattern.DOTALL);

	/** Code, fenced or inline, is shown as written: a page about templates may quote a tag on purpose. */
	private static final Pattern CODE = Pattern.compile("(?ms)^[ \\t]{0,3}(```|~~~).*?^[ \\t]{0,3}\\1[^\\n]*$|`[^`\\n]{1,1000}`");

	private PublishedMarkdown() {
	}

	static String clean(String markdown) {
		String title = null;
		String text = markdown;
		for (Pattern frontMatter : new Pattern[] { YAML_FRONT_MATTER, TOML_FRONT_MATTER }) {
			Matcher m = frontMatter.matcher(text);
			if (m.find()) {
				Matcher t = TITLE.matcher(m.group(1));
				if (t.find()) {
					title = unquote(t.group(1));
				}
				text = text.substring(m.end());
				break;
			}
		}
		StringBuilder out = new StringBuilder(text.length());
		Matcher code = CODE.matcher(text);
		int from = 0;
		while (code.find()) {
			out.append(prose(text.substring(from, code.start()))).append(code.group());
			from = code.end();
		}
		text = out.append(prose(text.substring(from))).toString();
		if (title != null && !title.isBlank() && !text.lines().anyMatch(line -> line.startsWith("# "))) {
			text = "# " + title + "\n\n" + text;
		}
		return text;
	}

	private static String prose(String text) {
		text = TEMPLATE_TAG.matcher(text).replaceAll("");
		text = FOOTNOTE_DEFINITION.matcher(text).replaceAll("");
		text = FOOTNOTE_MARKER.matcher(text).replaceAll("");
		text = ANCHOR_LINK.matcher(text).replaceAll("$1");
		return HTML_ELEMENT.matcher(text).replaceAll(match -> Matcher.quoteReplacement(textOf(match.group())));
	}

	/** What a reader sees of a piece of HTML: its text, an image's alt text, nothing of a script or style. */
	private static String textOf(String html) {
		var body = Jsoup.parseBodyFragment(html).body();
		body.select("script, style, template").remove();
		for (Element image : body.select("img")) {
			image.replaceWith(new org.jsoup.nodes.TextNode(image.attr("alt")));
		}
		String text = body.wholeText().strip();
		return text.replaceAll("[ \\t]*\\R[ \\t]*", " ");
	}

	private static String unquote(String value) {
		String v = value.strip();
		if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
			v = v.substring(1, v.length() - 1);
		}
		return v.strip();
	}
}
