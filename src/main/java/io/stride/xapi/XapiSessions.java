package io.stride.xapi;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.node.ObjectNode;

/**
 * Credentials another module hands out for one session of one learner in one activity (cmi5's auth-token, issued
 * when Stride launches an AU), and the rules of that session. The LRS asks every bean of this type for a key it does
 * not know as a client's; statements written with such a credential are shown to the session that issued it before
 * they are stored and after, in the same transaction, so that a refusal stores nothing and what the statements
 * achieve is recorded with them.
 */
public interface XapiSessions {

	/** The limited client these credentials stand for, if they are a live session's. */
	Optional<XapiClient> authenticate(String key, String secret);

	/**
	 * Called with a batch from a limited client before it is stored (ids set, checked against xAPI's rules).
	 * @throws XapiException (403) naming the session rule a statement breaks
	 */
	void beforeStore(XapiClient client, List<ObjectNode> statements);

	/** Called with the statements of the batch that were new, once they are written. */
	void afterStore(XapiClient client, List<ObjectNode> stored);
}
