package io.stride.drafting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.stride.drafting.internal.recording.Media;
import io.stride.drafting.internal.recording.RecordingJobs;
import io.stride.drafting.internal.recording.TranscriptionClient;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Recordings through the pages, with FFmpeg and the transcription service stood in for (the job's own tests run them
 * for real): the drafting form routes a recording to its page, refusals come back on the form with nothing lost,
 * the page follows the transcription, corrections are saved, and nobody else sees the recording.
 */
@SpringBootTest(properties = { "stride.recordings.dir=target/recording-pages-tests", "stride.recordings.poll-interval=PT0.2S",
		"stride.recordings.first-back-off=PT0.05S", "stride.recordings.max-bytes=200000",
		"stride.recordings.per-person=20", "stride.transcription.retries=1" })
@AutoConfigureMockMvc
class RecordingPagesTests {

	static final long CHUNK = 10_000;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	RecordingJobs jobs;

	@MockitoBean
	Media media;

	@MockitoBean
	TranscriptionClient client;

	Org org;

	RequestPostProcessor author;

	/** Scripted answers, in turn: a Failure is thrown, a latch holds the answer back; otherwise two sentences. */
	final Deque<Object> script = new ArrayDeque<>();

	@BeforeEach
	void standIns() {
		org = fixtures.organization();
		author = as(org.managerA());
		when(client.enabled()).thenReturn(true);
		when(media.probe(any(), anyString())).thenReturn(new Media.Info(4 * CHUNK, true, true));
		when(media.audio(any(), any())).thenAnswer(call -> Files.writeString(call.<Path>getArgument(1).resolve("sound.wav"),
				"speech"));
		when(media.silent(any())).thenReturn(false);
		when(media.chunks(any(), anyLong())).thenAnswer(call -> {
			List<Media.Chunk> chunks = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				chunks.add(new Media.Chunk(i, i * CHUNK, (i + 1) * CHUNK));
			}
			return chunks;
		});
		when(media.cut(any(), any(), any())).thenAnswer(call -> Files.writeString(
				call.<Path>getArgument(2).resolve("part-" + call.<Media.Chunk>getArgument(1).index() + ".wav"), "chunk"));
		when(client.transcribe(any())).thenAnswer(call -> {
			int index = Integer.parseInt(call.<Path>getArgument(0).getFileName().toString().replaceAll("\\D", ""));
			Object next;
			synchronized (script) {
				next = script.pollFirst();
			}
			if (next instanceof TranscriptionClient.Failure failure) {
				throw failure;
			}
			if (next instanceof CountDownLatch held) {
				held.await(20, TimeUnit.SECONDS);
			}
			return List.of(new TranscriptionClient.Segment(1000, 4500, "Part " + index + " says receipts come first."),
					new TranscriptionClient.Segment(5000, 9000, "Part " + index + " says claims are paid on Friday."));
		});
	}

	@Test
	void theFormTakesARecordingToKeepOrNotAndSaysWhenNoneCanBeTranscribed() throws Exception {
		String form = page("/drafts/new");
		assertThat(form).contains(".mp4").contains(".m4a").contains("up to\n      <span>0</span> MB")
			.contains("Keep the recording so the draft can play each cited moment")
			.contains("Otherwise the recording is deleted once it is transcribed")
			.doesNotContain("id=\"no-transcription\"");
		assertThat(form).containsPattern("<input id=\"keep\" name=\"keep\" type=\"checkbox\" value=\"true\" aria-describedby=\"keep-help\">");

		when(client.enabled()).thenReturn(false);
		assertThat(page("/drafts/new")).contains("id=\"no-transcription\"")
			.contains("upload the transcript your meeting tool made (a VTT or SRT\n        file) instead");
	}

	@Test
	void aRecordingPostedOnTheFormOpensItsPageAndIsKeptWhenAsked() throws Exception {
		String id = postRecording("team-call.mp4", true);
		assertThat(jobs.find(id).orElseThrow().keep()).isTrue();
		await(id, "TRANSCRIBED");

		String page = page("/drafts/recordings/" + id);
		assertThat(page).contains("Recording: team-call.mp4")
			.contains("<video id=\"recording-player\"")
			.contains("src=\"/drafts/recordings/" + id + "/media\"")
			// each segment's start, as a button that plays from there
			.contains("data-seek=\"25\" aria-label=\"Play from 00:00:25\">00:00:25</button>")
			.contains("<label for=\"text-5\">Words said from 00:00:25 to 00:00:29</label>")
			.contains("Part 2 says claims are paid on Friday.")
			.contains("Draft the course from this transcript");
		assertThat(page("/drafts/new")).contains("Your recordings").contains("team-call.mp4").contains("transcribed");

		// the page's player asks for parts of the file, as players do to seek
		mvc.perform(get("/drafts/recordings/" + id + "/media").header("Range", "bytes=0-1").with(author))
			.andExpect(status().isPartialContent())
			.andExpect(header().string("Content-Range", "bytes 0-1/6"))
			.andExpect(header().string("Content-Type", "video/mp4"));
	}

	@Test
	void refusalsComeBackOnTheFormWithWhatWasTyped() throws Exception {
		String mixed = mvc.perform(multipart("/drafts").file(recording("team-call.mp4", "speech"))
				.param("text", "My own notes on claims").param("keep", "true").with(author).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(mixed).contains("is a recording: upload it on its own")
			.contains(">My own notes on claims</textarea>")
			.contains("value=\"true\" aria-describedby=\"keep-help\" checked=\"checked\"");

		String large = mvc.perform(multipart("/drafts").file(recording("all-hands.mp3", "x".repeat(200_001)))
				.with(author).with(csrf()))
			.andExpect(status().isPayloadTooLarge())
			.andReturn().getResponse().getContentAsString();
		assertThat(large).contains("all-hands.mp3&quot; is larger than 0 MB, the limit for recordings");

		when(client.enabled()).thenReturn(false);
		String off = mvc.perform(multipart("/drafts").file(recording("team-call.mp4", "speech")).with(author).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(off).contains("no transcription service is configured").contains("aria-invalid=\"true\"")
			.contains("aria-describedby=\"sign-in-problem recording-help\"");
		assertThat(page("/drafts/new")).doesNotContain("Your recordings");
	}

	@Test
	void thePageFollowsThePartsThenShowsAStopAndTakesItUpAgain() throws Exception {
		CountDownLatch held = new CountDownLatch(1);
		synchronized (script) {
			script.add("answer");
			script.add(held);
		}
		String id = postRecording("team-call.mp4", false);
		awaitPage(id, "Part 2 of 4");
		String page = page("/drafts/recordings/" + id);
		assertThat(page).contains("<h2 id=\"progress-heading\">Transcribing</h2>")
			.contains("role=\"status\" aria-live=\"polite\"")
			.contains("data-progress-url=\"/drafts/recordings/" + id + "/progress\"")
			// the bar is named by the words beside it, said once to a screen reader, not twice
			.containsPattern("<progress id=\"transcription-bar\" value=\"1\" max=\"4\"\\s+aria-labelledby=\"transcription-done\"></progress>")
			.contains("<p id=\"transcription-done\">1 of 4 parts transcribed</p>")
			.contains("Transcribing part");
		assertThat(page("/drafts/recordings/" + id + "/progress")).contains("data-status=\"TRANSCRIBING\"")
			.contains("Part 2 of 4").doesNotContain("<html");
		mvc.perform(post("/drafts/recordings/" + id + "/segments/0").param("text", "Too soon.").with(author).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", containsString("is not transcribed yet")));
		synchronized (script) {
			script.add(new TranscriptionClient.Failure("The transcription service refused the key.", false, null));
		}
		held.countDown();
		await(id, "FAILED");

		String failed = page("/drafts/recordings/" + id);
		assertThat(failed).contains("The transcription stopped").contains("The transcription service refused the key.")
			.contains("id=\"retry\"").doesNotContain("aria-live");
		mvc.perform(post("/drafts/recordings/" + id + "/retry").with(author).with(csrf()))
			.andExpect(status().is3xxRedirection());
		await(id, "TRANSCRIBED");
		assertThat(page("/drafts/recordings/" + id)).contains("Part 3 says receipts come first.")
			.doesNotContain("<video").doesNotContain("<audio").doesNotContain("data-seek");
	}

	@Test
	void aCorrectionIsSavedWithItsTimesAndEmptyWordsAreRefusedOnThePage() throws Exception {
		String id = postRecording("team-call.mp4", false);
		await(id, "TRANSCRIBED");
		RecordingJobs.Segment before = jobs.segments(id).get(2);

		mvc.perform(post("/drafts/recordings/" + id + "/segments/2").param("text", "Part one says receipts come first.")
				.param("version", "0").with(author).with(csrf()))
			.andExpect(status().is3xxRedirection());
		RecordingJobs.Segment after = jobs.segments(id).get(2);
		assertThat(after.text()).isEqualTo("Part one says receipts come first.");
		assertThat(after.startMillis()).isEqualTo(before.startMillis());
		assertThat(after.endMillis()).isEqualTo(before.endMillis());

		String refused = mvc.perform(post("/drafts/recordings/" + id + "/segments/2").param("text", "   ")
				.with(author).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"text-2-error\"").contains("Not saved: the text is empty: a segment needs its words.")
			.contains("aria-invalid=\"true\"");
		assertThat(jobs.segments(id).get(2).text()).isEqualTo("Part one says receipts come first.");

		// a correction sent from a copy of the page opened before the first one was saved
		String conflict = mvc.perform(post("/drafts/recordings/" + id + "/segments/2").param("text", "Part 1 says receipts first.")
				.param("version", "0").with(author).with(csrf()))
			.andExpect(status().isConflict())
			.andReturn().getResponse().getContentAsString();
		assertThat(conflict).contains("these words were corrected meanwhile")
			.contains("“Part one says receipts come first.”")
			.contains(">Part 1 says receipts first.</textarea>")
			.contains("<input type=\"hidden\" name=\"version\" value=\"1\">");
		assertThat(jobs.segments(id).get(2).text()).isEqualTo("Part one says receipts come first.");
		mvc.perform(post("/drafts/recordings/" + id + "/segments/2").param("text", "Part 1 says receipts first.")
				.param("version", "1").with(author).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jobs.segments(id).get(2).text()).isEqualTo("Part 1 says receipts first.");
	}

	@Test
	void aDraftFromTheTranscriptCitesMomentsThatPlayWhenTheRecordingIsKept() throws Exception {
		String id = postRecording("team-call.mp4", true);
		await(id, "TRANSCRIBED");
		String draft = mvc.perform(post("/drafts/recordings/" + id + "/draft").with(author).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(draft).startsWith("/drafts/");

		String page = page(draft);
		assertThat(page).contains("<h2 id=\"recording-aside-heading\">From the recording</h2>")
			.contains("<video id=\"recording-player\"")
			// a citation's moment plays from its start
			.containsPattern("cited-moment\"\\s+data-seek=\"\\d+\" aria-label=\"Play 00:00:\\d\\d\u201300:00:\\d\\d\">"
					+ "\u25b6 00:00:\\d\\d\u201300:00:\\d\\d</button>")
			.contains("<summary>Transcript</summary>")
			.contains("src=\"/js/recordings-");
	}

	@Test
	void withoutTheRecordingTheDraftShowsTheMomentsAsText() throws Exception {
		String id = postRecording("team-call.mp4", false);
		await(id, "TRANSCRIBED");
		String draft = mvc.perform(post("/drafts/recordings/" + id + "/draft").with(author).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		String page = page(draft);
		assertThat(page).contains("The recording was not kept").doesNotContain("cited-moment").doesNotContain("<video")
			.containsPattern("00:00:\\d\\d\u201300:00:\\d\\d \\(recording not kept\\): ");
	}

	@Test
	void anotherPersonsRecordingIsNotFoundAndDeletingTakesAConfirmation() throws Exception {
		String id = postRecording("team-call.mp4", true);
		await(id, "TRANSCRIBED");
		RequestPostProcessor other = as(org.managerB());
		mvc.perform(get("/drafts/recordings/" + id).with(other)).andExpect(status().isNotFound());
		mvc.perform(get("/drafts/recordings/" + id + "/media").with(other)).andExpect(status().isNotFound());
		mvc.perform(post("/drafts/recordings/" + id + "/segments/0").param("text", "Mine now.").with(other).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/drafts/recordings/" + id + "/draft").with(other).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/drafts/recordings/" + id + "/delete").with(other).with(csrf())).andExpect(status().isNotFound());
		assertThat(jobs.find(id)).isPresent();
		assertThat(page("/drafts/new")).contains("team-call.mp4");

		assertThat(page("/drafts/recordings/" + id + "/delete")).contains("Delete the recording “team-call.mp4”?")
			.contains("id=\"confirm-delete\"");
		assertThat(jobs.find(id)).as("the confirmation page deletes nothing").isPresent();
		mvc.perform(post("/drafts/recordings/" + id + "/delete").with(author))
			.andExpect(status().isForbidden());
		mvc.perform(post("/drafts/recordings/" + id + "/delete").with(author).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jobs.find(id)).isEmpty();
		mvc.perform(get("/drafts/recordings/" + id).with(author)).andExpect(status().isNotFound());
	}

	private String postRecording(String name, boolean keep) throws Exception {
		var request = multipart("/drafts").file(recording(name, "speech"));
		if (keep) {
			request.param("keep", "true");
		}
		String location = mvc.perform(request.with(author).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/drafts/recordings/");
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).with(author))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private void await(String id, String status) throws Exception {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < until) {
			if (jobs.find(id).orElseThrow().status().equals(status)) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("Recording " + id + " is " + jobs.find(id).orElseThrow() + ", not " + status);
	}

	private void awaitPage(String id, String text) throws Exception {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < until) {
			if (page("/drafts/recordings/" + id + "/progress").contains(text)) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("The progress never showed " + text);
	}

	private RequestPostProcessor as(PersonId person) {
		return SignedIn.as(fixtures.viewerPerson(person));
	}

	private static MockMultipartFile recording(String name, String content) {
		return new MockMultipartFile("files", name, "application/octet-stream", content.getBytes());
	}
}
