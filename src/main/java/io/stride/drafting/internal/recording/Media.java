package io.stride.drafting.internal.recording;

import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Audio and video through FFmpeg (Debian's package): what a file holds, its sound as 16 kHz mono WAV (what
 * Whisper-style transcribers take), whether it is silent, and where to cut it into chunks at silences.
 * SKELETON: the signatures are the contract the recording job codes against; issue 14 fills them in.
 */
@Component
public class Media {

	/** What a recording holds. */
	public record Info(long millis, boolean audio, boolean video) {
	}

	/** A part of a recording, cut in a silence; times from the recording's start. */
	public record Chunk(int index, long startMillis, long endMillis) {
	}

	/** Whether FFmpeg and FFprobe can be run here. */
	public boolean available() {
		throw new UnsupportedOperationException("not built yet");
	}

	/**
	 * What the file holds; a {@link io.stride.drafting.SourceRejected} (422) naming {@code name} when it is not audio
	 * or video FFmpeg can read, or has no sound track.
	 */
	public Info probe(Path file, String name) {
		throw new UnsupportedOperationException("not built yet");
	}

	/** The file's sound as 16 kHz mono 16-bit PCM WAV, written in {@code dir}. */
	public Path audio(Path file, Path dir) {
		throw new UnsupportedOperationException("not built yet");
	}

	/** Whether a WAV made by {@link #audio} has nothing louder than background noise. */
	public boolean silent(Path wav) {
		throw new UnsupportedOperationException("not built yet");
	}

	/** Chunks of at most the configured length, cut in silences where there are any; together they cover it all. */
	public List<Chunk> chunks(Path wav, long millis) {
		throw new UnsupportedOperationException("not built yet");
	}

	/** One chunk of a WAV made by {@link #audio}, as its own WAV in {@code dir}. */
	public Path cut(Path wav, Chunk chunk, Path dir) {
		throw new UnsupportedOperationException("not built yet");
	}
}
