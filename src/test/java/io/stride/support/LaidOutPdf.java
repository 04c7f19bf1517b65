package io.stride.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * A PDF laid out the way a word processor exports one without structure tags: a bold 20 pt title, bold 14 pt section
 * headings, 11 pt body lines placed exactly as given (so a test decides where a line breaks and what is hyphenated),
 * and, added once every page is written, a running header and a "Page N of M" footer on each page.
 */
public final class LaidOutPdf {

	private static final float TOP = 720;

	private static final float BOTTOM = 90;

	private final PDDocument document = new PDDocument();

	private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private final PDDocumentOutline outline = new PDDocumentOutline();

	private final List<PDPage> pages = new ArrayList<>();

	private PDPageContentStream content;

	private float y;

	private String header;

	private String footerLeft;

	private String metadataTitle;

	private String pageNumber = "Page %d of %d";

	public LaidOutPdf() throws IOException {
		newPage();
	}

	public LaidOutPdf header(String text) {
		this.header = text;
		return this;
	}

	public LaidOutPdf footer(String text) {
		this.footerLeft = text;
		return this;
	}

	/** How the footer numbers a page: a format given the page number and the number of pages. */
	public LaidOutPdf pageNumber(String format) {
		this.pageNumber = format;
		return this;
	}

	public LaidOutPdf metadataTitle(String title) {
		this.metadataTitle = title;
		return this;
	}

	public LaidOutPdf title(String text) throws IOException {
		room(40);
		line(bold, 20, 60, text);
		y -= 34;
		return this;
	}

	public LaidOutPdf heading(String text) throws IOException {
		room(60);
		y -= 8;
		line(bold, 14, 60, text);
		y -= 24;
		return this;
	}

	/** A line of its own in any size, bold or not. */
	public LaidOutPdf line(float size, boolean bold, String text) throws IOException {
		room(size * 2);
		line(bold ? this.bold : regular, size, 60, text);
		y -= size * 1.8f;
		return this;
	}

	/** A bookmark in the outline (the sidebar of a PDF viewer), pointing at the current page. */
	public LaidOutPdf bookmark(String title) {
		PDOutlineItem item = new PDOutlineItem();
		item.setTitle(title);
		PDPageFitDestination destination = new PDPageFitDestination();
		destination.setPage(pages.get(pages.size() - 1));
		item.setDestination(destination);
		outline.addLast(item);
		return this;
	}

	/** One paragraph, one entry a line: 14 pt apart, with 8 pt more after the paragraph. */
	public LaidOutPdf paragraph(String... lines) throws IOException {
		for (String text : lines) {
			room(14);
			line(regular, 11, 60, text);
			y -= 14;
		}
		y -= 8;
		return this;
	}

	/** A bulleted item; further lines hang under its text. */
	public LaidOutPdf bullet(String... lines) throws IOException {
		room(14);
		line(regular, 11, 66, "\u2022");
		for (String text : lines) {
			room(14);
			line(regular, 11, 78, text);
			y -= 14;
		}
		y -= 4;
		return this;
	}

	public LaidOutPdf newPage() throws IOException {
		if (content != null) {
			content.close();
		}
		PDPage page = new PDPage();
		document.addPage(page);
		pages.add(page);
		content = new PDPageContentStream(document, page);
		y = TOP;
		return this;
	}

	public int pages() {
		return pages.size();
	}

	public byte[] save() throws IOException {
		content.close();
		for (int i = 0; i < pages.size(); i++) {
			try (PDPageContentStream margin = new PDPageContentStream(document, pages.get(i),
					PDPageContentStream.AppendMode.APPEND, true)) {
				if (header != null) {
					text(margin, regular, 9, 60, 760, header);
				}
				if (footerLeft != null) {
					text(margin, regular, 9, 60, 40, footerLeft);
				}
				text(margin, regular, 9, footerLeft == null ? 300 : 480, 40, pageNumber.formatted(i + 1, pages.size()));
			}
		}
		if (outline.hasChildren()) {
			document.getDocumentCatalog().setDocumentOutline(outline);
		}
		if (metadataTitle != null) {
			document.getDocumentInformation().setTitle(metadataTitle);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out);
		document.close();
		return out.toByteArray();
	}

	private void room(float needed) throws IOException {
		if (y - needed < BOTTOM) {
			newPage();
		}
	}

	private void line(PDType1Font font, float size, float x, String text) throws IOException {
		text(content, font, size, x, y, text);
	}

	private static void text(PDPageContentStream stream, PDType1Font font, float size, float x, float y, String text)
			throws IOException {
		stream.beginText();
		stream.setFont(font, size);
		stream.newLineAtOffset(x, y);
		stream.showText(text);
		stream.endText();
	}
}
