package io.stride.drafting.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stride.drafting.SourceRejected;
import io.stride.shared.ControlCharacters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The lines of a PDF's pages as PDFBox finds them, in the order they are drawn, each with what a reader sees of it:
 * where it stands, how large its type is and which of its words are bold. Only the page content is read: the outline
 * (bookmarks), annotations and attachments never become lines. Reading stops between pages, and every so many
 * characters, once the time budget is spent or the thread is interrupted.
 */
final class PdfLines extends PDFTextStripper {

	/** One word as drawn. */
	record Word(String text, boolean bold) {
	}

	/**
	 * One line of a page.
	 * @param size the type size most of its characters have, in points, to the half point
	 * @param boldShare how much of its text is bold, 0 to 1
	 * @param x where it starts, from the left edge
	 * @param right where it ends
	 * @param baseline how far down the page it stands
	 */
	record Line(int page, List<Word> words, float size, float boldShare, float x, float right, float baseline,
			float pageHeight) {

		String text() {
			StringBuilder text = new StringBuilder();
			for (Word word : words) {
				if (!text.isEmpty()) {
					text.append(' ');
				}
				text.append(word.text());
			}
			return text.toString();
		}

		boolean allBold() {
			return boldShare >= 0.9f;
		}
	}

	private static final int CHECK_EVERY = 512;

	private final String name;

	private final long deadlineNanos;

	private final int maxChars;

	private final List<Line> lines = new ArrayList<>();

	private final List<Word> words = new ArrayList<>();

	/** For each word: its size, left, right, baseline and its page's height. */
	private final List<float[]> metrics = new ArrayList<>();

	private final Map<PDFont, Boolean> boldFonts = new IdentityHashMap<>();

	private int chars;

	private int sinceCheck;

	private int page;

	private boolean expired;

	private PdfLines(String name, long deadlineNanos, int maxChars) {
		this.name = name;
		this.deadlineNanos = deadlineNanos;
		this.maxChars = maxChars;
		// finding overlapping duplicates (fake bold drawn twice) costs more than all the rest; Tika skips it too
		setSuppressDuplicateOverlappingText(false);
	}

	/**
	 * @param maxChars how much text is read before the file is refused as having too much of it
	 */
	static List<Line> of(String name, PDDocument document, long deadlineNanos, int maxChars) throws IOException {
		PdfLines reader = new PdfLines(name, deadlineNanos, maxChars);
		reader.writeText(document, Writer.nullWriter());
		return reader.lines;
	}

	@Override
	protected void startPage(PDPage pdPage) throws IOException {
		check();
		page = getCurrentPageNo();
		super.startPage(pdPage);
	}

	@Override
	protected void processTextPosition(TextPosition text) {
		if (++sinceCheck >= CHECK_EVERY) {
			sinceCheck = 0;
			// this callback may not throw a checked exception; the next line (or page) stops the read
			expired |= outOfTime();
		}
		super.processTextPosition(text);
	}

	@Override
	protected void writeString(String text, List<TextPosition> textPositions) throws IOException {
		String clean = ControlCharacters.strip(text).replace('\u00a0', ' ').strip();
		if (clean.isEmpty() || textPositions.isEmpty()) {
			return;
		}
		// a word is set in one font and size nearly always, so its first character speaks for it
		TextPosition first = textPositions.get(0);
		TextPosition last = textPositions.get(textPositions.size() - 1);
		words.add(new Word(clean, bold(first.getFont())));
		metrics.add(new float[] { Math.round(Math.abs(first.getYScale()) * 2) / 2f, first.getXDirAdj(),
				last.getXDirAdj() + last.getWidthDirAdj(), first.getYDirAdj(), first.getPageHeight() });
		chars += clean.length() + 1;
		if (chars > maxChars) {
			throw new SourceRejected(422, name, "has more text than Stride drafts from at once. Split it into smaller parts.");
		}
	}

	@Override
	protected void writeLineSeparator() throws IOException {
		endLine();
	}

	@Override
	protected void writeParagraphStart() throws IOException {
		endLine();
	}

	@Override
	protected void writeParagraphEnd() throws IOException {
		endLine();
	}

	@Override
	protected void writePageEnd() throws IOException {
		endLine();
	}

	@Override
	protected void endPage(PDPage pdPage) throws IOException {
		endLine();
		super.endPage(pdPage);
	}

	private void endLine() throws IOException {
		if (words.isEmpty()) {
			return;
		}
		check();
		Map<Float, Integer> sizes = new HashMap<>();
		int bold = 0;
		int all = 0;
		float x = Float.MAX_VALUE;
		float right = -Float.MAX_VALUE;
		double baseline = 0;
		for (int i = 0; i < words.size(); i++) {
			int length = words.get(i).text().length();
			float[] m = metrics.get(i);
			sizes.merge(m[0], length, Integer::sum);
			bold += words.get(i).bold() ? length : 0;
			all += length;
			x = Math.min(x, m[1]);
			right = Math.max(right, m[2]);
			baseline += m[3] * length;
		}
		float size = sizes.entrySet()
			.stream()
			.max(Map.Entry.<Float, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.orElseThrow()
			.getKey();
		lines.add(new Line(page, List.copyOf(words), size, (float) bold / all, x, right, (float) (baseline / all),
				metrics.get(0)[4]));
		words.clear();
		metrics.clear();
	}

	private boolean bold(PDFont font) {
		if (font == null) {
			return false;
		}
		return boldFonts.computeIfAbsent(font, f -> {
			String fontName = String.valueOf(f.getName()).toLowerCase(Locale.ROOT);
			if (fontName.contains("bold") || fontName.contains("black") || fontName.contains("heavy")
					|| fontName.contains("semibold") || fontName.contains("demi")) {
				return true;
			}
			PDFontDescriptor descriptor = f.getFontDescriptor();
			return descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600);
		});
	}

	private boolean outOfTime() {
		return System.nanoTime() - deadlineNanos > 0 || Thread.currentThread().isInterrupted();
	}

	private void check() throws IOException {
		if (expired || outOfTime()) {
			throw new IOException("The read ran past its time budget", new Deadline.OutOfTime());
		}
	}
}
