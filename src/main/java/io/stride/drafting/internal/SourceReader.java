package io.stride.drafting.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.stride.drafting.SourceFile;
import io.stride.drafting.SourceRejected;
import io.stride.shared.Markdown;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.ToXMLContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads one source into text and structure, or refuses it with a reason that names the file. Office and PDF
 * files go through Apache Tika in a worker thread with a time limit; the others are read directly.
 */
@Component
public class SourceReader {

	private static final Set<String> TIKA_TYPES = Set.of("pdf", "docx", "pptx");

	private static final String SUPPORTED = "Stride reads PDF, DOCX, PPTX, HTML, Markdown, TXT, VTT and SRT files.";

	private final long maxBytes;

	private final int maxPages;

	private final int maxChars;

	private final long timeoutSeconds;

	private final ExecutorService parsing = Executors.newVirtualThreadPerTaskExecutor();

	public SourceReader(@Value("${stride.drafting.max-file-bytes:20971520}") long maxBytes,
			@Value("${stride.drafting.max-pages:300}") int maxPages,
			@Value("${stride.drafting.max-characters:200000}") int maxChars,
			@Value("${stride.drafting.parse-timeout-seconds:30}") long timeoutSeconds) {
		this.maxBytes = maxBytes;
		this.maxPages = maxPages;
		this.maxChars = maxChars;
		this.timeoutSeconds = timeoutSeconds;
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
			case "pdf", "docx", "pptx" -> tika(file, type);
			case "html", "htm" -> html(name, text(file));
			case "md", "markdown" -> markdown(name, text(file));
			case "txt", "text" -> PlainText.read(name, text(file));
			case "vtt", "srt" -> Transcripts.read(name, text(file));
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

	/** Pasted text: Markdown if it looks like Markdown, plain text otherwise. */
	public ExtractedSource readText(String text) {
		if (text.length() > maxChars) {
			throw new SourceRejected(422, "text", "has " + text.length() + " characters; the limit is " + maxChars + ".");
		}
		boolean markdownish = text.lines().anyMatch(line -> line.matches("^#{1,6}\\s.*|^\\|.*\\|\\s*$|.*\\*\\*[^*]+\\*\\*.*"));
		return markdownish ? markdown("text", text) : PlainText.read("text", text);
	}

	private ExtractedSource tika(SourceFile file, String type) {
		Future<String> parsed = parsing.submit(() -> {
			AutoDetectParser parser = new AutoDetectParser();
			ToXMLContentHandler xml = new ToXMLContentHandler();
			Metadata metadata = new Metadata();
			try (var in = new ByteArrayInputStream(file.content())) {
				parser.parse(in, new WriteOutContentHandler(xml, maxChars * 4), metadata, new ParseContext());
			}
			String contentType = String.valueOf(metadata.get(Metadata.CONTENT_TYPE));
			if (!contentType.contains(expectedType(type))) {
				throw new SourceRejected(422, file.name(), "is not a real ." + type + " file (it looks like " + contentType
						+ "). Save it again as " + type.toUpperCase(Locale.ROOT) + ".");
			}
			return xml.toString();
		});
		String xhtml;
		try {
			xhtml = parsed.get(timeoutSeconds, TimeUnit.SECONDS);
		}
		catch (TimeoutException e) {
			parsed.cancel(true);
			throw new SourceRejected(422, file.name(), "took longer than " + timeoutSeconds + " seconds to read.");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new SourceRejected(422, file.name(), "could not be read: interrupted.");
		}
		catch (ExecutionException e) {
			throw rejected(file.name(), type, e.getCause());
		}
		Document document = Jsoup.parse(xhtml);
		int pages = HtmlBlocks.count(document.body(), type.equals("pptx") ? "slide-content" : "page");
		if (pages > maxPages) {
			throw new SourceRejected(422, file.name(), "has " + pages + " pages; the limit is " + maxPages + ".");
		}
		BlockCollector out = new BlockCollector();
		HtmlBlocks.collect(document.body(), out, switch (type) {
			case "pdf" -> HtmlBlocks.Locators.PAGE;
			case "pptx" -> HtmlBlocks.Locators.SLIDE;
			default -> HtmlBlocks.Locators.PARAGRAPH;
		});
		return out.build(file.name(), pages);
	}

	private static RuntimeException rejected(String name, String type, Throwable cause) {
		if (cause instanceof SourceRejected rejected) {
			return rejected;
		}
		if (org.apache.tika.exception.WriteLimitReachedException.isWriteLimitReached(cause)) {
			return new SourceRejected(422, name, "has more text than Stride drafts from at once. Split it into smaller parts.");
		}
		if (cause instanceof EncryptedDocumentException || String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("encrypt")) {
			return new SourceRejected(422, name, "is password-protected. Remove the password, then upload it again.");
		}
		if (cause instanceof TikaException || cause instanceof IOException || cause instanceof org.xml.sax.SAXException) {
			return new SourceRejected(422, name, "could not be read: the " + type.toUpperCase(Locale.ROOT)
					+ " file is damaged or not what its name says.");
		}
		return new SourceRejected(422, name, "could not be read (" + cause.getClass().getSimpleName() + ").");
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
		return out.build(name, 0);
	}

	private ExtractedSource markdown(String name, String markdown) {
		// raw HTML inside Markdown is kept as text, never as markup
		String html = Markdown.toSafeHtmlKeepingImages(markdown);
		return html(name, "<body>" + html + "</body>");
	}

	private static String text(SourceFile file) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(file.content()))
				.toString();
		}
		catch (CharacterCodingException e) {
			return new String(file.content(), StandardCharsets.ISO_8859_1);
		}
	}

	static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}
}
