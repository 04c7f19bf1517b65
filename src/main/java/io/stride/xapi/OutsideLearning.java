package io.stride.xapi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.NotFoundException;
import io.stride.xapi.internal.StatementWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What people learned outside Stride, as outside tools told Stride's LRS: the statements about a Stride person that an
 * LRS client wrote (Stride's own have no client), never voided ones nor the voiding statements themselves. Read for
 * capability evidence (completions of named activities) and shown to the person, their managers and admins.
 */
@Service
public class OutsideLearning {

	public static final int PAGE_SIZE = 20;

	public static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";

	public static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";

	public static final String MASTERED = "http://adlnet.gov/expapi/verbs/mastered";

	public static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

	/** The verbs that say an activity was done; "attempted" or "experienced" say too little to count as evidence. */
	public static final List<String> COMPLETING_VERBS = List.of(COMPLETED, PASSED, MASTERED);

	static final int CHUNK = 500;

	/**
	 * Written by an outside tool's own key: not Stride's record (no client), not Stride's cmi5 LMS and not a learner's
	 * cmi5 session credential (neither is a row of {@code xapi_clients}), so a learner cannot report learning for themself.
	 */
	private static final String OUTSIDE = "s.client_id IN (SELECT c.id FROM xapi_clients c) AND s.voided = FALSE "
			+ "AND s.verb <> '" + VOIDED + "'";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Organization organization;

	private final StatementWrites writes;

	OutsideLearning(JdbcClient jdbc, JsonMapper json, Organization organization, StatementWrites writes) {
		this.writes = writes;
		this.jdbc = jdbc;
		this.json = json;
		this.organization = organization;
	}

	/** A completing statement about an activity; {@code score} is the scaled score, null when none was sent. */
	public record Completion(PersonId personId, String activityIri, Instant at, Double score, Boolean success) {
	}

	/** One statement as a person's record shows it: the tool is the LRS client's name. */
	public record Entry(String statementId, String verbIri, String verb, String activityIri, String activityName,
			String tool, Instant at, Double score, Boolean success) {

		/** The scaled score as a percentage, e.g. "86 %"; null without a score. */
		public String scorePercent() {
			return score == null ? null : Math.round(score * 100) + " %";
		}

		public String outcome() {
			return success == null ? null : success ? "Passed" : "Not passed";
		}
	}

	/** One page (from 1) of a person's outside learning, newest first. */
	public record Page(List<Entry> entries, int page, int pages, long total) {

		public boolean hasNext() {
			return page < pages;
		}

		public boolean hasPrevious() {
			return page > 1;
		}
	}

	/**
	 * The completing statements (completed, passed, mastered; success not false) of these people about these
	 * activities, not voided: whether a score is enough is the rule's to say.
	 */
	@Transactional(readOnly = true)
	public List<Completion> completions(Collection<PersonId> people, Collection<String> activityIris) {
		if (people.isEmpty() || activityIris.isEmpty()) {
			return List.of();
		}
		List<Completion> found = new ArrayList<>();
		List<String> ids = people.stream().map(PersonId::value).distinct().toList();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			found.addAll(jdbc.sql("SELECT actor_id, object_id, occurred_at, result_score, result_success FROM statements "
					+ "WHERE actor_id IN (:people) AND object_id IN (:iris) AND verb IN (:verbs) AND voided = FALSE "
					+ "AND (result_success IS NULL OR result_success = TRUE) AND client_id IN (SELECT c.id FROM xapi_clients c)")
				.param("people", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
				.param("iris", List.copyOf(new LinkedHashSet<>(activityIris)))
				.param("verbs", COMPLETING_VERBS)
				.query((rs, n) -> {
					double score = rs.getDouble(4);
					Double scaled = rs.wasNull() ? null : score;
					boolean success = rs.getBoolean(5);
					return new Completion(new PersonId(rs.getString(1)), rs.getString(2), rs.getTimestamp(3).toInstant(),
							scaled, rs.wasNull() ? null : success);
				})
				.list());
		}
		return found;
	}

	/** Everyone with a completing statement about any of these activities (a superset of whom a rule counts). */
	@Transactional(readOnly = true)
	public Set<PersonId> peopleWhoCompleted(Collection<String> activityIris) {
		if (activityIris.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("SELECT DISTINCT actor_id FROM statements WHERE object_id IN (:iris) "
				+ "AND verb IN (:verbs) AND actor_id IS NOT NULL AND voided = FALSE "
				+ "AND client_id IN (SELECT c.id FROM xapi_clients c)")
			.param("iris", List.copyOf(new LinkedHashSet<>(activityIris)))
			.param("verbs", COMPLETING_VERBS)
			.query((rs, n) -> new PersonId(rs.getString(1)))
			.list());
	}

	/**
	 * The statements these voiding statements voided, as they were stored (whom and what they were about): a
	 * voiding statement's object is a StatementRef, so it alone doesn't say whose evidence it took away.
	 */
	@Transactional(readOnly = true)
	public List<OutsideStatementsStored.Stored> voidedBy(Collection<String> voidingStatementIds) {
		if (voidingStatementIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT t.id, t.verb, t.actor_id, t.object_id FROM statements v JOIN statements t "
				+ "ON v.object_id = CONCAT('StatementRef ', t.id) WHERE v.id IN (:ids) AND v.verb = :voided")
			.param("ids", List.copyOf(voidingStatementIds))
			.param("voided", VOIDED)
			.query((rs, n) -> new OutsideStatementsStored.Stored(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	/**
	 * A page (from 1) of what outside tools recorded about the person, newest first; the person, their managers and
	 * admins see it, anyone else gets "not found".
	 */
	@Transactional(readOnly = true)
	public Page about(Viewer viewer, PersonId person, int page) {
		requireVisible(viewer, person);
		long total = jdbc.sql("SELECT COUNT(*) FROM statements s WHERE s.actor_id = ? AND " + OUTSIDE)
			.param(person.value())
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(1, page), pages);
		List<Entry> entries = jdbc.sql("SELECT s.id, s.verb, s.object_id, c.name, s.occurred_at, s.result_score, "
				+ "s.result_success, s.statement FROM statements s LEFT JOIN xapi_clients c ON c.id = s.client_id "
				+ "WHERE s.actor_id = :person AND " + OUTSIDE + " ORDER BY s.occurred_at DESC, s.id DESC "
				+ "LIMIT :limit OFFSET :offset")
			.param("person", person.value())
			.param("limit", PAGE_SIZE)
			.param("offset", (current - 1) * PAGE_SIZE)
			.query((rs, n) -> entry(rs))
			.list();
		return new Page(entries, current, pages, total);
	}

	/**
	 * Everything outside tools recorded about the person from {@code from} (inclusive) until {@code until}
	 * (exclusive), newest first, at most {@code limit}, with how many there are in all; empty when the viewer may not
	 * see the person's record (only they, their managers and admins may).
	 */
	@Transactional(readOnly = true)
	public Optional<Page> during(Viewer viewer, PersonId person, Instant from, Instant until, int limit) {
		if (!organization.canSee(viewer, person)) {
			return Optional.empty();
		}
		String where = "s.actor_id = :person AND s.occurred_at >= :from AND s.occurred_at < :until AND " + OUTSIDE;
		long total = jdbc.sql("SELECT COUNT(*) FROM statements s WHERE " + where)
			.param("person", person.value())
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.query(Long.class)
			.single();
		List<Entry> entries = jdbc.sql("SELECT s.id, s.verb, s.object_id, c.name, s.occurred_at, s.result_score, "
				+ "s.result_success, s.statement FROM statements s LEFT JOIN xapi_clients c ON c.id = s.client_id WHERE "
				+ where + " ORDER BY s.occurred_at DESC, s.id DESC LIMIT :limit")
			.param("person", person.value())
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.param("limit", Math.max(0, limit))
			.query((rs, n) -> entry(rs))
			.list();
		return Optional.of(new Page(entries, 1, 1, total));
	}

	/** The newest {@code limit} entries and how many there are, for a summary; empty when the viewer may not see them. */
	@Transactional(readOnly = true)
	public Optional<Page> latest(Viewer viewer, PersonId person, int limit) {
		return during(viewer, person, Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"), limit);
	}

	/**
	 * Stores statements as if the client had sent them to {@code /xapi/statements} (checked, linked to people, all or
	 * nothing): for an admin bringing in a tool's history, and for the demo organization. Returns their ids.
	 */
	@Transactional
	public List<String> storeAs(Viewer viewer, XapiClient client, List<String> statements) {
		if (!viewer.isAdmin()) {
			throw new NotFoundException("LRS client");
		}
		List<ObjectNode> parsed = new ArrayList<>();
		for (String statement : statements) {
			if (!(json.readTree(statement) instanceof ObjectNode object)) {
				throw XapiException.badRequest("A statement is a JSON object.");
			}
			parsed.add(object);
		}
		return writes.store(new StatementWrites.Batch(parsed, Map.of()), client).ids();
	}

	private void requireVisible(Viewer viewer, PersonId person) {
		if (!organization.canSee(viewer, person)) {
			throw new NotFoundException("Person");
		}
	}

	private Entry entry(ResultSet rs) throws SQLException {
		String verbIri = rs.getString(2);
		String objectId = rs.getString(3);
		double score = rs.getDouble(6);
		Double scaled = rs.wasNull() ? null : score;
		boolean success = rs.getBoolean(7);
		Boolean succeeded = rs.wasNull() ? null : success;
		JsonNode statement = json.readTree(rs.getString(8));
		String verb = languageMap(statement.path("verb").path("display"));
		String name = languageMap(statement.path("object").path("definition").path("name"));
		return new Entry(rs.getString(1), verbIri, verb == null ? lastSegment(verbIri) : verb, objectId,
				name == null ? objectId : name, rs.getString(4) == null ? "A removed tool" : rs.getString(4),
				rs.getTimestamp(5).toInstant(), scaled, succeeded);
	}

	/** The English entry of a language map when there is one, else its first; null when empty. */
	static String languageMap(JsonNode map) {
		if (map == null || !map.isObject() || map.isEmpty()) {
			return null;
		}
		for (String tag : List.of("en-US", "en-GB", "en")) {
			if (map.get(tag) != null && map.get(tag).isString() && !map.get(tag).stringValue().isBlank()) {
				return map.get(tag).stringValue();
			}
		}
		for (Map.Entry<String, JsonNode> e : map.properties()) {
			if (e.getValue().isString() && !e.getValue().stringValue().isBlank()) {
				return e.getValue().stringValue();
			}
		}
		return null;
	}

	private static String lastSegment(String iri) {
		String trimmed = iri.endsWith("/") ? iri.substring(0, iri.length() - 1) : iri;
		int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('#'));
		return slash < 0 || slash == trimmed.length() - 1 ? iri : trimmed.substring(slash + 1);
	}
}
