package io.stride.xapi.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.shared.Ids;
import io.stride.xapi.LmsWrites;
import io.stride.xapi.Scope;
import io.stride.xapi.XapiClient;
import io.stride.xapi.OutsideStatementsStored;
import io.stride.xapi.XapiException;
import org.springframework.context.ApplicationEventPublisher;
import io.stride.xapi.XapiSessions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores statements that clients send: checked, completed with what the LRS sets ({@code id} when absent,
 * {@code stored}, {@code authority}, {@code version}, {@code timestamp} when absent), compared with a statement of the
 * same id already stored (the same is accepted again, a different one is a conflict), linked to the Stride person it
 * is about, and written with their agents, activities and attachments in one transaction, all or nothing.
 */
@Component
public class StatementWrites {

	static final int MAX_KEY = 1000;

	private static final String COLUMNS = "id, actor_id, verb, object_id, course_id, result_score, result_success, "
			+ "occurred_at, stored_at, statement, registration, result_response, voided, client_id";

	private static final String ROW = "(?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final Organization organization;

	private final String baseUrl;

	// looked up when used: the sessions' module writes its own LMS statements through this module
	private final ObjectProvider<XapiSessions> sessions;

	private final ActivityDefinitions definitions;

	private final ApplicationEventPublisher events;

	StatementWrites(JdbcClient jdbc, JsonMapper json, Clock clock, Organization organization,
			@Value("${stride.base-url}") String baseUrl, ActivityDefinitions definitions, ApplicationEventPublisher events,
			ObjectProvider<XapiSessions> sessions) {
		this.definitions = definitions;
		this.events = events;
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.organization = organization;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The statements to store and the attachments that came with them (by SHA-2). */
	public record Batch(List<ObjectNode> statements, Map<String, Attachments.Part> attachments) {
	}

	/**
	 * Stores the batch, or nothing of it.
	 * @return the statements' ids in the order sent, and whether any was new
	 */
	@Transactional
	public Stored store(Batch batch, XapiClient client) {
		if (!client.allows(Scope.STATEMENTS_WRITE)) {
			throw new XapiException(403, "This client's scopes do not include statements/write.");
		}
		Instant stored = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		// copies: a retry after a concurrent write of the same id starts from the statements as sent
		List<ObjectNode> statements = batch.statements().stream().map(ObjectNode::deepCopy).toList();
		Set<String> seen = new HashSet<>();
		List<String> ids = new ArrayList<>(statements.size());
		for (ObjectNode s : statements) {
			StatementRules.statement(s);
			contextActivitiesAsArrays(s.get("context"));
			if (s.get("object") instanceof ObjectNode object && object.has("context")) {
				contextActivitiesAsArrays(object.get("context"));
			}
			String id = s.has("id") ? s.get("id").stringValue().toLowerCase(Locale.ROOT) : Ids.newId();
			s.put("id", id);
			if (!seen.add(id)) {
				throw XapiException.badRequest("The statement id " + id + " appears twice in this batch.");
			}
			ids.add(id);
		}
		Attachments.requireParts(statements, batch.attachments());
		if (client.limited()) {
			withinLimits(client, statements);
			sessions.orderedStream().forEach(session -> session.beforeStore(client, statements));
		}
		Map<String, String> existing = existing(ids);
		List<ObjectNode> fresh = new ArrayList<>();
		for (ObjectNode s : statements) {
			String earlier = existing.get(s.get("id").stringValue());
			if (earlier == null) {
				fresh.add(s);
			}
			else if (!sameStatement(json.readTree(earlier), s)) {
				throw new XapiException(409, "A different statement with the id " + s.get("id").stringValue()
						+ " is already stored; statements can't be changed.");
			}
		}
		List<String> voids = voidedTargets(fresh, client);
		for (ObjectNode s : fresh) {
			complete(s, stored, client);
		}
		List<OutsideStatementsStored.Stored> told = insert(fresh, stored, client);
		Attachments.store(jdbc, batch.attachments(), stored);
		// the activities' definitions merged as the spec's Activities resource returns them (ADR 0030)
		definitions.learnFrom(fresh, client.allows(Scope.DEFINE));
		// a statement whose voiding statement came first is voided as it arrives (Data 2.3.2: voided if the LRS holds a
		// voiding statement that refers to it, whatever the order they came in)
		voids.addAll(voidedBeforeTheyCame(fresh));
		if (!voids.isEmpty()) {
			jdbc.sql("UPDATE statements SET voided = TRUE WHERE id IN (:ids) AND verb <> :voided")
				.param("ids", voids)
				.param("voided", StatementRules.VOIDED)
				.update();
		}
		if (!told.isEmpty()) {
			// heard in this transaction, after the voiding: forwarding's outbox and capability evidence (which looks
			// for what a voiding statement voided) commit with the statements
			events.publishEvent(new OutsideStatementsStored(told));
		}
		if (client.limited() && !fresh.isEmpty()) {
			sessions.orderedStream().forEach(session -> session.afterStore(client, fresh));
		}
		return new Stored(ids, !fresh.isEmpty());
	}

	/** A session's credential speaks for its learner in its registration only (cmi5 §9.2, §9.6.1). */
	private static void withinLimits(XapiClient client, List<ObjectNode> statements) {
		String agent = AgentKeys.key(client.limits().agent());
		for (ObjectNode s : statements) {
			if (!agent.equals(AgentKeys.key(s.get("actor")))) {
				throw new XapiException(403, "This session's credentials write statements only with the launched "
						+ "learner as actor (cmi5 §9.2).");
			}
			JsonNode registration = s.path("context").get("registration");
			if (registration == null || !client.limits().registration().equalsIgnoreCase(registration.asString())) {
				throw new XapiException(403, "This session's statements must carry the launch's registration "
						+ client.limits().registration() + " (cmi5 §9.6.1).");
			}
		}
	}

	public record Stored(List<String> ids, boolean anyNew) {
	}

	private Map<String, String> existing(List<String> ids) {
		Map<String, String> found = new HashMap<>();
		jdbc.sql("SELECT id, statement FROM statements WHERE id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> found.put(rs.getString(1), rs.getString(2)))
			.list();
		return found;
	}

	/**
	 * The ids a batch's voiding statements void. Voiding a voiding statement is refused: it would bring back a
	 * statement its writer took back. So is voiding a statement Stride recorded itself, unless Stride voids it.
	 */
	private List<String> voidedTargets(List<ObjectNode> fresh, XapiClient client) {
		List<String> targets = new ArrayList<>();
		Map<String, ObjectNode> byId = new HashMap<>();
		fresh.forEach(s -> byId.put(s.get("id").stringValue(), s));
		for (ObjectNode s : fresh) {
			if (StatementRules.VOIDED.equals(s.get("verb").get("id").stringValue())) {
				targets.add(s.get("object").get("id").stringValue().toLowerCase(Locale.ROOT));
			}
		}
		if (targets.isEmpty()) {
			return targets;
		}
		List<String> voidingTargets = new ArrayList<>();
		List<String> stridesOwn = new ArrayList<>();
		jdbc.sql("SELECT id, verb, client_id FROM statements WHERE id IN (:ids)")
			.param("ids", targets)
			.query((rs, n) -> {
				if (StatementRules.VOIDED.equals(rs.getString(2))) {
					voidingTargets.add(rs.getString(1));
				}
				String writer = rs.getString(3);
				if ((writer == null || writer.equals(LmsWrites.STRIDE.id())) && !client.id().equals(LmsWrites.STRIDE.id())) {
					stridesOwn.add(rs.getString(1));
				}
				return null;
			})
			.list();
		if (!stridesOwn.isEmpty()) {
			// the learning record's own statements (a course's progress, a quiz, an LMS's launch) change in Stride only
			throw new XapiException(403, "The statement " + stridesOwn.get(0) + " was recorded by Stride itself; an "
					+ "LRS client can void only statements that LRS clients wrote.");
		}
		targets.stream().filter(t -> byId.containsKey(t)
				&& StatementRules.VOIDED.equals(byId.get(t).get("verb").get("id").stringValue()))
			.forEach(voidingTargets::add);
		if (!voidingTargets.isEmpty()) {
			throw XapiException.badRequest("The statement " + voidingTargets.get(0)
					+ " voids another statement; a voiding statement can't be voided.");
		}
		return targets;
	}

	/** The ids of the batch's statements that a voiding statement stored earlier already refers to. */
	private List<String> voidedBeforeTheyCame(List<ObjectNode> fresh) {
		if (fresh.isEmpty()) {
			return List.of();
		}
		List<String> refs = fresh.stream().map(s -> "StatementRef " + s.get("id").stringValue()).toList();
		return jdbc.sql("SELECT object_id FROM statements WHERE object_id IN (:refs) AND verb = :voided")
			.param("refs", refs)
			.param("voided", StatementRules.VOIDED)
			.query(String.class)
			.list()
			.stream()
			.map(ref -> ref.substring("StatementRef ".length()))
			.toList();
	}

	/** What the LRS sets: stored, authority (the client), version, and the timestamp when the client gave none. */
	private void complete(ObjectNode s, Instant stored, XapiClient client) {
		s.put("stored", stored.toString());
		if (!s.has("timestamp")) {
			s.put("timestamp", stored.toString());
		}
		if (!s.has("version")) {
			s.put("version", "1.0.0");
		}
		ObjectNode authority = s.putObject("authority");
		authority.put("objectType", "Agent");
		authority.put("name", client.name());
		authority.putObject("account").put("homePage", baseUrl).put("name", "xapi-client:" + client.id());
	}

	/** A single context activity may be sent alone; the LRS keeps and returns it in an array (Data 2.4.6.2). */
	private static void contextActivitiesAsArrays(JsonNode context) {
		if (context != null && context.get("contextActivities") instanceof ObjectNode activities) {
			for (String kind : List.copyOf(activities.propertyNames())) {
				JsonNode value = activities.get(kind);
				if (value.isObject()) {
					activities.putArray(kind).add(value);
				}
			}
		}
	}

	private List<OutsideStatementsStored.Stored> insert(List<ObjectNode> fresh, Instant stored, XapiClient client) {
		if (fresh.isEmpty()) {
			return List.of();
		}
		List<OutsideStatementsStored.Stored> told = new ArrayList<>(fresh.size());
		List<Object> rows = new ArrayList<>();
		List<Object> agentRows = new ArrayList<>();
		List<Object> activityRows = new ArrayList<>();
		// the batch's people in two queries, read afresh: a person created or deactivated on another node counts at once
		Map<String, PersonId> people = peopleOf(fresh.stream().map(s -> s.get("actor")).toList());
		for (ObjectNode s : fresh) {
			String id = s.get("id").stringValue();
			JsonNode actor = s.get("actor");
			String actorKey = AgentKeys.key(actor);
			PersonId person = actorKey == null ? null : people.get(actorKey);
			JsonNode result = s.get("result");
			JsonNode score = result == null ? null : result.get("score");
			String response = result != null && result.has("response") ? result.get("response").stringValue() : null;
			JsonNode context = s.get("context");
			String serialized = json.writeValueAsString(s);
			if (serialized.length() > 1_000_000) {
				throw new XapiException(413, "The statement " + id + " is larger than 1,000,000 characters.");
			}
			rows.addAll(List.of(id));
			rows.add(person == null ? null : person.value());
			String objectColumn = objectColumn(s.get("object"));
			boolean activity = !s.get("object").has("objectType")
					|| "Activity".equals(s.get("object").get("objectType").stringValue());
			told.add(new OutsideStatementsStored.Stored(id, s.get("verb").get("id").stringValue(),
					person == null ? null : person.value(), activity ? objectColumn : null));
			rows.add(s.get("verb").get("id").stringValue());
			rows.add(objectColumn);
			rows.add(score != null && score.has("scaled") ? score.get("scaled").doubleValue() : null);
			rows.add(result != null && result.has("success") ? result.get("success").booleanValue() : null);
			rows.add(Timestamp.from(StatementRules.instant(s.get("timestamp").stringValue(), "timestamp")));
			rows.add(Timestamp.from(stored));
			rows.add(serialized);
			rows.add(context != null && context.has("registration")
					? context.get("registration").stringValue().toLowerCase(Locale.ROOT) : null);
			rows.add(response != null && response.length() <= 2000 ? response : null);
			rows.add(client.id());
			for (AgentKeys.Appearance a : AgentKeys.appearances(s)) {
				agentRows.addAll(List.of(id, limited(a.key(), "An agent's identifier"), a.direct()));
			}
			for (AgentKeys.Appearance a : AgentKeys.activities(s)) {
				activityRows.addAll(List.of(id, limited(a.key(), "An activity id"), a.direct()));
			}
		}
		jdbc.sql("INSERT INTO statements (" + COLUMNS + ") VALUES " + String.join(", ", Collections.nCopies(fresh.size(), ROW)))
			.params(rows)
			.update();
		if (!agentRows.isEmpty()) {
			jdbc.sql("INSERT INTO xapi_statement_agents (statement_id, agent_key, direct) VALUES "
					+ String.join(", ", Collections.nCopies(agentRows.size() / 3, "(?, ?, ?)")))
				.params(agentRows)
				.update();
		}
		if (!activityRows.isEmpty()) {
			jdbc.sql("INSERT INTO xapi_statement_activities (statement_id, activity_id, direct) VALUES "
					+ String.join(", ", Collections.nCopies(activityRows.size() / 3, "(?, ?, ?)")))
				.params(activityRows)
				.update();
		}
		return told;
	}

	private static String limited(String value, String what) {
		if (value.length() > MAX_KEY) {
			throw new XapiException(413, what + " is longer than " + MAX_KEY + " characters: " + value.substring(0, 80) + "…");
		}
		return value;
	}

	/**
	 * The object column: an activity's id, as Stride's own statements have it; other objects get a value with a
	 * space, which no IRI has, so that the activity filter never finds them.
	 */
	static String objectColumn(JsonNode object) {
		String type = object.has("objectType") ? object.get("objectType").stringValue() : "Activity";
		return switch (type) {
			case "Activity" -> limited(object.get("id").stringValue(), "An activity id");
			case "StatementRef" -> "StatementRef " + object.get("id").stringValue().toLowerCase(Locale.ROOT);
			case "Agent", "Group" -> {
				String key = AgentKeys.key(object);
				yield key == null ? type : limited(type + " " + key, "An agent's identifier");
			}
			default -> type;
		};
	}

	/**
	 * The Stride person a statement's actor is: an account on Stride's own address named with the person's id (as
	 * Stride's statements name people), or the email of an active person.
	 */
	public Optional<PersonId> personOf(JsonNode actor) {
		String key = AgentKeys.key(actor);
		return key == null ? Optional.empty() : Optional.ofNullable(peopleOf(List.of(actor)).get(key));
	}

	/** The Stride person of each of these actors that is one, by the actor's key, in at most two queries. */
	Map<String, PersonId> peopleOf(List<JsonNode> actors) {
		Map<String, PersonId> accounts = new HashMap<>();
		Map<String, String> mboxes = new HashMap<>();
		for (JsonNode actor : actors) {
			String key = actor == null || !actor.isObject() || "Group".equals(actor.path("objectType").asString(""))
					? null : AgentKeys.key(actor);
			if (key == null) {
				continue;
			}
			if (actor.has("account")) {
				JsonNode account = actor.get("account");
				String home = account.get("homePage").asString();
				if (home.endsWith("/")) {
					home = home.substring(0, home.length() - 1);
				}
				String name = account.get("name").asString();
				if (home.equals(baseUrl) && Ids.looksValid(name)) {
					accounts.put(key, new PersonId(name));
				}
			}
			else if (actor.has("mbox")) {
				String email = actor.get("mbox").asString().substring("mailto:".length()).strip();
				if (!email.isEmpty()) {
					mboxes.put(key, email);
				}
			}
		}
		if (accounts.isEmpty() && mboxes.isEmpty()) {
			return Map.of();
		}
		Organization.ActivePeople active = organization.activePeople(Set.copyOf(accounts.values()),
				Set.copyOf(mboxes.values()));
		Map<String, PersonId> people = new HashMap<>();
		accounts.forEach((key, id) -> {
			if (active.ids().contains(id)) {
				people.put(key, id);
			}
		});
		mboxes.forEach((key, email) -> {
			PersonId id = active.byEmail().get(email);
			if (id != null) {
				people.put(key, id);
			}
		});
		return people;
	}

	/**
	 * Whether a statement sent again is the one stored: the same apart from what the LRS set (stored, authority,
	 * version, and the timestamp when the client sent none).
	 */
	static boolean sameStatement(JsonNode stored, ObjectNode sent) {
		ObjectNode a = (ObjectNode) stored.deepCopy();
		ObjectNode b = sent.deepCopy();
		for (String lrsSet : new String[] { "stored", "authority", "version", "id" }) {
			a.remove(lrsSet);
			b.remove(lrsSet);
		}
		if (!b.has("timestamp")) {
			a.remove("timestamp");
		}
		else if (a.has("timestamp")) {
			Instant first = StatementRules.instant(a.get("timestamp").asString(), "timestamp");
			Instant second = StatementRules.instant(b.get("timestamp").asString(), "timestamp");
			if (!first.equals(second)) {
				return false;
			}
			a.remove("timestamp");
			b.remove("timestamp");
		}
		return a.equals(b);
	}

}
