package io.stride.drafting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import org.apache.tika.metadata.TikaCoreProperties;
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

	private static final String LAYOUT = "/slideLayout";

	private static final String CORE_PROPERTIES = "/core-properties";

	/** The name PowerPoint gives a section it makes itself, in the languages of the corpus. */
	private static final Pattern DEFAULT_SECTION = Pattern.compile(
			"(?i)(default|untitled) section( \\d+)?|standardabschnitt|section par défaut|sección predeterminada|standaardsectie");

	/** What an empty placeholder shows until it is typed into; some tools save it as the placeholder's text. */
	private static final Pattern PROMPT = Pattern.compile(
			"(?i)(click|tap|double[- ]click) (here )?to (add|edit|insert)\\b.*|(second|third|fourth|fifth) level|‹#›");

	private Slides() {
	}

	/**
	 * Writes the deck as XHTML to the handler, slide by slide in the deck's order. An opening title slide's title is
	 * the deck's {@code h1}; the other slides' titles are {@code h2}, or {@code h3} under an {@code h2} per section
	 * when the deck is divided into PowerPoint sections or by section-header slides (then their titles are the
	 * {@code h2}s). The deck's title property goes into the head.
	 */
	static void read(byte[] content, ContentHandler handler, ParseContext context)
			throws IOException, SAXException, TikaException {
		// parts are inflated one at a time, when they are read, as the streaming extractors do
		try (Parts parts = new Parts(content, context)) {
			String presentation = parts.related("", OFFICE_DOCUMENT).stream().findFirst()
				.orElseThrow(() -> new TikaException("a PPTX package without a presentation"));
			Metadata metadata = new Metadata();
			for (String core : parts.related("", CORE_PROPERTIES)) {
				String title = coreTitle(parts, core);
				if (!title.isBlank()) {
					metadata.set(TikaCoreProperties.TITLE, title);
				}
			}
			XHTMLContentHandler xhtml = new XHTMLContentHandler(handler, metadata);
			xhtml.startDocument();
			Deck deck = deck(parts, presentation);
			Map<String, String> layoutTypes = new HashMap<>();
			List<Shown> slides = new ArrayList<>();
			for (String slide : deck.slides) {
				Part part = parse(parts, slide, context);
				List<Part> notes = new ArrayList<>();
				String layout = null;
				if (!part.hidden) {
					for (String data : parts.related(slide, DIAGRAM_DATA)) {
						part.diagrams.add(parse(parts, data, context));
					}
					for (String page : parts.related(slide, NOTES)) {
						notes.add(parse(parts, page, context));
					}
					layout = layoutType(parts, slide, layoutTypes);
				}
				slides.add(new Shown(slide, part, notes, layout));
			}
			Shown first = slides.stream().filter(s -> !s.part.hidden).findFirst().orElse(null);
			Shown opening = first != null && first.isTitleSlide() ? first : null;
			boolean sectioned = deck.sectioned();
			// without sections, slides that only carry a title (section headers) divide the deck, if any slide follows one
			boolean divided = !sectioned && slides.stream()
				.filter(s -> s != opening && !s.part.hidden)
				.dropWhile(s -> !s.isDivider())
				.anyMatch(s -> !s.isDivider());
			String section = null;
			for (Shown slide : slides) {
				if (slide.part.hidden) {
					// a hidden slide is not shown, so not taught from; the others keep their numbers
					xhtml.startElement("div", "class", "slide-content");
					xhtml.endElement("div");
					continue;
				}
				String heading = null;
				String titleTag = "h2";
				if (slide == opening) {
					titleTag = "h1";
				}
				else if (sectioned) {
					titleTag = "h3";
					String own = deck.sectionOf.get(slide.name);
					if (own != null && !own.equals(section)) {
						section = own;
						// PowerPoint names a section it made itself "Default Section": the section's first slide names it
						heading = DEFAULT_SECTION.matcher(own).matches() ? slide.part.title() : own;
					}
				}
				else if (divided) {
					titleTag = slide.isDivider() ? "h2" : "h3";
				}
				writeSlide(slide.part, titleTag, heading, xhtml);
				for (Part page : slide.notes) {
					writeNotes(page, xhtml);
				}
			}
			xhtml.endDocument();
		}
		catch (RuntimeException e) {
			throw new TikaException("not a readable PPTX package", e);
		}
	}

	/** A shown slide: its part, its notes pages and its layout's type ("title", "secHead", "obj"...). */
	private record Shown(String name, Part part, List<Part> notes, String layout) {

		/**
		 * Whether, as a deck's first shown slide, it is its title slide: a centred title or a subtitle (as PowerPoint's
		 * and LibreOffice's title layouts have), a layout of the title type, or a title and nothing else.
		 */
		boolean isTitleSlide() {
			if (part.title().isEmpty()) {
				return false;
			}
			return part.shapes.stream().anyMatch(s -> "subTitle".equals(s.placeholder) || "ctrTitle".equals(s.placeholder))
					|| "title".equals(layout) || part.titleOnly();
		}

		/**
		 * A section header: a slide of that layout or of the title slide's (after the first), or one with a title and
		 * nothing else, not even notes.
		 */
		boolean isDivider() {
			if (part.title().isEmpty()) {
				return false;
			}
			boolean noNotes = notes.stream().flatMap(n -> n.shapes.stream())
				.filter(s -> "body".equals(s.placeholder))
				.allMatch(s -> s.text().isEmpty());
			return "secHead".equals(layout) || "title".equals(layout)
					|| part.shapes.stream().anyMatch(s -> "ctrTitle".equals(s.placeholder)) || part.titleOnly() && noNotes;
		}
	}

	/** The type of a slide's layout, read once per layout. */
	private static String layoutType(Parts parts, String slide, Map<String, String> known)
			throws IOException, SAXException, TikaException {
		for (String layout : parts.related(slide, LAYOUT)) {
			if (!known.containsKey(layout)) {
				String[] type = { "" };
				parts.parse(layout, new DefaultHandler() {
					@Override
					public void startElement(String uri, String local, String name, Attributes attributes) {
						if (local.equals("sldLayout") && attributes.getValue("type") != null) {
							type[0] = attributes.getValue("type");
						}
					}
				});
				known.put(layout, type[0]);
			}
			return known.get(layout);
		}
		return "";
	}

	/** The title a deck's core properties give it ({@code dc:title}), or "". */
	private static String coreTitle(Parts parts, String core) throws IOException, SAXException, TikaException {
		StringBuilder title = new StringBuilder();
		parts.parse(core, new DefaultHandler() {
			private boolean inTitle;

			@Override
			public void startElement(String uri, String local, String name, Attributes attributes) {
				inTitle = local.equals("title") && uri.contains("purl.org/dc");
			}

			@Override
			public void endElement(String uri, String local, String name) {
				inTitle = false;
			}

			@Override
			public void characters(char[] ch, int start, int length) {
				if (inTitle) {
					title.append(ch, start, length);
				}
			}
		});
		return title.toString().strip();
	}

	/** The slides in the deck's order and, when the deck is divided into sections, each slide's section. */
	private record Deck(List<String> slides, Map<String, String> sectionOf) {

		/** Sections are followed when there are at least two of them. */
		boolean sectioned() {
			return new HashSet<>(sectionOf.values()).size() > 1;
		}
	}

	/**
	 * The slides' parts, in the order the deck shows them ({@code p:sldIdLst}), and the sections they are in
	 * ({@code p14:sectionLst}, which lists the slides by their numeric ids).
	 */
	private static Deck deck(Parts parts, String presentation) throws IOException, SAXException, TikaException {
		List<String> ids = new ArrayList<>();
		Map<String, String> relationshipOf = new LinkedHashMap<>();
		Map<String, String> sectionOfId = new LinkedHashMap<>();
		parts.parse(presentation, new DefaultHandler() {
			private String section;

			@Override
			public void startElement(String uri, String local, String name, Attributes attributes) {
				if (local.equals("section") && !uri.contains("presentationml")) {
					section = String.valueOf(attributes.getValue("name")).replaceAll("\\s+", " ").strip();
				}
				else if (local.equals("sldId") && section != null && !uri.contains("presentationml")) {
					sectionOfId.putIfAbsent(String.valueOf(attributes.getValue("id")), section);
				}
				else if (local.equals("sldId")) {
					for (int i = 0; i < attributes.getLength(); i++) {
						if (attributes.getLocalName(i).equals("id") && attributes.getURI(i).contains("relationships")) {
							ids.add(attributes.getValue(i));
							relationshipOf.put(String.valueOf(attributes.getValue("id")), attributes.getValue(i));
						}
					}
				}
			}

			@Override
			public void endElement(String uri, String local, String name) {
				if (local.equals("section") && !uri.contains("presentationml")) {
					section = null;
				}
			}
		});
		Map<String, String> byId = parts.relationships(presentation, SLIDE);
		if (ids.isEmpty()) {
			// no list of slides: take them as the package relates them
			return new Deck(List.copyOf(byId.values()), Map.of());
		}
		Map<String, String> sectionOf = new LinkedHashMap<>();
		relationshipOf.forEach((number, relationship) -> {
			String slide = byId.get(relationship);
			String section = sectionOfId.get(number);
			if (slide != null && section != null && !section.isEmpty()) {
				sectionOf.put(slide, section);
			}
		});
		return new Deck(ids.stream().map(byId::get).filter(Objects::nonNull).toList(), sectionOf);
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

	/** @param section the heading of the section this slide opens, or null */
	private static void writeSlide(Part slide, String titleTag, String section, XHTMLContentHandler xhtml)
			throws SAXException {
		xhtml.startElement("div", "class", "slide-content");
		if (section != null && !section.isEmpty()) {
			xhtml.element("h2", section);
		}
		List<Shape> shapes = slide.shapes;
		if (!slide.title().isEmpty()) {
			xhtml.element(titleTag, slide.title());
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

		/** Whether the slide shows a title and no other text, table or graphic. */
		boolean titleOnly() {
			return diagrams.isEmpty() && shapes.stream()
				.allMatch(s -> s.isTitle() || s.isFooter() || s.table == null && s.text().isEmpty());
		}

		/** The text of the slide's title placeholder, "" without one. */
		String title() {
			return shapes.stream().filter(Shape::isTitle).map(Shape::text).filter(t -> !t.isEmpty()).findFirst().orElse("");
		}
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
			if (skipping > 0 || local.equals("Fallback") || local.equals("fld") && isFurniture(attributes.getValue("type"))) {
				// a slide number or date field shows the page's number or today's date ("‹#›" until it is drawn)
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

		private static boolean isFurniture(String field) {
			return field != null && (field.equals("slidenum") || field.startsWith("datetime"));
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
