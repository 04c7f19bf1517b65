package io.stride.xapi.internal;

import io.stride.xapi.Scope;
import io.stride.xapi.XapiClient;

/**
 * What a client's key may do with documents, activities and agents (xAPI 1.0.3 Communication 4.2): checked by the
 * services themselves, so that no caller can reach a document around the check.
 */
public final class ClientScopes {

	private ClientScopes() {
	}

	/** The scope that opens a kind of document: {@code state} for states, {@code profile} for both profiles. */
	static Scope of(DocumentPlace.Kind kind) {
		return kind == DocumentPlace.Kind.STATE ? Scope.STATE : Scope.PROFILE;
	}

	/** 403 unless the client may write what {@code scope} names. */
	static void requireWriting(XapiClient client, Scope scope) {
		if (client == null || !client.allows(scope)) {
			throw new DocumentRefused(403, "This client's key may not write here: it needs the '" + scope.value()
					+ "' scope (or 'all').");
		}
	}

	/** 403 unless the client may read what one of {@code scopes} names ({@code all/read} reads them all). */
	public static void requireReading(XapiClient client, Scope... scopes) {
		for (Scope scope : scopes) {
			if (client != null && client.allowsReading(scope)) {
				return;
			}
		}
		throw new DocumentRefused(403, "This client's key may not read here: it needs the '" + scopes[0].value()
				+ "' scope (or 'all/read' or 'all').");
	}
}
