package io.stride.drafting;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

import io.stride.drafting.internal.Block;
import io.stride.drafting.internal.ExtractedSource;
import io.stride.drafting.internal.SourceReader;
import io.stride.shared.Markdown;
import io.stride.support.OfficeFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Word documents and PowerPoint decks made here with Apache POI the way Word and PowerPoint write them (numbering
 * definitions, heading styles, header rows, indented bullets, speaker notes, footers), and two made with LibreOffice
 * (src/test/resources/office), read through {@link SourceReader} and drafted: lists stay lists, tables stay tables,
 * notes stay notes, and every block's span is exact.
 */
class OfficeReadingTests {

	private static final SourceReader READER = DraftingQualityTests.READER;

	static byte[] refundHandbook() {
		return OfficeFiles.word()
			.headerAndFooter("Acme Finance - internal", "Printed copies are uncontrolled")
			.heading(1, "Refund handbook")
			.paragraph("Refunds follow the rules below, whoever asks for them.")
			.bullet(0, "Receipts are kept for 10 years.")
			.bullet(1, "Scanned receipts count as originals.")
			.bullet(2, "A scan must show the whole receipt.")
			.bullet(0, "Refunds over EUR 500 need a second approver.")
			.heading(2, "Approving a refund")
			.paragraph("The account executive approves a refund in four steps.")
			.step(0, "Check that the receipt is complete.")
			.step(1, "Check the date on the receipt.")
			.step(2, "Compare the date with the order date.")
			.step(0, "Enter the refund in the ledger within 2 working days.")
			.heading(2, "Who approves")
			.table(List.of("Amount", "Approver"),
					List.of(List.of("Up to EUR 500", "Account executive"), List.of("Over EUR 500", "Finance lead")))
			.paragraph("Finance leads answer within 5 working days.")
			.bytes();
	}

	static byte[] incidentDeck() {
		return OfficeFiles.deck()
			.titleSlide("Reporting security incidents", "Acme security team, 2026")
			.slide("Why report quickly", "Attackers move fast.", "\tThey reach other systems in under 2 hours.",
					"\t\tRansomware spreads within minutes.", "Early reports limit the damage.")
			.notes("Tell the story of the 2019 breach here. It took three days before anyone reported it.")
			.footer("Acme confidential", "12/06/2026", 2)
			.slide("Who to call", "Call the Security Hotline on extension 7777.")
			.table(List.of("Severity", "Call within"), List.of(List.of("High", "1 hour"), List.of("Low", "1 working day")))
			.notes("The hotline number is printed on every badge.")
			.footer("Acme confidential", "12/06/2026", 3)
			.slide(null, "Never switch off a compromised laptop.", "Keep it connected to power.")
			.slide("Click to add title", "Write down what you saw and when.")
			.steps("After the call", "Write down the ticket number.", "Stay near the device.", "Wait for the Incident Handler.")
			.bytes();
	}

	@Test
	void wordListParagraphsBecomeListItemsWithoutTheirBulletsOrNumbers() {
		ExtractedSource source = read("refunds.docx", refundHandbook());

		assertThat(source.blocks()).filteredOn(b -> b.is(Block.Kind.LIST_ITEM))
			.extracting(Block::text, Block::ordered, Block::level)
			.containsExactly(tuple("Receipts are kept for 10 years.", false, 0),
					tuple("Scanned receipts count as originals.", false, 1),
					tuple("A scan must show the whole receipt.", false, 2),
					tuple("Refunds over EUR 500 need a second approver.", false, 0),
					tuple("Check that the receipt is complete.", true, 0), tuple("Check the date on the receipt.", true, 1),
					tuple("Compare the date with the order date.", true, 2),
					tuple("Enter the refund in the ledger within 2 working days.", true, 0));
		assertThat(source.text()).doesNotContain("·", "1. Check", "a) Check", "i. Compare");
		assertThat(source.blocks()).allSatisfy(b -> assertThat(b.markdown()).doesNotStartWith("·"));
		assertSpansExact(source);
	}

	@Test
	void wordHeadingsAndTablesKeepTheirStructureAndRunningHeadersAreLeftOut() {
		ExtractedSource source = read("refunds.docx", refundHandbook());

		assertThat(source.blocks()).filteredOn(b -> b.is(Block.Kind.HEADING))
			.extracting(Block::text, Block::level)
			.containsExactly(tuple("Refund handbook", 1), tuple("Approving a refund", 2), tuple("Who approves", 2));
		assertThat(source.blocks()).filteredOn(b -> b.is(Block.Kind.TABLE_ROW))
			.extracting(Block::cells, Block::level)
			.containsExactly(tuple(List.of("Amount", "Approver"), 1), tuple(List.of("Up to EUR 500", "Account executive"), 0),
					tuple(List.of("Over EUR 500", "Finance lead"), 0));
		assertThat(source.blocks()).filteredOn(b -> b.is(Block.Kind.PARAGRAPH))
			.extracting(Block::text)
			.containsExactly("Refunds follow the rules below, whoever asks for them.",
					"The account executive approves a refund in four steps.", "Finance leads answer within 5 working days.");
		// the running header and footer are no part of the text
		assertThat(source.text()).doesNotContain("Acme Finance - internal", "Printed copies are uncontrolled");
	}

	@Test
	void typedBulletsAndListStylesAreListItemsButSectionSignsInitialsAndDecimalsAreNot() {
		ExtractedSource source = read("typed.docx", OfficeFiles.word()
			.paragraph("Bring these on your first day:")
			.paragraph("• Your passport or identity card.")
			.paragraph("o Bring the original, not a copy.")
			.paragraph("\uF0B7 A signed copy of the contract.")
			.paragraph("§ 4 of the contract sets the notice period at 3 months.")
			.paragraph("A. Smith from payroll will meet you at the reception.")
			.paragraph("1.5 hours are set aside for the tour.")
			.paragraph("- Your tax number.")
			.styled("ListBullet", "Meet your buddy.")
			.styled("ListBullet2", "Your buddy shows you the canteen.")
			.styled("ListNumber", "Sign the safety briefing.")
			.bytes());

		assertThat(source.blocks()).extracting(Block::kind, Block::text)
			.containsExactly(tuple(Block.Kind.PARAGRAPH, "Bring these on your first day:"),
					tuple(Block.Kind.LIST_ITEM, "Your passport or identity card."),
					tuple(Block.Kind.LIST_ITEM, "Bring the original, not a copy."),
					tuple(Block.Kind.LIST_ITEM, "A signed copy of the contract."),
					tuple(Block.Kind.PARAGRAPH, "§ 4 of the contract sets the notice period at 3 months."),
					tuple(Block.Kind.PARAGRAPH, "A. Smith from payroll will meet you at the reception."),
					tuple(Block.Kind.PARAGRAPH, "1.5 hours are set aside for the tour."),
					tuple(Block.Kind.LIST_ITEM, "Your tax number."),
					tuple(Block.Kind.LIST_ITEM, "Meet your buddy."),
					tuple(Block.Kind.LIST_ITEM, "Your buddy shows you the canteen."),
					tuple(Block.Kind.LIST_ITEM, "Sign the safety briefing."));
		assertThat(source.blocks()).filteredOn(b -> b.is(Block.Kind.LIST_ITEM))
			.extracting(Block::level, Block::ordered)
			// Word's second bullet "o" under its first; back to the first bullet, back to the first level
			.containsExactly(tuple(0, false), tuple(1, false), tuple(0, false), tuple(0, false), tuple(0, false),
					tuple(1, false), tuple(0, true));
		assertSpansExact(source);
	}

	@Test
	void slidesKeepTheirTitlesBulletLevelsAndTables() {
		ExtractedSource source = read("incidents.pptx", incidentDeck());

		assertThat(source.pages()).isEqualTo(6);
		assertThat(source.blocks()).filteredOn(b -> b.is(Block.Kind.HEADING))
			.extracting(Block::text, Block::level, Block::locator)
			.containsExactly(tuple("Reporting security incidents", 1, "slide 1"), tuple("Why report quickly", 2, "slide 2"),
					tuple("Who to call", 2, "slide 3"), tuple("After the call", 2, "slide 6"));
		assertThat(source.blocks()).filteredOn(b -> b.locator().equals("slide 6") && b.is(Block.Kind.LIST_ITEM))
			.extracting(Block::text, Block::ordered)
			.containsExactly(tuple("Write down the ticket number.", true), tuple("Stay near the device.", true),
					tuple("Wait for the Incident Handler.", true));
		assertThat(source.blocks()).filteredOn(b -> b.locator().equals("slide 2") && b.is(Block.Kind.LIST_ITEM))
			.extracting(Block::text, Block::level)
			.containsExactly(tuple("Attackers move fast.", 0), tuple("They reach other systems in under 2 hours.", 1),
					tuple("Ransomware spreads within minutes.", 2), tuple("Early reports limit the damage.", 0));
		assertThat(source.blocks()).filteredOn(b -> b.is(Block.Kind.TABLE_ROW))
			.extracting(Block::cells, Block::level, Block::locator)
			.containsExactly(tuple(List.of("Severity", "Call within"), 1, "slide 3"), tuple(List.of("High", "1 hour"), 0, "slide 3"),
					tuple(List.of("Low", "1 working day"), 0, "slide 3"));
		assertSpansExact(source);
	}

	@Test
	void speakerNotesAreKeptAsNotesApartFromTheSlideText() {
		ExtractedSource source = read("incidents.pptx", incidentDeck());

		assertThat(source.blocks()).filteredOn(b -> b.is(Block.Kind.NOTE))
			.extracting(Block::text, Block::locator)
			.containsExactly(
					tuple("Tell the story of the 2019 breach here. It took three days before anyone reported it.", "slide 2 notes"),
					tuple("The hotline number is printed on every badge.", "slide 3 notes"));
		assertThat(source.blocks()).filteredOn(b -> !b.is(Block.Kind.NOTE))
			.allSatisfy(b -> assertThat(b.text()).doesNotContain("2019 breach", "printed on every badge"));
	}

	@Test
	void footersDatesSlideNumbersAndPlaceholderPromptsAreLeftOut() {
		ExtractedSource source = read("incidents.pptx", incidentDeck());

		assertThat(source.text()).doesNotContain("Acme confidential", "12/06/2026", "Click to", "Master title");
		assertThat(source.blocks()).noneSatisfy(b -> assertThat(b.text()).matches("\\d+|‹#›"));
		// the untitled slides still give their text
		assertThat(source.blocks()).filteredOn(b -> b.locator().equals("slide 4") || b.locator().equals("slide 5"))
			.extracting(Block::kind, Block::text)
			.containsExactly(tuple(Block.Kind.LIST_ITEM, "Never switch off a compromised laptop."),
					tuple(Block.Kind.LIST_ITEM, "Keep it connected to power."),
					tuple(Block.Kind.LIST_ITEM, "Write down what you saw and when."));
	}

	@Test
	void slidesAreReadInTheDecksOrderAndHiddenSlidesAreSkipped() {
		byte[] deck = OfficeFiles.deck()
			.slide("Second", "Shown second.")
			.slide("Third", "Shown third.")
			.slide("First", "Shown first.")
			.movedTo(0)
			.slide("Spare", "Kept in case someone asks.")
			.hidden()
			.slide("Fifth", "Shown fifth.")
			.bytes();

		assertThat(read("moved.pptx", deck).blocks()).filteredOn(b -> b.is(Block.Kind.HEADING))
			.extracting(Block::text, Block::locator)
			.containsExactly(tuple("First", "slide 1"), tuple("Second", "slide 2"), tuple("Third", "slide 3"),
					tuple("Fifth", "slide 5"));
	}

	@Test
	void draftedLessonsShowRealNestedListsTablesAndMarkedNotes() {
		CourseDraft word = DraftingQualityTests.DRAFTING.draft(List.of(new SourceFile("refunds.docx", refundHandbook())), null);
		String lessons = markdown(word);
		assertThat(lessons).contains("""
				- Receipts are kept for 10 years.
				  - Scanned receipts count as originals.
				    - A scan must show the whole receipt.
				- Refunds over EUR 500 need a second approver.""")
			.contains("""
					1. Check that the receipt is complete.
					   1. Check the date on the receipt.
					      1. Compare the date with the order date.
					2. Enter the refund in the ledger within 2 working days.""")
			.contains("""
					| Amount | Approver |
					|---|---|
					| Up to EUR 500 | Account executive |
					| Over EUR 500 | Finance lead |""");
		String html = Markdown.toSafeHtml(lessons);
		assertThat(html).contains("<table>", "<th>Amount</th>", "<ol>").doesNotContain("·");
		assertThat(html.replaceAll("\\s+", "")).contains("<ul><li>Receiptsarekeptfor10years.<ul><li>");

		CourseDraft slides = DraftingQualityTests.DRAFTING.draft(List.of(new SourceFile("incidents.pptx", incidentDeck())), null);
		assertThat(slides.title()).isEqualTo("Reporting security incidents");
		DraftLesson why = slides.modules().stream().flatMap(m -> m.lessons().stream())
			.filter(l -> l.markdown().contains("Attackers move fast."))
			.findFirst()
			.orElseThrow();
		assertThat(why.markdown()).contains("""
				- Attackers move fast.
				  - They reach other systems in under 2 hours.
				    - Ransomware spreads within minutes.
				- Early reports limit the damage.""")
			.contains("> **Speaker notes:** Tell the story of the 2019 breach here.");
		assertThat(why.citations()).anySatisfy(c -> {
			assertThat(c.locator()).isEqualTo("slide 2 notes");
			assertThat(c.text()).startsWith("Tell the story");
		});
		assertThat(markdown(slides)).contains("| Severity | Call within |\n|---|---|\n| High | 1 hour |")
			.contains("1. Write down the ticket number.\n2. Stay near the device.\n3. Wait for the Incident Handler.")
			.doesNotContain("Acme confidential");
		ExtractedSource source = read("incidents.pptx", incidentDeck());
		for (CourseDraft draft : List.of(slides)) {
			draft.modules().stream().flatMap(m -> m.lessons().stream()).flatMap(l -> l.citations().stream())
				.forEach(c -> assertThat(source.text().substring(c.start(), c.end())).isEqualTo(c.text()));
		}
	}

	@Test
	void libreOfficeMadeFilesReadLikeWordAndPowerPointOnes() throws IOException {
		ExtractedSource word = read("travel.docx", resource("travel-handbook-libreoffice.docx"));
		assertThat(word.blocks()).filteredOn(b -> b.is(Block.Kind.LIST_ITEM))
			.extracting(Block::text, Block::ordered, Block::level)
			.containsExactly(tuple("Book flights 14 days ahead.", false, 0),
					tuple("Economy class for trips under 6 hours.", false, 1), tuple("Exceptions need approval.", false, 2),
					tuple("Keep all receipts.", false, 0), tuple("Open the expense form.", true, 0),
					tuple("Attach the receipts.", true, 1), tuple("Submit within 30 days.", true, 0));
		assertThat(word.blocks()).filteredOn(b -> b.is(Block.Kind.TABLE_ROW))
			.extracting(Block::cells, Block::level)
			.containsExactly(tuple(List.of("Item", "Limit"), 1), tuple(List.of("Hotel", "EUR 150 a night"), 0),
					tuple(List.of("Meals", "EUR 40 a day"), 0));
		assertThat(word.text()).doesNotContain("·");
		assertSpansExact(word);

		ExtractedSource deck = read("incidents.pptx", resource("incident-deck-libreoffice.pptx"));
		assertThat(deck.blocks()).filteredOn(b -> b.is(Block.Kind.HEADING)).extracting(Block::text)
			.containsExactly("Reporting security incidents", "Why report quickly", "Who to call");
		assertThat(deck.blocks()).filteredOn(b -> b.locator().equals("slide 2") && b.is(Block.Kind.LIST_ITEM))
			.extracting(Block::level)
			.containsExactly(0, 1, 2, 0);
		assertThat(deck.blocks()).filteredOn(b -> b.is(Block.Kind.NOTE)).extracting(Block::locator)
			.containsExactly("slide 2 notes", "slide 3 notes");
		assertThat(deck.blocks()).filteredOn(b -> b.is(Block.Kind.TABLE_ROW)).hasSize(3);
		assertThat(deck.text()).doesNotContain("Acme confidential", "Click to");
		assertSpansExact(deck);
	}

	private static ExtractedSource read(String name, byte[] content) {
		return READER.read(new SourceFile(name, content));
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = OfficeReadingTests.class.getResourceAsStream("/office/" + name)) {
			return Objects.requireNonNull(in, name).readAllBytes();
		}
	}

	private static String markdown(CourseDraft draft) {
		return String.join("\n\n", draft.modules().stream().flatMap(m -> m.lessons().stream()).map(DraftLesson::markdown).toList());
	}

	private static void assertSpansExact(ExtractedSource source) {
		assertThat(source.blocks()).isNotEmpty().allSatisfy(b -> {
			assertThat(source.text().substring(b.start(), b.end())).isEqualTo(b.text());
			assertThat(b.text()).isNotBlank();
		});
	}
}
