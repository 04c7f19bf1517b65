package io.stride.drafting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.stride.drafting.internal.Block;
import io.stride.drafting.internal.ExtractedSource;
import io.stride.drafting.internal.ParseSlots;
import io.stride.drafting.internal.SourceReader;
import io.stride.support.LaidOutPdf;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PDFs without structure tags, laid out like a word processor's export, read the way a person sees them: the title
 * and sections from the type, paragraphs whole, the page furniture gone.
 */
class PdfReadingTests {

	private static final String[] SECTIONS = { "Who approves a refund", "Refunds above the limit", "Recording refunds" };

	static byte[] handbook() throws IOException {
		return new LaidOutPdf().header("Acme Customer Care Handbook, version 3")
			.footer("Internal use only")
			.title("Handling Refund Requests")
			.bookmark("Outline entry: where refunds start")
			.heading(SECTIONS[0])
			.paragraph("The account executive approves refunds up to EUR 500 within 30 days of purchase. The imple-",
					"mentation of the refund policy is checked every quarter by the finance team, who",
					"report any refund that broke the rules to the sales manager.")
			.paragraph("Customers can also use the Self-", "Service portal to ask for a refund at any time of day; the",
					"portal sends the request to the account executive of the customer.")
			.bullet("Confirm receipt of the request on the same day.")
			.bullet("Check the purchase date and the amount in the order", "system before you approve anything.")
			.paragraph("Never promise a refund before it is approved, even to a customer you know well.")
			.newPage()
			.heading(SECTIONS[1])
			.bookmark("Outline entry: the limit")
			.paragraph("Refunds above EUR 500 go to the sales manager for approval. The sales manager decides",
					"within 2 working days and records the reason for the decision in the ticket.",
					"A refund above EUR 5,000 also needs the approval of the finance director.")
			.paragraph("Until the decision is made, the account executive tells the customer that the request is",
					"being reviewed and when to expect an answer.")
			.newPage()
			.heading(SECTIONS[2])
			.paragraph("Record every refund in the CRM with the reason code and the approver. Finance pays approved",
					"refunds within 5 working days, and a monthly report lists all refunds above EUR 100.")
			.paragraph("The report goes to the head of customer care, who reviews repeated refunds to the same",
					"customer and asks the account executive for the story behind them.")
			.save();
	}

	@Test
	void anUntaggedPdfGivesItsTitleAndSectionsFromTheSizeOfItsType() throws IOException {
		ExtractedSource source = read("refunds.pdf", handbook());

		assertThat(source.pages()).isEqualTo(3);
		assertThat(source.blocks().get(0)).satisfies(title -> {
			assertThat(title.kind()).isEqualTo(Block.Kind.HEADING);
			assertThat(title.level()).isEqualTo(1);
			assertThat(title.text()).isEqualTo("Handling Refund Requests");
		});
		assertThat(headings(source, 2)).containsExactly(SECTIONS);
		assertThat(source.blocks()).filteredOn(b -> b.is(Block.Kind.HEADING)).hasSize(4);
		assertSpansAreExact(source);
	}

	@Test
	void runningHeadersFootersPageNumbersAndBookmarksNeverBecomeText() throws IOException {
		ExtractedSource source = read("refunds.pdf", handbook());

		assertThat(source.text()).doesNotContain("Acme Customer Care Handbook", "Internal use only", "Page 1", "of 3",
				"Outline entry");
		assertThat(source.blocks()).noneSatisfy(b -> assertThat(b.text()).matches("\\d+"));
		// the section text itself is all there
		assertThat(source.text()).contains("within 2 working days", "monthly report lists all refunds above EUR 100.");
	}

	@Test
	void lonePageNumbersAreDroppedHoweverTheyAreWritten() throws IOException {
		for (String format : List.of("%d", "- %d -", "Page %d of %d", "%d / %d")) {
			LaidOutPdf pdf = new LaidOutPdf().pageNumber(format).title("Desk hours");
			for (int page = 1; page <= 3; page++) {
				pdf.heading("Week " + page)
					.paragraph("The desk opens at 8 and closes at 18 on working days; on page " + page + " the rota",
							"names who answers the phone first.")
					.newPage();
			}
			ExtractedSource source = read("hours.pdf", pdf.save());
			assertThat(source.blocks()).as(format)
				.noneSatisfy(b -> assertThat(b.text()).matches("(Page )?-? ?\\d+( of \\d+| / \\d+)? ?-?"));
			assertThat(source.text()).as(format).contains("on page 2 the rota names who answers the phone first.");
		}
	}

	@Test
	void linesOfOneParagraphAreJoinedAndLineBreakHyphenationIsUndone() throws IOException {
		ExtractedSource source = read("refunds.pdf", handbook());

		assertThat(texts(source, Block.Kind.PARAGRAPH)).contains(
				"The account executive approves refunds up to EUR 500 within 30 days of purchase. The implementation "
						+ "of the refund policy is checked every quarter by the finance team, who report any refund that "
						+ "broke the rules to the sales manager.",
				"Customers can also use the Self-Service portal to ask for a refund at any time of day; the portal "
						+ "sends the request to the account executive of the customer.",
				"Never promise a refund before it is approved, even to a customer you know well.");
		assertThat(source.text()).doesNotContain("imple-", "imple mentation", "SelfService", "Self- Service");
	}

	@Test
	void aParagraphRunningOnToTheNextPageStaysOneParagraph() throws IOException {
		LaidOutPdf pdf = new LaidOutPdf().title("Desk rota");
		for (int i = 1; i <= 26; i++) {
			pdf.paragraph("Rule " + i + " of the rota is written here in one line.");
		}
		// its first line is the last on page 1
		pdf.paragraph("When the desk is closed on a public holiday, the person on call answers the",
				"hotline from home and logs every call in the ticket system before the next",
				"working day starts.");
		ExtractedSource source = read("rota.pdf", pdf.save());

		assertThat(source.pages()).isEqualTo(2);
		assertThat(source.blocks()).filteredOn(b -> b.text().startsWith("When the desk is closed"))
			.singleElement()
			.satisfies(b -> {
				assertThat(b.text()).endsWith("before the next working day starts.");
				assertThat(b.locator()).startsWith("page 1, ");
			});
		assertThat(source.text()).doesNotContain("Page 1 of 2");
	}

	@Test
	void numberedHeadingsSetLargeAreHeadingsNotListItems() throws IOException {
		byte[] pdf = new LaidOutPdf().title("Travel Expense Policy")
			.heading("1. Booking travel")
			.paragraph("Book flights and hotels through the travel desk at least 14 days ahead.")
			.heading("2. Claiming expenses")
			.paragraph("1. Claim expenses within 30 days of the trip.")
			.save();
		ExtractedSource source = read("travel.pdf", pdf);

		assertThat(headings(source, 2)).containsExactly("1. Booking travel", "2. Claiming expenses");
		assertThat(source.blocks()).filteredOn(b -> b.is(Block.Kind.LIST_ITEM))
			.singleElement()
			.satisfies(b -> {
				assertThat(b.text()).isEqualTo("Claim expenses within 30 days of the trip.");
				assertThat(b.ordered()).isTrue();
			});
	}

	@Test
	void bulletedLinesAreListItemsWithTheirHangingLines() throws IOException {
		ExtractedSource source = read("refunds.pdf", handbook());

		assertThat(texts(source, Block.Kind.LIST_ITEM)).containsExactly("Confirm receipt of the request on the same day.",
				"Check the purchase date and the amount in the order system before you approve anything.");
		assertThat(source.blocks()).filteredOn(b -> b.is(Block.Kind.LIST_ITEM)).allSatisfy(b -> assertThat(b.ordered()).isFalse());
		assertThat(source.text()).doesNotContain("\u2022");
	}

	@Test
	void everyBlockKeepsThePageItStandsOn() throws IOException {
		ExtractedSource source = read("refunds.pdf", handbook());

		assertThat(locatorOf(source, SECTIONS[0])).startsWith("page 1, ");
		assertThat(locatorOf(source, SECTIONS[1])).startsWith("page 2, ");
		assertThat(locatorOf(source, SECTIONS[2])).startsWith("page 3, ");
		assertThat(source.blocks()).filteredOn(b -> b.text().startsWith("Record every refund"))
			.singleElement()
			.satisfies(b -> assertThat(b.locator()).startsWith("page 3, "));
	}

	@Test
	void theDocumentsOwnTitleNamesItWhenNoTextOnPageOneStandsOut() throws IOException {
		byte[] pdf = new LaidOutPdf().metadataTitle("Travel Expense Policy")
			.heading("Booking travel")
			.paragraph("Book flights and hotels through the travel desk at least 14 days ahead.")
			.heading("Claiming expenses")
			.paragraph("Claim expenses within 30 days of the trip, with a receipt for every item above EUR 25.")
			.save();
		ExtractedSource source = read("travel.pdf", pdf);

		assertThat(headings(source, 1)).containsExactly("Travel Expense Policy");
		assertThat(headings(source, 2)).containsExactly("Booking travel", "Claiming expenses");
		assertSpansAreExact(source);
	}

	@Test
	void largerTypeOnALaterPageDoesNotTakeTheTitleFromPageOne() throws IOException {
		byte[] pdf = new LaidOutPdf().title("Travel Expense Policy")
			.heading("Booking travel")
			.paragraph("Book flights and hotels through the travel desk at least 14 days ahead.")
			.newPage()
			.line(28, true, "Part two")
			.heading("Claiming expenses")
			.paragraph("Claim expenses within 30 days of the trip, with a receipt for every item above EUR 25.")
			.save();
		ExtractedSource source = read("travel.pdf", pdf);

		assertThat(headings(source, 1)).containsExactly("Travel Expense Policy");
		assertThat(headings(source, 2)).containsExactly("Part two");
		assertThat(headings(source, 3)).containsExactly("Booking travel", "Claiming expenses");
	}

	@Test
	void boldLinesOfBodySizeStandingAloneAreHeadingsButABoldLeadInIsNot() throws IOException {
		byte[] pdf = new LaidOutPdf().line(11, true, "Booking travel")
			.paragraph("Book flights and hotels through the travel desk at least 14 days ahead.")
			.line(11, true, "Claiming expenses")
			.paragraph("Claim expenses within 30 days of the trip, with a receipt for every item above EUR 25.")
			.line(11, true, "Receipts are kept for ten years by the finance team.")
			.save();
		ExtractedSource source = read("travel.pdf", pdf);

		assertThat(headings(source, 1)).containsExactly("Booking travel", "Claiming expenses");
		assertThat(source.blocks()).filteredOn(b -> b.text().startsWith("Receipts are kept"))
			.singleElement()
			.satisfies(b -> {
				assertThat(b.kind()).isEqualTo(Block.Kind.PARAGRAPH);
				assertThat(b.bold()).containsExactly("Receipts are kept for ten years by the finance team");
				assertThat(b.markdown()).isEqualTo("**Receipts are kept for ten years by the finance team.**");
			});
	}

	@Test
	void aProgramsPlaceholderTitleIsNotTakenForTheTitle() throws IOException {
		for (String placeholder : List.of("Microsoft Word - travel-policy.docx", "Untitled", "travel")) {
			byte[] pdf = new LaidOutPdf().metadataTitle(placeholder)
				.heading("Booking travel")
				.paragraph("Book flights and hotels through the travel desk at least 14 days ahead.")
				.heading("Claiming expenses")
				.paragraph("Claim expenses within 30 days of the trip, with a receipt for every item above EUR 25.")
				.save();
			ExtractedSource source = read("travel.pdf", pdf);

			assertThat(source.blocks()).as(placeholder).noneSatisfy(b -> assertThat(b.text()).isEqualTo(placeholder));
			assertThat(headings(source, 1)).as(placeholder).containsExactly("Booking travel", "Claiming expenses");
		}
	}

	@Test
	void aDraftFromAnUntaggedPdfIsNamedByItsTitleWithItsSectionsAsModules() throws IOException {
		CourseDraft draft = DraftingQualityTests.DRAFTING.draft(List.of(new SourceFile("refunds.pdf", handbook())), null);

		assertThat(draft.title()).isEqualTo("Handling Refund Requests");
		assertThat(draft.modules()).extracting(DraftModule::title).containsExactly(SECTIONS);
		assertThat(draft.allQuestions()).allSatisfy(q -> {
			assertThat(q.prompt()).doesNotContain("Acme Customer Care Handbook", "Page ");
			assertThat(q.citation().source()).isEqualTo("refunds.pdf");
		});
	}

	/**
	 * Exported by LibreOffice Writer 7.4 from incident-reporting.fodt (beside it): no structure tags, a bookmark for
	 * each heading, a header and a "Page N of M" footer on every page, a placeholder title in its metadata, and two
	 * words hyphenated at a line's end.
	 */
	@Test
	void aLibreOfficeExportReadsLikeTheDocumentItWasMadeFrom() throws IOException {
		byte[] pdf;
		try (var in = PdfReadingTests.class.getResourceAsStream("/pdf/incident-reporting.pdf")) {
			pdf = in.readAllBytes();
		}
		ExtractedSource source = read("incident-reporting.pdf", pdf);

		assertThat(headings(source, 1)).containsExactly("Reporting Security Incidents");
		assertThat(headings(source, 2)).containsExactly("Recognising an incident", "Reporting within one hour", "After the report");
		assertThat(source.text()).doesNotContain("Acme Ltd", "Security Handbook", "Page 2 of 4", "Microsoft Word", "\u00ad")
			.contains("do not delete suspicious messages", "A summary of all incidents goes to the leadership team",
					"through the Self-Service portal");
		assertThat(texts(source, Block.Kind.LIST_ITEM)).hasSize(9).contains("Call the Security Hotline on extension 7777.");
		assertThat(texts(source, Block.Kind.PARAGRAPH)).hasSize(8);
		assertSpansAreExact(source);

		CourseDraft draft = DraftingQualityTests.DRAFTING.draft(List.of(new SourceFile("incident-reporting.pdf", pdf)), null);
		assertThat(draft.title()).isEqualTo("Reporting Security Incidents");
		// the opening paragraph, before the first section, is a module of its own
		assertThat(draft.modules()).extracting(DraftModule::title)
			.containsExactly("Introduction", "Recognising an incident", "Reporting within one hour", "After the report");
	}

	@Test
	void theLimitsOnPagesTextAndTimeStillHold() throws IOException, InterruptedException {
		byte[] handbook = handbook();
		assertRefused(new SourceReader(20 << 20, 2, 600_000, 30), "refunds.pdf", handbook,
				"\"refunds.pdf\" has 3 pages; the limit is 2.");
		assertRefused(new SourceReader(20 << 20, 300, 200, 30), "refunds.pdf", handbook,
				"\"refunds.pdf\" has more text than Stride drafts from at once");
		assertRefused(new SourceReader(20 << 20, 300, 600, 30), "refunds.pdf", handbook,
				"characters of text; the limit is 600.");
		assertRefused(DraftingQualityTests.READER, "broken.pdf", "%PDF-1.7 garbage".getBytes(StandardCharsets.UTF_8),
				"\"broken.pdf\" could not be read: the PDF file is damaged or not what its name says.");

		ParseSlots slots = new ParseSlots(1, 10, 8);
		SourceReader impatient = new SourceReader(20 << 20, 300, 600_000, 0, 100, 64L << 20, 256L << 20, 5000, slots);
		assertRefused(impatient, "handbook.pdf", thirtyPages(), "\"handbook.pdf\" took too long to read");
		for (int i = 0; i < 1_000 && slots.free() == 0; i++) {
			Thread.sleep(10);
		}
		assertThat(slots.free()).as("the slot, once the read stopped").isEqualTo(1);
	}

	private static void assertRefused(SourceReader reader, String name, byte[] content, String message) {
		assertThatThrownBy(() -> reader.read(new SourceFile(name, content)))
			.isInstanceOfSatisfying(SourceRejected.class, refused -> {
				assertThat(refused.status()).isEqualTo(422);
				assertThat(refused.getMessage()).contains(message);
			});
	}

	static ExtractedSource read(String name, byte[] pdf) {
		return DraftingQualityTests.READER.read(new SourceFile(name, pdf));
	}

	private static List<String> headings(ExtractedSource source, int level) {
		return source.blocks().stream().filter(b -> b.is(Block.Kind.HEADING) && b.level() == level).map(Block::text).toList();
	}

	private static List<String> texts(ExtractedSource source, Block.Kind kind) {
		return source.blocks().stream().filter(b -> b.is(kind)).map(Block::text).toList();
	}

	private static String locatorOf(ExtractedSource source, String text) {
		return source.blocks().stream().filter(b -> b.text().equals(text)).findFirst().orElseThrow().locator();
	}

	static void assertSpansAreExact(ExtractedSource source) {
		assertThat(source.blocks()).isNotEmpty()
			.allSatisfy(b -> assertThat(source.text().substring(b.start(), b.end())).isEqualTo(b.text()));
	}

	static byte[] thirtyPages() throws IOException {
		LaidOutPdf pdf = new LaidOutPdf().header("Acme Customer Care Handbook").footer("Internal use only")
			.title("Customer Care Handbook");
		String[] words = ("customers refunds approval manager request within days report escalation hotline record "
				+ "order system finance account executive decision review team policy ticket priority response")
			.split(" ");
		int w = 0;
		for (int section = 1; pdf.pages() < 30 || section < 4; section++) {
			pdf.heading("Section " + section + " of the handbook");
			for (int paragraph = 0; paragraph < 4; paragraph++) {
				String[] lines = new String[5];
				for (int l = 0; l < lines.length; l++) {
					StringBuilder line = new StringBuilder("The");
					while (line.length() < 85) {
						line.append(' ').append(words[w++ % words.length]);
					}
					lines[l] = line + (l == lines.length - 1 ? "." : "");
				}
				pdf.paragraph(lines);
			}
		}
		return pdf.save();
	}
}
