package io.stride.drafting.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Markdown as handbooks and static sites publish it, made into the Markdown its author wrote: the front matter gives
 * the title, description and audience and is otherwise dropped; template tags (Liquid, Jinja, Hugo shortcodes) go,
 * and a sentence that a template variable was part of goes with it (without the variable's value it has a hole in
 * it: "ask {{ page.owner }} first"); raw HTML becomes its text
 * (a link its text, an image its alt text); footnote markers go (their notes stay as paragraphs); links to anchors in
 * the same page become their text. None of it is content a learner should read or be asked about.
 */
final class PublishedMarkdown {

	private static final Pattern YAML_FRONT_MATTER = Pattern.compile("\\A\\uFEFF?---[ \\t]*\\R(.*?)\\R---[ \\t]*(\\R|\\z)",
			Pattern.DOTALL);

	private static final Pattern TOML_FRONT_MATTER = Pattern.compile("\\A\\uFEFF?\\+\\+\\+[ \\t]*\\R(.*?)\\R\\+\\+\\+[ \\t]*(\\R|\\z)",
			Pattern.DOTALL);

	/** A top-level key of the front matter and its value on the same line ("title: X", "title = 'X'"). */
	private static final Pattern FIELD = Pattern.compile("(?m)^(title|description|summary|audience)[ \\t]*[:=][ \\t]*(.*?)[ \\t]*$");

	/** A template variable that prints a value, as opposed to a tag that wraps or includes content. */
	private static final Pattern VARIABLE = Pattern.compile("\\{\\{(?![<%])[^{}\\n]{0,300}?\\}\\}");

	/** Where a removed tag was, until the spaces around it are put right. */
	private static final char GAP = '\uE000';

	/** Bounded, so that an unclosed tag costs a scan of a few hundred characters, not of the rest of the text. */
	private static final Pattern TEMPLATE_TAG = Pattern.compile("\\{%.{0,500}?%\\}|\\{\\{.{0,500}?\\}\\}", Pattern.DOTALL);

	/** A Liquid comment block or a Jinja comment: neither is shown on the page. */
	private static final Pattern TEMPLATE_COMMENT = Pattern.compile(
			"\\{%-?\\s*comment\\s*-?%\\}.{0,2000}?\\{%-?\\s*endcomment\\s*-?%\\}|\\{#.{0,500}?#\\}", Pattern.DOTALL);

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

	/** The cleaned Markdown and what the front matter says about the page (see {@link ExtractedSource#metadata()}). */
	record Page(String markdown, Map<String, String> metadata) {
	}

	static String clean(String markdown) {
		return read(markdown).markdown();
	}

	static Page read(String markdown) {
		Map<String, String> metadata = new LinkedHashMap<>();
		String text = markdown;
		for (Pattern frontMatter : new Pattern[] { YAML_FRONT_MATTER, TOML_FRONT_MATTER }) {
			Matcher m = frontMatter.matcher(text);
			if (m.find()) {
				metadata = fields(m.group(1));
				text = text.substring(m.end());
				break;
			}
		}
		String title = metadata.get(ExtractedSource.TITLE);
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
		return new Page(text, metadata);
	}

	/** The front matter's title, description (or summary) and audience, as plain one-line text. */
	private static Map<String, String> fields(String frontMatter) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher m = FIELD.matcher(frontMatter);
		while (m.find()) {
			String key = m.group(1).equals("summary") ? ExtractedSource.DESCRIPTION : m.group(1);
			String value = m.group(2);
			if (value.matches("[>|][+-]?")) {
				// a YAML block scalar: the indented lines that follow
				StringBuilder block = new StringBuilder();
				for (String line : frontMatter.substring(m.end()).lines().skip(1).toList()) {
					if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
						break;
					}
					block.append(' ').append(line.strip());
				}
				value = block.toString();
			}
			value = TEMPLATE_TAG.matcher(unquote(value)).replaceAll("").replaceAll("\\s+", " ").strip();
			if (!value.isEmpty() && !value.startsWith("[") && !value.startsWith("{") && !fields.containsKey(key)) {
				fields.put(key, value);
			}
		}
		return fields;
	}

	private static String prose(String text) {
		text = TEMPLATE_COMMENT.matcher(text).replaceAll(String.valueOf(GAP));
		text = withoutSentencesMissingAValue(text);
		text = TEMPLATE_TAG.matcher(text).replaceAll(String.valueOf(GAP));
		text = closeGaps(text);
		text = FOOTNOTE_DEFINITION.matcher(text).replaceAll("");
		text = FOOTNOTE_MARKER.matcher(text).replaceAll("");
		text = ANCHOR_LINK.matcher(text).replaceAll("$1");
		return HTML_ELEMENT.matcher(text).replaceAll(match -> Matcher.quoteReplacement(textOf(match.group())));
	}

	/**
	 * A line in which a template variable stands among words loses the sentence around the variable: the sentence
	 * would read "and for the current lead" without the value. A variable alone on its line simply goes.
	 */
	private static String withoutSentencesMissingAValue(String text) {
		if (!text.contains("{{")) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (String line : text.split("\n", -1)) {
			Matcher variable = VARIABLE.matcher(line);
			String kept = line;
			while (variable.find()) {
				kept = withoutSentenceAround(kept, variable.start(), variable.end());
				variable = VARIABLE.matcher(kept);
			}
			if (kept != line && kept.replaceAll("^[ \\t]*(?:[#>*+-]+|\\d{1,3}[.)])?[ \\t]*", "").isBlank()) {
				// nothing left of the line but its list or heading marker
				continue;
			}
			if (out.length() > 0) {
				out.append('\n');
			}
			out.append(kept);
		}
		return out.toString();
	}

	/** {@code line} without the sentence that holds [start, end); its Markdown line marker (list, heading) stays. */
	private static String withoutSentenceAround(String line, int start, int end) {
		Matcher marker = Pattern.compile("^[ \\t]*(?:[#>*+-]+|\\d{1,3}[.)])?[ \\t]*").matcher(line);
		int lineStart = marker.find() ? marker.end() : 0;
		int from = lineStart;
		for (int i = Math.min(start, line.length()) - 1; i > lineStart; i--) {
			if (".!?".indexOf(line.charAt(i - 1)) >= 0 && Character.isWhitespace(line.charAt(i))) {
				from = i + 1;
				break;
			}
		}
		int to = line.length();
		for (int i = end; i < line.length(); i++) {
			if (".!?".indexOf(line.charAt(i)) >= 0 && (i + 1 == line.length() || Character.isWhitespace(line.charAt(i + 1)))) {
				to = i + 1;
				break;
			}
		}
		String before = line.substring(0, Math.max(lineStart, from)).stripTrailing();
		String after = line.substring(to).stripLeading();
		return before.length() <= lineStart || after.isEmpty() ? before + after
				: before + " " + after;
	}

	/** Where a tag was removed, words keep one space between them and none before punctuation. */
	private static String closeGaps(String text) {
		if (text.indexOf(GAP) < 0) {
			return text;
		}
		String gap = "[ \\t]*" + GAP + "(?:[ \\t]*" + GAP + ")*[ \\t]*";
		text = text.replaceAll("(?m)^([ \\t]*)" + gap, "$1");
		text = text.replaceAll(gap + "(?=[,.;:!?)]|$)", "");
		text = text.replaceAll("(?m)" + gap + "$", "");
		return text.replaceAll("(?<=\\S)" + gap + "(?=\\S)", " ").replace(String.valueOf(GAP), "");
	}

	/** What a reader sees of a piece of HTML: its text, an image's alt text, nothing of a script or style. */
	private static String textOf(String html) {
		var body = Jsoup.parseBodyFragment(html).body();
		body.select("script, style, template").remove();
		for (Element image : body.select("img")) {
			image.replaceWith(new TextNode(image.attr("alt")));
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
