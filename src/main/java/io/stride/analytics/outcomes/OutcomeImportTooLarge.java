package io.stride.analytics.outcomes;

/**
 * A values file above the import limit; nothing was read or saved (413).
 */
public class OutcomeImportTooLarge extends RuntimeException {

	public OutcomeImportTooLarge(long limit) {
		super("The file is larger than " + limit / 1024 + " KB; nothing was imported. Split it into smaller files.");
	}
}
