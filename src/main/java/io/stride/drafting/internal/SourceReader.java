package io.stride.drafting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.stride.drafting.SourceFile;
import io.stride.drafting.SourceRejected;
import io.stride.shared.ControlCharacters;
import io.stride.shared.Markdown;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.sax.ToXMLContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads one source into text and structure, or refuses it with a reason that names the file. Office files go
 * through Apache Tika and PDFs through PDFBox ({@link PdfLayout}), in a worker thread, a few at a time
 * ({@link ParseSlots}), within a time limit and, for office files, only after their ZIP container was found to unpack
 * within bounds ({@link Unpacking}); the others are read directly.
 */
@Component
public class SourceReader {

	private static final Set<String> TIKA_TYPES = Set.of("pdf", "docx", "pptx");

	private static final String SUPPORTED = "Stride reads PDF, DOCX, PPTX, HTML, Markdown, TXT, VTT and SRT files.";

	/** Archives inside archives are walked this deep; an office file's embedded document is one level. */
	private static final int MAX_NESTING = 2;

	private static final Logger log = LoggerFactory.getLogger(SourceReader.class);

	private final long maxBytes;

	private final int maxPages;

	private final int maxChars;

	private final long timeoutSeconds;

	private final Unpacking.Limits unpacking;

	private final ParseSlots slots;

	private final ExecutorService parsing = Executors.newVirtualThreadPerTaskExecutor();

	/** Thread-safe, and costly to set up (it loads every parser Tika has), so one for all reads. */
	private final AutoDetectParser parser = new AutoDetectParser();

	/** With the default unpacking limits and parse slots; for reading outside the application. */
	public SourceReader(long maxBytes, int maxPages, int maxChars, long timeoutSeconds) {
		this(maxBytes, maxPages, maxChars, timeoutSeconds, 100, 64L << 20, 256L << 20, 5000, new ParseSlots(2, 10, 8));
	}

	@Autowired
	public SourceReader(@Value("${stride.drafting.max-file-bytes:20971520}") long maxBytes,
			@Value("${stride.drafting.max-pages:300}") int maxPages,
			@Value("${stride.drafting.max-characters:200000}") int maxChars,
			@Value("${stride.drafting.parse-timeout-seconds:30}") long timeoutSeconds,
			@Value("${stride.drafting.max-unpack-ratio:100}") double maxUnpackRatio,
			@Value("${stride.drafting.max-unpacked-part-bytes:67108864}") long maxUnpackedPartBytes,
			@Value("${stride.drafting.max-unpacked-bytes:268435456}") long maxUnpackedBytes,
			@Value("${stride.drafting.max-parts:5000}") int maxParts, ParseSlots slots) {
		this.maxBytes = maxBytes;
		this.maxPages = maxPages;
		this.maxChars = maxChars;
		this.timeoutSeconds = timeoutSeconds;
		this.unpacking = new Unpacking.Limits(maxUnpackRatio, maxUnpackedPartBytes, maxUnpackedBytes, maxParts, MAX_NESTING);
		this.slots = slots;
		// POI's own guard, for whatever it opens itself: the same limits, so it never lets through what we refuse
		ZipSecureFile.setMinInflateRatio(1 / maxUnpackRatio);
		ZipSecureFile.setMaxEntrySize(maxUnpackedPartBytes);
		ZipSecureFile.setMaxFileCount(maxParts);
		// Tika's own guard compares the text that comes out with the bytes that went in
		AutoDetectParserConfig tikaLimits = new AutoDetectParserConfig();
		tikaLimits.setMaximumCompressionRatio((long) maxUnpackRatio);
		tikaLimits.setMaximumPackageEntryDepth(MAX_NESTING);
		parser.setAutoDetectParserConfig(tikaLimits);
	}

	public int maxChars() {
		return maxChars;
	}

	/** Refuses a file by its size alone, so that an upload can be refused before its bytes are read. */
	public void checkSize(String name, long bytes) {
		if (bytes > maxBytes) {
			throw new SourceRejected(413, name,
					"is larger than " + (maxBytes / (1024 * 1024)) + " MB. Split it or remove images, then try again.");
		}
	}

	public ExtractedSource read(SourceFile file) {
		String name = file.name();
		checkSize(name, file.content().length);
		if (file.content().length == 0) {
			throw new SourceRejected(422, name, "is empty.");
		}
		String type = extension(name);
		ExtractedSource source = switch (type) {
			case "pdf" -> pdf(file);
			case "docx", "pptx" -> tika(file, type);
			case "html", "htm" -> inSlot(name, () -> html(name, text(file)));
			case "md", "markdown" -> inSlot(name, () -> markdown(name, text(file)));
			case "txt", "text" -> inSlot(name, () -> PlainText.read(name, text(file)));
			case "vtt", "srt" -> inSlot(name, () -> Transcripts.read(name, text(file)));
			default -> throw new SourceRejected(415, name,
					(type.isEmpty() ? "has no file type" : "is a ." + type + " file") + ". " + SUPPORTED);
		};
		if (source.text().isBlank()) {
			if (type.equals("pdf") && source.pages() > 0) {
				throw new SourceRejected(422, name, "has " + source.pages() + " page" + (source.pages() == 1 ? "" : "s")
						+ " but no text: it looks scanned (images only). Export it with text, or paste the text.");
			}
			throw new SourceRejected(422, name, "contains no text.");
		}
		if (source.text().length() > maxChars) {
			throw new SourceRejected(422, name, "has " + source.text().length() + " characters of text; the limit is "
					+ maxChars + ". Split it into smaller parts.");
		}
		return source;
	}

	/** A WebVTT transcript made here from a recording, named after the recording it came from. */
	public ExtractedSource readTranscript(String name, String vtt) {
		ExtractedSource source = inSlot(name, () -> Transcripts.read(name, vtt));
		if (source.text().isBlank()) {
			throw new SourceRejected(422, name, "has no words in its transcript.");
		}
		if (source.text().length() > maxChars) {
			throw new SourceRejected(422, name, "has " + source.text().length() + " characters of transcript; the limit is "
					+ maxChars + ". Split the recording into shorter parts.");
		}
		return source;
	}

	/** Pasted text: Markdown if it looks like Markdown, plain text otherwise. */
	public ExtractedSource readText(String text) {
		if (text.length() > maxChars) {
			throw new SourceRejected(422, "text", "has " + text.length() + " characters; the limit is " + maxChars + ".");
		}
		boolean markdownish = text.lines().anyMatch(line -> line.matches("^#{1,6}\\s.*|^\\|.*\\|\\s*$|.*\\*\\*[^*]+\\*\\*.*"));
		return markdownish ? markdown("text", text) : PlainText.read("text", text);
	}

	/** Text formats are read on the caller's thread, but they take a parse slot all the same: 20 MB of HTML is work. */
	private ExtractedSource inSlot(String name, Supplier<ExtractedSource> reading) {
		ParseSlots.Slot slot = slots.take(name);
		try {
			return reading.get();
		}
		finally {
			slot.release();
		}
	}

	private ExtractedSource tika(SourceFile file, String type) {
		Parsed result = inWorker(file, type, () -> parse(file, type));
		Document document = Jsoup.parse(ControlCharacters.strip(result.xhtml()));
		int pages = HtmlBlocks.count(document.body(), type.equals("pptx") ? "slide-content" : "page");
		if (pages > maxPages) {
			throw new SourceRejected(422, file.name(), "has " + pages + " pages; the limit is " + maxPages + ".");
		}
		BlockCollector out = new BlockCollector();
		HtmlBlocks.collect(document.body(), out, switch (type) {
			case "pdf" -> HtmlBlocks.Locators.PAGE;
			case "pptx" -> HtmlBlocks.Locators.SLIDE;
			default -> HtmlBlocks.Locators.WORD;
		}, result.wordLevels());
		return out.build(file.name(), pages).withMetadata(Map.of(ExtractedSource.TITLE,
				DocumentTitles.fromProperties(document.select("meta[name=dc:title]").attr("content"))));
	}

	/**
	 * A PDF is read with PDFBox directly, for the type sizes and weights Tika's text leaves out, in a worker like the
	 * other office formats: see {@link PdfLayout}.
	 */
	private ExtractedSource pdf(SourceFile file) {
		return inWorker(file, "pdf", () -> layOut(file));
	}

	private ExtractedSource layOut(SourceFile file) throws IOException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
		requireType(file, "pdf");
		// past this, PDFBox keeps what it buffers in a temporary file instead of the heap
		MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(unpacking.maxEntryBytes());
		try (PDDocument document = Loader.loadPDF(file.content(), "", null, null, memory.streamCache)) {
			int pages = document.getNumberOfPages();
			if (pages > maxPages) {
				throw new SourceRejected(422, file.name(), "has " + pages + " pages; the limit is " + maxPages + ".");
			}
			// no OCR engine is installed; a scanned PDF comes back without text and is reported as such
			return PdfLayout.read(file.name(), document, deadline, maxChars * 4);
		}
	}

	/**
	 * Runs a parse in a worker thread, holding a parse slot, and waits for it within the time budget; a parse that
	 * overruns is told to stop.
	 */
	private <T> T inWorker(SourceFile file, String type, Callable<T> work) {
		ParseSlots.Slot slot = slots.take(file.name());
		CompletableFuture<T> parsed = new CompletableFuture<>();
		AtomicReference<Thread> worker = new AtomicReference<>();
		try {
			// The slot is given back when the parse really stops, not when the caller stops waiting for it; and the
			// task always runs (a Future cancelled before it starts would never run its finally), if only to give
			// the slot back.
			parsing.execute(() -> {
				worker.set(Thread.currentThread());
				try {
					if (!parsed.isDone()) {
						parsed.complete(work.call());
					}
				}
				catch (Throwable e) {
					parsed.completeExceptionally(e);
				}
				finally {
					slot.release();
				}
			});
		}
		catch (RuntimeException e) {
			slot.release();
			throw e;
		}
		try {
			return parsed.get(timeoutSeconds, TimeUnit.SECONDS);
		}
		catch (TimeoutException e) {
			stop(parsed, worker);
			throw tookTooLong(file.name());
		}
		catch (InterruptedException e) {
			stop(parsed, worker);
			Thread.currentThread().interrupt();
			throw new SourceRejected(422, file.name(), "could not be read: interrupted.");
		}
		catch (ExecutionException e) {
			throw rejected(file.name(), type, e.getCause());
		}
	}

	/** Stops a parse that has not started yet, and interrupts one under way (which {@link Deadline} notices). */
	private static void stop(CompletableFuture<?> parsed, AtomicReference<Thread> worker) {
		parsed.cancel(true);
		Thread running = worker.get();
		if (running != null) {
			running.interrupt();
		}
	}

	/**
	 * Checks the container, then parses only if the content is what the name says, within the time budget, with the
	 * streaming (SAX) Office extractors and without descending into embedded documents.
	 */
	/** What a parse gives: the XHTML, and for a Word document the list levels of its numbered paragraphs. */
	private record Parsed(String xhtml, WordLevels wordLevels) {
	}

	private Parsed parse(SourceFile file, String type) throws IOException, SAXException, TikaException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
		if (Unpacking.looksZipped(file.content())) {
			Unpacking.check(file.name(), file.content(), unpacking);
		}
		requireType(file, type);
		Metadata metadata = new Metadata();
		ParseContext context = new ParseContext();
		context.set(EmbeddedDocumentExtractor.class, NO_EMBEDDED_DOCUMENTS);
		OfficeParserConfig office = new OfficeParserConfig();
		office.setUseSAXDocxExtractor(true);
		office.setUseSAXPptxExtractor(true);
		// Tika writes a Word document's running header and footer as its first and last paragraphs, unmarked
		office.setIncludeHeadersAndFooters(false);
		context.set(OfficeParserConfig.class, office);
		ToXMLContentHandler xml = new ToXMLContentHandler();
		ContentHandler bounded = new Deadline(new WriteOutContentHandler(xml, maxChars * 4), deadline);
		if (type.equals("pptx")) {
			// slides are read from their own XML, to keep titles, bullet levels, notes and the deck's order
			Slides.read(file.content(), bounded, context);
			return new Parsed(xml.toString(), WordLevels.NONE);
		}
		try (TikaInputStream in = TikaInputStream.get(file.content())) {
			parser.parse(in, bounded, metadata, context);
		}
		// Tika writes every bullet alike, so a bulleted list's nesting is read from the document's XML
		return new Parsed(xml.toString(), type.equals("docx") ? WordLevels.read(file.content(), context) : WordLevels.NONE);
	}

	/** Refuses a file whose content is not what its name says. */
	private void requireType(SourceFile file, String type) throws IOException {
		String contentType;
		try (TikaInputStream in = TikaInputStream.get(file.content())) {
			contentType = parser.getDetector().detect(in, new Metadata()).toString();
		}
		if (!contentType.contains(expectedType(type))) {
			throw new SourceRejected(422, file.name(), "is not a real ." + type + " file (it looks like " + contentType
					+ "). Save it again as " + type.toUpperCase(Locale.ROOT) + ".");
		}
	}

	/** Embedded files (a spreadsheet in a document, a zip in a slide) are not drafted from, so never parsed. */
	private static final EmbeddedDocumentExtractor NO_EMBEDDED_DOCUMENTS = new EmbeddedDocumentExtractor() {

		@Override
		public boolean shouldParseEmbedded(Metadata metadata) {
			return false;
		}

		@Override
		public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata,
				boolean outputHtml) {
		}
	};

	private SourceRejected tookTooLong(String name) {
		return new SourceRejected(422, name, "took too long to read (more than " + timeoutSeconds
				+ " seconds). Split it into smaller files, or save it again, then try again.");
	}

	RuntimeException rejected(String name, String type, Throwable cause) {
		if (cause instanceof SourceRejected rejected) {
			return rejected;
		}
		for (Throwable c = cause; c != null; c = c.getCause()) {
			if (c instanceof OutOfMemoryError) {
				// not the file's fault as far as anyone can tell, and worth an operator's attention
				log.error("Ran out of memory while reading \"{}\"; refused it as a server problem", name, c);
				return new SourceRejected(503, name, "was not read: the server is short of memory right now. "
						+ "Nothing was saved; try again in a minute.", 60);
			}
			if (c instanceof Deadline.OutOfTime) {
				return tookTooLong(name);
			}
		}
		if (WriteLimitReachedException.isWriteLimitReached(cause)) {
			return new SourceRejected(422, name, "has more text than Stride drafts from at once. Split it into smaller parts.");
		}
		if (cause instanceof EncryptedDocumentException || cause instanceof InvalidPasswordException || String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("encrypt")) {
			return new SourceRejected(422, name, "is password-protected. Remove the password, then upload it again.");
		}
		if (cause instanceof TikaException || cause instanceof IOException || cause instanceof SAXException) {
			return new SourceRejected(422, name, "could not be read: the " + type.toUpperCase(Locale.ROOT)
					+ " file is damaged or not what its name says.");
		}
		// kept as the cause, for the log and for the fuzz tests, which tell a library's failure from Stride's own
		SourceRejected unexpected = new SourceRejected(422, name, "could not be read (" + cause.getClass().getSimpleName() + ").");
		unexpected.initCause(cause);
		return unexpected;
	}

	private static String expectedType(String type) {
		return switch (type) {
			case "pdf" -> "application/pdf";
			case "docx" -> "wordprocessingml";
			case "pptx" -> "presentationml";
			default -> type;
		};
	}

	private ExtractedSource html(String name, String html) {
		Document document = Jsoup.parse(html);
		BlockCollector out = new BlockCollector();
		HtmlBlocks.collect(document.body(), out, HtmlBlocks.Locators.PARAGRAPH);
		return out.build(name, 0).withMetadata(Map.of(ExtractedSource.TITLE, DocumentTitles.fromHtmlTitle(document.title()),
				ExtractedSource.DESCRIPTION, document.select("meta[name=description]").attr("content")));
	}

	private ExtractedSource markdown(String name, String markdown) {
		PublishedMarkdown.Page page = PublishedMarkdown.read(markdown);
		// raw HTML inside Markdown is kept as text, never as markup
		String html = Markdown.toSafeHtmlKeepingImages(page.markdown());
		return html(name, "<body>" + html + "</body>").withMetadata(page.metadata());
	}

	/**
	 * A text file's text, without control characters: files carry form feeds and the odd NUL that nobody meant as
	 * text, and PostgreSQL could not keep the draft's sources with a NUL in them.
	 */
	private static String text(SourceFile file) {
		try {
			return ControlCharacters.strip(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file.content()))
				.toString());
		}
		catch (CharacterCodingException e) {
			return ControlCharacters.strip(new String(file.content(), StandardCharsets.ISO_8859_1));
		}
	}

	static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}
}
