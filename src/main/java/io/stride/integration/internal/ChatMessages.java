package io.stride.integration.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message for a team's chat, in each tool's incoming-webhook format: Slack's {@code {"text": ...}} in mrkdwn, and
 * Microsoft Teams' MessageCard (title, Markdown text and a button that opens Stride).
 */
public record ChatMessages(String title, String text, String url) {

	/** Longest text posted; a pre-read is summarized, the link has the rest. */
	static final int MAX_TEXT = 1500;

	public Map<String, Object> slack() {
		StringBuilder out = new StringBuilder("*").append(escapeSlack(title)).append("*");
		if (text != null && !text.isBlank()) {
			// the text is people's own words (a thanks, an intervention): plain text, so that it cannot make links,
			// mentions or formatting in the channel
			out.append('\n').append(escapeSlack(cut(text)));
		}
		if (url != null) {
			out.append("\n<").append(url).append("|Open in Stride>");
		}
		return Map.of("text", out.toString());
	}

	public Map<String, Object> teams() {
		Map<String, Object> card = new LinkedHashMap<>();
		card.put("@type", "MessageCard");
		card.put("@context", "https://schema.org/extensions");
		card.put("summary", title);
		card.put("themeColor", "1F6FEB");
		card.put("title", escapeMarkdown(title));
		if (text != null && !text.isBlank()) {
			card.put("text", escapeMarkdown(cut(text)));
		}
		if (url != null) {
			card.put("potentialAction", List.of(Map.of("@type", "OpenUri", "name", "Open in Stride", "targets",
					List.of(Map.of("os", "default", "uri", url)))));
		}
		return card;
	}

	/** Markdown's marks as literal characters, for Teams, which renders a card's title and text as Markdown. */
	static String escapeMarkdown(String text) {
		return text.replaceAll("([\\\\`*_{}\\[\\]()#+\\-.!<>|~])", "\\\\$1");
	}

	/** Slack's three control characters; user text can then not make links or mentions. */
	static String escapeSlack(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String cut(String text) {
		String t = text.strip();
		return t.length() <= MAX_TEXT ? t : t.substring(0, t.lastIndexOf('\n', MAX_TEXT) > 0 ? t.lastIndexOf('\n', MAX_TEXT) : MAX_TEXT) + "\n…";
	}
}
