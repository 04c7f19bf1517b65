package io.stride.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stride.identity.PersonId;
import io.stride.shared.Ids;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores learning actions as xAPI 1.0.3 statements. Records join the caller's transaction, so an action and the
 * state it changed are committed together or not at all.
 */
@Service
public class LearningRecord {

	/** The longest response kept in its own column; longer ones are only in the statement. */
	static final int RESPONSE_COLUMN = 2000;

	/** Statements per multi-row insert in {@link #recordAll}: 12 parameters each, well under PostgreSQL's 65,535. */
	static final int BATCH = 1000;

	private static final String STATEMENT_COLUMNS = "id, actor_id, verb, object_id, course_id, result_score, "
			+ "result_success, occurred_at, stored_at, statement, registration, result_response";

	private static final int COLUMN_COUNT = 12;

	private static final String ROW = "(" + String.join(", ", Collections.nCopies(COLUMN_COUNT, "?")) + ")";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final String baseUrl;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final StatementsToSummarize toSummarize;

	LearningRecord(JdbcClient jdbc, JsonMapper json, @Value("${stride.base-url}") String baseUrl,
			Clock clock, ApplicationEventPublisher events, StatementsToSummarize toSummarize) {
		this.jdbc = jdbc;
		this.toSummarize = toSummarize;
		this.events = events;
		this.json = json;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public String record(LearningAction action) {
		Prepared p = prepare(action);
		jdbc.sql("INSERT INTO statements (" + STATEMENT_COLUMNS + ") VALUES " + ROW)
			.params(p.values())
			.update();
		if (action.courseId() != null) {
			// the analytics summaries fold it in before they are next read (only course statements are summarized)
			toSummarize.add(p.recorded().statementId());
		}
		// heard inside this transaction (integration's webhook outbox), so the statement and its deliveries commit together
		events.publishEvent(p.recorded());
		return p.recorded().statementId();
	}

	/**
	 * Records many actions as {@link #record} does each, with one multi-row insert per {@value #BATCH} statements and
	 * one {@link StatementsRecorded} event per such batch in place of a {@link StatementRecorded} per statement (for
	 * bulk work such as the nightly step release). Joins the caller's transaction.
	 * @return the statements' ids, in the order of the actions
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<String> recordAll(List<LearningAction> actions) {
		List<String> ids = new ArrayList<>(actions.size());
		for (int from = 0; from < actions.size(); from += BATCH) {
			List<Prepared> batch = actions.subList(from, Math.min(actions.size(), from + BATCH)).stream()
				.map(this::prepare)
				.toList();
			List<Object> values = new ArrayList<>(batch.size() * COLUMN_COUNT);
			batch.forEach(p -> values.addAll(Arrays.asList(p.values())));
			jdbc.sql("INSERT INTO statements (" + STATEMENT_COLUMNS + ") VALUES "
					+ String.join(", ", Collections.nCopies(batch.size(), ROW)))
				.params(values)
				.update();
			List<String> summarize = batch.stream().filter(p -> p.recorded().courseId() != null)
				.map(p -> p.recorded().statementId()).toList();
			toSummarize.addAll(summarize);
			List<StatementRecorded> recorded = batch.stream().map(Prepared::recorded).toList();
			events.publishEvent(new StatementsRecorded(recorded));
			recorded.forEach(r -> ids.add(r.statementId()));
		}
		return ids;
	}

	/** A statement ready to store: its column values and the event that tells of it. */
	private record Prepared(Object[] values, StatementRecorded recorded) {
	}

	private Prepared prepare(LearningAction action) {
		String id = Ids.newId();
		// the application's clock, like every other time Stride stamps: analytics compare these with them
		Instant now = clock.instant();
		String objectIri = activityIri(action.objectKind(), action.objectKey());
		Map<String, Object> statement = new LinkedHashMap<>();
		statement.put("id", id);
		statement.put("actor", Map.of("objectType", "Agent", "name", action.actorName(), "account",
				Map.of("homePage", baseUrl, "name", action.actor().value())));
		statement.put("verb", Map.of("id", action.verb().iri(), "display", Map.of("en-US", action.verb().display())));
		statement.put("object", Map.of("objectType", "Activity", "id", objectIri, "definition",
				Map.of("type", action.objectKind().iri(), "name", Map.of("en-US", action.objectName()))));
		Map<String, Object> result = result(action.result());
		if (!result.isEmpty()) {
			statement.put("result", result);
		}
		Map<String, Object> context = new LinkedHashMap<>();
		if (action.registration() != null) {
			context.put("registration", action.registration());
		}
		context.put("platform", "Stride");
		if (action.courseId() != null && action.objectKind() != ActivityType.COURSE) {
			context.put("contextActivities",
					Map.of("parent", List.of(Map.of("id", activityIri(ActivityType.COURSE, action.courseId())))));
		}
		statement.put("context", context);
		statement.put("timestamp", now.toString());
		statement.put("stored", now.toString());
		statement.put("version", "1.0.3");
		Result r = action.result() == null ? Result.NONE : action.result();
		// a response too long for its column is left to the statement's JSON
		String response = r.response() != null && r.response().length() <= RESPONSE_COLUMN ? r.response() : null;
		Object[] values = { id, action.actor().value(), action.verb().iri(), objectIri, action.courseId(), r.scaled(),
				r.success(), Timestamp.from(now), Timestamp.from(now), json.writeValueAsString(statement),
				action.registration(), response };
		return new Prepared(values, new StatementRecorded(id, action.actor().value(), action.verb().iri(), objectIri,
				action.courseId(), r.scaled(), r.success(), now));
	}

	@Transactional(readOnly = true)
	public List<Statement> statementsOf(PersonId actor) {
		return jdbc
			.sql("SELECT id, actor_id, verb, object_id, course_id, result_score, result_success, occurred_at, statement "
					// Stride's own record only: what tools send to the LRS about the person (client_id set) is theirs
					+ "FROM statements WHERE actor_id = ? AND client_id IS NULL ORDER BY occurred_at, stored_at")
			.param(actor.value())
			.query((rs, n) -> new Statement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), (Double) rs.getObject(6, Double.class), (Boolean) rs.getObject(7, Boolean.class),
					rs.getTimestamp(8).toInstant(), rs.getString(9)))
			.list();
	}

	public String activityIri(ActivityType kind, String key) {
		return baseUrl + "/xapi/activities/" + kind.name().toLowerCase(Locale.ROOT) + "/" + key;
	}

	private static Map<String, Object> result(Result r) {
		Map<String, Object> result = new LinkedHashMap<>();
		if (r == null) {
			return result;
		}
		if (r.scaled() != null || r.raw() != null) {
			Map<String, Object> score = new LinkedHashMap<>();
			if (r.scaled() != null) {
				score.put("scaled", r.scaled());
			}
			if (r.raw() != null) {
				score.put("raw", r.raw());
				score.put("min", 0);
				score.put("max", r.max());
			}
			result.put("score", score);
		}
		if (r.success() != null) {
			result.put("success", r.success());
		}
		if (r.completion() != null) {
			result.put("completion", r.completion());
		}
		if (r.response() != null) {
			result.put("response", r.response());
		}
		return result;
	}
}
