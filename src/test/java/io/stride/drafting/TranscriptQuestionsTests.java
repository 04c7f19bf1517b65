package io.stride.drafting;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.stride.drafting.internal.ExtractedSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spoken sources: short self-written transcripts, the text the reader extracts from them (cleaned into sentences
 * a question can stand on, every citation still exact), and the questions the offline engine makes of them.
 */
class TranscriptQuestionsTests {

	@Test
	void removingAFillerNeverLeavesASentenceStartingInLowerCase() {
		String text = text("returns.srt", """
				1
				00:00:00,000 --> 00:00:05,000
				Tom Becker: And if they've got neither? Like, just a receipt?

				2
				00:00:05,000 --> 00:00:09,000
				Priya Shah: Um, you search by the card. That is the return. usually it's quicker.
				""");
		assertThat(text).contains("If they've got neither? Just a receipt?", "Priya Shah: You search by the card.",
				"That is the return. Usually it's quicker.");
		assertThat(text).doesNotContainPattern("[.?!] \\p{Ll}");
	}

	@Test
	void spokenTextIsCleanedIntoSentencesWhileItIsExtracted() {
		String text = text("briefing.vtt", """
				WEBVTT

				00:00:00.000 --> 00:00:04.000
				<v Anna Kowalski>So, um, whoever is nearest goes and checks the the freezer. Within ten minutes.

				00:00:04.000 --> 00:00:08.000
				<v Anna Kowalski>You acknowledge the alarm and, um, decide whether to come in

				00:00:08.000 --> 00:00:12.000
				<v Anna Kowalski>And please, please, don't silence an alarm, and then you log it in the equipment log.
				""");
		assertThat(text).isEqualTo("Anna Kowalski: Whoever is nearest goes and checks the freezer within 10 minutes. "
				+ "You acknowledge the alarm and decide whether to come in. Please don't silence an alarm. "
				+ "Then you log it in the equipment log.");
	}

	@Test
	void aSpokenRuleWithAConditionBecomesAScenarioQuestion() {
		List<DraftQuestion> questions = questions("freezer.vtt", """
				WEBVTT

				00:00:00.000 --> 00:00:06.000
				<v Anna Kowalski>If the display shows a rising temperature for more than fifteen minutes, you have to move the samples to the backup freezer.

				00:00:06.000 --> 00:00:12.000
				<v Anna Kowalski>Always check the door seal first. Note the time on the transfer sheet. Tell the duty manager about every alarm.

				00:00:12.000 --> 00:00:18.000
				<v Anna Kowalski>Log a fault with estates before you leave the lab. Estates sends an engineer within four hours.
				""");
		DraftQuestion scenario = questions.stream().filter(q -> q.kind().equals("SINGLE_CHOICE") && q.prompt().startsWith("What should you do if the display"))
			.findFirst().orElseThrow(() -> new AssertionError(questions.stream().map(DraftQuestion::prompt).toList()));
		assertThat(scenario.prompt()).isEqualTo("What should you do if the display shows a rising temperature for more than 15 minutes?");
		assertThat(scenario.options().get(scenario.correct().get(0))).isEqualTo("Move the samples to the backup freezer");
		assertThat(scenario.options()).hasSizeGreaterThanOrEqualTo(3).doesNotContain("Anna Kowalski");
	}

	@Test
	void stepsSaidWithOrdinalsOverSeveralTurnsBecomeAnOrderingQuestion() {
		List<DraftQuestion> questions = questions("desk.srt", """
				1
				00:00:00,000 --> 00:00:05,000
				Priya Shah: The first thing you do, always, is find the order. You ask for the order number.

				2
				00:00:05,000 --> 00:00:08,000
				Tom Becker: And if they've got neither?

				3
				00:00:08,000 --> 00:00:14,000
				Priya Shah: Then you search by the card. Second step, you check the date. The return window is thirty days.

				4
				00:00:14,000 --> 00:00:20,000
				Priya Shah: Third, you inspect the item. Fourth step: you scan the item into the returns system.

				5
				00:00:20,000 --> 00:00:26,000
				Priya Shah: The last step, you give the customer the returns receipt with the reference number.
				""");
		DraftQuestion ordering = questions.stream().filter(q -> q.kind().equals("ORDERING")).findFirst()
			.orElseThrow(() -> new AssertionError(questions.stream().map(DraftQuestion::prompt).toList()));
		assertThat(ordering.correct().stream().map(ordering.options()::get).toList()).containsExactly("Find the order",
				"Check the date", "Inspect the item", "Scan the item into the returns system",
				"Give the customer the returns receipt with the reference number");
	}

	@Test
	void aSpokenDeadlineBecomesANumericQuestionAnsweredFromItsCue() {
		List<DraftQuestion> questions = questions("returns.vtt", """
				WEBVTT

				00:00:00.000 --> 00:00:06.000
				<v Priya Shah>Okay, so, you have to log every damaged parcel within two hours of opening it.

				00:00:06.000 --> 00:00:12.000
				<v Priya Shah>The return window is thirty days from delivery. Sale items have a window of fourteen days.

				00:00:12.000 --> 00:00:18.000
				<v Priya Shah>Refunds reach the customer within three working days of the scan.
				""");
		DraftQuestion numeric = questions.stream().filter(q -> q.kind().equals("NUMERIC") && q.prompt().contains("damaged parcel"))
			.findFirst().orElseThrow(() -> new AssertionError(questions.stream().map(DraftQuestion::prompt).toList()));
		assertThat(numeric.prompt()).isEqualTo("Within how many hours of opening it must you log every damaged parcel?");
		assertThat(numeric.numeric().value()).isEqualByComparingTo("2");
		assertThat(numeric.citation().text()).contains("within 2 hours");
	}

	@Test
	void whatASpeakerSaysAboutThemselvesOrUsOrPointsBackAtNeverBecomesAStemOrKey() {
		List<DraftQuestion> questions = questions("call.vtt", """
				WEBVTT

				00:00:00.000 --> 00:00:06.000
				<v Priya Shah>If a refund is over twenty-five euros, you call me or the team lead on shift.

				00:00:06.000 --> 00:00:12.000
				<v Priya Shah>We log every damaged item as transport damage within one hour. I check the log every Friday.

				00:00:12.000 --> 00:00:18.000
				<v Priya Shah>The fraud team decides within five working days. The return window is thirty days from delivery.

				00:00:18.000 --> 00:00:24.000
				<v Priya Shah>Check the parcel seal first. Close it, note the time, and wait for ten minutes.
				""");
		assertThat(questions).isNotEmpty();
		// "it" was named in the sentence before: a stem on "Close it, …" would not say what to close
		assertThat(questions).noneMatch(q -> q.prompt().contains("Close it"));
		for (DraftQuestion q : questions) {
			assertThat(q.prompt() + " " + q.options()).as(q.prompt())
				.doesNotContainPattern("(?i)\\b(?:I|me|my|we|us|our)\\b");
			assertThat(q.prompt()).doesNotContain("Priya Shah");
		}
	}

	private static String text(String name, String transcript) {
		return DraftingQualityTests.READER.read(new SourceFile(name, transcript.getBytes(StandardCharsets.UTF_8))).text();
	}

	private static List<DraftQuestion> questions(String name, String transcript) {
		SourceFile file = new SourceFile(name, transcript.getBytes(StandardCharsets.UTF_8));
		ExtractedSource source = DraftingQualityTests.READER.read(file);
		List<DraftQuestion> questions = StructuredQuestionsTests.ENGINE.alternatives(source, null, 500);
		questions.forEach(q -> DraftingQualityTests.assertQuestion(q, source));
		return questions;
	}
}
