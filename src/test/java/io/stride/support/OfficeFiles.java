package io.stride.support;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.sl.usermodel.AutoNumberingScheme;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Real DOCX and PPTX files for tests, written with Apache POI the way Word and PowerPoint write them: headings with
 * heading styles, lists with numbering definitions (bullets in the Symbol and Wingdings fonts, "1." / "a)" / "i."
 * numbers), tables with a header row, slides with titles, indented bullets, tables and speaker notes.
 */
public final class OfficeFiles {

	private OfficeFiles() {
	}

	public static Word word() {
		return new Word();
	}

	public static Deck deck() {
		return new Deck();
	}

	/** A Word document, written paragraph by paragraph. */
	public static final class Word {

		private final XWPFDocument document = new XWPFDocument();

		private final BigInteger bullets;

		private final BigInteger numbers;

		private BigInteger currentNumbers;

		Word() {
			XWPFStyles styles = document.createStyles();
			for (int level = 1; level <= 3; level++) {
				style(styles, "Heading" + level, "heading " + level);
			}
			style(styles, "ListParagraph", "List Paragraph");
			style(styles, "ListBullet", "List Bullet");
			style(styles, "ListBullet2", "List Bullet 2");
			style(styles, "ListNumber", "List Number");
			XWPFNumbering numbering = document.createNumbering();
			// Word's own bullet definition: Symbol's private-use dot, Courier New's "o", Wingdings' square
			bullets = numbering.addNum(numbering.addAbstractNum(abstractNum(1, new String[][] {
					{ "\uF0B7", "Symbol" }, { "o", "Courier New" }, { "\uF0A7", "Wingdings" } }, STNumberFormat.BULLET,
					STNumberFormat.BULLET, STNumberFormat.BULLET)));
			numbers = numbering.addAbstractNum(abstractNum(2, new String[][] { { "%1.", null }, { "%2)", null },
					{ "%3.", null } }, STNumberFormat.DECIMAL, STNumberFormat.LOWER_LETTER, STNumberFormat.LOWER_ROMAN));
			this.numbering = numbering;
		}

		private final XWPFNumbering numbering;

		public Word heading(int level, String text) {
			XWPFParagraph paragraph = document.createParagraph();
			paragraph.setStyle("Heading" + level);
			paragraph.createRun().setText(text);
			currentNumbers = null;
			return this;
		}

		public Word paragraph(String text) {
			document.createParagraph().createRun().setText(text);
			currentNumbers = null;
			return this;
		}

		/**
		 * A paragraph in one of Word's list styles ("List Bullet", "List Bullet 2", "List Number"), which number it
		 * through the style rather than the paragraph.
		 */
		public Word styled(String styleId, String text) {
			XWPFParagraph paragraph = document.createParagraph();
			paragraph.setStyle(styleId);
			paragraph.createRun().setText(text);
			currentNumbers = null;
			return this;
		}

		/** The running header and footer on every page. */
		public Word headerAndFooter(String header, String footer) {
			document.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(header);
			document.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(footer);
			return this;
		}

		/** A bulleted list paragraph at a level (0 is the outermost). */
		public Word bullet(int level, String text) {
			listParagraph(bullets, level, text);
			return this;
		}

		/** A numbered list paragraph at a level; a run of steps shares one numbering instance, as in Word. */
		public Word step(int level, String text) {
			if (currentNumbers == null) {
				currentNumbers = numbering.addNum(numbers);
			}
			listParagraph(currentNumbers, level, text);
			return this;
		}

		/** A table whose first row is marked to repeat as the header row, in bold. */
		public Word table(List<String> header, List<List<String>> rows) {
			XWPFTable table = document.createTable(rows.size() + 1, header.size());
			fill(table.getRow(0), header, true);
			table.getRow(0).setRepeatHeader(true);
			for (int r = 0; r < rows.size(); r++) {
				fill(table.getRow(r + 1), rows.get(r), false);
			}
			currentNumbers = null;
			return this;
		}

		public byte[] bytes() {
			try (document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
				document.write(out);
				return out.toByteArray();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		private void listParagraph(BigInteger numId, int level, String text) {
			XWPFParagraph paragraph = document.createParagraph();
			paragraph.setStyle("ListParagraph");
			paragraph.setNumID(numId);
			paragraph.setNumILvl(BigInteger.valueOf(level));
			paragraph.createRun().setText(text);
		}

		private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
			for (int c = 0; c < cells.size(); c++) {
				XWPFParagraph paragraph = row.getCell(c).getParagraphs().get(0);
				XWPFRun run = paragraph.createRun();
				if (bold) {
					run.setBold(true);
				}
				run.setText(cells.get(c));
			}
		}

		private static void style(XWPFStyles styles, String id, String name) {
			CTStyle style = CTStyle.Factory.newInstance();
			style.setStyleId(id);
			style.setType(STStyleType.PARAGRAPH);
			style.addNewName().setVal(name);
			styles.addStyle(new XWPFStyle(style));
		}

		private static XWPFAbstractNum abstractNum(int id, String[][] texts, STNumberFormat.Enum... formats) {
			CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
			abstractNum.setAbstractNumId(BigInteger.valueOf(id));
			for (int level = 0; level < formats.length; level++) {
				CTLvl lvl = abstractNum.addNewLvl();
				lvl.setIlvl(BigInteger.valueOf(level));
				lvl.addNewStart().setVal(BigInteger.ONE);
				lvl.addNewNumFmt().setVal(formats[level]);
				lvl.addNewLvlText().setVal(texts[level][0]);
				lvl.addNewPPr().addNewInd().setLeft(BigInteger.valueOf(720L * (level + 1)));
				if (texts[level][1] != null) {
					CTFonts fonts = lvl.addNewRPr().addNewRFonts();
					fonts.setAscii(texts[level][1]);
					fonts.setHAnsi(texts[level][1]);
				}
			}
			return new XWPFAbstractNum(abstractNum);
		}
	}

	/** A PowerPoint deck, written slide by slide. */
	public static final class Deck {

		private final XMLSlideShow deck = new XMLSlideShow();

		private XSLFSlide slide;

		/** The deck's title slide: a centred title and a subtitle. */
		public Deck titleSlide(String title, String subtitle) {
			slide = deck.createSlide(deck.getSlideMasters().get(0).getLayout(SlideLayout.TITLE));
			slide.getPlaceholder(0).setText(title);
			slide.getPlaceholder(1).setText(subtitle);
			return this;
		}

		/** The deck's title property (File > Info > Title in PowerPoint). */
		public Deck titleProperty(String title) {
			deck.getProperties().getCoreProperties().setTitle(title);
			return this;
		}

		/** Hides the current slide, as "Hide slide" in PowerPoint does. */
		public Deck hidden() {
			slide.getXmlObject().setShow(false);
			return this;
		}

		/** Moves the current slide to a position in the deck (0 is first), as dragging it in PowerPoint does. */
		public Deck movedTo(int position) {
			deck.setSlideOrder(slide, position);
			return this;
		}

		/**
		 * A slide with a title and a bulleted body; a bullet given as "\t\ttext" sits two levels in, and a null title
		 * leaves the title placeholder with the prompt text POI copies from the layout ("Click to edit Master...").
		 */
		public Deck slide(String title, String... bullets) {
			slide = deck.createSlide(deck.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_AND_CONTENT));
			XSLFTextShape titleShape = slide.getPlaceholder(0);
			if (title != null) {
				titleShape.setText(title);
			}
			XSLFTextShape body = slide.getPlaceholder(1);
			body.clearText();
			if (bullets.length == 0) {
				slide.removeShape(body);
			}
			for (String bullet : bullets) {
				int level = 0;
				while (level < bullet.length() && bullet.charAt(level) == '\t') {
					level++;
				}
				XSLFTextParagraph paragraph = body.addNewTextParagraph();
				paragraph.setIndentLevel(level);
				paragraph.addNewTextRun().setText(bullet.substring(level));
			}
			return this;
		}

		/** A slide with a title and numbered steps ("1.", "2." as PowerPoint's automatic numbering). */
		public Deck steps(String title, String... steps) {
			slide(title, steps);
			XSLFTextShape body = slide.getPlaceholder(1);
			body.getTextParagraphs().forEach(p -> p.setBulletAutoNumber(AutoNumberingScheme.arabicPeriod, 1));
			return this;
		}

		/** A table on the current slide, its first row the header. */
		public Deck table(List<String> header, List<List<String>> rows) {
			XSLFTable table = slide.createTable();
			table.setAnchor(new Rectangle2D.Double(50, 300, 600, 150));
			row(table.addRow(), header, true);
			rows.forEach(cells -> row(table.addRow(), cells, false));
			return this;
		}

		/** Speaker notes for the current slide. */
		public Deck notes(String text) {
			XSLFNotes notes = deck.getNotesSlide(slide);
			for (XSLFShape shape : notes.getShapes()) {
				if (shape instanceof XSLFTextShape textShape && textShape.getTextType() == Placeholder.BODY) {
					textShape.setText(text);
				}
			}
			return this;
		}

		/** The footer, date and slide number, as PowerPoint writes them when "Header and footer" is switched on. */
		public Deck footer(String footer, String date, int number) {
			text(Placeholder.FOOTER, footer);
			text(Placeholder.DATETIME, date);
			text(Placeholder.SLIDE_NUMBER, String.valueOf(number));
			return this;
		}

		private void text(Placeholder placeholder, String text) {
			XSLFTextShape box = slide.createTextBox();
			box.setPlaceholder(placeholder);
			box.setText(text);
		}

		public byte[] bytes() {
			try (deck; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
				deck.write(out);
				return out.toByteArray();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		private static void row(XSLFTableRow row, List<String> cells, boolean bold) {
			for (String text : cells) {
				var cell = row.addCell();
				cell.setText(text);
				if (bold) {
					cell.getTextParagraphs().get(0).getTextRuns().forEach(run -> run.setBold(true));
				}
			}
		}
	}
}
