package io.stride.drafting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.stride.drafting.internal.Block;
import io.stride.drafting.internal.ExtractedSource;
import io.stride.shared.Markdown;
import io.stride.support.OfficeFiles;
import org.junit.jupiter.api.Test;

import static io.stride.drafting.DraftingQualityTests.DRAFTING;
import static io.stride.drafting.DraftingQualityTests.READER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a slide deck becomes a course, as a reader of the deck would expect: the title slide names the course and its
 * subtitle is no module, each content slide is a module (or each PowerPoint section, its slides the lessons), no slide
 * is merged into another or lost, a slide with only speaker notes still teaches them, and slide numbers never become
 * text. Decks are made with Apache POI ({@link OfficeFiles}); sections are added to the deck's XML as PowerPoint
 * writes them.
 */
class DeckOutlineTests {

	private static OfficeFiles.Deck complaintsDeck() {
		return OfficeFiles.deck()
			.titleSlide("Handling Customer Complaints", "Training for the service desk team")
			.slide("Listening First", "Let the customer finish before you answer.", "Repeat the complaint in your own words.")
			.slide("Logging the Complaint", "Log every complaint in the ticket system within 1 hour.",
					"Give the customer the ticket number.")
			.slide("When to Escalate", "Escalate to the team lead when a refund is over 200 euros.",
					"Escalate at once when the customer mentions a lawyer.")
			.slide("Closing the Ticket", "Call the customer back within 2 working days.",
					"Close the ticket only when the customer agrees.");
	}

	@Test
	void theTitleSlideNamesTheCourseAndEachContentSlideIsAModuleOfItsOwn() {
		CourseDraft draft = draft("complaints.pptx", complaintsDeck().bytes());

		assertThat(draft.title()).isEqualTo("Handling Customer Complaints");
		assertThat(modules(draft)).containsExactly("Listening First", "Logging the Complaint", "When to Escalate",
				"Closing the Ticket");
		// the subtitle is the deck's cover: in no lesson, yet still in the text the draft cites from
		assertThat(lessonsMarkdown(draft)).doesNotContain("Training for the service desk team");
		assertThat(READER.read(new SourceFile("complaints.pptx", complaintsDeck().bytes())).text())
			.contains("Training for the service desk team");
		// each slide its own lesson, however short
		assertThat(draft.modules()).allSatisfy(m -> assertThat(m.lessons()).hasSize(1));
	}

	@Test
	void aSlideWithOnlySpeakerNotesIsStillAModuleTaughtFromItsNotes() {
		byte[] deck = complaintsDeck()
			.slide("What Customers Tell Us")
			.notes("Most complaints are about waiting. Customers who hear back within a day rarely complain twice.")
			.bytes();

		CourseDraft draft = draft("complaints.pptx", deck);

		assertThat(modules(draft)).endsWith("What Customers Tell Us");
		DraftModule notesOnly = draft.modules().get(draft.modules().size() - 1);
		assertThat(notesOnly.lessons()).singleElement().satisfies(lesson -> {
			assertThat(lesson.markdown()).contains("> **Speaker notes:** Most complaints are about waiting.");
			assertThat(lesson.citations()).isNotEmpty().allSatisfy(c -> assertThat(c.locator()).isEqualTo("slide 6 notes"));
		});
	}

	@Test
	void aDeckWithoutATitleSlideIsNamedByItsTitlePropertyNotByItsFirstSlide() {
		byte[] deck = OfficeFiles.deck()
			.titleProperty("Night Shift Handover")
			.slide("Before You Leave", "Write the handover note in the shift log.", "Lock the loading bay doors.")
			.slide("Open Issues", "List every open incident with its ticket number.", "Name who owns each issue.")
			.slide("Keys and Radios", "Hand the keys to the incoming supervisor.", "Put the radios on charge.")
			.bytes();

		CourseDraft draft = draft("handover.pptx", deck);

		assertThat(draft.title()).isEqualTo("Night Shift Handover");
		assertThat(modules(draft)).containsExactly("Before You Leave", "Open Issues", "Keys and Radios");
	}

	@Test
	void sectionsOfADeckAreItsModulesAndTheirSlidesTheLessonsNeverMerged() {
		byte[] deck = sectioned(complaintsDeck()
			.slide("Refund Limits", "Service desk staff refund up to 50 euros.", "Team leads refund up to 500 euros.")
			.bytes(), Map.of("Title", List.of(0), "Taking a Complaint", List.of(1, 2), "Resolving a Complaint", List.of(3, 4, 5)));

		CourseDraft draft = draft("complaints.pptx", deck);

		assertThat(draft.title()).isEqualTo("Handling Customer Complaints");
		assertThat(modules(draft)).containsExactly("Taking a Complaint", "Resolving a Complaint");
		assertThat(draft.modules().get(0).lessons()).extracting(DraftLesson::title)
			.containsExactly("Listening First", "Logging the Complaint");
		assertThat(draft.modules().get(1).lessons()).extracting(DraftLesson::title)
			.containsExactly("When to Escalate", "Closing the Ticket", "Refund Limits");
	}

	@Test
	void sectionHeaderSlidesAndLaterTitleSlidesHeadTheSlidesAfterThem() {
		byte[] deck = OfficeFiles.deck()
			.titleSlide("Handling Customer Complaints", "Training for the service desk team")
			.slide("Taking a Complaint")
			.slide("Listening First", "Let the customer finish before you answer.", "Repeat the complaint in your own words.")
			.slide("Logging the Complaint", "Log every complaint in the ticket system within 1 hour.",
					"Give the customer the ticket number.")
			.titleSlide("Resolving a Complaint", "Most complaints are resolved on the first call.")
			.slide("When to Escalate", "Escalate to the team lead when a refund is over 200 euros.",
					"Escalate at once when the customer mentions a lawyer.")
			.slide("Closing the Ticket", "Call the customer back within 2 working days.",
					"Close the ticket only when the customer agrees.")
			.bytes();

		CourseDraft draft = draft("complaints.pptx", deck);

		assertThat(draft.title()).isEqualTo("Handling Customer Complaints");
		assertThat(modules(draft)).containsExactly("Taking a Complaint", "Resolving a Complaint");
		// a later title slide opens a section too; its subtitle introduces the section
		assertThat(draft.modules()).flatExtracting(DraftModule::lessons).extracting(DraftLesson::title)
			.containsExactly("Listening First", "Logging the Complaint", "Resolving a Complaint", "When to Escalate",
					"Closing the Ticket");
	}

	@Test
	void aLongDeckKeepsEverySlideAsALessonUnderItsOwnTitle() {
		OfficeFiles.Deck deck = OfficeFiles.deck().titleSlide("Warehouse Safety Refresher", "For all shifts");
		List<String> titles = new ArrayList<>();
		for (int i = 1; i <= 14; i++) {
			String title = "Rule " + i + " of the Floor";
			titles.add(title);
			deck.slide(title, "Check item " + i + " before every shift starts on the floor.",
					"Report a fault with item " + i + " to the supervisor within 1 hour.");
		}

		CourseDraft draft = draft("safety.pptx", deck.bytes());

		assertThat(draft.title()).isEqualTo("Warehouse Safety Refresher");
		assertThat(draft.modules()).hasSizeLessThanOrEqualTo(8);
		assertThat(draft.modules().stream().flatMap(m -> m.lessons().stream()).map(DraftLesson::title).toList())
			.containsExactlyElementsOf(titles);
	}

	@Test
	void slideNumbersOfNotesPagesNeverBecomeTextAndDeckLessonsRenderBulletsAndNotes() throws IOException {
		String name = "phishing-awareness-briefing.pptx";
		byte[] deck = Files.readAllBytes(CorpusManifest.DIRECTORY.resolve(name));
		// the notes pages carry PowerPoint's slide-number field, shown as "‹#›" until it is drawn
		assertThat(zipText(deck, "ppt/notesSlides/notesSlide2.xml").replaceAll("<[^>]+>", "")).contains("‹#›");

		ExtractedSource source = READER.read(new SourceFile(name, deck));
		assertThat(source.text()).doesNotContain("‹#›", "<number>");
		assertThat(source.blocks()).noneSatisfy(b -> assertThat(b.text()).matches("\\d+"));

		CourseDraft draft = draft(name, deck);
		DraftLesson lesson = draft.modules().get(0).lessons().get(0);
		String html = Markdown.toSafeHtml(lesson.markdown());
		assertThat(html.replaceAll("\\s+", " "))
			.contains("<li>Phishing is a message that pretends to come from someone you trust</li>")
			.containsPattern("<blockquote> ?<p><strong>Speaker notes:</strong> Start by asking");
		assertThat(html).doesNotContain("‹#›");
	}

	private static CourseDraft draft(String name, byte[] deck) {
		CourseDraft draft = DRAFTING.draft(List.of(new SourceFile(name, deck)), null);
		ExtractedSource source = READER.read(new SourceFile(name, deck));
		DraftingCorpusTests.assertWellFormed(draft, source);
		assertThat(source.blocks()).filteredOn(b -> b.is(Block.Kind.HEADING)).isNotEmpty();
		return draft;
	}

	private static List<String> modules(CourseDraft draft) {
		return draft.modules().stream().map(DraftModule::title).toList();
	}

	private static String lessonsMarkdown(CourseDraft draft) {
		return String.join("\n", draft.modules().stream().flatMap(m -> m.lessons().stream()).map(DraftLesson::markdown).toList());
	}

	/**
	 * The deck with PowerPoint sections (as "Add section" writes them into the presentation part's extension list),
	 * each named section holding the slides at these positions of the deck.
	 */
	private static byte[] sectioned(byte[] deck, Map<String, List<Integer>> sections) {
		String presentation = zipText(deck, "ppt/presentation.xml");
		List<String> ids = new ArrayList<>();
		Matcher slide = Pattern.compile("<p:sldId id=\"(\\d+)\"").matcher(presentation);
		while (slide.find()) {
			ids.add(slide.group(1));
		}
		StringBuilder list = new StringBuilder("<p:extLst><p:ext uri=\"{521415D9-36F7-43E2-AB2F-B90AF26B5E84}\">"
				+ "<p14:sectionLst xmlns:p14=\"http://schemas.microsoft.com/office/powerpoint/2010/main\">");
		Map<String, List<Integer>> ordered = new LinkedHashMap<>();
		sections.entrySet().stream().sorted(Map.Entry.comparingByValue((a, b) -> a.get(0) - b.get(0)))
			.forEach(e -> ordered.put(e.getKey(), e.getValue()));
		int n = 0;
		for (Map.Entry<String, List<Integer>> section : ordered.entrySet()) {
			list.append("<p14:section name=\"").append(section.getKey()).append("\" id=\"{00000000-0000-0000-0000-00000000000")
				.append(n++).append("}\"><p14:sldIdLst>");
			section.getValue().forEach(i -> list.append("<p14:sldId id=\"").append(ids.get(i)).append("\"/>"));
			list.append("</p14:sldIdLst></p14:section>");
		}
		list.append("</p14:sectionLst></p:ext></p:extLst>");
		String changed = presentation.replace("</p:presentation>", list + "</p:presentation>");
		return replaced(deck, "ppt/presentation.xml", changed);
	}

	private static String zipText(byte[] zip, String name) {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.getName().equals(name)) {
					return new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
			throw new IllegalArgumentException(name);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static byte[] replaced(byte[] zip, String name, String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(entry.getName().equals(name) ? text.getBytes(StandardCharsets.UTF_8) : in.readAllBytes());
				out.closeEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}
}
