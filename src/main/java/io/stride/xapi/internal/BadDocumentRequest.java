package io.stride.xapi.internal;

/** A missing, malformed or unknown parameter or body: 400 Bad Request. */
public class BadDocumentRequest extends DocumentRefused {

	public BadDocumentRequest(String message) {
		super(400, message);
	}
}
