package io.stride.xapi;

import java.util.List;

/**
 * Statements an outside tool sent to Stride's LRS, just stored; published inside the storing transaction, so that
 * what reacts (forwarding's outbox) commits with them or not at all.
 */
public record OutsideStatementsStored(List<Stored> statements) {

	/** One statement: its id, its verb and the Stride person it is about ({@code actorId} null for anyone else). */
	public record Stored(String statementId, String verbIri, String actorId) {
	}
}
