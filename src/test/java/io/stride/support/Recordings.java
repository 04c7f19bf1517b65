package io.stride.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Real recordings made at test time, so that no media file is kept in the repository: speech from espeak-ng with
 * pauses between its sentences, turned by FFmpeg into the formats Stride accepts, with a test picture for video.
 */
public final class Recordings {

	private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");

	private static final Path FFPROBE = Path.of("/usr/bin/ffprobe");

	private static final Path ESPEAK = Path.of("/usr/bin/espeak-ng");

	/** Sentences a manager might say while showing a process; cycled for longer recordings. */
	private static final List<String> SENTENCES = List.of(
			"Welcome to the new returns process for the Lyon warehouse.",
			"First, open the order screen and find the customer's number.",
			"Check that the parcel arrived within thirty days of delivery.",
			"If the seal is broken, take two photographs before you open it.",
			"Then scan every item and compare it with the packing list.",
			"Damaged items go to the blue shelf, never back into stock.",
			"A refund above five hundred euros needs a second signature.",
			"Write the reason for the return in the comment field.",
			"Finally, send the customer the confirmation email from the template.",
			"Questions about unusual returns go to the team lead on duty.");

	private Recordings() {
	}

	/**
	 * Fails under {@code CI=true} when FFmpeg, FFprobe or espeak-ng is missing (CI installs them); elsewhere skips
	 * the calling tests with the reason.
	 */
	public static void requireTools() {
		boolean installed = Files.isExecutable(FFMPEG) && Files.isExecutable(FFPROBE) && Files.isExecutable(ESPEAK);
		if ("true".equalsIgnoreCase(System.getenv("CI")) && !installed) {
			Assertions.fail("Recording tests are required under CI=true but /usr/bin/ffmpeg, /usr/bin/ffprobe or "
					+ "/usr/bin/espeak-ng is missing (install Debian's ffmpeg and espeak-ng)");
		}
		Assumptions.assumeTrue(installed,
				"FFmpeg or espeak-ng not installed; recording tests skipped (apt-get install ffmpeg espeak-ng)");
	}

	/** {@code sentences} spoken by espeak-ng with a pause of {@code pauseMillis} between them, as WAV. */
	public static Path speech(Path out, int sentences, int pauseMillis) {
		StringBuilder ssml = new StringBuilder("<speak>");
		for (int i = 0; i < sentences; i++) {
			if (i > 0) {
				ssml.append("<break time=\"").append(pauseMillis).append("ms\"/>");
			}
			ssml.append(SENTENCES.get(i % SENTENCES.size()));
		}
		ssml.append("</speak>");
		run(ESPEAK.toString(), "-m", "-w", out.toString(), ssml.toString());
		return out;
	}

	/** The recording in another format; {@code codec} as FFmpeg's audio options (e.g. "-c:a", "libmp3lame"). */
	public static Path convert(Path source, Path out, String... codec) {
		List<String> command = new ArrayList<>(List.of(FFMPEG.toString(), "-nostdin", "-hide_banner", "-loglevel",
				"error", "-y", "-i", source.toString()));
		command.addAll(List.of(codec));
		command.add(out.toString());
		run(command.toArray(String[]::new));
		return out;
	}

	/** A small test picture with the recording as its sound, as long as the sound. */
	public static Path video(Path sound, Path out, String... codecs) {
		List<String> command = new ArrayList<>(List.of(FFMPEG.toString(), "-nostdin", "-hide_banner", "-loglevel",
				"error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-i", sound.toString(), "-map",
				"0:v", "-map", "1:a", "-shortest"));
		command.addAll(List.of(codecs));
		command.add(out.toString());
		run(command.toArray(String[]::new));
		return out;
	}

	/** A test picture without any sound track. */
	public static Path silentFilm(Path out, int seconds) {
		run(FFMPEG.toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
				"testsrc=size=160x120:rate=10:duration=" + seconds, "-c:v", "libx264", "-pix_fmt", "yuv420p",
				out.toString());
		return out;
	}

	/** A recording of nothing (digital silence), e.g. a microphone that was muted. */
	public static Path nothing(Path out, int seconds, String... codec) {
		List<String> command = new ArrayList<>(List.of(FFMPEG.toString(), "-nostdin", "-hide_banner", "-loglevel",
				"error", "-y", "-f", "lavfi", "-i", "anullsrc=r=44100:cl=stereo", "-t", Integer.toString(seconds)));
		command.addAll(List.of(codec));
		command.add(out.toString());
		run(command.toArray(String[]::new));
		return out;
	}

	/** What FFprobe says of a file's first audio stream and its length: codec, rate, channels, seconds. */
	public static Stream probe(Path file) {
		String answer = run(FFPROBE.toString(), "-v", "error", "-select_streams", "a:0", "-show_entries",
				"stream=codec_name,sample_rate,channels:format=duration", "-of", "default=nw=1", file.toString());
		String codec = "";
		int rate = 0;
		int channels = 0;
		double seconds = 0;
		int videos = run(FFPROBE.toString(), "-v", "error", "-select_streams", "v", "-show_entries",
				"stream=index", "-of", "csv=p=0", file.toString()).strip().isEmpty() ? 0 : 1;
		for (String line : answer.split("\n")) {
			String[] pair = line.strip().split("=", 2);
			if (pair.length < 2 || pair[1].equals("N/A")) {
				continue;
			}
			switch (pair[0]) {
				case "codec_name" -> codec = pair[1];
				case "sample_rate" -> rate = Integer.parseInt(pair[1]);
				case "channels" -> channels = Integer.parseInt(pair[1]);
				case "duration" -> seconds = Double.parseDouble(pair[1]);
				default -> {
				}
			}
		}
		return new Stream(codec, rate, channels, Math.round(seconds * 1000), videos > 0);
	}

	public record Stream(String codec, int sampleRate, int channels, long millis, boolean video) {
	}

	/** The samples of a 16-bit PCM WAV (its data chunk, first channel's frames when mono). */
	public static short[] samples(Path wav) throws IOException {
		ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
		int at = 12;
		while (at + 8 <= bytes.limit()) {
			String id = new String(bytes.array(), at, 4, StandardCharsets.US_ASCII);
			int size = bytes.getInt(at + 4);
			if (id.equals("data")) {
				int length = Math.min(size, bytes.limit() - at - 8) / 2;
				short[] samples = new short[length];
				for (int i = 0; i < length; i++) {
					samples[i] = bytes.getShort(at + 8 + 2 * i);
				}
				return samples;
			}
			at += 8 + size + (size & 1);
		}
		throw new IOException(wav + " has no data chunk");
	}

	private static String run(String... command) {
		try {
			Path output = Files.createTempFile("recordings", ".log");
			try {
				Process process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(output.toFile())
					.start();
				process.getOutputStream().close();
				if (!process.waitFor(120, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException("took over two minutes: " + command[0]);
				}
				String text = Files.readString(output);
				if (process.exitValue() != 0) {
					throw new IllegalStateException(command[0] + " failed: " + text);
				}
				return text;
			}
			finally {
				Files.deleteIfExists(output);
			}
		}
		catch (IOException | InterruptedException failed) {
			throw new IllegalStateException("could not run " + command[0], failed);
		}
	}
}
