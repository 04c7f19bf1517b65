package io.stride.drafting;

/**
 * A source that can't be drafted from, with the HTTP status that fits (413 too large, 415 unsupported type,
 * 422 unreadable, empty, encrypted or image-only) and a message naming the file and the reason.
 */
public class SourceRejected extends RuntimeException {

	private final int status;

	private final String source;

	public SourceRejected(int status, String source, String reason) {
		super("\"" + source + "\" " + reason);
		this.status = status;
		this.source = source;
	}

	public int status() {
		return status;
	}

	public String source() {
		return source;
	}
}
