package io.stride.drafting.internal.recording;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.stride.drafting.SourceRejected;
import io.stride.support.Recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Media against real FFmpeg with real recordings made here: espeak-ng speech with pauses, in every accepted format,
 * and the files an upload form meets in the wild (not media, truncated, soundless, silent, hostile).
 */
class MediaTests {

	/** Sound from the speech WAV in another container may differ by an encoder's padding, never by more. */
	private static final long TOLERANCE_MILLIS = 100;

	@TempDir
	static Path media;

	static Path speech;

	static long speechMillis;

	static HttpServer server;

	static final AtomicInteger requests = new AtomicInteger();

	final Media ffmpeg = new Media();

	@BeforeAll
	static void makeRecordings() throws IOException {
		Recordings.requireTools();
		speech = Recordings.speech(media.resolve("speech.wav"), 3, 1200);
		// the length told by the samples themselves: espeak-ng writes 22,050 Hz mono 16-bit
		speechMillis = Recordings.samples(speech).length * 1000L / 22_050;
		Recordings.convert(speech, media.resolve("speech.mp3"), "-c:a", "libmp3lame", "-b:a", "64k");
		Recordings.convert(speech, media.resolve("speech.m4a"), "-c:a", "aac", "-b:a", "64k");
		Recordings.convert(speech, media.resolve("speech.ogg"), "-c:a", "libvorbis");
		Recordings.convert(speech, media.resolve("speech.webm"), "-c:a", "libopus");
		Recordings.video(speech, media.resolve("speech.mp4"), "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a",
				"aac");
		Recordings.video(speech, media.resolve("speech.mov"), "-c:v", "mpeg4", "-c:a", "aac");
		Recordings.silentFilm(media.resolve("screen.mp4"), 3);
		Recordings.nothing(media.resolve("muted.m4a"), 4, "-c:a", "aac");

		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", exchange -> {
			requests.incrementAndGet();
			byte[] wav = Files.readAllBytes(speech);
			exchange.sendResponseHeaders(200, wav.length);
			exchange.getResponseBody().write(wav);
			exchange.close();
		});
		server.start();
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.stop(0);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "speech.wav", "speech.mp3", "speech.m4a", "speech.ogg", "speech.webm", "speech.mp4",
			"speech.mov" })
	void everyAcceptedFormatIsReadWithItsLength(String file) {
		Media.Info info = ffmpeg.probe(media.resolve(file), file);

		assertThat(info.audio()).isTrue();
		assertThat(info.video()).isEqualTo(file.endsWith(".mp4") || file.endsWith(".mov"));
		assertThat(info.millis()).isCloseTo(speechMillis, within(TOLERANCE_MILLIS));
	}

	@ParameterizedTest
	@ValueSource(strings = { "speech.mp3", "speech.m4a", "speech.ogg", "speech.webm", "speech.mp4", "speech.mov" })
	void soundBecomesSixteenKilohertzMonoWavWithoutThePicture(String file, @TempDir Path work) {
		Path wav = ffmpeg.audio(media.resolve(file), work);

		Recordings.Stream stream = Recordings.probe(wav);
		assertThat(wav.getParent()).isEqualTo(work);
		assertThat(stream.codec()).isEqualTo("pcm_s16le");
		assertThat(stream.sampleRate()).isEqualTo(16_000);
		assertThat(stream.channels()).isEqualTo(1);
		assertThat(stream.video()).isFalse();
		assertThat(stream.millis()).isCloseTo(speechMillis, within(TOLERANCE_MILLIS));
		assertThat(ffmpeg.probe(wav, "sound").millis()).isEqualTo(stream.millis());
	}

	@Test
	void filesThatAreNotMediaAreRefusedNamingTheFile() throws IOException {
		Path text = Files.writeString(media.resolve("notes.mp3"), "Minutes of the team meeting, not a recording.");
		Path pdf = Files.writeString(media.resolve("handbook.mp4"), "%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF\n");
		byte[] noise = new byte[64 * 1024];
		new Random(14).nextBytes(noise);
		Path random = Files.write(media.resolve("noise.webm"), noise);
		byte[] whole = Files.readAllBytes(media.resolve("speech.mp4"));
		Path truncated = Files.write(media.resolve("cut-off.mp4"), Arrays.copyOf(whole, whole.length / 2));

		for (Path file : List.of(text, pdf, random, truncated)) {
			String name = "Team call " + file.getFileName();
			SourceRejected refused = catchThrowableOfType(SourceRejected.class, () -> ffmpeg.probe(file, name));
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.source()).isEqualTo(name);
			assertThat(refused.getMessage())
				.isEqualTo("\"" + name + "\" is not an audio or video file Stride can read.");
		}
	}

	@Test
	void anEmptyFileIsRefusedAsEmpty() throws IOException {
		Path empty = Files.write(media.resolve("empty.wav"), new byte[0]);

		SourceRejected refused = catchThrowableOfType(SourceRejected.class, () -> ffmpeg.probe(empty, "memo.wav"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.getMessage()).isEqualTo("\"memo.wav\" is empty.");
	}

	@Test
	void aVideoWithoutSoundIsRefused() {
		SourceRejected refused = catchThrowableOfType(SourceRejected.class,
				() -> ffmpeg.probe(media.resolve("screen.mp4"), "Screen recording.mp4"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.getMessage()).isEqualTo("\"Screen recording.mp4\" has no sound track to transcribe.");
	}

	@Test
	void aMutedRecordingIsSilentAndSpeechIsNot(@TempDir Path work) {
		Media.Info muted = ffmpeg.probe(media.resolve("muted.m4a"), "muted.m4a");

		assertThat(muted.audio()).isTrue();
		assertThat(ffmpeg.silent(ffmpeg.audio(media.resolve("muted.m4a"), work))).isTrue();
		assertThat(ffmpeg.silent(ffmpeg.audio(media.resolve("speech.m4a"), work))).isFalse();
	}

	@Test
	void aPlaylistOrConcatListDressedAsVideoNeverReachesTheNetworkOrOtherFiles(@TempDir Path work)
			throws IOException {
		String address = "http://127.0.0.1:" + server.getAddress().getPort();
		Path remotePlaylist = Files.writeString(media.resolve("playlist.mp4"), playlist(address + "/segment.wav"));
		Path remoteList = Files.writeString(media.resolve("remote.mp4"),
				"ffconcat version 1.0\nfile '" + address + "/part.wav'\n");
		// files FFmpeg reads when it follows a list: another upload lying beside this one, a stream anywhere
		Path segment = Recordings.convert(speech, media.resolve("other-upload.ts"), "-c:a", "aac", "-f", "mpegts");
		Path localPlaylist = Files.writeString(media.resolve("local.mp4"),
				playlist(segment.toAbsolutePath().toString()));
		Path localList = Files.writeString(media.resolve("local.mov"), "ffconcat version 1.0\nfile 'speech.wav'\n");
		Path protocolName = Files.writeString(media.resolve("http:" + "127.0.0.1.mp3"), "not a recording");
		// the lists are truly hostile: FFmpeg left to itself reads the other files through them
		assertThat(Recordings.probe(localPlaylist).codec()).isEqualTo("aac");
		assertThat(Recordings.probe(localList).codec()).isEqualTo("pcm_s16le");

		for (Path hostile : List.of(remotePlaylist, remoteList, localPlaylist, localList, protocolName)) {
			String name = hostile.getFileName().toString();
			SourceRejected probed = catchThrowableOfType(SourceRejected.class, () -> ffmpeg.probe(hostile, name));
			SourceRejected converted = catchThrowableOfType(SourceRejected.class, () -> ffmpeg.audio(hostile, work));
			assertThat(probed).as(name).isNotNull();
			assertThat(probed.status()).as(name).isEqualTo(422);
			assertThat(probed.getMessage())
				.isEqualTo("\"" + name + "\" is not an audio or video file Stride can read.");
			assertThat(converted).as(name).isNotNull();
			assertThat(converted.status()).as(name).isEqualTo(422);
		}
		assertThat(requests).hasValue(0);
		assertThat(work).isEmptyDirectory();
	}

	private static String playlist(String segment) {
		return """
				#EXTM3U
				#EXT-X-TARGETDURATION:10
				#EXTINF:10,
				%s
				#EXT-X-ENDLIST
				""".formatted(segment);
	}

	@Test
	void aLongRecordingIsCutInItsPausesAndTheChunksCoverItAll(@TempDir Path work) throws IOException {
		Path long_ = Recordings.speech(work.resolve("long.wav"), 30, 1000);
		Media thirtySeconds = new Media(MediaSettings.defaults().withChunk(Duration.ofSeconds(30)));
		Path wav = thirtySeconds.audio(long_, work);
		long millis = thirtySeconds.probe(wav, "long.wav").millis();
		short[] samples = Recordings.samples(wav);
		assertThat(millis).isBetween(100_000L, 200_000L);

		List<Media.Chunk> chunks = thirtySeconds.chunks(wav, millis);

		assertThat(chunks.size()).isGreaterThanOrEqualTo((int) (millis / 30_000));
		assertThat(chunks.getFirst().startMillis()).isZero();
		assertThat(chunks.getLast().endMillis()).isEqualTo(millis);
		for (int i = 0; i < chunks.size(); i++) {
			Media.Chunk chunk = chunks.get(i);
			assertThat(chunk.index()).isEqualTo(i);
			// cut near the limit: in the second half of the 30 s, except the last one, which holds what is left
			assertThat(chunk.endMillis() - chunk.startMillis())
				.isBetween(i < chunks.size() - 1 ? 15_000L : 1_000L, 30_000L);
			if (i > 0) {
				assertThat(chunk.startMillis()).isEqualTo(chunks.get(i - 1).endMillis());
				// the cut is in a pause: nothing louder than -35 dBFS for 150 ms either side
				assertThat(loudest(samples, chunk.startMillis() - 150, chunk.startMillis() + 150))
					.as("cut at %d ms", chunk.startMillis())
					.isLessThan(582);
			}
		}

		long together = 0;
		for (Media.Chunk chunk : chunks) {
			Path part = thirtySeconds.cut(wav, chunk, work);
			Recordings.Stream stream = Recordings.probe(part);
			assertThat(stream.sampleRate()).isEqualTo(16_000);
			assertThat(stream.channels()).isEqualTo(1);
			assertThat(stream.millis()).isCloseTo(chunk.endMillis() - chunk.startMillis(),
					within(20L));
			together += Recordings.samples(part).length;
		}
		assertThat(together).isCloseTo(samples.length, within(16L * chunks.size()));
	}

	@Test
	void aRecordingLongerThanTheLimitIsRefusedBeforeItIsDecoded(@TempDir Path work) {
		Media upToAMinute = new Media(MediaSettings.defaults().withMaxDuration(Duration.ofMinutes(1)));
		Path long_ = Recordings.convert(speech, work.resolve("all-hands.ogg"), "-af", "apad=whole_dur=75",
				"-c:a", "libvorbis");

		SourceRejected refused = catchThrowableOfType(SourceRejected.class,
				() -> upToAMinute.probe(long_, "All hands.ogg"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.getMessage())
			.isEqualTo("\"All hands.ogg\" is longer than 1 minute, the longest recording Stride reads.");
		assertThat(upToAMinute.probe(speech, "speech.wav").millis()).isCloseTo(speechMillis, within(1L));
		assertThat(Media.span(Duration.ofHours(4))).isEqualTo("4 hours");
		assertThat(Media.span(Duration.ofMinutes(90))).isEqualTo("90 minutes");
	}

	@Test
	void aShortRecordingIsOneChunk() {
		assertThat(ffmpeg.chunks(speech, speechMillis)).containsExactly(new Media.Chunk(0, 0, speechMillis));
	}

	@Test
	void withoutPausesTheCutsAreHardAndTheLastChunkIsNeverUnderASecond() {
		List<Media.Chunk> chunks = ChunkPlan.cut(60_400, 30_000, 1_000, List.of());

		assertThat(chunks).containsExactly(new Media.Chunk(0, 0, 30_000), new Media.Chunk(1, 30_000, 59_400),
				new Media.Chunk(2, 59_400, 60_400));
	}

	@Test
	void aPauseRunningOverTheLimitIsCutAtTheLimitAndAnEarlyPauseIsNotUsed() {
		List<ChunkPlan.Silence> pauses = List.of(new ChunkPlan.Silence(3_000, 4_000),
				new ChunkPlan.Silence(29_500, 31_000), new ChunkPlan.Silence(52_000, 53_000));

		List<Media.Chunk> chunks = ChunkPlan.cut(70_000, 30_000, 1_000, pauses);

		assertThat(chunks).containsExactly(new Media.Chunk(0, 0, 30_000), new Media.Chunk(1, 30_000, 52_500),
				new Media.Chunk(2, 52_500, 70_000));
	}

	@Test
	void aRunThatTakesTooLongIsKilledAndLeavesNothing(@TempDir Path work) throws Exception {
		Path pid = work.resolve("pid");
		Path slow = script(work, "slow-ffmpeg", "echo $$ > " + pid + "\nexec sleep 30\n");
		Media stuck = new Media(MediaSettings.defaults()
			.withPrograms(slow.toString(), slow.toString())
			.withTimeout(Duration.ofSeconds(1)));
		Path out = Files.createDirectory(work.resolve("out"));

		long started = System.nanoTime();
		SourceRejected refused = catchThrowableOfType(SourceRejected.class,
				() -> stuck.audio(media.resolve("speech.mp4"), out));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.getMessage()).isEqualTo("\"speech.mp4\" took too long to read.");
		assertThat(out).isEmptyDirectory();
		long sleeper = Long.parseLong(Files.readString(pid).strip());
		assertThat(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false)).isFalse();
	}

	@Test
	void whileFfmpegRunsForOneUploadAnotherWaitsItsTurnThenIsAskedToComeBack(@TempDir Path work) throws Exception {
		Path slow = script(work, "busy-ffmpeg", "exec sleep 1.5\n");
		MediaSettings oneAtATime = new MediaSettings(slow.toString(), slow.toString(), Duration.ofSeconds(10),
				Duration.ofSeconds(600), -35, Duration.ofMillis(400), -50, 1, Duration.ofMillis(300),
				Duration.ofHours(4));
		Media busy = new Media(oneAtATime);
		Thread first = Thread.ofVirtual().start(() -> {
			try {
				busy.silent(speech);
			}
			catch (SourceRejected expected) {
				// the sleeping stand-in answers nothing FFmpeg would
			}
		});
		Thread.sleep(500);

		SourceRejected refused = catchThrowableOfType(SourceRejected.class,
				() -> busy.probe(media.resolve("speech.mp3"), "speech.mp3"));
		first.join();

		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.retryAfterSeconds()).isPositive();
		assertThat(refused.getMessage()).startsWith("\"speech.mp3\" was not read: Stride is busy");
	}

	@Test
	void availableOnlyWhereFfmpegRuns() {
		Media missing = new Media(MediaSettings.defaults().withPrograms("/nowhere/ffmpeg", "/nowhere/ffprobe"));

		assertThat(ffmpeg.available()).isTrue();
		assertThat(missing.available()).isFalse();
		SourceRejected refused = catchThrowableOfType(SourceRejected.class,
				() -> missing.probe(media.resolve("speech.mp3"), "speech.mp3"));
		assertThat(refused.status()).isEqualTo(503);
	}

	private static int loudest(short[] samples, long fromMillis, long toMillis) {
		int from = (int) Math.max(0, fromMillis * 16);
		int to = (int) Math.min(samples.length, toMillis * 16);
		int loudest = 0;
		for (int i = from; i < to; i++) {
			loudest = Math.max(loudest, Math.abs(samples[i]));
		}
		return loudest;
	}

	private static Path script(Path dir, String name, String body) throws IOException {
		Path script = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
		script.toFile().setExecutable(true);
		return script;
	}
}
