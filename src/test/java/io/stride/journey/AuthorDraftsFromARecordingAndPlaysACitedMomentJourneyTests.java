package io.stride.journey;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.Recordings;
import io.stride.support.TranscriptionStub;
import io.stride.support.TranscriptionStub.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.stride.support.TranscriptionStub.seg;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An author uploads a recorded briefing (speech made by espeak-ng, read by real FFmpeg, transcribed by a local
 * server speaking the transcription protocol), keeps the recording, follows the transcription, corrects a misheard
 * word, drafts the course and plays the moment a lesson cites. Progress, transcript and draft pages pass axe-core at
 * desktop and phone widths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stride.recordings.dir=target/recordings-journey", "stride.recordings.poll-interval=PT0.2S",
				"stride.recordings.first-back-off=PT0.05S", "stride.recordings.chunk-seconds=10",
				"stride.recordings.per-person=20", "stride.transcription.api-key=test-key-not-real",
				"stride.transcription.model=whisper-1" })
class AuthorDraftsFromARecordingAndPlaysACitedMomentJourneyTests {

	static final String[] SAID = { "Every expense claim needs a receipt attached before the end of the month.",
			"Claims without a receipt are returned to the employee by the finance team.",
			"Travel must be booked through the travel desk at least two weeks ahead.",
			"The travel desk compares three fares and books the cheapest refundable one.",
			"Hotel stays are capped at one hundred and fifty euros a night in most cities.",
			"Managers approve claims within five working days of receiving them." };

	static final TranscriptionStub STUB = new TranscriptionStub();

	@TempDir
	static Path made;

	static Path briefing;

	@DynamicPropertySource
	static void transcriptionService(DynamicPropertyRegistry registry) {
		registry.add("stride.transcription.base-url", STUB::url);
	}

	@BeforeAll
	static void recordingAndBrowser() {
		Browser.requireOrSkip();
		Recordings.requireTools();
		briefing = Recordings.speech(made.resolve("expenses-briefing.wav"), 6, 1200);
	}

	@AfterAll
	static void stopStub() {
		STUB.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	Org org;

	Browser browser;

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		// each part: what was said in it, a little slowly, so that the author sees the transcription under way;
		// the first sentence is misheard ("recipe" for "receipt")
		STUB.answerEach(request -> {
			int n = request.n() - 1;
			double seconds = request.wavSeconds();
			return Reply.segments(seg(0.2, seconds / 2, SAID[(2 * n) % SAID.length].replace("receipt attached", "recipe attached")),
					seg(seconds / 2, Math.max(seconds / 2 + 0.1, seconds - 0.1), SAID[(2 * n + 1) % SAID.length]))
				.after(Duration.ofMillis(2500));
		});
		browser = Browser.open(port, "recording");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void authorDraftsFromARecordingAndPlaysACitedMoment() throws Exception {
		signsIn();
		uploadsTheBriefingAndKeepsIt();
		followsTheTranscription();
		correctsAMisheardWord();
		draftsTheCourseAndPlaysACitedMoment();
	}

	private void signsIn() {
		browser.go("/login");
		browser.type("#email", org.email("manager-a"));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
		// managers start on their home, everyone else on My learning
		assertThat(browser.path()).matches("/(home|learning)([/?].*)?");
	}

	private void uploadsTheBriefingAndKeepsIt() {
		browser.go("/drafts/new");
		assertThat(browser.find("#keep").isSelected()).as("keeping the recording is a choice").isFalse();
		browser.attach("#files", briefing);
		browser.click("#keep");
		browser.navigate("#draft");
		assertThat(browser.path()).startsWith("/drafts/recordings/");
	}

	private void followsTheTranscription() throws Exception {
		assertThat(browser.find("#transcription-part").getText()).matches("Preparing the recording|Part \\d of \\d");
		assertThat(browser.find("#transcription-bar").getTagName()).isEqualTo("progress");
		checkAccessibilityAtBothWidths();
		browser.screenshot("transcribing");
		// the page moves on by itself once the transcript is there
		browser.waitForText("main", "Draft the course from this transcript");
		assertThat(browser.find("h2#transcript-heading").getText()).isEqualTo("Transcript");
		assertThat(browser.find("#text-0").getDomProperty("value")).contains("recipe attached");
		assertThat(browser.find("#recording-player").getTagName()).isEqualTo("audio");
		checkAccessibilityAtBothWidths();
	}

	private void correctsAMisheardWord() throws Exception {
		String start = browser.find("#segment-0 .seek").getText();
		browser.type("#text-0", SAID[0]);
		browser.navigate("#segment-0 button[type=submit]");
		assertThat(browser.text()).contains("Saved the words at " + start + ".");
		assertThat(browser.find("#text-0").getDomProperty("value")).isEqualTo(SAID[0]);
		browser.screenshot("transcript");
	}

	private void draftsTheCourseAndPlaysACitedMoment() throws Exception {
		browser.navigate("#draft");
		assertThat(browser.path()).matches("/drafts/[0-9a-f-]{36}");
		assertThat(browser.find("#recording-aside-heading").getText()).isEqualTo("From the recording");
		checkAccessibilityAtBothWidths();

		// a lesson's sources, opened as the author would, then the last moment they cite
		WebElement sources = browser.find(".lesson-block details:not(.cut-passages)");
		browser.scrollTo(".lesson-block details:not(.cut-passages)");
		sources.findElement(By.tagName("summary")).click();
		List<WebElement> moments = sources.findElements(By.cssSelector("button.cited-moment"));
		assertThat(moments).isNotEmpty();
		WebElement moment = moments.get(moments.size() - 1);
		assertThat(moment.getText()).matches("▶ \\d\\d:\\d\\d:\\d\\d–\\d\\d:\\d\\d:\\d\\d");
		long second = Long.parseLong(moment.getDomAttribute("data-seek"));
		WebElement player = browser.find("#recording-player");
		awaitMetadata(player);
		// first somewhere else in the recording, from a time in the transcript beside the draft (open on a desktop)
		List<WebElement> times = browser.all("#draft-transcript button.seek");
		WebElement later = times.get(times.size() - 1);
		long elsewhere = Long.parseLong(later.getDomAttribute("data-seek"));
		assertThat(elsewhere).isNotEqualTo(second);
		later.click();
		assertThat(currentTime(player)).as("the player is at the transcript's time").isBetween((double) elsewhere, elsewhere + 2.0);

		moment.click();
		assertThat(currentTime(player)).as("the player is at the cited moment").isBetween((double) second, second + 2.0);
		browser.screenshot("draft-plays-moment");
	}

	private static double currentTime(WebElement player) {
		return Double.parseDouble(player.getDomProperty("currentTime"));
	}

	private void awaitMetadata(WebElement player) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (Integer.parseInt(player.getDomProperty("readyState")) < 1 && System.nanoTime() < until) {
			Thread.sleep(100);
		}
		assertThat(player.getDomProperty("readyState")).as("the recording's metadata loads").isNotEqualTo("0");
	}

	private void checkAccessibilityAtBothWidths() {
		browser.checkAccessibility();
		browser.windowSize(390, 844);
		try {
			browser.checkAccessibility();
		}
		finally {
			browser.windowSize(1280, 1000);
		}
	}
}
