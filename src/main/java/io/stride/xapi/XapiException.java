package io.stride.xapi;

/**
 * A refusal the LRS answers with the status xAPI names for it (400, 403, 404, 409, 412, 413) and a message saying
 * what was wrong. Thrown anywhere below a {@code /xapi} controller.
 */
public class XapiException extends RuntimeException {

	private final int status;

	public XapiException(int status, String message) {
		super(message);
		this.status = status;
	}

	public static XapiException badRequest(String message) {
		return new XapiException(400, message);
	}

	public int status() {
		return status;
	}
}
