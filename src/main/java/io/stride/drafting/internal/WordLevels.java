package io.stride.drafting.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.io.channels.ByteArraySeekableByteChannel;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.utils.XMLReaderUtils;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The list level of each numbered paragraph of a Word document, read from its {@code w:numPr/w:ilvl}: Tika writes
 * every bullet as "·" whatever its level, so a bulleted list's nesting is only in the XML. The paragraphs come with
 * their text, in document order, for {@link HtmlBlocks} to match against the list paragraphs it sees.
 */
final class WordLevels {

	record Numbered(String text, int level) {
	}

	/** How far ahead a list paragraph is looked for: Tika writes headers and text boxes the body does not have. */
	private static final int LOOK_AHEAD = 40;

	static final WordLevels NONE = new WordLevels(List.of());

	private final List<Numbered> numbered;

	private int next;

	WordLevels(List<Numbered> numbered) {
		this.numbered = List.copyOf(numbered);
	}

	/** The levels of a DOCX file's numbered paragraphs; none if the file does not show them (never a refusal). */
	static WordLevels read(byte[] docx, ParseContext context) {
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(ByteArraySeekableByteChannel.wrap(docx)).get()) {
			String main = mainPart(zip, context);
			ZipArchiveEntry entry = main == null ? null : zip.getEntry(main);
			if (entry == null) {
				return NONE;
			}
			Reader reader = new Reader();
			try (InputStream in = zip.getInputStream(entry)) {
				XMLReaderUtils.parseSAX(in, reader, context);
			}
			return new WordLevels(reader.found);
		}
		catch (Exception e) {
			// the levels only refine what Tika read; a file Tika reads without them is still read
			return NONE;
		}
	}

	/** The level of the next numbered paragraph with this text, or -1 if none is near. */
	int levelOf(String text) {
		String wanted = comparable(text);
		for (int i = next; i < numbered.size() && i < next + LOOK_AHEAD; i++) {
			String candidate = comparable(numbered.get(i).text());
			if (!wanted.isEmpty() && (candidate.equals(wanted) || candidate.endsWith(wanted))) {
				next = i + 1;
				return numbered.get(i).level();
			}
		}
		return -1;
	}

	private static String comparable(String text) {
		return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
	}

	private static String mainPart(ZipFile zip, ParseContext context) throws Exception {
		ZipArchiveEntry rels = zip.getEntry("_rels/.rels");
		if (rels == null) {
			return null;
		}
		String[] target = new String[1];
		try (InputStream in = zip.getInputStream(rels)) {
			XMLReaderUtils.parseSAX(in, new DefaultHandler() {
				@Override
				public void startElement(String uri, String local, String name, Attributes attributes) {
					String type = attributes.getValue("Type");
					if (local.equals("Relationship") && type != null && type.endsWith("/officeDocument") && target[0] == null) {
						target[0] = attributes.getValue("Target");
					}
				}
			}, context);
		}
		return target[0] == null ? null : target[0].replaceFirst("^/", "");
	}

	/** Collects each numbered paragraph's level and text; a paragraph inside a text box is one of its own. */
	private static final class Reader extends DefaultHandler {

		private static final String WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

		final List<Numbered> found = new ArrayList<>();

		private final List<StringBuilder> texts = new ArrayList<>();

		private final List<Integer> levels = new ArrayList<>();

		private boolean inText;

		private boolean inNumbering;

		@Override
		public void startElement(String uri, String local, String name, Attributes attributes) {
			if (!uri.equals(WORD)) {
				return;
			}
			switch (local) {
				case "p" -> {
					texts.add(new StringBuilder());
					levels.add(-1);
				}
				case "numPr" -> inNumbering = true;
				case "ilvl" -> {
					if (inNumbering && !levels.isEmpty()) {
						levels.set(levels.size() - 1, parse(attributes.getValue(uri, "val")));
					}
				}
				case "numId" -> {
					// numbering switched off ("0") is no list
					if (inNumbering && !levels.isEmpty() && "0".equals(attributes.getValue(uri, "val"))) {
						levels.set(levels.size() - 1, -2);
					}
					else if (inNumbering && !levels.isEmpty() && levels.getLast() == -1) {
						levels.set(levels.size() - 1, 0);
					}
				}
				case "t" -> inText = true;
				case "tab" -> append(" ");
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String local, String name) {
			if (!uri.equals(WORD)) {
				return;
			}
			switch (local) {
				case "numPr" -> inNumbering = false;
				case "t" -> inText = false;
				case "p" -> {
					if (texts.isEmpty()) {
						return;
					}
					String text = texts.removeLast().toString();
					int level = levels.removeLast();
					if (level >= 0) {
						found.add(new Numbered(text, level));
					}
				}
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (inText) {
				append(new String(ch, start, length));
			}
		}

		private void append(String text) {
			if (!texts.isEmpty()) {
				texts.getLast().append(text);
			}
		}

		private static int parse(String value) {
			try {
				return value == null ? 0 : Math.clamp(Integer.parseInt(value.strip()), 0, 8);
			}
			catch (NumberFormatException e) {
				return 0;
			}
		}
	}
}
