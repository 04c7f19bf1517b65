package io.stride.xapi;

import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * An outside tool with its own key for the LRS. Inside a {@code /xapi} request it is the authenticated principal.
 *
 * @param id the client's id (as in {@code /api/v1/xapi/clients/{id}})
 * @param name what the admin called it; it is the {@code authority} of the statements it writes
 * @param scopes what it was given
 * @param limits null for a client's key; for a session's credential ({@link XapiSessions}), whom and what it may
 *               speak for
 */
public record XapiClient(String id, String name, Set<Scope> scopes, Limits limits) {

	public XapiClient {
		scopes = Set.copyOf(scopes);
	}

	public XapiClient(String id, String name, Set<Scope> scopes) {
		this(id, name, scopes, null);
	}

	/**
	 * What a session's credential is bound to: statements only with this actor and registration, state only of this
	 * agent, activity and registration, agent profiles only of this agent with these ids.
	 */
	public record Limits(JsonNode agent, String activityId, String registration, Set<String> agentProfileIds) {

		public Limits {
			agentProfileIds = Set.copyOf(agentProfileIds);
		}
	}

	/** Whether this is a session's credential rather than a client's key. */
	public boolean limited() {
		return limits != null;
	}

	/**
	 * Whether the client may do what {@code scope} names, counting the wider scopes that hold it: {@code all} holds
	 * every scope; {@code statements/read} holds {@code statements/read/mine}.
	 */
	public boolean allows(Scope scope) {
		return scopes.contains(Scope.ALL) || scopes.contains(scope)
				|| scope == Scope.STATEMENTS_READ_MINE && scopes.contains(Scope.STATEMENTS_READ)
				|| reading(scope) && scopes.contains(Scope.ALL_READ);
	}

	/**
	 * Whether the client may read what {@code scope} names: {@link #allows(Scope)}, and {@code all/read} also reads
	 * state, profiles and definitions (it gives no writing).
	 */
	public boolean allowsReading(Scope scope) {
		return allows(scope) || scopes.contains(Scope.ALL_READ);
	}

	/** Whether it may read statements only of its own writing ({@code statements/read/mine} and no wider scope). */
	public boolean readsOnlyItsOwnStatements() {
		return !allows(Scope.STATEMENTS_READ) && allows(Scope.STATEMENTS_READ_MINE);
	}

	private static boolean reading(Scope scope) {
		return scope == Scope.STATEMENTS_READ || scope == Scope.STATEMENTS_READ_MINE;
	}
}
