package io.stride.standards;

/**
 * A term a template bans and what to write instead; {@code preferred} is empty when there is no suggestion.
 */
public record ToneTerm(String term, String preferred) {

	public ToneTerm {
		term = term == null ? "" : term.strip();
		preferred = preferred == null ? "" : preferred.strip();
	}
}
