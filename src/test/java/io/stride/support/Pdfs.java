package io.stride.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Real PDF files for tests, written with PDFBox: one page per list, one line per entry.
 */
public final class Pdfs {

	private Pdfs() {
	}

	public static byte[] pdf(List<List<String>> pages) throws IOException {
		try (PDDocument document = new PDDocument()) {
			for (List<String> lines : pages) {
				page(document, lines);
			}
			return save(document);
		}
	}

	public static void page(PDDocument document, List<String> paragraphs) throws IOException {
		PDPage page = new PDPage();
		document.addPage(page);
		try (PDPageContentStream content = new PDPageContentStream(document, page)) {
			content.beginText();
			content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
			content.setLeading(28);
			content.newLineAtOffset(60, 720);
			for (String paragraph : paragraphs) {
				content.showText(paragraph);
				content.newLine();
			}
			content.endText();
		}
	}

	public static byte[] save(PDDocument document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out);
		return out.toByteArray();
	}
}
