package io.stride.drafting;

/**
 * A source that can't be drafted from, with the HTTP status that fits (413 too large, 415 unsupported type,
 * 422 unreadable, empty, encrypted or image-only; 429 and 503 when the author or the server has too much under way,
 * with the seconds to wait before trying again) and a message naming the file and the reason.
 */
public class SourceRejected extends RuntimeException {

	private final int status;

	private final String source;

	private final int retryAfterSeconds;

	public SourceRejected(int status, String source, String reason) {
		this(status, source, reason, 0);
	}

	public SourceRejected(int status, String source, String reason, int retryAfterSeconds) {
		super("\"" + source + "\" " + reason);
		this.status = status;
		this.source = source;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public int status() {
		return status;
	}

	public String source() {
		return source;
	}

	/** Seconds to wait before trying again, when waiting helps; 0 when it does not. */
	public int retryAfterSeconds() {
		return retryAfterSeconds;
	}
}
