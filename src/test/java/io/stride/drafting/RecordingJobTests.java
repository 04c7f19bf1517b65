package io.stride.drafting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.stride.drafting.internal.recording.Media;
import io.stride.drafting.internal.recording.RecordingFiles;
import io.stride.drafting.internal.recording.RecordingJobs;
import io.stride.drafting.internal.recording.TranscriptionClient;
import io.stride.drafting.internal.recording.TranscriptionWorker;
import io.stride.shared.Ids;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The recording job through the API, with FFmpeg and the transcription service stood in for (their own tests run
 * them for real): what the author sees from upload to draft, retries, resuming and refusals.
 */
@SpringBootTest(properties = { "stride.recordings.dir=target/recordings-tests", "stride.recordings.poll-interval=PT0.2S",
		"stride.recordings.lease=PT1S", "stride.recordings.first-back-off=PT0.05S", "stride.recordings.max-bytes=200000",
		"stride.recordings.per-person=3", "stride.transcription.retries=3" })
@AutoConfigureMockMvc
class RecordingJobTests {

	/** Each chunk is 10 s; the service says two sentences in each, 1 s and 5 s into it. */
	static final long CHUNK = 10_000;

	static final String[] SAID = { "Every expense claim needs a receipt attached before the end of the month.",
			"Claims without a receipt are returned to the employee by the finance team.",
			"Travel must be booked through the travel desk at least two weeks ahead.",
			"The travel desk compares three fares and books the cheapest refundable one.",
			"Hotel stays are capped at one hundred and fifty euros a night in most cities.",
			"Managers approve claims within five working days of receiving them.",
			"Late claims older than ninety days are not reimbursed at all.",
			"Questions about a claim go to the finance helpdesk by email." };

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
	JdbcClient jdbc;

	@MockitoBean
	Media media;

	@MockitoBean
	TranscriptionClient client;

	Org org;

	/** Scripted answers, in turn: a Failure is thrown; anything else means "answer with the chunk's sentences". */
	final Deque<Object> script = new ArrayDeque<>();

	/** The chunks the service was sent, by index, in order. */
	final List<Integer> sent = Collections.synchronizedList(new ArrayList<>());

	@BeforeEach
	void standIns() {
		org = fixtures.organization();
		when(client.enabled()).thenReturn(true);
		when(media.probe(any(), anyString())).thenAnswer(call -> {
			String name = call.getArgument(1);
			if (name.startsWith("not-media")) {
				throw new SourceRejected(422, name, "is not audio or video that can be read.");
			}
			if (name.startsWith("no-sound")) {
				throw new SourceRejected(422, name, "has no sound track: there is nothing to transcribe.");
			}
			return new Media.Info(4 * CHUNK, true, name.endsWith(".mp4"));
		});
		when(media.audio(any(), any())).thenAnswer(call -> {
			Path source = call.getArgument(0);
			Path wav = Files.writeString(call.<Path>getArgument(1).resolve("sound.wav"), Files.readString(source));
			return wav;
		});
		when(media.silent(any())).thenAnswer(call -> Files.readString(call.<Path>getArgument(0)).startsWith("silence"));
		when(media.chunks(any(), anyLong())).thenAnswer(call -> {
			long millis = call.getArgument(1);
			List<Media.Chunk> chunks = new ArrayList<>();
			for (int i = 0; i * CHUNK < millis; i++) {
				chunks.add(new Media.Chunk(i, i * CHUNK, Math.min(millis, (i + 1) * CHUNK)));
			}
			return chunks;
		});
		when(media.cut(any(), any(), any())).thenAnswer(call -> {
			Media.Chunk chunk = call.getArgument(1);
			return Files.writeString(call.<Path>getArgument(2).resolve("part-" + chunk.index() + ".wav"), "chunk");
		});
		when(client.transcribe(any())).thenAnswer(call -> {
			Path cut = call.getArgument(0);
			assertThat(cut).exists();
			int index = Integer.parseInt(cut.getFileName().toString().replaceAll("\\D", ""));
			sent.add(index);
			Object next = script.pollFirst();
			if (next instanceof TranscriptionClient.Failure failure) {
				throw failure;
			}
			if (next instanceof java.util.concurrent.CountDownLatch slow) {
				slow.await(10, java.util.concurrent.TimeUnit.SECONDS);
			}
			return List.of(new TranscriptionClient.Segment(1000, 4500, SAID[(2 * index) % SAID.length]),
					new TranscriptionClient.Segment(5000, 9000, SAID[(2 * index + 1) % SAID.length]));
		});
	}

	@Test
	void authorUploadsARecordingFollowsItCorrectsAWordAndDraftsFromIt() throws Exception {
		String location = mvc.perform(multipart("/api/v1/drafts").file(recording("team-call.mp4", "speech"))
				.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.recordingId").isNotEmpty())
			.andExpect(jsonPath("$.status").value("TRANSCRIBING"))
			.andExpect(jsonPath("$.stage").isNotEmpty())
			.andReturn().getResponse().getHeader("Location");
		assertThat(location).startsWith("/api/v1/recordings/");
		String id = location.substring(location.lastIndexOf('/') + 1);
		transcribed(id, org.managerA());
		mvc.perform(get(location).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.fileName").value("team-call.mp4"))
			.andExpect(jsonPath("$.durationMillis").value(40_000))
			.andExpect(jsonPath("$.chunksTotal").value(4))
			.andExpect(jsonPath("$.chunksDone").value(4))
			.andExpect(jsonPath("$.segments.length()").value(8))
			// stitched: the third chunk's second sentence is 5 s into a chunk that starts 20 s in
			.andExpect(jsonPath("$.segments[5].index").value(5))
			.andExpect(jsonPath("$.segments[5].startMillis").value(25_000))
			.andExpect(jsonPath("$.segments[5].endMillis").value(29_000))
			.andExpect(jsonPath("$.segments[5].text").value(SAID[5]))
			// not kept: the upload and the extracted sound are gone once transcribed
			.andExpect(jsonPath("$.recordingKept").value(false));
		assertThat(files.folder(id)).satisfiesAnyOf(folder -> assertThat(folder).doesNotExist(),
				folder -> assertThat(Files.list(folder).flatMap(f -> f.toFile().isDirectory() ? list(f) : java.util.stream.Stream.of(f))).isEmpty());
		mvc.perform(get(location + "/media").header("Authorization", bearer(org.managerA()))).andExpect(status().isNotFound());

		mvc.perform(put(location + "/segments/5").contentType("application/json")
				.content("{\"text\":\"Managers approve claims within three working days of receiving them.\"}")
				.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.startMillis").value(25_000))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.text").value(containsString("three working days")));
		// a second tab still showing the words as transcribed does not write over the correction
		mvc.perform(put(location + "/segments/5").contentType("application/json")
				.content("{\"text\":\"Managers approve claims within four working days.\",\"version\":0}")
				.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("corrected since you opened it")));
		mvc.perform(put(location + "/segments/8").contentType("application/json").content("{\"text\":\"Nothing.\"}")
				.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
		mvc.perform(put(location + "/segments/5").contentType("application/json").content("{\"text\":\"  \"}")
				.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(put(location + "/segments/5").contentType("application/json").content("{\"text\":\"Mine now.\"}")
				.header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());

		String body = mvc.perform(post(location + "/draft").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.sources[0].name").value("team-call.mp4"))
			.andExpect(jsonPath("$.sources[0].text").value(containsString("within 3 working days")))
			.andExpect(jsonPath("$.modules[0].lessons[0].citations[0].source").value("team-call.mp4"))
			.andReturn().getResponse().getContentAsString();
		String draftId = JsonPath.read(body, "$.id");
		String cited = JsonPath.read(body, "$.modules[0].lessons[0].citations[0].locator");
		assertThat(cited).as("a citation names the moment in the recording")
			.matches("\\d\\d:\\d\\d:\\d\\d–\\d\\d:\\d\\d:\\d\\d");
		mvc.perform(get(location).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.draftId").value(draftId));
		assertThat(jobs.recordingOf(draftId)).contains(id);
		mvc.perform(get("/api/v1/drafts/" + draftId).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.recordingId").value(id))
			.andExpect(jsonPath("$.sources[0].name").value("team-call.mp4"));
	}

	@Test
	void theRecordingsApiIsDescribed() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("/api/v1/recordings/{id}", "/api/v1/recordings/{id}/segments/{index}",
				"/api/v1/recordings/{id}/retry", "/api/v1/recordings/{id}/draft", "/api/v1/recordings/{id}/media",
				"\"recordingId\"");
	}

	@Test
	void anotherPersonsRecordingDoesNotExistForThem() throws Exception {
		String id = upload("voice-memo.m4a", org.managerA());
		for (var request : List.of(get("/api/v1/recordings/" + id), get("/api/v1/recordings/" + id + "/media"),
				post("/api/v1/recordings/" + id + "/retry"), post("/api/v1/recordings/" + id + "/draft"),
				delete("/api/v1/recordings/" + id))) {
			mvc.perform(request.header("Authorization", bearer(org.managerB()))).andExpect(status().isNotFound());
		}
		transcribed(id, org.managerA());
	}

	@Test
	void aSlowDownAndTwoServerErrorsAreWaitedOutAndTriedAgain() throws Exception {
		script.add(new TranscriptionClient.Failure("the service asked us to slow down", true, Duration.ofSeconds(1)));
		script.add("ok");
		script.add(new TranscriptionClient.Failure("the service answered 500", true, null));
		script.add(new TranscriptionClient.Failure("the service answered 500", true, null));
		String id = upload("deal-review.mp3", org.managerA());
		// the author sees why nothing moves for a while
		long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!jobs.find(id).orElseThrow().stage().startsWith("Waiting 1 s") && System.nanoTime() < until) {
			Thread.sleep(20);
		}
		mvc.perform(get("/api/v1/recordings/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.stage").value("Waiting 1 s: the service asked us to slow down"))
			.andExpect(jsonPath("$.status").value("TRANSCRIBING"));
		transcribed(id, org.managerA());
		// chunk 0 twice (429, then fine), chunk 1 three times (500, 500, fine), then the others once
		assertThat(sent).containsExactly(0, 0, 1, 1, 1, 2, 3);
		mvc.perform(get("/api/v1/recordings/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.segments.length()").value(8))
			.andExpect(jsonPath("$.segments[0].startMillis").value(1000));
	}

	@Test
	void aRefusedKeyStopsTheJobWithTheReasonAndARetryContinuesWhereItStopped() throws Exception {
		script.add("ok");
		script.add(new TranscriptionClient.Failure("the transcription service refused the API key", false, null));
		String id = upload("screen-recording.webm", org.managerA());
		String location = "/api/v1/recordings/" + id;
		await(id, "FAILED");
		mvc.perform(get(location).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.status").value("FAILED"))
			.andExpect(jsonPath("$.chunksDone").value(1))
			.andExpect(jsonPath("$.error").value(containsString("part 2 of 4")))
			.andExpect(jsonPath("$.error").value(containsString("refused the API key")))
			.andExpect(jsonPath("$.segments.length()").value(0));
		assertThat(files.audio(id)).as("the extracted sound is deleted when the job stops").isEmpty();
		assertThat(files.originalIfKept(id, "webm")).as("the upload stays, to retry from").isPresent();

		mvc.perform(post(location + "/retry").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", location))
			.andExpect(jsonPath("$.status").value("TRANSCRIBING"));
		transcribed(id, org.managerA());
		// the first chunk was not sent again
		assertThat(sent).containsExactly(0, 1, 1, 2, 3);
		mvc.perform(get(location).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.error").doesNotExist())
			.andExpect(jsonPath("$.segments.length()").value(8));
		mvc.perform(post(location + "/retry").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isConflict());
	}

	@Test
	void aJobWhoseWorkerStoppedIsTakenUpAndSendsOnlyTheChunksNotDone() throws Exception {
		String id = Ids.newId();
		files.newFolder(id);
		Files.writeString(files.original(id, "mp4"), "speech");
		Files.writeString(files.soundFolder(id).resolve("sound.wav"), "speech");
		List<Media.Chunk> chunks = List.of(new Media.Chunk(0, 0, CHUNK), new Media.Chunk(1, CHUNK, 2 * CHUNK),
				new Media.Chunk(2, 2 * CHUNK, 3 * CHUNK), new Media.Chunk(3, 3 * CHUNK, 4 * CHUNK));
		// a node took the job, planned it, transcribed two chunks and stopped; its lease then ran out
		jobs.insert(id, org.managerA(), "all-hands.mp4", "mp4", 4 * CHUNK, false);
		assertThat(jobs.claim(id, "gone-node", Duration.ofMinutes(10))).isTrue();
		assertThat(jobs.claim(id, "other-node", Duration.ofMinutes(10))).as("one node holds a job at a time").isFalse();
		assertThat(jobs.planned(id, "gone-node", chunks)).isTrue();
		assertThat(jobs.transcribed(id, "gone-node", chunks.get(0),
				List.of(new RecordingJobs.Segment(0, 0, 1000, 4500, SAID[0])))).isTrue();
		assertThat(jobs.transcribed(id, "gone-node", chunks.get(1),
				List.of(new RecordingJobs.Segment(1, 0, 11_000, 14_500, SAID[2])))).isTrue();
		jdbc.sql("UPDATE recordings SET claimed_until = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), id)
			.update();

		worker.poll();
		transcribed(id, org.managerA());
		assertThat(sent).containsExactly(2, 3);
		mvc.perform(get("/api/v1/recordings/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.segments.length()").value(6))
			.andExpect(jsonPath("$.segments[1].startMillis").value(11_000))
			.andExpect(jsonPath("$.segments[2].startMillis").value(21_000))
			.andExpect(jsonPath("$.segments[5].endMillis").value(39_000));
		assertThat(jobs.transcribed(id, "gone-node", chunks.get(2), List.of()))
			.as("the stopped node can no longer write").isFalse();
	}

	@Test
	void aKeptRecordingPlaysFromAnyMomentUntilItIsDeleted() throws Exception {
		byte[] bytes = "0123456789abcdefghij-speech".getBytes();
		String location = mvc.perform(multipart("/api/v1/drafts")
				.file(new MockMultipartFile("files", "walkthrough.mov", "video/quicktime", bytes))
				.file(new MockMultipartFile("keep", "", "text/plain", "true".getBytes()))
				.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getHeader("Location");
		String id = location.substring(location.lastIndexOf('/') + 1);
		transcribed(id, org.managerA());
		mvc.perform(get(location).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.recordingKept").value(true));
		mvc.perform(get(location + "/media").header("Authorization", bearer(org.managerA())).header("Range", "bytes=10-19"))
			.andExpect(status().isPartialContent())
			.andExpect(header().string("Content-Type", "video/quicktime"))
			.andExpect(header().string("Content-Range", "bytes 10-19/" + bytes.length))
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).isEqualTo("abcdefghij"));
		assertThat(files.audio(id)).as("the extracted sound is not kept").isEmpty();

		mvc.perform(delete(location).header("Authorization", bearer(org.managerA()))).andExpect(status().isNoContent());
		assertThat(files.folder(id)).doesNotExist();
		assertThat(jobs.find(id)).isEmpty();
		mvc.perform(get(location + "/media").header("Authorization", bearer(org.managerA()))).andExpect(status().isNotFound());
		mvc.perform(get(location).header("Authorization", bearer(org.managerA()))).andExpect(status().isNotFound());
	}

	@Test
	void aRecordingDeletedWhileItIsTranscribedLeavesNothingBehind() throws Exception {
		var answering = new java.util.concurrent.CountDownLatch(1);
		script.add(answering);
		String id = upload("one-to-one.ogg", org.managerA());
		long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (sent.isEmpty() && System.nanoTime() < until) {
			Thread.sleep(20);
		}
		assertThat(jobs.find(id).orElseThrow().stage()).isEqualTo("Transcribing part 1 of 4");
		mvc.perform(delete("/api/v1/recordings/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNoContent());
		answering.countDown();
		until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (Files.exists(files.folder(id)) && System.nanoTime() < until) {
			Thread.sleep(20);
		}
		assertThat(files.folder(id)).doesNotExist();
		Thread.sleep(300);
		assertThat(sent).as("the worker stops at the next chunk").containsExactly(0);
		assertThat(files.folder(id)).as("nothing written after the deletion").doesNotExist();
		assertThat(jobs.find(id)).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM recording_segments WHERE recording_id = ?").param(id).query(Long.class).single())
			.isZero();
	}

	@Test
	void anAuthorWithThreeRecordingsBeingTranscribedIsAskedToWaitForOne() throws Exception {
		var answering = new java.util.concurrent.CountDownLatch(1);
		script.add(answering);
		List<String> ids = new ArrayList<>();
		for (String name : List.of("monday.mp3", "tuesday.mp3", "wednesday.mp3")) {
			ids.add(upload(name, org.managerA()));
		}
		mvc.perform(multipart("/api/v1/drafts").file(recording("thursday.mp3", "speech"))
				.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.detail").value(containsString("you already have 3 recordings being transcribed")));
		// someone else is not held up by it
		upload("friday.mp3", org.managerB());
		answering.countDown();
		for (String id : ids) {
			transcribed(id, org.managerA());
		}
		upload("thursday.mp3", org.managerA());
	}

	@Test
	void aChunkThatTakesLongerThanTheLeaseIsNotTakenOverByAnotherNode() throws Exception {
		var answering = new java.util.concurrent.CountDownLatch(1);
		script.add(answering);
		String id = upload("board-meeting.mp3", org.managerA());
		long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (sent.isEmpty() && System.nanoTime() < until) {
			Thread.sleep(20);
		}
		// three leases long, the service still working on the first chunk
		Thread.sleep(3_000);
		assertThat(jobs.claim(id, "other-node", Duration.ofMinutes(1))).isFalse();
		answering.countDown();
		transcribed(id, org.managerA());
		assertThat(sent).containsExactly(0, 1, 2, 3);
	}

	@Test
	void badRecordingsAreRefusedOnTheSpotWithNothingKept() throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM recordings").query(Long.class).single();
		int folders = folders();
		refused(recording("not-media.mp3", "plain text"), 422, "\"not-media.mp3\" is not audio or video");
		refused(recording("no-sound.mp4", "picture"), 422, "\"no-sound.mp4\" has no sound track");
		refused(recording("quiet-room.wav", "silence"), 422, "\"quiet-room.wav\" is silent: there is nothing to transcribe");
		refused(new MockMultipartFile("files", "long-meeting.mp4", "video/mp4", new byte[200_001]), 413,
				"\"long-meeting.mp4\" is larger than");
		mvc.perform(multipart("/api/v1/drafts").file(recording("team-call.mp4", "speech"))
				.file(new MockMultipartFile("files", "notes.txt", "text/plain", "Some notes.".getBytes()))
				.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("upload it on its own")));
		when(client.enabled()).thenReturn(false);
		refused(recording("team-call.mp4", "speech"), 422, "no transcription service is configured");
		mvc.perform(multipart("/api/v1/drafts").file(recording("team-call.mp4", "speech"))
				.header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.detail").value(containsString("VTT or SRT")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM recordings").query(Long.class).single()).isEqualTo(before);
		assertThat(folders()).isEqualTo(folders);
		assertThat(sent).isEmpty();
	}

	private void refused(MockMultipartFile file, int status, String detail) throws Exception {
		mvc.perform(multipart("/api/v1/drafts").file(file).header("Authorization", bearer(org.managerA())))
			.andExpect(status().is(status))
			.andExpect(jsonPath("$.detail").value(containsString(detail)));
	}

	private int folders() throws Exception {
		if (!Files.isDirectory(files.root())) {
			return 0;
		}
		try (var list = Files.list(files.root())) {
			return (int) list.count();
		}
	}

	private static java.util.stream.Stream<Path> list(Path folder) {
		try {
			return Files.list(folder).toList().stream();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private String upload(String name, io.stride.identity.PersonId author) throws Exception {
		String location = mvc.perform(multipart("/api/v1/drafts").file(recording(name, "speech"))
				.header("Authorization", bearer(author)))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getHeader("Location");
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private void transcribed(String id, io.stride.identity.PersonId author) throws Exception {
		await(id, "TRANSCRIBED");
	}

	private void await(String id, String status) throws Exception {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < until) {
			String now = jobs.find(id).orElseThrow().status();
			if (now.equals(status)) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("Recording " + id + " is " + jobs.find(id).orElseThrow() + ", not " + status);
	}

	private static MockMultipartFile recording(String name, String content) {
		return new MockMultipartFile("files", name, "application/octet-stream", content.getBytes());
	}

	private String bearer(io.stride.identity.PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
