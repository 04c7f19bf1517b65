package io.stride.xapi.internal;

import io.stride.xapi.XapiException;

/**
 * A request to the document, Activities or Agents resources that is refused with the status xAPI names for it;
 * nothing was changed. The message says what to send instead.
 */
public class DocumentRefused extends XapiException {

	public DocumentRefused(int status, String message) {
		super(status, message);
	}

	static DocumentRefused conflict(String message) {
		return new DocumentRefused(409, message);
	}

	static DocumentRefused preconditionFailed(String message) {
		return new DocumentRefused(412, message);
	}

	static DocumentRefused tooLarge(String message) {
		return new DocumentRefused(413, message);
	}
}
