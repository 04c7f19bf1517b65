package io.stride.integration.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message for a team's chat, in each tool's incoming-webhook format: Slack's {@code {"text": ...}} in mrkdwn, and
 * Microsoft Teams' Adaptive Card (title, text and a button that opens Stride).
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

	/**
	 * An Adaptive Card in a message, which both Teams' Workflows webhooks (that take nothing else) and the older
	 * incoming-webhook connectors post: the title in bold, the text, and a button that opens Stride.
	 */
	public Map<String, Object> teams() {
		List<Map<String, Object>> body = new ArrayList<>();
		Map<String, Object> heading = new LinkedHashMap<>();
		heading.put("type", "TextBlock");
		heading.put("text", escapeMarkdown(title));
		heading.put("weight", "Bolder");
		heading.put("size", "Medium");
		heading.put("wrap", true);
		body.add(heading);
		if (text != null && !text.isBlank()) {
			Map<String, Object> block = new LinkedHashMap<>();
			block.put("type", "TextBlock");
			block.put("text", escapeMarkdown(cut(text)));
			block.put("wrap", true);
			body.add(block);
		}
		Map<String, Object> card = new LinkedHashMap<>();
		card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
		card.put("type", "AdaptiveCard");
		card.put("version", "1.4");
		card.put("body", body);
		if (url != null) {
			card.put("actions", List.of(Map.of("type", "Action.OpenUrl", "title", "Open in Stride", "url", url)));
		}
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("type", "message");
		message.put("summary", title);
		message.put("attachments", List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content",
				card)));
		return message;
	}

	/** Markdown's marks as literal characters, for Teams, which renders a card's text blocks as Markdown. */
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
