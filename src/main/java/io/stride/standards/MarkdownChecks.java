package io.stride.standards;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Checks on an author's Markdown, shared by the quality panel and by templates so that both count words and
 * find images, links and terms the same way.
 */
public final class MarkdownChecks {

	// bounded, so that odd text (thousands of "[") can't make matching slow
	private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]\\n]{0,300})\\]\\(([^)\\n]{0,2000})\\)");

	private static final Pattern LINK = Pattern.compile("(?<!!)\\[([^\\]\\n]{1,300})\\]\\(([^)\\n]{0,2000})\\)");

	private static final List<String> VAGUE = List.of("click here", "here", "read more", "more", "link", "this link", "this");

	// three or more words in capitals in a row: shouting, which screen readers may spell out letter by letter;
	// one or two (GDPR, HR FAQ) are usually abbreviations
	private static final Pattern CAPITALS = Pattern
		.compile("(?<![\\p{L}\\p{N}])\\p{Lu}{2,}(?:[\\s,;:!?.-]{1,5}\\p{Lu}{2,}){2,}(?![\\p{L}\\p{N}])");

	private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

	/** A heading deeper than the one before it by more than one level; {@code from} is 0 for the first heading. */
	public record HeadingJump(int from, int to) {
	}

	private MarkdownChecks() {
	}

	/** The targets of images that have no alternative text. */
	public static List<String> imagesWithoutAltText(String markdown) {
		List<String> targets = new ArrayList<>();
		Matcher image = IMAGE.matcher(orEmpty(markdown));
		while (image.find()) {
			if (image.group(1).isBlank()) {
				targets.add(image.group(2));
			}
		}
		return targets;
	}

	/** Link texts such as "click here" that say nothing about where the link goes. */
	public static List<String> vagueLinkTexts(String markdown) {
		List<String> texts = new ArrayList<>();
		Matcher link = LINK.matcher(orEmpty(markdown));
		while (link.find()) {
			if (VAGUE.contains(link.group(1).strip().toLowerCase(Locale.ROOT))) {
				texts.add(link.group(1));
			}
		}
		return texts;
	}

	/** What a reader reads: images dropped, links reduced to their text, Markdown punctuation blanked. */
	public static String plainText(String markdown) {
		String text = IMAGE.matcher(orEmpty(markdown)).replaceAll(" ");
		return LINK.matcher(text).replaceAll("$1").replaceAll("[#>*_|`-]", " ");
	}

	public static int words(String markdown) {
		String text = plainText(markdown).trim();
		return text.isEmpty() ? 0 : text.split("\\s+").length;
	}

	/** The first use of a term as a whole word, in any case, as written in the text. */
	public static Optional<String> find(String text, String term) {
		if (term == null || term.isBlank()) {
			return Optional.empty();
		}
		Matcher found = Pattern.compile("(?iu)(?<![\\p{L}])" + Pattern.quote(term.strip()) + "(?![\\p{L}])").matcher(orEmpty(text));
		return found.find() ? Optional.of(found.group()) : Optional.empty();
	}

	/**
	 * Headings that skip levels. A lesson's "# Heading" sits directly under the lesson title, so the first heading
	 * should be level 1 and each next one at most one level deeper than the one before.
	 */
	public static List<HeadingJump> headingJumps(String markdown) {
		Set<HeadingJump> jumps = new LinkedHashSet<>();
		int[] previous = { 0 };
		PARSER.parse(orEmpty(markdown)).accept(new AbstractVisitor() {
			@Override
			public void visit(Heading heading) {
				if (heading.getLevel() > previous[0] + 1) {
					jumps.add(new HeadingJump(previous[0], heading.getLevel()));
				}
				previous[0] = heading.getLevel();
			}
		});
		return List.copyOf(jumps);
	}

	/** Runs of words written in capitals for emphasis, as written (code is left out). */
	public static List<String> capitalsForEmphasis(String markdown) {
		Set<String> found = new LinkedHashSet<>();
		for (String block : textBlocks(PARSER.parse(orEmpty(markdown)))) {
			Matcher capitals = CAPITALS.matcher(block);
			while (capitals.find()) {
				found.add(capitals.group());
			}
		}
		return List.copyOf(found);
	}

	/** How many tables have no header row (every header cell empty), so that cells can't be read with a header. */
	public static int tablesWithoutHeader(String markdown) {
		int[] count = { 0 };
		PARSER.parse(orEmpty(markdown)).accept(new AbstractVisitor() {
			@Override
			public void visit(CustomBlock block) {
				if (block instanceof TableBlock table && headerIsEmpty(table)) {
					count[0]++;
				}
				visitChildren(block);
			}
		});
		return count[0];
	}

	private static boolean headerIsEmpty(TableBlock table) {
		for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
			if (part instanceof TableHead head) {
				StringBuilder text = new StringBuilder();
				collectText(head, text);
				return text.toString().isBlank();
			}
		}
		return true;
	}

	/** The text of each paragraph, heading and table cell, line breaks as spaces; code spans and blocks left out. */
	private static List<String> textBlocks(Node document) {
		List<String> blocks = new ArrayList<>();
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Paragraph paragraph) {
				add(paragraph);
			}

			@Override
			public void visit(Heading heading) {
				add(heading);
			}

			@Override
			public void visit(CustomNode node) {
				if (node instanceof TableCell) {
					add(node);
				}
				else {
					visitChildren(node);
				}
			}

			private void add(Node node) {
				StringBuilder text = new StringBuilder();
				collectText(node, text);
				blocks.add(text.toString());
			}
		});
		return blocks;
	}

	private static void collectText(Node node, StringBuilder text) {
		for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
			if (child instanceof Text t) {
				text.append(t.getLiteral());
			}
			else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
				text.append(' ');
			}
			else {
				collectText(child, text);
			}
		}
	}

	private static String orEmpty(String markdown) {
		return markdown == null ? "" : markdown;
	}
}
