package io.stride.xapi.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
 * The Statements resource calls {@link #learnFrom} for every batch it stores, inside the batch's transaction.
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
	 * Takes in the definitions of the activities a batch of stored statements names: their objects, their context
	 * activities and those of sub-statements. One query reads what is known of them all; only an activity the batch
	 * defines anew or changes is written, locked in key order, so that concurrent batches about the same activities
	 * neither wait on each other when nothing changes nor deadlock when something does.
	 * @param statements the statements as stored (valid), oldest first: a later statement's definition wins
	 * @param mayDefine whether their writer may (re)define activities (xAPI's {@code define} scope); without it a
	 *     definition is kept only for an activity not defined before (the first one sent), never changed
	 */
	public void learnFrom(List<? extends JsonNode> statements, boolean mayDefine) {
		Map<String, Incoming> incoming = new TreeMap<>();
		for (JsonNode statement : statements) {
			collect(statement, mayDefine, incoming);
		}
		if (incoming.isEmpty()) {
			return;
		}
		Map<String, ObjectNode> held = new HashMap<>();
		jdbc.sql("SELECT activity_key, definition FROM xapi_activities WHERE activity_key IN (:keys)")
			.param("keys", List.copyOf(incoming.keySet()))
			.query((rs, n) -> held.put(rs.getString(1), (ObjectNode) json.readTree(rs.getString(2))))
			.list();
		incoming.forEach((key, activity) -> {
			ObjectNode known = held.get(key);
			if (known != null && (!mayDefine || merged(known, activity.definition()).equals(known))) {
				// most statements repeat a definition the LRS already holds
				return;
			}
			learn(key, activity, mayDefine);
		});
	}

	/** The activity and its definition as a batch gives it, merged in the batch's order. */
	private record Incoming(String activityId, ObjectNode definition) {
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

	private void collect(JsonNode statement, boolean mayDefine, Map<String, Incoming> into) {
		JsonNode object = statement.get("object");
		if (object != null && object.isObject()) {
			String type = object.path("objectType").asString("Activity");
			if (type.equals("Activity")) {
				collectActivity(object, mayDefine, into);
			}
			else if (type.equals("SubStatement")) {
				collect(object, mayDefine, into);
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
					activities.forEach(a -> collectActivity(a, mayDefine, into));
				}
				else {
					// 1.0.3 still takes a single activity here, not only an array
					collectActivity(activities, mayDefine, into);
				}
			}
		}
	}

	private static void collectActivity(JsonNode activity, boolean mayDefine, Map<String, Incoming> into) {
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
		into.merge(key(activityId), new Incoming(activityId, (ObjectNode) definition),
				(earlier, later) -> mayDefine
						? new Incoming(activityId, merged(earlier.definition(), later.definition())) : earlier);
	}

	private void learn(String key, Incoming activity, boolean mayDefine) {
		for (int attempt = 0;; attempt++) {
			try {
				savepoint.executeWithoutResult(
						status -> merge(key, activity.activityId(), activity.definition(), mayDefine));
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
