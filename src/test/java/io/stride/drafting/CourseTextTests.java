package io.stride.drafting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.stride.drafting.internal.Embedder;
import io.stride.drafting.internal.ExtractedSource;
import io.stride.drafting.internal.Objectives;
import io.stride.drafting.internal.OfflineEngine;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import static io.stride.drafting.DraftingQualityTests.DRAFTING;
import static io.stride.drafting.DraftingQualityTests.READER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course-level text of a draft, from documents written for these tests: the title is the document's name,
 * objectives are observable and taken from the text, the audience is named only when the document names it, the
 * summary and the glossary hold only what teaches, and a long lesson is condensed without rewording a sentence.
 */
class CourseTextTests {

	private static final String ESCALATIONS = """
			---
			title: "Handling a refund escalation"
			description: How the support desk takes a refund escalation from first call to closure.
			audience: Support agents and team leads
			weight: 20
			---

			## Taking the escalation

			An escalation is a refund case that a customer asks us to treat as urgent. The team lead on duty accepts every
			escalation within 30 minutes. See the rota for who is on duty, and {{ site.data.lead }} for the current lead.
			Ask {% if site.region %}the regional{% endif %} duty desk when in doubt.

			## Closing the case

			The team lead closes the case only after the customer confirms that the refund arrived. Within 5 working days
			of closing, the team lead writes a short review of what caused the escalation.
			""";

	@Test
	void frontMatterGivesTitleSummaryAndAudienceAndARemovedVariableLeavesNoHole() {
		CourseDraft draft = draft("escalations.md", ESCALATIONS);

		assertThat(draft.title()).isEqualTo("Handling a refund escalation");
		assertThat(draft.summary()).isEqualTo("How the support desk takes a refund escalation from first call to closure.");
		assertThat(draft.audience()).isEqualTo("Support agents and team leads");
		String lessons = lessonText(draft);
		assertThat(lessons).doesNotContain("for the current lead", "{{", "{%", "  ")
			.contains("Ask the regional duty desk when in doubt.", "accepts every escalation within 30 minutes");
	}

	@Test
	void theTitleIsTheFirstHeadingOrTheFilesOwnNeverAPhraseFromTheBody() throws IOException {
		assertThat(draft("returns.md", """
				# Returning faulty stock

				Warehouse staff check every returned parcel on the day it arrives. A damaged parcel is photographed before
				it is opened. The photographs are attached to the return in the stock system within one hour.
				""").title()).isEqualTo("Returning faulty stock");
		assertThat(draft("page.html", """
				<html><head><title>Cash handling at the till | Acme Intranet</title></head><body>
				<p>Count the float at the start of every shift and record the amount in the till log.</p>
				<p>Two people count the takings at closing time. Any difference above EUR 5 is reported to the store manager.</p>
				<p>Takings are locked in the safe within 15 minutes of closing.</p></body></html>
				""").title()).isEqualTo("Cash handling at the till");
		assertThat(draft("shift-handover_notes.txt", """
				The outgoing nurse hands over every patient at the bedside. Open medication questions are named first.
				The incoming nurse signs the handover sheet within 10 minutes of the end of the shift.
				""").title()).isEqualTo("Shift handover notes");
		assertThat(draft("team-sync.vtt", """
				WEBVTT

				00:00:01.000 --> 00:00:05.000
				<v Ana Ruiz>Every release goes out on a Tuesday, and the release notes are sent a day before.

				00:00:05.000 --> 00:00:09.000
				<v Ana Ruiz>If a release fails, roll it back within one hour and tell the on-call engineer.
				""").title()).isEqualTo("Notes from team sync");

		byte[] docx = docx("Stocktake procedure", "Count every shelf twice before you enter the figure.",
				"Report a difference of more than 2 items to the shift lead within one hour.",
				"The stock system locks the count at 18:00 on the last working day of the month.");
		assertThat(DRAFTING.draft(List.of(new SourceFile("stocktake.docx", docx)), null).title()).isEqualTo("Stocktake procedure");
		byte[] untitled = docx("Document1", "Count every shelf twice before you enter the figure.",
				"Report a difference of more than 2 items to the shift lead within one hour.",
				"The stock system locks the count at 18:00 on the last working day of the month.");
		assertThat(DRAFTING.draft(List.of(new SourceFile("monthly-stocktake.docx", untitled)), null).title())
			.isEqualTo("Monthly stocktake");
	}

	private static final String CLAIMS = """
			# Expense claims

			## How to submit a claim

			To submit a claim:

			1. Open the claims portal and create a new claim.
			2. Attach a photo of every receipt.
			3. Select the cost centre and project code.
			4. Send the claim to your manager for approval.

			## Deadlines

			You must submit every claim within 30 days of the purchase. Claims older than 90 days are rejected.
			The finance team pays approved claims on the 25th of each month.

			## Security incidents

			If you lose a corporate card, report it to the card hotline within one hour. Do not share your card PIN with
			anyone, even a colleague.

			## Terms

			- **Per diem** means a fixed daily allowance for meals while travelling, paid without receipts.
			- **Cost centre** means the budget that a claim is charged to.
			- Total budget: EUR 12,500 for the whole team.
			- Ask yourself: would a customer be happy to pay for this?

			Every claim is checked against the service level agreement (SLA) of the finance team.
			""";

	@Test
	void objectivesAreObservableAndTakenFromWhatTheModulesHold() {
		CourseDraft draft = draft("claims.md", CLAIMS);

		assertThat(draft.objectives()).hasSizeBetween(3, 5)
			.allSatisfy(o -> assertThat(Objectives.observable(o)).as(o).isTrue())
			.noneMatch(o -> o.contains("Describe the role of") || o.matches(".*[\"“”].*"))
			.contains("Sequence the four steps to submit a claim", "Submit every claim within 30 days of the purchase",
					"Report it to the card hotline within one hour if you lose a corporate card")
			.anyMatch(o -> o.startsWith("Define per diem") && o.contains("cost centre"));
	}

	@Test
	void theAudienceIsNamedOnlyWhenTheDocumentNamesIt() {
		CourseDraft unnamed = draft("claims.md", CLAIMS);
		assertThat(unnamed.audience()).isEmpty();
		// the course made from the draft says nothing about an audience either
		assertThat(io.stride.authoring.CourseFromDraft.content(unnamed).description()).isEqualTo(unnamed.summary());
		assertThat(io.stride.authoring.CourseFromDraft.content(draft("escalations.md", ESCALATIONS)).description())
			.endsWith("\n\nWho this course is for: Support agents and team leads.");
		assertThat(draft("guide.md", """
				# Your first week

				This guide is for new hires in the Lisbon office. Collect your badge from reception on your first morning.
				Your manager books a welcome lunch within your first 5 days.
				""").audience()).isEqualTo("New hires in the Lisbon office");
		assertThat(draft("forklift.md", """
				# Forklift safety

				Audience: warehouse staff who drive forklifts

				Check the brakes and the horn before every shift. Never carry a passenger on a forklift. Report damage to
				the shift lead within 15 minutes.
				""").audience()).isEqualTo("Warehouse staff who drive forklifts");
	}

	@Test
	void theSummarySkipsSentencesAboutTheDocumentListLeadInsAndQuestions() {
		CourseDraft draft = draft("returns-process.md", """
				# Returns

				This document describes how the returns desk handles a parcel sent back by a customer. In this guide you
				will find the steps and the people involved. Why does this matter to every member of the desk team?

				Every returned parcel is checked on the day it arrives at the returns desk. A damaged item is photographed
				before the parcel is fully unpacked and stored. The refund is issued within 5 working days of the check by
				the returns desk.

				A returned item is graded into one of the following:

				- resellable as new
				- resellable as refurbished
				- scrap
				""");

		assertThat(draft.summary()).contains("Every returned parcel is checked on the day it arrives at the returns desk.")
			.doesNotContain("This document", "In this guide", "?", "the following");
	}

	@Test
	void theGlossaryHoldsOnlyRealTermsAndAcronymsWithTheirExpansion() {
		CourseDraft draft = draft("claims.md", CLAIMS);

		assertThat(draft.glossary()).extracting(GlossaryEntry::term)
			.contains("Per diem", "Cost centre", "SLA")
			.doesNotContain("Total budget", "Ask yourself");
		assertThat(draft.glossary()).filteredOn(e -> e.term().equals("SLA")).singleElement()
			.satisfies(e -> assertThat(e.definition()).isEqualTo("Service level agreement"));
	}

	static final String LONG_LESSON = """
			# Visiting a customer site

			## At the site

			Sign in at the customer's reception before you start any work on site. Wear your Acme badge where the
			customer's staff can see it at all times. For example, clip it to your jacket rather than keeping it in a pocket.
			(Badges were introduced for every engineer after the site survey of the previous year.)
			Ask the customer's contact person to show you the equipment and the fault they reported. Note that some
			customers prefer to talk through the fault on the phone before you arrive at their building.
			Keep the work area tidy and leave the site as clean as you found it when you arrived this morning.
			For instance, take all packaging and old parts back to the van when you leave the site.
			Do not leave tools or parts unattended in areas where the public can reach them.
			Before you leave, walk the customer's contact person through what you did and what they should watch for.
			""";

	@Test
	void aLongLessonIsCondensedByLeavingOutWholeAsidesWhichStayAtHandWithTheirCitations() {
		ExtractedSource source = READER.readText(LONG_LESSON);
		OfflineEngine engine = new OfflineEngine(new Embedder());

		CourseDraft condensed = engine.draft(List.of(source), (step, stage) -> {
		}, 120);
		DraftLesson lesson = condensed.modules().get(0).lessons().get(0);

		assertThat(lesson.cut()).isNotEmpty().allSatisfy(cut -> {
			assertThat(source.text().substring(cut.citation().start(), cut.citation().end())).isEqualTo(cut.text());
			assertThat(lesson.markdown()).doesNotContain(cut.text());
		});
		assertThat(lesson.cut()).extracting(DraftLesson.CutPassage::text)
			.contains("For example, clip it to your jacket rather than keeping it in a pocket.")
			.doesNotContain("Do not leave tools or parts unattended in areas where the public can reach them.");
		// every sentence that stays is the author's, as written
		for (String paragraph : lesson.markdown().split("\n\n")) {
			for (String sentence : paragraph.replaceFirst("^> \\*\\*\\w+:\\*\\* ", "").split("(?<=[.!?)]) ")) {
				assertThat(source.text()).contains(sentence);
			}
		}
		assertThat(lesson.markdown()).contains("Do not leave tools or parts unattended in areas where the public can reach them.");
		assertThat(lesson.citations()).allSatisfy(c -> DraftingQualityTests.assertCitation(c, source));

		CourseDraft roomy = engine.draft(List.of(source), (step, stage) -> {
		}, 600);
		assertThat(roomy.modules().get(0).lessons().get(0).cut()).isEmpty();
		assertThat(roomy.modules().get(0).lessons().get(0).markdown())
			.contains("For example, clip it to your jacket rather than keeping it in a pocket.");
	}

	private static CourseDraft draft(String name, String text) {
		return DRAFTING.draft(List.of(new SourceFile(name, text.getBytes(StandardCharsets.UTF_8))), null);
	}

	private static String lessonText(CourseDraft draft) {
		StringBuilder all = new StringBuilder();
		draft.modules().forEach(m -> m.lessons().forEach(l -> all.append(l.markdown()).append('\n')));
		return all.toString();
	}

	/** A DOCX with a title property and plain paragraphs (no heading styles). */
	private static byte[] docx(String title, String... paragraphs) throws IOException {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.getProperties().getCoreProperties().setTitle(title);
			for (String text : paragraphs) {
				document.createParagraph().createRun().setText(text);
			}
			document.write(out);
			return out.toByteArray();
		}
	}
}
