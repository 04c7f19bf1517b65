package io.stride.drafting.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text: blank lines separate paragraphs; numbered and bulleted lines are list items; a short line on its
 * own without a full stop is a heading.
 */
final class PlainText {

	private static final Pattern ITEM = Pattern.compile("^\\s*(\\d{1,2}[.)]|[-•*▪◦])\\s+(.*)$");

	private PlainText() {
	}

	static ExtractedSource read(String name, String content) {
		BlockCollector out = new BlockCollector();
		String[] paragraphs = content.replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", "").split("\n\\s*\n");
		int number = 0;
		for (String paragraph : paragraphs) {
			String[] lines = paragraph.strip().split("\n");
			StringBuilder prose = new StringBuilder();
			for (String line : lines) {
				String l = line.strip();
				if (l.isEmpty()) {
					continue;
				}
				Matcher item = ITEM.matcher(l);
				if (item.matches()) {
					number = flush(out, prose, number);
					boolean ordered = Character.isDigit(item.group(1).charAt(0));
					out.add(Block.Kind.LIST_ITEM, 0, ordered, item.group(2), null, null, null, "paragraph " + (++number));
				}
				else if (lines.length == 1 && HtmlBlocks.looksLikeTitle(l) && Words.count(l) <= 8
						&& !l.matches(".*[.!?]$")) {
					out.add(Block.Kind.HEADING, l.equals(l.toUpperCase(Locale.ROOT)) ? 1 : 2, false,
							l.replaceAll(":$", ""), null, null, null, "paragraph " + (++number));
				}
				else {
					prose.append(' ').append(l);
				}
			}
			number = flush(out, prose, number);
		}
		return out.build(name, 0);
	}

	private static int flush(BlockCollector out, StringBuilder prose, int number) {
		if (prose.toString().isBlank()) {
			return number;
		}
		out.add(Block.Kind.PARAGRAPH, 0, false, prose.toString(), null, null, null, "paragraph " + (number + 1));
		prose.setLength(0);
		return number + 1;
	}
}
