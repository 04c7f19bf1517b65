package io.stride.drafting.internal.recording;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Speaks the OpenAI-compatible {@code /audio/transcriptions} protocol (OpenAI, Azure OpenAI, whisper.cpp's or
 * faster-whisper's servers) to the one configured endpoint: one try per call, segments with their times.
 * SKELETON: the signatures are the contract the recording job codes against; issue 14 fills them in.
 */
@Component
public class TranscriptionClient {

	/** What was said between two moments, in milliseconds from the start of the file sent. */
	public record Segment(long startMillis, long endMillis, String text) {
	}

	/**
	 * A try that failed. {@code retryable}: a timeout, a 429 or a 5xx (worth another try, after {@code retryAfter}
	 * when the server said how long, else null); otherwise the endpoint refused for good (a wrong key, a refused
	 * file). The message is fit to show the author and never holds the key.
	 */
	public static final class Failure extends RuntimeException {

		private final boolean retryable;

		private final Duration retryAfter;

		public Failure(String message, boolean retryable, Duration retryAfter) {
			super(message);
			this.retryable = retryable;
			this.retryAfter = retryAfter;
		}

		public boolean retryable() {
			return retryable;
		}

		public Duration retryAfter() {
			return retryAfter;
		}
	}

	/** Whether an endpoint is configured (base URL and model). */
	public boolean enabled() {
		return false;
	}

	/** The segments of one audio file, one try; a {@link Failure} when it did not work. */
	public List<Segment> transcribe(Path audio) {
		throw new UnsupportedOperationException("not built yet");
	}
}
