package io.stride.integration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The forwarders to outside LRSs and their outboxes. */
@Component
public class ForwardRows {

	/** A forwarder as stored; {@code secret} leaves this class only to be sent. */
	public record Row(String id, String name, String endpoint, String username, String secret, String which,
			String verbs, String createdBy, Instant createdAt, Instant pausedAt, int consecutiveFailures,
			Instant retryAt, String lastError, Instant lastErrorAt, long delivered, Instant lastDeliveredAt) {
	}

	/** A waiting statement of a forwarder's outbox. */
	public record Waiting(long seq, String statementId, Instant queuedAt) {
	}

	private static final String COLUMNS = "id, name, endpoint, username, secret, which, verbs, created_by, created_at, "
			+ "paused_at, consecutive_failures, retry_at, last_error, last_error_at, delivered, last_delivered_at";

	private final JdbcClient jdbc;

	ForwardRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Row r) {
		jdbc.sql("INSERT INTO lrs_forwarders (id, name, endpoint, username, secret, which, verbs, created_by, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(r.id(), r.name(), r.endpoint(), r.username(), r.secret(), r.which(), r.verbs(), r.createdBy(),
					Timestamp.from(r.createdAt()))
			.update();
	}

	public List<Row> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM lrs_forwarders ORDER BY created_at, id").query(ForwardRows::row).list();
	}

	public int count() {
		return jdbc.sql("SELECT COUNT(*) FROM lrs_forwarders").query(Integer.class).single();
	}

	public Optional<Row> find(String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM lrs_forwarders WHERE id = ?").param(id).query(ForwardRows::row).optional();
	}

	/** The forwarders that take new statements (not paused). */
	public List<Row> active() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM lrs_forwarders WHERE paused_at IS NULL ORDER BY id")
			.query(ForwardRows::row)
			.list();
	}

	public boolean delete(String id) {
		return jdbc.sql("DELETE FROM lrs_forwarders WHERE id = ?").param(id).update() == 1;
	}

	public boolean pause(String id, Instant at) {
		return jdbc.sql("UPDATE lrs_forwarders SET paused_at = ? WHERE id = ? AND paused_at IS NULL")
			.params(Timestamp.from(at), id)
			.update() == 1;
	}

	/** Resumed, and tried at once: an admin who resumes expects to see it go. */
	public boolean resume(String id) {
		return jdbc.sql("UPDATE lrs_forwarders SET paused_at = NULL, retry_at = NULL WHERE id = ? AND paused_at IS NOT NULL")
			.param(id)
			.update() == 1;
	}

	/** The next try now rather than at the end of the back-off. */
	public boolean retryNow(String id) {
		return jdbc.sql("UPDATE lrs_forwarders SET retry_at = NULL WHERE id = ? AND retry_at IS NOT NULL").param(id).update() == 1;
	}

	/**
	 * Takes the lock that orders the outboxes, held until the transaction ends: rows written after it get their
	 * {@code seq} in commit order.
	 */
	public void lockOrder(Instant at) {
		jdbc.sql("UPDATE lrs_forward_order SET locked_at = ? WHERE id = 1").param(Timestamp.from(at)).update();
	}

	/** Queues the statements for the forwarder, in the order given, with one multi-row insert per 500. */
	public void enqueue(String forwarderId, List<String> statementIds, Instant at) {
		Timestamp queued = Timestamp.from(at);
		for (int from = 0; from < statementIds.size(); from += 500) {
			List<String> part = statementIds.subList(from, Math.min(statementIds.size(), from + 500));
			List<Object> values = new ArrayList<>(part.size() * 3);
			part.forEach(id -> {
				values.add(forwarderId);
				values.add(id);
				values.add(queued);
			});
			jdbc.sql("INSERT INTO lrs_forward_outbox (forwarder_id, statement_id, queued_at) VALUES "
					+ String.join(", ", Collections.nCopies(part.size(), "(?, ?, ?)")))
				.params(values)
				.update();
		}
	}

	/** The forwarders not paused, not leased, not waiting out a back-off, with something waiting. */
	public List<String> due(Instant now, int limit) {
		return jdbc.sql("SELECT f.id FROM lrs_forwarders f WHERE f.paused_at IS NULL "
				+ "AND (f.retry_at IS NULL OR f.retry_at <= :now) AND (f.lease_until IS NULL OR f.lease_until < :now) "
				+ "AND EXISTS (SELECT 1 FROM lrs_forward_outbox o WHERE o.forwarder_id = f.id) "
				+ "ORDER BY f.retry_at NULLS FIRST, f.id LIMIT :limit")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	public boolean lease(String id, String run, Instant now, Instant until) {
		return jdbc.sql("UPDATE lrs_forwarders SET lease_owner = ?, lease_until = ? WHERE id = ? "
				+ "AND (lease_until IS NULL OR lease_until < ?)")
			.params(run, Timestamp.from(until), id, Timestamp.from(now))
			.update() == 1;
	}

	public void release(String id, String run) {
		jdbc.sql("UPDATE lrs_forwarders SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")
			.params(id, run)
			.update();
	}

	/** The oldest waiting statements, in commit order. */
	public List<Waiting> waiting(String forwarderId, int limit) {
		return jdbc.sql("SELECT seq, statement_id, queued_at FROM lrs_forward_outbox WHERE forwarder_id = ? ORDER BY seq "
				+ "LIMIT ?")
			.params(forwarderId, limit)
			.query((rs, n) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	public long countWaiting(String forwarderId) {
		return jdbc.sql("SELECT COUNT(*) FROM lrs_forward_outbox WHERE forwarder_id = ?").param(forwarderId)
			.query(Long.class).single();
	}

	public Instant oldestWaiting(String forwarderId) {
		return jdbc.sql("SELECT MIN(queued_at) FROM lrs_forward_outbox WHERE forwarder_id = ?")
			.param(forwarderId)
			.query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
			.optional()
			.orElse(null);
	}

	/** The statements' JSON by id (a statement no longer there is left out). */
	public Map<String, String> statements(List<String> ids) {
		Map<String, String> found = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.sql("SELECT id, statement FROM statements WHERE id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
				+ ")")
			.params(new ArrayList<Object>(ids))
			.query((rs, n) -> found.put(rs.getString(1), rs.getString(2)))
			.list();
		return found;
	}

	/** The forwarded rows leave the outbox; the counters say what went. */
	public void delivered(String forwarderId, long upToSeq, int count, Instant at) {
		jdbc.sql("DELETE FROM lrs_forward_outbox WHERE forwarder_id = ? AND seq <= ?").params(forwarderId, upToSeq).update();
		jdbc.sql("UPDATE lrs_forwarders SET delivered = delivered + ?, last_delivered_at = ?, consecutive_failures = 0, "
				+ "retry_at = NULL, alerted_at = NULL WHERE id = ?")
			.params(count, Timestamp.from(at), forwarderId)
			.update();
	}

	/** One more failure in a row; how many there are now. */
	public int failed(String forwarderId, Instant at, Instant retryAt, String error) {
		jdbc.sql("UPDATE lrs_forwarders SET consecutive_failures = consecutive_failures + 1, retry_at = ?, last_error = ?, "
				+ "last_error_at = ? WHERE id = ?")
			.params(Timestamp.from(retryAt), error, Timestamp.from(at), forwarderId)
			.update();
		return jdbc.sql("SELECT consecutive_failures FROM lrs_forwarders WHERE id = ?").param(forwarderId)
			.query(Integer.class).optional().orElse(0);
	}

	/** Whether this run of failures has not been told yet (and now is). */
	public boolean markAlerted(String forwarderId, Instant at) {
		return jdbc.sql("UPDATE lrs_forwarders SET alerted_at = ? WHERE id = ? AND alerted_at IS NULL")
			.params(Timestamp.from(at), forwarderId)
			.update() == 1;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), instant(rs.getTimestamp(9)),
				instant(rs.getTimestamp(10)), rs.getInt(11), instant(rs.getTimestamp(12)), rs.getString(13),
				instant(rs.getTimestamp(14)), rs.getLong(15), instant(rs.getTimestamp(16)));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
