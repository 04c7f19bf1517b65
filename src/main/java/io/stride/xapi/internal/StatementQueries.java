package io.stride.xapi.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads statements for GET /xapi/statements: one statement by id, or a page in stored order with the filters xAPI
 * names. Every page query is bounded by the stored order and the page size, and each filter has an index that ends in
 * the stored order (V235), so a page costs the same at 10 million statements as at a thousand.
 */
@Component
public class StatementQueries {

	private final JdbcClient jdbc;

	StatementQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored statement as JSON, with when it was stored. */
	public record Found(String id, String json, Instant stored) {
	}

	/**
	 * The filters of a GET, as the {@code more} link carries them on.
	 * @param agentKey the agent's key ({@link AgentKeys}), or null
	 * @param person the Stride person the agent is, whose own statements also count, or null
	 * @param clientId only statements this client wrote ({@code statements/read/mine}), or null
	 * @param afterStored with {@code afterId}, where the previous page ended
	 */
	public record Filter(String agentKey, String person, String verb, String activity, String registration,
			boolean relatedActivities, boolean relatedAgents, Instant since, Instant until, boolean ascending,
			String clientId, Instant afterStored, String afterId) {

		public Filter after(Found last) {
			return new Filter(agentKey, person, verb, activity, registration, relatedActivities, relatedAgents, since,
					until, ascending, clientId, last.stored(), last.id());
		}
	}

	@Transactional(readOnly = true)
	public Optional<Found> byId(String id, boolean voided, String clientId) {
		return jdbc.sql("SELECT id, statement, stored_at FROM statements WHERE id = ? AND voided = ?"
				+ (clientId == null ? "" : " AND client_id = ?"))
			.params(clientId == null ? List.of(id, voided) : List.of(id, voided, clientId))
			.query((rs, n) -> new Found(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.optional();
	}

	/**
	 * Up to {@code limit + 1} statements: one more than asked says there is a next page. A statement that refers to
	 * a matching one by StatementRef (a voiding statement among them) matches too (Communication 2.1.3), so a voided
	 * statement's voiding statement is found by the filters that found the statement it voided.
	 */
	@Transactional(readOnly = true)
	public List<Found> page(Filter f, int limit) {
		List<Found> found = new ArrayList<>(select(f, limit, false));
		if (f.agentKey() != null || f.verb() != null || f.activity() != null || f.registration() != null) {
			for (Found ref : select(f, limit, true)) {
				if (found.stream().noneMatch(x -> x.id().equals(ref.id()))) {
					found.add(ref);
				}
			}
			Comparator<Found> order = Comparator.comparing(Found::stored).thenComparing(Found::id);
			found.sort(f.ascending() ? order : order.reversed());
		}
		return found.size() > limit + 1 ? found.subList(0, limit + 1) : found;
	}

	private List<Found> select(Filter f, int limit, boolean referring) {
		StringBuilder sql = new StringBuilder("SELECT s.id, s.statement, s.stored_at FROM statements s WHERE s.voided = FALSE");
		List<Object> params = new ArrayList<>();
		if (referring) {
			// the statements that refer to another (rare; a partial index on PostgreSQL keeps them in stored order)
			sql.append(" AND s.object_id LIKE 'StatementRef %' AND EXISTS (SELECT 1 FROM statements t WHERE t.id = "
					+ "SUBSTRING(s.object_id, 14)");
			matching("t", f, sql, params);
			sql.append(")");
		}
		else {
			matching("s", f, sql, params);
		}
		if (f.since() != null) {
			sql.append(" AND s.stored_at > ?");
			params.add(Timestamp.from(f.since()));
		}
		if (f.until() != null) {
			sql.append(" AND s.stored_at <= ?");
			params.add(Timestamp.from(f.until()));
		}
		if (f.clientId() != null) {
			sql.append(" AND s.client_id = ?");
			params.add(f.clientId());
		}
		String direction = f.ascending() ? "ASC" : "DESC";
		if (f.afterStored() != null) {
			String beyond = f.ascending() ? ">" : "<";
			sql.append(" AND (s.stored_at " + beyond + " ? OR (s.stored_at = ? AND s.id " + beyond + " ?))");
			params.add(Timestamp.from(f.afterStored()));
			params.add(Timestamp.from(f.afterStored()));
			params.add(f.afterId());
		}
		sql.append(" ORDER BY s.stored_at " + direction + ", s.id " + direction + " LIMIT " + (limit + 1));
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Found(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	/**
	 * The filters that look at a statement's content, on the statement {@code alias} names. An agent and a related
	 * activity together are one set of ids, the intersection of the two, so that neither side's statements are read
	 * whole: a learner's few hundred statements in a course's tens of thousands (10 million statements: 1.2 s as two
	 * separate IN lists, milliseconds as one).
	 */
	private static void matching(String x, Filter f, StringBuilder sql, List<Object> params) {
		String agents = null;
		List<Object> agentParams = new ArrayList<>();
		if (f.agentKey() != null) {
			agents = "SELECT a.statement_id FROM xapi_statement_agents a WHERE a.agent_key = ?"
					+ (f.relatedAgents() ? "" : " AND a.direct = TRUE");
			agentParams.add(f.agentKey());
			if (f.person() != null) {
				// Stride's own statements name the person by their account and have no agent rows
				agents += " UNION ALL SELECT p.id FROM statements p WHERE p.actor_id = ?";
				agentParams.add(f.person());
			}
		}
		String activities = null;
		List<Object> activityParams = new ArrayList<>();
		if (f.activity() != null && f.relatedActivities()) {
			activities = "SELECT c.statement_id FROM xapi_statement_activities c WHERE c.activity_id = ? "
					+ "UNION ALL SELECT o.id FROM statements o WHERE o.object_id = ?";
			activityParams.add(f.activity());
			activityParams.add(f.activity());
		}
		if (agents != null && activities != null) {
			sql.append(" AND " + x + ".id IN ((" + agents + ") INTERSECT (" + activities + "))");
			params.addAll(agentParams);
			params.addAll(activityParams);
		}
		else if (agents != null) {
			sql.append(" AND " + x + ".id IN (" + agents + ")");
			params.addAll(agentParams);
		}
		else if (activities != null) {
			sql.append(" AND " + x + ".id IN (" + activities + ")");
			params.addAll(activityParams);
		}
		if (f.verb() != null) {
			sql.append(" AND " + x + ".verb = ?");
			params.add(f.verb());
		}
		if (f.activity() != null && !f.relatedActivities()) {
			sql.append(" AND " + x + ".object_id = ?");
			params.add(f.activity());
		}
		if (f.registration() != null) {
			sql.append(" AND " + x + ".registration = ?");
			params.add(f.registration());
		}
	}
}
