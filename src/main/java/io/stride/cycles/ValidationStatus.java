package io.stride.cycles;

/** Where a peer validation request stands: asked, or answered once (validated, not yet, or declined). */
public enum ValidationStatus {
	REQUESTED, VALIDATED, NOT_YET, DECLINED;

	/** What a validator may answer. */
	public boolean isAnswer() {
		return this != REQUESTED;
	}

	public String label() {
		return switch (this) {
			case REQUESTED -> "Waiting for an answer";
			case VALIDATED -> "Validated";
			case NOT_YET -> "Not yet";
			case DECLINED -> "Declined";
		};
	}
}
