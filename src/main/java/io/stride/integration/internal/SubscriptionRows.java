package io.stride.integration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook subscriptions and chat connections (one table: both are queues of deliveries). */
@Repository
public class SubscriptionRows {

	private static final String SELECT = "SELECT id, kind, team_id, url, secret, event_types, description, "
			+ "consecutive_failures, retry_at, created_by, created_at, paused_at, paused_reason FROM webhook_subscriptions";

	private final JdbcClient jdbc;

	SubscriptionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Row(String id, String kind, String teamId, String url, String secret, List<String> eventTypes,
			String description, int consecutiveFailures, Instant retryAt, String createdBy, Instant createdAt,
			Instant pausedAt, String pausedReason) {
	}

	public void insert(String id, String kind, String teamId, String url, String secret, List<String> types,
			String description, String createdBy, Instant at) {
		jdbc.sql("INSERT INTO webhook_subscriptions (id, kind, team_id, url, secret, event_types, description, "
				+ "consecutive_failures, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
			.params(id, kind, teamId, url, secret, "," + String.join(",", types) + ",", description, createdBy,
					Timestamp.from(at))
			.update();
	}

	public Optional<Row> find(String id) {
		return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, n) -> row(rs)).optional();
	}

	/** All of them, newest first (a handful per organization; chat connections one or two per team). */
	public List<Row> all(int limit) {
		return jdbc.sql(SELECT + " ORDER BY created_at DESC, id LIMIT ?").param(limit).query((rs, n) -> row(rs)).list();
	}

	public List<Row> ofTeam(String teamId) {
		return jdbc.sql(SELECT + " WHERE team_id = ? ORDER BY kind, created_at").param(teamId).query((rs, n) -> row(rs)).list();
	}

	public void delete(String id) {
		jdbc.sql("DELETE FROM webhook_deliveries WHERE subscription_id = ?").param(id).update();
		jdbc.sql("DELETE FROM webhook_subscriptions WHERE id = ?").param(id).update();
	}

	/** Deliveries waiting per subscription. */
	public Map<String, Integer> pending(List<String> ids) {
		Map<String, Integer> counts = new HashMap<>();
		if (ids.isEmpty()) {
			return counts;
		}
		jdbc.sql("SELECT subscription_id, COUNT(*) FROM webhook_deliveries WHERE status = 'PENDING' "
				+ "AND subscription_id = ANY(:ids) GROUP BY subscription_id")
			.param("ids", SqlArrays.varchars(ids))
			.query(rs -> {
				counts.put(rs.getString(1), rs.getInt(2));
			});
		return counts;
	}

	/** Subscriptions not paused whose latest delivery failed. */
	public List<Row> failingUnpaused() {
		return jdbc.sql(SELECT + " WHERE consecutive_failures > 0 AND paused_at IS NULL ORDER BY id").query((rs, n) -> row(rs)).list();
	}

	/** Pauses the subscription; false when it already was. */
	public boolean pause(String id, Instant at, String reason) {
		return jdbc.sql("UPDATE webhook_subscriptions SET paused_at = ?, paused_reason = ? WHERE id = ? AND paused_at IS NULL")
			.params(Timestamp.from(at), reason, id)
			.update() == 1;
	}

	/** Resumes a paused subscription: its head is tried at once, its failures counted afresh; false when not paused. */
	public boolean resume(String id) {
		return jdbc.sql("UPDATE webhook_subscriptions SET paused_at = NULL, paused_reason = NULL, retry_at = NULL, "
				+ "consecutive_failures = 0, alerted_at = NULL WHERE id = ? AND paused_at IS NOT NULL")
			.param(id)
			.update() == 1;
	}

	/** Subscriptions not paused with a delivery waiting whose retry time has come and that no run holds. */
	public List<String> due(Instant now, int limit) {
		return jdbc.sql("SELECT s.id FROM webhook_subscriptions s WHERE s.paused_at IS NULL "
				+ "AND (s.retry_at IS NULL OR s.retry_at <= :now) "
				+ "AND (s.lease_until IS NULL OR s.lease_until < :now) AND EXISTS (SELECT 1 FROM webhook_deliveries d "
				+ "WHERE d.subscription_id = s.id AND d.status = 'PENDING') ORDER BY s.retry_at NULLS FIRST, s.id LIMIT :limit")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/** Takes the subscription for one delivery run; false when another run (here or on another node) holds it. */
	public boolean lease(String id, String run, Instant now, Instant until) {
		return jdbc.sql("UPDATE webhook_subscriptions SET lease_owner = ?, lease_until = ? WHERE id = ? "
				+ "AND (lease_until IS NULL OR lease_until < ?)")
			.params(run, Timestamp.from(until), id, Timestamp.from(now))
			.update() == 1;
	}

	public void release(String id, String run) {
		jdbc.sql("UPDATE webhook_subscriptions SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")
			.params(id, run)
			.update();
	}

	public void healthy(String id) {
		jdbc.sql("UPDATE webhook_subscriptions SET consecutive_failures = 0, retry_at = NULL, alerted_at = NULL "
				+ "WHERE id = ? AND (consecutive_failures > 0 OR retry_at IS NOT NULL)")
			.param(id)
			.update();
	}

	/** Counts a failure and sets when to try again; the failures in a row now. */
	public int failed(String id, Instant retryAt) {
		jdbc.sql("UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1, retry_at = ? WHERE id = ?")
			.params(Timestamp.from(retryAt), id)
			.update();
		return jdbc.sql("SELECT consecutive_failures FROM webhook_subscriptions WHERE id = ?").param(id).query(Integer.class).single();
	}

	/** Marks the run of failures as told to admins; false when it already was. */
	public boolean markAlerted(String id, Instant at) {
		return jdbc.sql("UPDATE webhook_subscriptions SET alerted_at = ? WHERE id = ? AND alerted_at IS NULL")
			.params(Timestamp.from(at), id)
			.update() == 1;
	}

	private static Row row(ResultSet rs) throws SQLException {
		String types = rs.getString(6);
		List<String> list = Arrays.stream(types.split(",")).filter(s -> !s.isEmpty()).toList();
		Timestamp retry = rs.getTimestamp(9);
		Timestamp paused = rs.getTimestamp(12);
		return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), list,
				rs.getString(7), rs.getInt(8), retry == null ? null : retry.toInstant(), rs.getString(10),
				rs.getTimestamp(11).toInstant(), paused == null ? null : paused.toInstant(), rs.getString(13));
	}
}
