package io.stride.drafting.internal.recording;

import java.time.Duration;

/**
 * How FFmpeg is run for recordings.
 * @param ffmpeg the ffmpeg program (a name looked up on the PATH, or a path)
 * @param ffprobe the ffprobe program
 * @param timeout the longest one FFmpeg or FFprobe run may take before it is killed
 * @param chunk the longest chunk sent to the transcriber, at least 10 seconds and at most 13 minutes
 * @param silenceNoiseDb what is quieter than this (dBFS) counts as a pause when cutting chunks
 * @param silenceMin the shortest pause a chunk is cut in
 * @param silentBelowDb a recording whose loudest moment is quieter than this (dBFS) holds nothing to transcribe
 * @param maxProcesses FFmpeg and FFprobe runs at once on this node, so that uploads never take every core
 * @param queueWait how long a run waits for its turn before the caller is told to try again later
 * @param maxDuration the longest recording read; a file that says it is longer is refused before it is decoded
 */
record MediaSettings(String ffmpeg, String ffprobe, Duration timeout, Duration chunk, double silenceNoiseDb,
		Duration silenceMin, double silentBelowDb, int maxProcesses, Duration queueWait, Duration maxDuration) {

	private static final Duration MIN_CHUNK = Duration.ofSeconds(10);

	private static final Duration MAX_CHUNK = Duration.ofSeconds(780);

	MediaSettings {
		ffmpeg = ffmpeg == null || ffmpeg.isBlank() ? "ffmpeg" : ffmpeg.strip();
		ffprobe = ffprobe == null || ffprobe.isBlank() ? "ffprobe" : ffprobe.strip();
		timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? Duration.ofSeconds(600) : timeout;
		// a chunk must leave room for a second-long last chunk and a pause to cut in
		chunk = chunk == null || chunk.compareTo(MIN_CHUNK) < 0 ? MIN_CHUNK : chunk;
		// 16 kHz mono WAV is 32 kB a second: 13 minutes stay under the 25 MB a hosted Whisper takes in one request
		chunk = chunk.compareTo(MAX_CHUNK) > 0 ? MAX_CHUNK : chunk;
		silenceMin = silenceMin == null || silenceMin.isNegative() ? Duration.ofMillis(400) : silenceMin;
		maxProcesses = Math.max(1, maxProcesses);
		queueWait = queueWait == null || queueWait.isNegative() ? Duration.ZERO : queueWait;
		maxDuration = maxDuration == null || maxDuration.isNegative() || maxDuration.isZero() ? Duration.ofHours(4)
				: maxDuration;
	}

	/** The settings application.yml ships with. */
	static MediaSettings defaults() {
		return new MediaSettings("ffmpeg", "ffprobe", Duration.ofSeconds(600), Duration.ofSeconds(600), -35,
				Duration.ofMillis(400), -50, 1, Duration.ofSeconds(120), Duration.ofHours(4));
	}

	MediaSettings withChunk(Duration length) {
		return new MediaSettings(ffmpeg, ffprobe, timeout, length, silenceNoiseDb, silenceMin, silentBelowDb,
				maxProcesses, queueWait, maxDuration);
	}

	MediaSettings withTimeout(Duration limit) {
		return new MediaSettings(ffmpeg, ffprobe, limit, chunk, silenceNoiseDb, silenceMin, silentBelowDb,
				maxProcesses, queueWait, maxDuration);
	}

	MediaSettings withMaxDuration(Duration longest) {
		return new MediaSettings(ffmpeg, ffprobe, timeout, chunk, silenceNoiseDb, silenceMin, silentBelowDb,
				maxProcesses, queueWait, longest);
	}

	MediaSettings withPrograms(String ffmpegProgram, String ffprobeProgram) {
		return new MediaSettings(ffmpegProgram, ffprobeProgram, timeout, chunk, silenceNoiseDb, silenceMin,
				silentBelowDb, maxProcesses, queueWait, maxDuration);
	}
}
