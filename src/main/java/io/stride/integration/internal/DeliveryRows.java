package io.stride.integration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox: each event once per subscription, in order, kept afterwards as the delivery log. */
@Repository
public class DeliveryRows {

	private final JdbcClient jdbc;

	DeliveryRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Row(long seq, String eventId, String subscriptionId, String eventType, Instant occurredAt,
			String body, String status, int attempts, Instant lastAttemptAt, Integer responseCode, String lastError,
			Instant deliveredAt) {
	}

	private static final String SELECT = "SELECT seq, event_id, subscription_id, event_type, occurred_at, body, status, "
			+ "attempts, last_attempt_at, response_code, last_error, delivered_at FROM webhook_deliveries";

	/** Whether a subscription that is not paused wants the type: a webhook, or a chat connection of these teams. */
	public boolean anyWants(String type, List<String> teamIds) {
		return jdbc.sql("SELECT COUNT(*) FROM webhook_subscriptions s WHERE s.paused_at IS NULL AND s.event_types LIKE :like "
				+ "AND (s.kind = 'WEBHOOK' OR s.team_id = ANY(:teams))")
			.param("like", "%," + type + ",%")
			.param("teams", SqlArrays.varchars(teamIds))
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Locks the outbox's order row until the transaction ends: what the transaction queues after it takes {@code seq}
	 * after every transaction that queued before it has committed.
	 */
	public void lockOrder(Instant at) {
		jdbc.sql("UPDATE webhook_outbox_order SET locked_at = ? WHERE id = 1").param(Timestamp.from(at)).update();
	}

	/** Queues the event for every webhook subscription to its type that is not paused; how many. */
	public int enqueueWebhooks(String eventId, String type, Instant at, String body) {
		return jdbc.sql("INSERT INTO webhook_deliveries (event_id, subscription_id, event_type, occurred_at, body, "
				+ "status, attempts) SELECT :event, s.id, :type, :at, :body, 'PENDING', 0 FROM webhook_subscriptions s "
				+ "WHERE s.kind = 'WEBHOOK' AND s.paused_at IS NULL AND s.event_types LIKE :like ORDER BY s.id")
			.param("event", eventId)
			.param("type", type)
			.param("at", Timestamp.from(at))
			.param("body", body)
			.param("like", "%," + type + ",%")
			.update();
	}

	/** Queues a chat message for the connections of one tool (SLACK, TEAMS) of these teams not paused; how many. */
	public int enqueueChat(String kind, List<String> teamIds, String eventId, String type, Instant at, String body) {
		if (teamIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("INSERT INTO webhook_deliveries (event_id, subscription_id, event_type, occurred_at, body, "
				+ "status, attempts) SELECT :event, s.id, :type, :at, :body, 'PENDING', 0 FROM webhook_subscriptions s "
				+ "WHERE s.kind = :kind AND s.paused_at IS NULL AND s.team_id = ANY(:teams) AND s.event_types LIKE :like "
				+ "ORDER BY s.id")
			.param("event", eventId)
			.param("type", type)
			.param("at", Timestamp.from(at))
			.param("body", body)
			.param("kind", kind)
			.param("teams", SqlArrays.varchars(teamIds))
			.param("like", "%," + type + ",%")
			.update();
	}

	/** The subscription's waiting deliveries, oldest first. */
	public List<Row> pending(String subscriptionId, int limit) {
		return jdbc.sql(SELECT + " WHERE subscription_id = ? AND status = 'PENDING' ORDER BY seq LIMIT ?")
			.params(subscriptionId, limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** How many deliveries wait for the subscription, counted up to {@code upTo}. */
	public int countPending(String subscriptionId, int upTo) {
		return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM webhook_deliveries WHERE subscription_id = ? "
				+ "AND status = 'PENDING' LIMIT ?) waiting")
			.params(subscriptionId, upTo)
			.query(Integer.class)
			.single();
	}

	/** When the subscription's oldest waiting event happened; null when none waits. */
	public Instant oldestPending(String subscriptionId) {
		return jdbc.sql("SELECT occurred_at FROM webhook_deliveries WHERE subscription_id = ? AND status = 'PENDING' "
				+ "ORDER BY seq LIMIT 1")
			.param(subscriptionId)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional()
			.orElse(null);
	}

	/** The latest deliveries of a subscription, newest first: its delivery log. */
	public List<Row> latest(String subscriptionId, int limit) {
		return jdbc.sql(SELECT + " WHERE subscription_id = ? ORDER BY seq DESC LIMIT ?")
			.params(subscriptionId, limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	public void delivered(long seq, Instant at, int code) {
		jdbc.sql("UPDATE webhook_deliveries SET status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?, "
				+ "response_code = ?, last_error = NULL, delivered_at = ? WHERE seq = ?")
			.params(Timestamp.from(at), code, Timestamp.from(at), seq)
			.update();
	}

	public void failed(long seq, Instant at, Integer code, String error) {
		jdbc.sql("UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = ?, response_code = ?, "
				+ "last_error = ? WHERE seq = ?")
			.params(Timestamp.from(at), code, error.length() > 300 ? error.substring(0, 300) : error, seq)
			.update();
	}

	/** Deletes up to {@code limit} deliveries delivered before {@code before}, oldest first; how many. */
	public int pruneDelivered(Instant before, int limit) {
		return jdbc.sql("DELETE FROM webhook_deliveries WHERE seq IN (SELECT seq FROM webhook_deliveries "
				+ "WHERE status = 'DELIVERED' AND delivered_at < ? ORDER BY delivered_at LIMIT ?)")
			.params(Timestamp.from(before), limit)
			.update();
	}

	private static Row row(ResultSet rs) throws SQLException {
		Timestamp last = rs.getTimestamp(9);
		Timestamp delivered = rs.getTimestamp(12);
		return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7), rs.getInt(8),
				last == null ? null : last.toInstant(), (Integer) rs.getObject(10, Integer.class), rs.getString(11),
				delivered == null ? null : delivered.toInstant());
	}
}
