package io.stride.drafting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import io.stride.drafting.internal.recording.Media;
import io.stride.drafting.internal.recording.RecordingFiles;
import io.stride.drafting.internal.recording.RecordingJobs;
import io.stride.drafting.internal.recording.TranscriptionWorker;
import io.stride.identity.PersonId;
import io.stride.shared.Ids;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.TranscriptionStub;
import io.stride.support.TranscriptionStub.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static io.stride.support.TranscriptionStub.seg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Recordings made here (espeak-ng speech, in a video made by FFmpeg) transcribed through real FFmpeg and a local
 * server speaking the transcription protocol: upload to draft, a busy or failing service, a refused key, a job taken
 * up after its node stopped, and recordings that are refused with nothing kept.
 */
@SpringBootTest(properties = { "stride.recordings.dir=target/recordings-transcribed",
		"stride.recordings.poll-interval=PT0.2S", "stride.recordings.first-back-off=PT0.05S",
		"stride.recordings.chunk-seconds=10", "stride.recordings.per-person=20", "stride.transcription.retries=3",
		"stride.transcription.api-key=test-key-not-real", "stride.transcription.model=whisper-1" })
@AutoConfigureMockMvc
class RecordingTranscriptionTests {

	static final String[] SAID = { "Every expense claim needs a receipt attached before the end of the month.",
			"Claims without a receipt are returned to the employee by the finance team.",
			"Travel must be booked through the travel desk at least two weeks ahead.",
			"The travel desk compares three fares and books the cheapest refundable one.",
			"Hotel stays are capped at one hundred and fifty euros a night in most cities.",
			"Managers approve claims within five working days of receiving them.",
			"Late claims older than ninety days are not reimbursed at all.",
			"Questions about a claim go to the finance helpdesk by email." };

	static final TranscriptionStub STUB = new TranscriptionStub();

	@TempDir
	static Path made;

	static Path teamCall;

	@DynamicPropertySource
	static void transcriptionService(DynamicPropertyRegistry registry) {
		registry.add("stride.transcription.base-url", STUB::url);
	}

	@BeforeAll
	static void recordings() {
		io.stride.support.Recordings.requireTools();
		Path speech = io.stride.support.Recordings.speech(made.resolve("speech.wav"), 8, 1500);
		teamCall = io.stride.support.Recordings.video(speech, made.resolve("team-call.mp4"), "-c:v", "libx264",
				"-pix_fmt", "yuv420p", "-c:a", "aac");
	}

	@AfterAll
	static void stopStub() {
		STUB.close();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	RecordingJobs jobs;

	@Autowired
	RecordingFiles files;

	@Autowired
	TranscriptionWorker worker;

	@Autowired
	Media media;

	@Autowired
	JdbcClient jdbc;

	Org org;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		// each chunk: two sentences, told apart by the request's number, covering the chunk as sent
		STUB.answerEach(request -> {
			int n = request.n();
			double seconds = request.wavSeconds();
			return Reply.segments(seg(0.2, seconds / 2, SAID[(2 * n) % SAID.length]),
					seg(seconds / 2, Math.max(seconds / 2 + 0.1, seconds - 0.1), SAID[(2 * n + 1) % SAID.length]));
		});
	}

	@Test
	void aVideoIsTranscribedInChunksStitchedInTimeCorrectedAndDraftedFrom() throws Exception {
		int before = STUB.requests().size();
		String id = upload("team-call.mp4", teamCall, org.managerA(), false);
		await(id, "TRANSCRIBED");
		RecordingJobs.Job job = jobs.find(id).orElseThrow();
		assertThat(job.chunksTotal()).as("a recording longer than a chunk is cut").isGreaterThanOrEqualTo(2);
		List<TranscriptionStub.Request> sent = STUB.requests().subList(before, STUB.requests().size());
		assertThat(sent).hasSize(job.chunksTotal());
		assertThat(sent).allSatisfy(request -> {
			assertThat(request.field("model")).isEqualTo("whisper-1");
			assertThat(request.authorization()).isEqualTo("Bearer test-key-not-real");
			assertThat(request.wavSeconds()).isBetween(0.5, 10.5);
		});
		String body = mvc.perform(get("/api/v1/recordings/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.segments.length()").value(2 * job.chunksTotal()))
			.andExpect(jsonPath("$.recordingKept").value(false))
			.andReturn().getResponse().getContentAsString();
		List<Integer> starts = JsonPath.read(body, "$.segments[*].startMillis");
		List<Integer> ends = JsonPath.read(body, "$.segments[*].endMillis");
		for (int i = 1; i < starts.size(); i++) {
			assertThat(starts.get(i)).as("segment %d starts after the one before", i).isGreaterThanOrEqualTo(ends.get(i - 1) - 50);
		}
		// the second chunk's first segment is 0.2 s after where the first chunk ended
		assertThat(starts.get(2)).isGreaterThan(5_000);
		assertThat(ends.getLast()).isLessThanOrEqualTo((int) job.durationMillis() + 100);
		assertThat(folderFiles(id)).as("neither the upload nor its sound stays").isEmpty();

		mvc.perform(put("/api/v1/recordings/" + id + "/segments/0").contentType("application/json")
				.content("{\"text\":\"Every expense claim needs an itemised receipt attached before the end of the month.\"}")
				.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/recordings/" + id + "/draft").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.sources[0].name").value("team-call.mp4"))
			.andExpect(jsonPath("$.sources[0].text").value(containsString("itemised receipt")))
			.andExpect(jsonPath("$.modules[0].lessons[0].citations[0].source").value("team-call.mp4"))
			.andExpect(jsonPath("$.modules[0].lessons[0].citations[0].locator")
				.value(matchesPattern("\\d\\d:\\d\\d:\\d\\d–\\d\\d:\\d\\d:\\d\\d")));
	}

	@Test
	void aBusyThenFailingServiceIsWaitedOutAndEveryChunkSentOnceItWorks() throws Exception {
		STUB.enqueue(Reply.tooManyRequests("1"), Reply.serverError(), Reply.serverError());
		int before = STUB.requests().size();
		String id = upload("deal-review.mp4", teamCall, org.managerA(), false);
		await(id, "TRANSCRIBED");
		assertThat(STUB.requests().size() - before).isEqualTo(jobs.find(id).orElseThrow().chunksTotal() + 3);
	}

	@Test
	void aRefusedKeyStopsTheJobAndARetryAfterwardsFinishesIt() throws Exception {
		STUB.enqueue(Reply.error(401, "Incorrect API key provided"));
		String id = upload("walkthrough.mp4", teamCall, org.managerA(), true);
		await(id, "FAILED");
		mvc.perform(get("/api/v1/recordings/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.error").value(containsString("part 1 of")))
			.andExpect(jsonPath("$.error").value(containsString("API key")))
			.andExpect(jsonPath("$.error").value(not(containsString("test-key-not-real"))));
		int before = STUB.requests().size();
		mvc.perform(post("/api/v1/recordings/" + id + "/retry").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isAccepted());
		await(id, "TRANSCRIBED");
		assertThat(STUB.requests().size() - before).isEqualTo(jobs.find(id).orElseThrow().chunksTotal());
		mvc.perform(get("/api/v1/recordings/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.recordingKept").value(true));
		mvc.perform(get("/api/v1/recordings/" + id + "/media").header("Authorization", bearer(org.managerA()))
				.header("Range", "bytes=0-99"))
			.andExpect(status().isPartialContent());
	}

	@Test
	void aJobWhoseNodeStoppedHalfWayIsTakenUpAndSendsOnlyTheRest() throws Exception {
		String id = Ids.newId();
		files.newFolder(id);
		Path original = Files.copy(teamCall, files.original(id, "mp4"));
		Media.Info info = media.probe(original, "all-hands.mp4");
		Path wav = media.audio(original, files.soundFolder(id));
		List<Media.Chunk> chunks = media.chunks(wav, info.millis());
		assertThat(chunks).hasSizeGreaterThanOrEqualTo(3);
		jobs.insert(id, org.managerA(), "all-hands.mp4", "mp4", info.millis(), false);
		assertThat(jobs.claim(id, "stopped-node", Duration.ofMinutes(5))).isTrue();
		assertThat(jobs.planned(id, "stopped-node", chunks)).isTrue();
		for (Media.Chunk chunk : chunks.subList(0, 2)) {
			jobs.transcribed(id, "stopped-node", chunk, List.of(new RecordingJobs.Segment(chunk.index(), 0,
					chunk.startMillis() + 100, chunk.startMillis() + 900, SAID[chunk.index()])));
		}
		jdbc.sql("UPDATE recordings SET claimed_until = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), id)
			.update();
		int before = STUB.requests().size();
		worker.poll();
		await(id, "TRANSCRIBED");
		assertThat(STUB.requests().size() - before).isEqualTo(chunks.size() - 2);
		assertThat(jobs.segments(id)).hasSize(2 + 2 * (chunks.size() - 2));
	}

	@Test
	void notMediaSilenceAndAFilmWithoutSoundAreRefusedWithNothingKept() throws Exception {
		long rows = jdbc.sql("SELECT COUNT(*) FROM recordings").query(Long.class).single();
		int folders = folders();
		int sent = STUB.requests().size();
		refused("minutes.mp3", "These are meeting minutes, not a recording.".getBytes(), "\"minutes.mp3\"");
		refused("muted.wav", Files.readAllBytes(io.stride.support.Recordings.nothing(made.resolve("muted.wav"), 3)),
				"\"muted.wav\" is silent: there is nothing to transcribe");
		refused("screen.mp4", Files.readAllBytes(io.stride.support.Recordings.silentFilm(made.resolve("screen.mp4"), 2)),
				"\"screen.mp4\" has no sound track");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM recordings").query(Long.class).single()).isEqualTo(rows);
		assertThat(folders()).isEqualTo(folders);
		assertThat(STUB.requests()).hasSize(sent);
	}

	private void refused(String name, byte[] content, String detail) throws Exception {
		mvc.perform(multipart("/api/v1/drafts").file(new MockMultipartFile("files", name, "application/octet-stream", content))
				.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString(detail)));
	}

	private String upload(String name, Path file, PersonId author, boolean keep) throws Exception {
		var request = multipart("/api/v1/drafts")
			.file(new MockMultipartFile("files", name, "video/mp4", Files.readAllBytes(file)));
		if (keep) {
			request.file(new MockMultipartFile("keep", "", "text/plain", "true".getBytes()));
		}
		String location = mvc.perform(request.header("Authorization", bearer(author)))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getHeader("Location");
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private void await(String id, String status) throws Exception {
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < until) {
			if (jobs.find(id).orElseThrow().status().equals(status)) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Recording " + id + " is " + jobs.find(id).orElseThrow() + ", not " + status);
	}

	private List<Path> folderFiles(String id) throws Exception {
		if (!Files.exists(files.folder(id))) {
			return List.of();
		}
		try (Stream<Path> all = Files.walk(files.folder(id))) {
			return all.filter(Files::isRegularFile).toList();
		}
	}

	private int folders() throws Exception {
		if (!Files.isDirectory(files.root())) {
			return 0;
		}
		try (Stream<Path> list = Files.list(files.root())) {
			return (int) list.count();
		}
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
