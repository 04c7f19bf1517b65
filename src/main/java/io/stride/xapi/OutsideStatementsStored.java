package io.stride.xapi;

import java.util.List;

/**
 * Statements an outside tool sent to Stride's LRS, just stored; published inside the storing transaction, so that
 * what reacts (forwarding's outbox) commits with them or not at all.
 */
public record OutsideStatementsStored(List<Stored> statements) {

	/**
	 * One statement: its id, its verb, the Stride person it is about ({@code actorId} null for anyone else) and its
	 * object's id (an activity's IRI; null when the object is an agent or a statement).
	 */
	public record Stored(String statementId, String verbIri, String actorId, String objectId) {
	}
}
