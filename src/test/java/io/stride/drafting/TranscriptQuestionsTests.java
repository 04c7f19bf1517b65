package io.stride.drafting;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.stride.drafting.internal.Block;
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

	/** Two speakers, several cues to a turn, a sentence said over two cues; times with milliseconds. */
	private static final List<Cue> RETURNS_DESK = List.of(
			new Cue("00:00:01.200", "00:00:05.800", "Priya Shah", "Welcome to the returns desk. The return window is 30 days from delivery."),
			new Cue("00:00:05.800", "00:00:11.400", "Priya Shah", "Sale items have a return window of 14 days. You have to log every damaged parcel"),
			new Cue("00:00:11.400", "00:00:16.000", "Priya Shah", "within 2 hours of opening it. Refunds reach the customer within 3 working days of the scan."),
			new Cue("00:00:16.000", "00:00:21.300", "Priya Shah", "So, um, never refund a parcel to a different card than the one it was paid with."),
			new Cue("00:00:21.300", "00:00:24.000", "Tom Becker", "What if the customer has no receipt?"),
			new Cue("00:00:24.000", "00:00:29.500", "Priya Shah", "Then you search by the card. The fraud team decides within 5 working days."),
			new Cue("00:00:29.500", "00:01:05.900", "Priya Shah", "If a refund is over 250 euros, you call the team lead on shift."));

	@Test
	void questionsFromAVttCiteTheCuesTheirSentenceWasSaidIn() {
		List<DraftQuestion> questions = questions("returns.vtt", vtt(RETURNS_DESK));
		assertThat(questions).hasSizeGreaterThanOrEqualTo(4);
		for (DraftQuestion q : questions) {
			assertThat(q.citation().locator()).as(q.prompt()).isEqualTo(expectedRange(q.citation().text(), RETURNS_DESK));
		}
		// a sentence is cited at its own cue, not at the speaker's whole turn (00:00:24–00:01:06)
		assertThat(citing(questions, "The return window is 30 days").citation().locator()).isEqualTo("00:00:01–00:00:06");
		assertThat(citing(questions, "The fraud team decides").citation().locator()).isEqualTo("00:00:24–00:00:30");
		assertThat(citing(questions, "If a refund is over 250 euros").citation().locator()).isEqualTo("00:00:29–00:01:06");
	}

	@Test
	void questionsFromAnSrtCiteTheSameMomentsAsFromTheVtt() {
		List<DraftQuestion> fromSrt = questions("returns.srt", srt(RETURNS_DESK));
		assertThat(fromSrt).hasSizeGreaterThanOrEqualTo(4);
		for (DraftQuestion q : fromSrt) {
			assertThat(q.citation().locator()).as(q.prompt()).isEqualTo(expectedRange(q.citation().text(), RETURNS_DESK));
		}
		assertThat(fromSrt.stream().map(q -> q.prompt() + " @ " + q.citation().locator()).toList())
			.isEqualTo(questions("returns.vtt", vtt(RETURNS_DESK)).stream().map(q -> q.prompt() + " @ " + q.citation().locator()).toList());
	}

	@Test
	void aSentenceSaidOverTwoCuesIsCitedWithTheRangeOfBoth() {
		List<DraftQuestion> questions = questions("returns.vtt", vtt(RETURNS_DESK));
		DraftQuestion logging = questions.stream().filter(q -> q.kind().equals("NUMERIC")).findFirst()
			.orElseThrow(() -> new AssertionError(questions.stream().map(DraftQuestion::prompt).toList()));
		assertThat(logging.prompt()).isEqualTo("Within how many hours of opening it must you log every damaged parcel?");
		assertThat(logging.citation().text()).isEqualTo("You have to log every damaged parcel within 2 hours of opening it.");
		assertThat(logging.citation().locator()).isEqualTo("00:00:05–00:00:16");

		ExtractedSource source = DraftingQualityTests.READER.read(new SourceFile("returns.vtt", vtt(RETURNS_DESK).getBytes(StandardCharsets.UTF_8)));
		String sentence = "You have to log every damaged parcel within 2 hours of opening it.";
		int start = source.text().indexOf(sentence);
		Block turn = source.blocks().get(0);
		assertThat(turn.locator(start, start + sentence.length())).isEqualTo("00:00:05–00:00:16");
		// the turn itself runs from its first cue to its last; a sentence points at its own moment inside it
		assertThat(turn.locator()).isEqualTo("00:00:01–00:00:22");
		assertThat(turn.locator(start, start + "You have to log every damaged parcel".length())).isEqualTo("00:00:05–00:00:12");
	}

	@Test
	void cleaningASpokenTurnKeepsEachSentenceAtItsOwnCue() {
		String transcript = """
				WEBVTT

				00:00:00.000 --> 00:00:04.500
				<v Anna Kowalski>So, um, whoever is nearest goes and checks the the freezer. Within ten minutes.

				00:00:04.500 --> 00:00:08.250
				<v Anna Kowalski>You acknowledge the alarm and, um, decide whether to come in

				00:00:08.250 --> 00:00:12.900
				<v Anna Kowalski>And please, please, don't silence an alarm, and then you log it in the equipment log.
				""";
		ExtractedSource source = DraftingQualityTests.READER.read(new SourceFile("briefing.vtt", transcript.getBytes(StandardCharsets.UTF_8)));
		Block turn = source.blocks().get(0);
		assertThat(turn.spoken()).isTrue();
		assertThat(turn.locator()).isEqualTo("00:00:00–00:00:13");
		assertThat(locatorOf(source, "Whoever is nearest goes and checks the freezer within 10 minutes.")).isEqualTo("00:00:00–00:00:05");
		assertThat(locatorOf(source, "You acknowledge the alarm and decide whether to come in.")).isEqualTo("00:00:04–00:00:09");
		assertThat(locatorOf(source, "Please don't silence an alarm.")).isEqualTo("00:00:08–00:00:13");
		assertThat(locatorOf(source, "Then you log it in the equipment log.")).isEqualTo("00:00:08–00:00:13");
	}

	@Test
	void aRecognizersTranscriptWithoutSpeakersCutMidSentenceIsCitedCueByCue() {
		// what a speech recogniser writes: no speaker names, segments cut wherever the speaker paused
		String transcript = """
				WEBVTT

				00:00:00.000 --> 00:00:03.480
				The freezer alarm goes off when the temperature

				00:00:03.480 --> 00:00:07.020
				rises above minus 70 degrees. Whoever is nearest checks the freezer

				00:00:07.020 --> 00:00:09.900
				within 10 minutes.

				00:12:31.200 --> 00:12:44.900
				Every alarm is logged in the equipment log.
				""";
		ExtractedSource source = DraftingQualityTests.READER.read(new SourceFile("alarm.vtt", transcript.getBytes(StandardCharsets.UTF_8)));
		assertThat(source.text()).startsWith("The freezer alarm goes off when the temperature rises above minus 70 degrees. "
				+ "Whoever is nearest checks the freezer within 10 minutes.");
		assertThat(locatorOf(source, "The freezer alarm goes off when the temperature rises above minus 70 degrees."))
			.isEqualTo("00:00:00–00:00:08");
		assertThat(locatorOf(source, "Whoever is nearest checks the freezer within 10 minutes.")).isEqualTo("00:00:03–00:00:10");
		assertThat(locatorOf(source, "Every alarm is logged in the equipment log.")).isEqualTo("00:12:31–00:12:45");
	}

	@Test
	void aLongRecognizedMonologueBreaksIntoParagraphsWhereSentencesEndAndAtLongPauses() {
		StringBuilder transcript = new StringBuilder("WEBVTT\n\n");
		String[] halves = { "The night shift checks every freezer", "before the handover and writes the reading down." };
		int second = 0;
		for (int i = 0; i < 30; i++) {
			for (String half : halves) {
				transcript.append(String.format("00:%02d:%02d.000 --> 00:%02d:%02d.500%n%s%n%n", second / 60, second % 60,
						(second + 2) / 60, (second + 2) % 60, half));
				second += 3;
			}
			if (i == 20) {
				// a long pause: a new paragraph even mid-way through the talk
				second += 15;
			}
		}
		ExtractedSource source = DraftingQualityTests.READER
			.read(new SourceFile("monologue.vtt", transcript.toString().getBytes(StandardCharsets.UTF_8)));
		assertThat(source.blocks()).hasSizeGreaterThan(2);
		assertThat(source.blocks()).allSatisfy(block -> {
			assertThat(block.text()).as("a paragraph ends where a sentence does").endsWith(".");
			assertThat(block.text()).as("and starts where one does").startsWith("The night shift");
		});
		// the pause after the 21st sentence (at 02:06) starts a paragraph
		assertThat(source.blocks()).anySatisfy(block -> assertThat(block.locator()).startsWith("00:02:21"));
	}

	@Test
	void lessonsAndEveryCitationOfADraftFromATranscriptCiteATimeRange() {
		CourseDraft draft = DraftingQualityTests.DRAFTING
			.draft(List.of(new SourceFile("returns.vtt", vtt(RETURNS_DESK).getBytes(StandardCharsets.UTF_8))), null);
		List<Citation> citations = new java.util.ArrayList<>();
		draft.modules().forEach(m -> {
			m.lessons().forEach(l -> citations.addAll(l.citations()));
			m.untested().forEach(citations::add);
		});
		draft.allQuestions().forEach(q -> citations.add(q.citation()));
		assertThat(draft.modules()).flatMap(DraftModule::lessons).isNotEmpty();
		assertThat(citations).isNotEmpty()
			.allSatisfy(c -> assertThat(c.locator()).matches("\\d{2}:\\d{2}:\\d{2}\u2013\\d{2}:\\d{2}:\\d{2}"));
		// the lesson cites Priya's first turn as a whole: from the start of its first cue to the end of its last
		assertThat(citations).anySatisfy(c -> assertThat(c.locator()).isEqualTo("00:00:01–00:00:22"));
	}

	/** A cue of a test transcript: when ("00:00:01.200"), who, and what was said. */
	private record Cue(String from, String to, String speaker, String text) {
	}

	private static String vtt(List<Cue> cues) {
		StringBuilder vtt = new StringBuilder("WEBVTT\n");
		for (Cue cue : cues) {
			vtt.append('\n').append(cue.from()).append(" --> ").append(cue.to()).append('\n')
				.append("<v ").append(cue.speaker()).append('>').append(cue.text()).append('\n');
		}
		return vtt.toString();
	}

	private static String srt(List<Cue> cues) {
		StringBuilder srt = new StringBuilder();
		for (int i = 0; i < cues.size(); i++) {
			Cue cue = cues.get(i);
			srt.append(i + 1).append('\n').append(cue.from().replace('.', ',')).append(" --> ")
				.append(cue.to().replace('.', ',')).append('\n').append(cue.speaker()).append(": ").append(cue.text()).append("\n\n");
		}
		return srt.toString();
	}

	/**
	 * What a citation of {@code cited} should say, read off the fixture: from the start of the cue its first words
	 * were said in (rounded down) to the end of the cue its last words were said in (rounded up), in whole seconds.
	 */
	private static String expectedRange(String cited, List<Cue> cues) {
		String[] words = cited.replaceFirst("^[A-Z][a-z]+ [A-Z][a-z]+: ", "").replaceAll("[.?!,]+$", "").split(" ");
		String head = String.join(" ", List.of(words).subList(0, Math.min(3, words.length)));
		String tail = String.join(" ", List.of(words).subList(Math.max(0, words.length - 3), words.length));
		Cue first = cues.stream().filter(c -> c.text().toLowerCase().contains(head.toLowerCase())).findFirst()
			.orElseThrow(() -> new AssertionError("no cue says: " + head));
		Cue last = cues.stream().filter(c -> c.text().contains(tail)).reduce((a, b) -> b)
			.orElseThrow(() -> new AssertionError("no cue says: " + tail));
		return first.from().substring(0, 8) + "\u2013" + upToTheSecond(last.to());
	}

	/** "00:00:21.300" → "00:00:22"; "00:00:16.000" stays "00:00:16". */
	private static String upToTheSecond(String time) {
		java.time.LocalTime at = java.time.LocalTime.parse(time.replace(',', '.'));
		return (at.getNano() > 0 ? at.plusSeconds(1) : at).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"));
	}

	private static DraftQuestion citing(List<DraftQuestion> questions, String text) {
		return questions.stream().filter(q -> q.citation().text().contains(text)).findFirst()
			.orElseThrow(() -> new AssertionError(questions.stream().map(DraftQuestion::prompt).toList()));
	}

	private static String locatorOf(ExtractedSource source, String sentence) {
		int start = source.text().indexOf(sentence);
		assertThat(start).as(sentence + " in " + source.text()).isNotNegative();
		Block block = source.blocks().stream().filter(b -> b.start() <= start && start < b.end()).findFirst().orElseThrow();
		return block.locator(start, start + sentence.length());
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
