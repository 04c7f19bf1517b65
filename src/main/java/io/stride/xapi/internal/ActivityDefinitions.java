package io.stride.xapi.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import io.stride.xapi.Scope;
import io.stride.xapi.XapiClient;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical definition of every activity statements have defined, for the Activities resource (xAPI 1.0.3
 * Communication 2.5): each statement's definitions are merged into what is known, the newest statement winning per
 * property, and per language in the language maps ({@code name}, {@code description}) and per key in
 * {@code extensions}, so two statements naming an activity in English and in French leave both names.
 * <p>
 * The Statements resource calls {@link #learnFrom} for every statement it stores, inside the statement's transaction.
 */
@Service
public class ActivityDefinitions {

	private static final Set<String> MERGED_MAPS = Set.of("name", "description", "extensions");

	private static final Set<String> CONTEXT_ACTIVITIES = Set.of("parent", "grouping", "category", "other");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate savepoint;

	ActivityDefinitions(JdbcClient jdbc, JsonMapper json, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		// inside the statement's transaction: a lost insert race rolls back to here, not the statement
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Takes in the definitions of the activities a stored statement names: its object, its context activities and
	 * those of a sub-statement.
	 * @param statement the statement as stored (valid)
	 * @param mayDefine whether its writer may (re)define activities (xAPI's {@code define} scope); without it a
	 *     definition is kept only for an activity not defined before, never changed
	 */
	public void learnFrom(JsonNode statement, boolean mayDefine) {
		learnFromStatement(statement, mayDefine);
	}

	/**
	 * The activity as the LRS knows it: {@code objectType}, {@code id} and, when one is known, {@code definition}: the
	 * merged one, else the one in the newest statement about the activity (Stride's own statements, written by
	 * activity's {@code LearningRecord}, never pass through {@link #learnFrom}).
	 */
	public ObjectNode activity(XapiClient client, String activityId) {
		ClientScopes.requireReading(client, Scope.DEFINE, Scope.PROFILE, Scope.STATEMENTS_READ);
		ObjectNode activity = json.createObjectNode();
		activity.put("objectType", "Activity");
		activity.put("id", activityId);
		definition(activityId).or(() -> fromNewestStatement(activityId)).ifPresent(d -> activity.set("definition", d));
		return activity;
	}

	/** The definition in the newest statement whose object is the activity (the learning record's table, ADR 0029). */
	private Optional<ObjectNode> fromNewestStatement(String activityId) {
		return jdbc.sql("SELECT statement FROM statements WHERE object_id = ? ORDER BY stored_at DESC "
				+ "FETCH FIRST 1 ROWS ONLY")
			.param(activityId)
			.query(String.class)
			.optional()
			.map(json::readTree)
			.map(statement -> statement.path("object"))
			.filter(object -> activityId.equals(object.path("id").asString(null)))
			.map(object -> object.get("definition"))
			.filter(JsonNode::isObject)
			.map(definition -> (ObjectNode) definition);
	}

	Optional<ObjectNode> definition(String activityId) {
		return jdbc.sql("SELECT definition FROM xapi_activities WHERE activity_key = ?")
			.param(key(activityId))
			.query(String.class)
			.optional()
			.map(text -> (ObjectNode) json.readTree(text));
	}

	private void learnFromStatement(JsonNode statement, boolean mayDefine) {
		JsonNode object = statement.get("object");
		if (object != null && object.isObject()) {
			String type = object.path("objectType").asString("Activity");
			if (type.equals("Activity")) {
				learn(object, mayDefine);
			}
			else if (type.equals("SubStatement")) {
				learnFromStatement(object, mayDefine);
			}
		}
		JsonNode contextActivities = statement.path("context").path("contextActivities");
		if (contextActivities.isObject()) {
			for (String kind : CONTEXT_ACTIVITIES) {
				JsonNode activities = contextActivities.get(kind);
				if (activities == null) {
					continue;
				}
				if (activities.isArray()) {
					activities.forEach(a -> learn(a, mayDefine));
				}
				else {
					// 1.0.3 still takes a single activity here, not only an array
					learn(activities, mayDefine);
				}
			}
		}
	}

	private void learn(JsonNode activity, boolean mayDefine) {
		JsonNode id = activity.get("id");
		JsonNode definition = activity.get("definition");
		if (id == null || !id.isString() || definition == null || !definition.isObject()) {
			return;
		}
		String activityId = id.stringValue();
		if (activityId.length() > DocumentPlace.MAX_ID_LENGTH) {
			// beyond the column: the statement is kept, the definition is not (GET answers the bare activity)
			return;
		}
		String key = key(activityId);
		ObjectNode incoming = (ObjectNode) definition;
		for (int attempt = 0;; attempt++) {
			try {
				savepoint.executeWithoutResult(status -> merge(key, activityId, incoming, mayDefine));
				return;
			}
			catch (DuplicateKeyException raced) {
				if (attempt > 0) {
					throw raced;
				}
				// another statement defined it first: merge into theirs
			}
		}
	}

	private void merge(String key, String activityId, ObjectNode incoming, boolean mayDefine) {
		// most statements repeat a definition the LRS already holds: read without a lock and stop there, so that
		// concurrent batches about the same activities take no row locks on them (they deadlocked at 20 clients)
		Optional<String> seen = jdbc.sql("SELECT definition FROM xapi_activities WHERE activity_key = ?")
			.param(key)
			.query(String.class)
			.optional();
		if (seen.isPresent()) {
			ObjectNode held = (ObjectNode) json.readTree(seen.get());
			if (!mayDefine || merged(held, incoming).equals(held)) {
				return;
			}
		}
		Optional<String> known = jdbc.sql("SELECT definition FROM xapi_activities WHERE activity_key = ? FOR UPDATE")
			.param(key)
			.query(String.class)
			.optional();
		Timestamp now = Timestamp.from(clock.instant());
		if (known.isEmpty()) {
			jdbc.sql("INSERT INTO xapi_activities (activity_key, activity_id, definition, updated_at) VALUES (?, ?, ?, ?)")
				.params(key, activityId, json.writeValueAsString(incoming), now)
				.update();
			return;
		}
		if (!mayDefine) {
			return;
		}
		ObjectNode merged = merged((ObjectNode) json.readTree(known.get()), incoming);
		jdbc.sql("UPDATE xapi_activities SET definition = ?, updated_at = ? WHERE activity_key = ?")
			.params(json.writeValueAsString(merged), now, key)
			.update();
	}

	/** {@code known} with {@code incoming} over it: language maps and extensions per key, the rest as a whole. */
	static ObjectNode merged(ObjectNode known, ObjectNode incoming) {
		ObjectNode merged = known.deepCopy();
		for (var property : incoming.properties()) {
			JsonNode before = merged.get(property.getKey());
			if (MERGED_MAPS.contains(property.getKey()) && before != null && before.isObject()
					&& property.getValue().isObject()) {
				((ObjectNode) before).setAll((ObjectNode) property.getValue());
			}
			else {
				merged.set(property.getKey(), property.getValue());
			}
		}
		return merged;
	}

	private static String key(String activityId) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(activityId.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
