package io.stride.drafting.internal.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.stride.drafting.SourceRejected;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audio and video through FFmpeg (Debian's package): what a file holds, its sound as 16 kHz mono WAV (what
 * Whisper-style transcribers take), whether it is silent, and where to cut it into chunks at silences.
 * <p>
 * An upload is hostile until read: FFmpeg runs without a shell, reads only local files ({@code file} protocol) and
 * only through the demuxers of the formats Stride accepts, so that a playlist or concat list dressed as an MP4 can
 * never make it open a network address or another file; every run has a time limit, and only
 * {@code max-processes} run at once.
 */
@Component
public class Media {

	/** What a recording holds. */
	public record Info(long millis, boolean audio, boolean video) {
	}

	/** A part of a recording, cut in a silence; times from the recording's start. */
	public record Chunk(int index, long startMillis, long endMillis) {
	}

	/** MP3, M4A/MP4/MOV (one demuxer), WAV, OGG, WebM (Matroska's demuxer): the formats issue 14 accepts. */
	static final String FORMATS = "mp3,mov,wav,ogg,matroska";

	static final int RATE = 16_000;

	/** The largest single allocation FFmpeg may make (256 MB): a crafted index table can't take the server's memory. */
	private static final String MAX_ALLOC = Integer.toString(256 * 1024 * 1024);

	private static final long SECOND = 1000;

	private static final Logger log = LoggerFactory.getLogger(Media.class);

	private final MediaSettings settings;

	private final Semaphore turns;

	private volatile Boolean available;

	/** With the settings application.yml ships with. */
	public Media() {
		this(MediaSettings.defaults());
	}

	@Autowired
	public Media(@Value("${stride.recordings.ffmpeg:ffmpeg}") String ffmpeg,
			@Value("${stride.recordings.ffprobe:ffprobe}") String ffprobe,
			@Value("${stride.recordings.ffmpeg-timeout-seconds:600}") int timeoutSeconds,
			@Value("${stride.recordings.chunk-seconds:600}") int chunkSeconds,
			@Value("${stride.recordings.silence-noise-db:-35}") double silenceNoiseDb,
			@Value("${stride.recordings.silence-min-millis:400}") int silenceMinMillis,
			@Value("${stride.recordings.silent-below-db:-50}") double silentBelowDb,
			@Value("${stride.recordings.max-ffmpeg-processes:1}") int maxProcesses,
			@Value("${stride.recordings.ffmpeg-queue-wait-seconds:120}") int queueWaitSeconds,
			@Value("${stride.recordings.max-minutes:240}") int maxMinutes) {
		this(new MediaSettings(ffmpeg, ffprobe, Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(chunkSeconds),
				silenceNoiseDb, Duration.ofMillis(silenceMinMillis), silentBelowDb, maxProcesses,
				Duration.ofSeconds(queueWaitSeconds), Duration.ofMinutes(maxMinutes)));
	}

	Media(MediaSettings settings) {
		this.settings = settings;
		this.turns = new Semaphore(settings.maxProcesses(), true);
	}

	/**
	 * Whether FFmpeg and FFprobe can be run here; asked once. It does not wait for a turn: {@code -version} is cheap,
	 * and a page asking must not wait behind a long recording.
	 */
	public boolean available() {
		Boolean known = available;
		if (known == null) {
			known = runs(settings.ffmpeg()) && runs(settings.ffprobe());
			available = known;
		}
		return known;
	}

	private boolean runs(String program) {
		try {
			Path here = Path.of(System.getProperty("java.io.tmpdir"));
			return ProcessRun.run(List.of(program, "-hide_banner", "-version"), here, Duration.ofSeconds(10), null)
				.exitCode() == 0;
		}
		catch (IOException | ProcessRun.TimedOut notThere) {
			return false;
		}
	}

	/**
	 * What the file holds; a {@link SourceRejected} (422) naming {@code name} when it is not audio
	 * or video FFmpeg can read, or has no sound track. {@code millis} is the length of the (first) sound track, which
	 * a video's picture may outlast; for {@link #chunks} probe the WAV that {@link #audio} made.
	 */
	public Info probe(Path file, String name) {
		if (isEmpty(file)) {
			throw new SourceRejected(422, name, "is empty.");
		}
		List<String> command = new ArrayList<>(List.of(settings.ffprobe(), "-hide_banner", "-v", "error", "-max_alloc",
				MAX_ALLOC));
		command.addAll(inputOptions(file));
		command.addAll(List.of("-show_entries",
				"format=duration:stream=codec_type,duration:stream_disposition=attached_pic", "-of", "json"));
		ProcessRun.Outcome outcome = run(command, file.toAbsolutePath().getParent(), name, null);
		JsonNode answer = outcome.ok() ? json(outcome.stdout()) : null;
		if (answer == null) {
			throw notMedia(name);
		}
		boolean audio = false;
		boolean video = false;
		long soundMillis = 0;
		for (JsonNode stream : answer.path("streams")) {
			String type = stream.path("codec_type").asString("");
			// an MP3's cover picture is a video stream to FFmpeg, but nothing a viewer would call a video
			boolean picture = stream.path("disposition").path("attached_pic").asInt(0) == 1;
			video |= type.equals("video") && !picture;
			if (type.equals("audio") && !audio) {
				audio = true;
				soundMillis = millis(stream.path("duration").asString(""));
			}
		}
		if (!audio) {
			throw video ? new SourceRejected(422, name, "has no sound track to transcribe.") : notMedia(name);
		}
		// the length of the sound that audio() takes, which a picture may outlast; Matroska and WebM give only the
		// file's length
		long millis = soundMillis > 0 ? soundMillis : millis(answer.path("format").path("duration").asString(""));
		if (millis > settings.maxDuration().toMillis()) {
			throw new SourceRejected(422, name,
					"is longer than " + span(settings.maxDuration()) + ", the longest recording Stride reads.");
		}
		return new Info(millis, true, video);
	}

	/** The file's sound as 16 kHz mono 16-bit PCM WAV, written in {@code dir}. */
	public Path audio(Path file, Path dir) {
		String name = file.getFileName().toString();
		// written under another name and renamed when whole, so that a crash mid-way never leaves a WAV that looks
		// finished to the job that resumes
		Path wav = newFile(dir, "audio-", name, ".part");
		List<String> command = ffmpeg(file);
		// the first sound track only, nothing of pictures, subtitles or tags; never longer than a recording may be
		command.addAll(List.of("-map", "0:a:0", "-vn", "-sn", "-dn", "-map_metadata", "-1", "-t",
				Long.toString(settings.maxDuration().toSeconds() + 1)));
		command.addAll(wavOutput(wav));
		writeOrDelete(command, dir, name, wav);
		// a file that does not state its length (a browser's WebM) passed probe(): its sound tells, and a second
		// over the limit means it was longer than a recording may be, not to be cut off without a word
		if (wavMillis(wav) > settings.maxDuration().toMillis()) {
			delete(wav);
			throw new SourceRejected(422, name,
					"is longer than " + span(settings.maxDuration()) + ", the longest recording Stride reads.");
		}
		String whole = wav.getFileName().toString();
		try {
			return Files.move(wav, wav.resolveSibling(whole.substring(0, whole.length() - ".part".length()) + ".wav"),
					StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException cannotRename) {
			delete(wav);
			throw new IllegalStateException("cannot keep the sound of " + name + " in " + dir, cannotRename);
		}
	}

	/** Whether a WAV made by {@link #audio} has nothing louder than background noise. */
	public boolean silent(Path wav) {
		List<String> command = ffmpeg(wav);
		command.addAll(List.of("-af", "volumedetect", "-f", "null", "-"));
		double[] loudest = { Double.NEGATIVE_INFINITY };
		String name = wav.getFileName().toString();
		ProcessRun.Outcome outcome = run(command, wav.toAbsolutePath().getParent(), name, line -> {
			int at = line.indexOf("max_volume:");
			if (at >= 0) {
				loudest[0] = decibels(line.substring(at + "max_volume:".length()));
			}
		});
		if (outcome.exitCode() != 0) {
			throw notMedia(name);
		}
		return loudest[0] < settings.silentBelowDb();
	}

	/**
	 * Chunks of at most the configured length, cut in silences where there are any; together they cover it all.
	 * {@code millis} is the WAV's length, as {@link #probe} tells it.
	 */
	public List<Chunk> chunks(Path wav, long millis) {
		long limit = settings.chunk().toMillis();
		if (millis <= limit) {
			return List.of(new Chunk(0, 0, Math.max(0, millis)));
		}
		return ChunkPlan.cut(millis, limit, SECOND, silences(wav));
	}

	/** The pauses in a WAV, as FFmpeg's silencedetect finds them with the configured noise level and length. */
	List<ChunkPlan.Silence> silences(Path wav) {
		List<String> command = ffmpeg(wav);
		command.addAll(List.of("-af", String.format(Locale.ROOT, "silencedetect=noise=%.1fdB:duration=%.3f",
				settings.silenceNoiseDb(), settings.silenceMin().toMillis() / 1000.0), "-f", "null", "-"));
		List<ChunkPlan.Silence> silences = new ArrayList<>();
		long[] start = { -1 };
		String name = wav.getFileName().toString();
		ProcessRun.Outcome outcome = run(command, wav.toAbsolutePath().getParent(), name, line -> {
			int at = line.indexOf("silence_start:");
			if (at >= 0) {
				start[0] = Math.max(0, millis(line.substring(at + "silence_start:".length()).strip()));
				return;
			}
			at = line.indexOf("silence_end:");
			if (at >= 0 && start[0] >= 0) {
				String rest = line.substring(at + "silence_end:".length()).strip();
				int bar = rest.indexOf('|');
				long end = millis((bar < 0 ? rest : rest.substring(0, bar)).strip());
				if (end > start[0]) {
					silences.add(new ChunkPlan.Silence(start[0], end));
				}
				start[0] = -1;
			}
		});
		if (outcome.exitCode() != 0) {
			throw notMedia(name);
		}
		if (start[0] >= 0) {
			// a pause that lasts to the end is reported without its end
			silences.add(new ChunkPlan.Silence(start[0], Long.MAX_VALUE));
		}
		return silences;
	}

	/** One chunk of a WAV made by {@link #audio}, as its own WAV in {@code dir}. */
	public Path cut(Path wav, Chunk chunk, Path dir) {
		String name = wav.getFileName().toString();
		Path part = newFile(dir, "chunk-" + chunk.index() + "-", name);
		List<String> command = new ArrayList<>(List.of(settings.ffmpeg(), "-nostdin", "-hide_banner", "-nostats",
				"-loglevel", "error", "-ss", seconds(chunk.startMillis())));
		command.addAll(inputOptions(wav));
		command.addAll(List.of("-t", seconds(chunk.endMillis() - chunk.startMillis()), "-map_metadata", "-1"));
		command.addAll(wavOutput(part));
		writeOrDelete(command, dir, name, part);
		return part;
	}

	private List<String> ffmpeg(Path input) {
		List<String> command = new ArrayList<>(List.of(settings.ffmpeg(), "-nostdin", "-hide_banner", "-nostats",
				"-loglevel", "info", "-max_alloc", MAX_ALLOC));
		command.addAll(inputOptions(input));
		return command;
	}

	/**
	 * Read the input as a local file only, through the accepted formats' demuxers only. The "file:" prefix keeps a
	 * name such as "http:…" or "concat:…" from being taken for a protocol.
	 */
	private static List<String> inputOptions(Path input) {
		return List.of("-protocol_whitelist", "file", "-format_whitelist", FORMATS, "-i",
				"file:" + input.toAbsolutePath());
	}

	private static List<String> wavOutput(Path wav) {
		// bitexact: no encoder tag, so the header is the plain 44 bytes and the rest is sound
		return List.of("-ac", "1", "-ar", Integer.toString(RATE), "-c:a", "pcm_s16le", "-fflags", "+bitexact", "-f",
				"wav", "-y", "file:" + wav.toAbsolutePath());
	}

	/** The length of a WAV this class wrote: 16-bit mono samples at {@link #RATE} after a 44-byte header. */
	static long wavMillis(Path wav) {
		try {
			return Math.max(0, Files.size(wav) - 44) * 1000 / (2L * RATE);
		}
		catch (IOException unreadable) {
			return 0;
		}
	}

	/** Runs an FFmpeg that writes {@code out}; nothing is left of it when it fails. */
	private void writeOrDelete(List<String> command, Path dir, String name, Path out) {
		boolean written = false;
		try {
			ProcessRun.Outcome outcome = run(command, dir, name, line -> {
			});
			// a WAV header alone (44 bytes) holds no sound
			written = outcome.exitCode() == 0 && Files.size(out) > 44;
			if (!written) {
				log.debug("FFmpeg could not write the sound of {}: {}", name, outcome.lastLine());
				throw outcome.exitCode() == 0 ? new SourceRejected(422, name, "has no sound track to transcribe.")
						: notMedia(name);
			}
		}
		catch (IOException unreadable) {
			throw notMedia(name);
		}
		finally {
			if (!written) {
				delete(out);
			}
		}
	}

	/** A run in its turn: at most {@code max-processes} at once, each within its time. */
	private ProcessRun.Outcome run(List<String> command, Path workDir, String name, Consumer<String> lines) {
		try {
			if (!turns.tryAcquire(settings.queueWait().toMillis(), TimeUnit.MILLISECONDS)) {
				throw new SourceRejected(503, name,
						"was not read: Stride is busy reading other recordings. Please try again in a minute.", 60);
			}
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new SourceRejected(503, name, "was not read: Stride is shutting down.", 60);
		}
		try {
			return ProcessRun.run(command, workDir, settings.timeout(), lines);
		}
		catch (ProcessRun.TimedOut slow) {
			log.warn("FFmpeg ran over {} s on {} and was stopped", settings.timeout().toSeconds(), name);
			throw new SourceRejected(422, name, "took too long to read.");
		}
		catch (IOException cannotStart) {
			if (Thread.currentThread().isInterrupted()) {
				throw new SourceRejected(503, name, "was not read: Stride is shutting down.", 60);
			}
			log.error("FFmpeg could not be started ({}): {}", command.getFirst(), cannotStart.getMessage());
			throw new SourceRejected(503, name, "was not read: this server cannot run FFmpeg.", 0);
		}
		finally {
			turns.release();
		}
	}

	private static boolean isEmpty(Path file) {
		try {
			return !Files.isRegularFile(file) || Files.size(file) == 0;
		}
		catch (IOException unreadable) {
			return true;
		}
	}

	private static Path newFile(Path dir, String prefix, String name) {
		return newFile(dir, prefix, name, ".wav");
	}

	private static Path newFile(Path dir, String prefix, String name, String suffix) {
		try {
			return Files.createTempFile(dir, prefix, suffix);
		}
		catch (IOException cannotWrite) {
			throw new IllegalStateException("cannot write the sound of " + name + " in " + dir, cannotWrite);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ignored) {
			// a temporary file in the job's folder, which goes with it
		}
	}

	private static SourceRejected notMedia(String name) {
		return new SourceRejected(422, name, "is not an audio or video file Stride can read.");
	}

	private static JsonNode json(String text) {
		try {
			JsonNode node = JsonMapper.shared().readTree(text);
			return node != null && node.isObject() ? node : null;
		}
		catch (JacksonException malformed) {
			return null;
		}
	}

	/** FFmpeg's seconds ("12.345678") as milliseconds; 0 when there are none. */
	static long millis(String seconds) {
		try {
			double value = Double.parseDouble(seconds.strip());
			return Double.isFinite(value) && value > 0 ? Math.round(value * 1000) : 0;
		}
		catch (NumberFormatException notANumber) {
			return 0;
		}
	}

	/** " -23.5 dB" as -23.5; "-inf dB" (digital silence) as negative infinity. */
	static double decibels(String text) {
		String value = text.strip().replace("dB", "").strip();
		try {
			return value.endsWith("inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(value);
		}
		catch (NumberFormatException notANumber) {
			return Double.NEGATIVE_INFINITY;
		}
	}

	/** "4 hours", "90 minutes", "1 minute". */
	static String span(Duration length) {
		long minutes = Math.max(1, length.toMinutes());
		if (minutes % 60 == 0) {
			return minutes == 60 ? "1 hour" : minutes / 60 + " hours";
		}
		return minutes == 1 ? "1 minute" : minutes + " minutes";
	}

	private static String seconds(long millis) {
		return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
	}
}
