package io.stride.drafting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.io.channels.ByteArraySeekableByteChannel;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.XHTMLContentHandler;
import org.apache.tika.utils.XMLReaderUtils;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a PowerPoint deck (PPTX) into the XHTML that {@link HtmlBlocks} walks, from the slides' own XML rather than
 * from Tika's text: Tika takes slides in the order of the package's relationships (not the deck's), writes every
 * paragraph alike (titles, indented bullets, footers and slide numbers), and puts each slide's notes, with the notes
 * page's date and page number, loose after the slide. Here each slide becomes a {@code div.slide-content} with its
 * title as a heading (the opening slide's title as the deck's), its bullets as list items that keep their level
 * ({@code data-level}), its tables with their header row, and its speaker notes in a {@code div.slide-notes} of their
 * own; footers, dates, slide numbers and the prompts of empty placeholders ("Click to add title") are left out.
 */
final class Slides {

	/** Relationship types, by their last segment: transitional and strict OOXML differ only before it. */
	private static final String OFFICE_DOCUMENT = "/officeDocument";

	private static final String SLIDE = "/slide";

	private static final String NOTES = "/notesSlide";

	private static final String DIAGRAM_DATA = "/diagramData";

	/** What an empty placeholder shows until it is typed into; some tools save it as the placeholder's text. */
	private static final Pattern PROMPT = Pattern.compile(
			"(?i)(click|tap|double[- ]click) (here )?to (add|edit|insert)\\b.*|(second|third|fourth|fifth) level");

	private Slides() {
	}

	/** Writes the deck as XHTML to the handler, slide by slide in the deck's order. */
	static void read(byte[] content, ContentHandler handler, ParseContext context)
			throws IOException, SAXException, TikaException {
		// parts are inflated one at a time, when they are read, as the streaming extractors do
		try (Parts parts = new Parts(content, context)) {
			String presentation = parts.related("", OFFICE_DOCUMENT).stream().findFirst()
				.orElseThrow(() -> new TikaException("a PPTX package without a presentation"));
			XHTMLContentHandler xhtml = new XHTMLContentHandler(handler, new Metadata());
			xhtml.startDocument();
			int number = 0;
			for (String slide : slides(parts, presentation, context)) {
				number++;
				Part shown = parse(parts, slide, context);
				if (shown.hidden) {
					// a hidden slide is not shown, so not taught from; the others keep their numbers
					xhtml.startElement("div", "class", "slide-content");
					xhtml.endElement("div");
					continue;
				}
				for (String data : parts.related(slide, DIAGRAM_DATA)) {
					shown.diagrams.add(parse(parts, data, context));
				}
				writeSlide(shown, number == 1, xhtml);
				for (String notes : parts.related(slide, NOTES)) {
					writeNotes(parse(parts, notes, context), xhtml);
				}
			}
			xhtml.endDocument();
		}
		catch (RuntimeException e) {
			throw new TikaException("not a readable PPTX package", e);
		}
	}

	/** The slides' parts, in the order the deck shows them ({@code p:sldIdLst}). */
	private static List<String> slides(Parts parts, String presentation, ParseContext context)
			throws IOException, SAXException, TikaException {
		List<String> ids = new ArrayList<>();
		parts.parse(presentation, new DefaultHandler() {
			@Override
			public void startElement(String uri, String local, String name, Attributes attributes) {
				if (local.equals("sldId")) {
					for (int i = 0; i < attributes.getLength(); i++) {
						if (attributes.getLocalName(i).equals("id") && attributes.getURI(i).contains("relationships")) {
							ids.add(attributes.getValue(i));
						}
					}
				}
			}
		});
		Map<String, String> byId = parts.relationships(presentation, SLIDE);
		if (ids.isEmpty()) {
			// no list of slides: take them as the package relates them
			return List.copyOf(byId.values());
		}
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	private static Part parse(Parts parts, String name, ParseContext context) throws IOException, SAXException, TikaException {
		PartReader reader = new PartReader();
		parts.parse(name, reader);
		return reader.part;
	}

	/**
	 * The package's parts, read from the ZIP entry by entry, and their relationships ({@code _rels/*.rels}), with
	 * targets resolved to part names; external targets are left out.
	 */
	private static final class Parts implements AutoCloseable {

		private final ZipFile zip;

		private final ParseContext context;

		Parts(byte[] content, ParseContext context) throws IOException {
			this.zip = ZipFile.builder().setSeekableByteChannel(ByteArraySeekableByteChannel.wrap(content)).get();
			this.context = context;
		}

		void parse(String name, DefaultHandler handler) throws IOException, SAXException, TikaException {
			ZipArchiveEntry entry = zip.getEntry(name);
			if (entry == null) {
				return;
			}
			try (InputStream in = zip.getInputStream(entry)) {
				XMLReaderUtils.parseSAX(in, handler, context);
			}
		}

		/** The parts a part relates to by this type, in the order the relationships are listed. */
		List<String> related(String from, String type) throws IOException, SAXException, TikaException {
			return List.copyOf(relationships(from, type).values());
		}

		/** Relationship id to part name, for one type of relationship of a part ("" for the package). */
		Map<String, String> relationships(String from, String type) throws IOException, SAXException, TikaException {
			int slash = from.lastIndexOf('/');
			String folder = slash < 0 ? "" : from.substring(0, slash + 1);
			String rels = folder + "_rels/" + from.substring(slash + 1) + ".rels";
			Map<String, String> found = new LinkedHashMap<>();
			parse(rels, new DefaultHandler() {
				@Override
				public void startElement(String uri, String local, String name, Attributes attributes) {
					String target = attributes.getValue("Target");
					String kind = attributes.getValue("Type");
					if (local.equals("Relationship") && kind != null && kind.endsWith(type) && target != null
							&& !"External".equalsIgnoreCase(attributes.getValue("TargetMode"))) {
						found.put(String.valueOf(attributes.getValue("Id")), resolve(folder, target));
					}
				}
			});
			return found;
		}

		private static String resolve(String folder, String target) {
			URI base = URI.create("/" + folder.replace(" ", "%20"));
			URI relative;
			try {
				// targets are URI references ("slide%201.xml"); entry names are not encoded ("slide 1.xml")
				relative = new URI(target);
			}
			catch (URISyntaxException e) {
				try {
					relative = new URI(null, null, target, null);
				}
				catch (URISyntaxException again) {
					return folder + target;
				}
			}
			String path = base.resolve(relative).getPath();
			return path.startsWith("/") ? path.substring(1) : path;
		}

		@Override
		public void close() throws IOException {
			zip.close();
		}
	}

	private static void writeSlide(Part slide, boolean first, XHTMLContentHandler xhtml) throws SAXException {
		xhtml.startElement("div", "class", "slide-content");
		List<Shape> shapes = slide.shapes;
		for (Shape title : shapes) {
			if (title.isTitle() && !title.text().isEmpty()) {
				// the opening slide's title names the deck; the other slides' titles are its sections
				xhtml.element(first && title.placeholder.equals("ctrTitle") ? "h1" : "h2", title.text());
				break;
			}
		}
		for (Shape shape : shapes) {
			if (shape.isTitle() || shape.isFooter()) {
				continue;
			}
			if (shape.table != null) {
				writeTable(shape.table, shape.headerRow, xhtml);
				continue;
			}
			boolean bulletedByDefault = shape.placeholder != null
					&& (shape.placeholder.equals("body") || shape.placeholder.equals("obj"));
			writeParagraphs(shape.paragraphs, bulletedByDefault, xhtml);
		}
		for (Part diagram : slide.diagrams) {
			// a SmartArt graphic's texts: mostly a list of steps or points
			List<Paragraph> texts = diagram.shapes.stream().flatMap(s -> s.paragraphs.stream()).toList();
			writeParagraphs(texts, texts.size() > 1, xhtml);
		}
		xhtml.endElement("div");
	}

	private static void writeNotes(Part notes, XHTMLContentHandler xhtml) throws SAXException {
		List<Paragraph> said = notes.shapes.stream()
			.filter(s -> "body".equals(s.placeholder))
			.flatMap(s -> s.paragraphs.stream())
			.filter(p -> !p.text().isEmpty())
			.toList();
		if (said.isEmpty()) {
			return;
		}
		xhtml.startElement("div", "class", "slide-notes");
		for (Paragraph paragraph : said) {
			writeText("p", paragraph, xhtml, null);
		}
		xhtml.endElement("div");
	}

	/** Runs of bulleted paragraphs become one list each, numbered or not; the others stay paragraphs. */
	private static void writeParagraphs(List<Paragraph> paragraphs, boolean bulletedByDefault, XHTMLContentHandler xhtml)
			throws SAXException {
		String openList = null;
		for (Paragraph paragraph : paragraphs) {
			if (paragraph.text().isEmpty() || PROMPT.matcher(paragraph.text()).matches()) {
				continue;
			}
			boolean bulleted = paragraph.bullet == Bullet.DEFAULT ? bulletedByDefault : paragraph.bullet != Bullet.NONE;
			String list = !bulleted ? null : paragraph.bullet == Bullet.NUMBER ? "ol" : "ul";
			if (openList != null && !openList.equals(list)) {
				xhtml.endElement(openList);
				openList = null;
			}
			if (list == null) {
				writeText("p", paragraph, xhtml, null);
				continue;
			}
			if (openList == null) {
				xhtml.startElement(list);
				openList = list;
			}
			writeText("li", paragraph, xhtml, String.valueOf(paragraph.level));
		}
		if (openList != null) {
			xhtml.endElement(openList);
		}
	}

	private static void writeText(String tag, Paragraph paragraph, XHTMLContentHandler xhtml, String level)
			throws SAXException {
		AttributesImpl attributes = new AttributesImpl();
		if (level != null) {
			attributes.addAttribute("", "data-level", "data-level", "CDATA", level);
		}
		xhtml.startElement(tag, attributes);
		for (Run run : paragraph.runs) {
			if (run.bold && !run.text.toString().isBlank()) {
				xhtml.element("b", run.text.toString());
			}
			else {
				xhtml.characters(run.text.toString());
			}
		}
		xhtml.endElement(tag);
	}

	private static void writeTable(List<List<String>> rows, boolean headerRow, XHTMLContentHandler xhtml)
			throws SAXException {
		xhtml.startElement("table");
		for (int r = 0; r < rows.size(); r++) {
			xhtml.startElement("tr");
			for (String cell : rows.get(r)) {
				xhtml.element(r == 0 && headerRow ? "th" : "td", cell);
			}
			xhtml.endElement("tr");
		}
		xhtml.endElement("table");
	}

	/** One slide, notes page or SmartArt data part, as shapes of paragraphs. */
	private static final class Part {

		final List<Shape> shapes = new ArrayList<>();

		final List<Part> diagrams = new ArrayList<>();

		boolean hidden;
	}

	private static final class Shape {

		/** The placeholder's type ("title", "body", "ftr"...), "body" for a typeless one, null for a free shape. */
		String placeholder;

		final List<Paragraph> paragraphs = new ArrayList<>();

		List<List<String>> table;

		boolean headerRow;

		boolean isTitle() {
			return placeholder != null && (placeholder.equals("title") || placeholder.equals("ctrTitle"));
		}

		boolean isFooter() {
			return placeholder != null && (placeholder.equals("ftr") || placeholder.equals("dt")
					|| placeholder.equals("sldNum") || placeholder.equals("hdr"));
		}

		String text() {
			return String.join(" ", paragraphs.stream()
				.map(Paragraph::text)
				.filter(t -> !t.isEmpty() && !PROMPT.matcher(t).matches())
				.toList());
		}
	}

	private enum Bullet {
		DEFAULT, NONE, CHARACTER, NUMBER
	}

	private static final class Paragraph {

		int level;

		Bullet bullet = Bullet.DEFAULT;

		final List<Run> runs = new ArrayList<>();

		String text() {
			StringBuilder text = new StringBuilder();
			runs.forEach(run -> text.append(run.text));
			return text.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
		}
	}

	private static final class Run {

		boolean bold;

		final StringBuilder text = new StringBuilder();
	}

	/**
	 * Collects the shapes of one part: text in {@code a:t} of paragraphs {@code a:p}, each paragraph's level and
	 * bullet from {@code a:pPr}, bold runs, placeholder types from {@code p:ph}, tables from {@code a:tbl}. Only the
	 * first choice of {@code mc:AlternateContent} is read, so nothing is read twice.
	 */
	private static final class PartReader extends DefaultHandler {

		final Part part = new Part();

		private Shape shape;

		private Paragraph paragraph;

		private Run run;

		private boolean inText;

		private int skipping;

		private int shapeDepth;

		private List<String> row;

		private StringBuilder cell;

		@Override
		public void startElement(String uri, String local, String name, Attributes attributes) {
			if (skipping > 0 || local.equals("Fallback")) {
				skipping++;
				return;
			}
			switch (local) {
				case "sld" -> part.hidden = isOff(attributes.getValue("show"));
				case "sp", "graphicFrame" -> {
					if (shapeDepth++ == 0) {
						shape = new Shape();
						part.shapes.add(shape);
					}
				}
				case "ph" -> {
					if (shape != null) {
						String type = attributes.getValue("type");
						shape.placeholder = type == null ? "body" : type;
					}
				}
				case "tbl" -> {
					if (shape != null) {
						shape.table = new ArrayList<>();
					}
				}
				case "tblPr" -> {
					if (shape != null) {
						shape.headerRow = isOn(attributes.getValue("firstRow"));
					}
				}
				case "tr" -> row = new ArrayList<>();
				case "tc" -> cell = new StringBuilder();
				case "p" -> {
					if (uri.contains("drawingml")) {
						paragraph = new Paragraph();
						if (cell != null && !cell.isEmpty()) {
							cell.append(' ');
						}
					}
				}
				case "pPr" -> {
					if (paragraph != null) {
						String level = attributes.getValue("lvl");
						paragraph.level = level == null ? 0 : Math.clamp(parseInt(level), 0, 8);
					}
				}
				case "buNone" -> bullet(Bullet.NONE);
				case "buChar", "buBlip" -> bullet(Bullet.CHARACTER);
				case "buAutoNum" -> bullet(Bullet.NUMBER);
				case "r", "fld" -> {
					if (paragraph != null) {
						run = new Run();
						paragraph.runs.add(run);
					}
				}
				case "rPr" -> {
					if (run != null) {
						run.bold = isOn(attributes.getValue("b"));
					}
				}
				case "br" -> text(" ");
				case "t" -> inText = uri.contains("drawingml");
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String local, String name) {
			if (skipping > 0) {
				skipping--;
				return;
			}
			switch (local) {
				case "sp", "graphicFrame" -> {
					if (--shapeDepth == 0) {
						shape = null;
					}
				}
				case "tr" -> {
					if (shape != null && shape.table != null && row != null) {
						shape.table.add(row);
					}
					row = null;
				}
				case "tc" -> {
					if (row != null && cell != null) {
						row.add(cell.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ").strip());
					}
					cell = null;
				}
				case "p" -> {
					if (paragraph != null && uri.contains("drawingml")) {
						if (cell == null) {
							if (shape == null) {
								// text outside any shape: SmartArt's data points
								shape = new Shape();
								part.shapes.add(shape);
								shape.paragraphs.add(paragraph);
								shape = null;
							}
							else {
								shape.paragraphs.add(paragraph);
							}
						}
						paragraph = null;
						run = null;
					}
				}
				case "r", "fld" -> run = null;
				case "t" -> inText = false;
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (inText && skipping == 0) {
				text(new String(ch, start, length));
			}
		}

		private void text(String text) {
			if (cell != null) {
				cell.append(text);
			}
			else if (run != null) {
				run.text.append(text);
			}
			else if (paragraph != null) {
				Run loose = new Run();
				loose.text.append(text);
				paragraph.runs.add(loose);
			}
		}

		private void bullet(Bullet bullet) {
			if (paragraph != null) {
				paragraph.bullet = bullet;
			}
		}

		private static boolean isOn(String value) {
			return value != null && (value.equals("1") || value.toLowerCase(Locale.ROOT).equals("true"));
		}

		private static boolean isOff(String value) {
			return value != null && (value.equals("0") || value.toLowerCase(Locale.ROOT).equals("false"));
		}

		private static int parseInt(String value) {
			try {
				return Integer.parseInt(value.strip());
			}
			catch (NumberFormatException e) {
				return 0;
			}
		}
	}
}
