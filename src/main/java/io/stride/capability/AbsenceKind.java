package io.stride.capability;

/** Why someone is away, in a word; never a reason text. */
public enum AbsenceKind {
	LEAVE("on leave"), TRAINING("in training"), PARENTAL("on parental leave"), OTHER("away");

	private final String phrase;

	AbsenceKind(String phrase) {
		this.phrase = phrase;
	}

	/** As in "Ana on leave". */
	public String phrase() {
		return phrase;
	}
}
