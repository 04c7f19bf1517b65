package io.stride.badges.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** badge_credentials: each credential as issued (its signed JSON verbatim) and its revocation. */
@Repository
public class CredentialRows {

	public record Row(String id, String badgeId, String badgeName, String personId, String personName, int statusIndex,
			String credential, Instant issuedAt, Instant revokedAt, String revokedBy, String revokedReason) {
	}

	private static final String COLUMNS = "SELECT c.id, c.badge_id, d.name, c.person_id, c.person_name, c.status_index, "
			+ "c.credential, c.issued_at, c.revoked_at, c.revoked_by, c.revoked_reason "
			+ "FROM badge_credentials c JOIN badge_definitions d ON d.id = c.badge_id ";

	private final JdbcClient jdbc;

	CredentialRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next status list index, taken under the counter row's lock (held until the transaction ends). */
	public int nextStatusIndex() {
		int next = jdbc.sql("SELECT next_index FROM badge_status_counter WHERE id = 1 FOR UPDATE").query(Integer.class).single();
		jdbc.sql("UPDATE badge_status_counter SET next_index = ? WHERE id = 1").param(next + 1).update();
		return next;
	}

	public void insert(Row row) {
		jdbc.sql("INSERT INTO badge_credentials (id, badge_id, person_id, person_name, active_key, status_index, "
				+ "credential, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(row.id(), row.badgeId(), row.personId(), row.personName(), row.badgeId() + ":" + row.personId(),
					row.statusIndex(), row.credential(), Timestamp.from(row.issuedAt()))
			.update();
	}

	/** Revokes a credential not revoked yet; false when it already was. */
	public boolean revoke(String id, Instant at, String by, String reason) {
		return jdbc.sql("UPDATE badge_credentials SET revoked_at = ?, revoked_by = ?, revoked_reason = ?, active_key = NULL "
				+ "WHERE id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(at), by, reason, id)
			.update() == 1;
	}

	public Optional<Row> find(String id) {
		return jdbc.sql(COLUMNS + "WHERE c.id = ?").param(id).query(CredentialRows::map).optional();
	}

	/** Whether an admin revoked a credential of the badge from the person by hand: it is not issued again by itself. */
	public boolean revokedByHand(String badgeId, String personId) {
		return jdbc.sql("SELECT COUNT(*) FROM badge_credentials WHERE badge_id = ? AND person_id = ? "
				+ "AND revoked_by IS NOT NULL")
			.params(badgeId, personId)
			.query(Integer.class)
			.single() > 0;
	}

	public Optional<Row> active(String badgeId, String personId) {
		return jdbc.sql(COLUMNS + "WHERE c.active_key = ?").param(badgeId + ":" + personId).query(CredentialRows::map).optional();
	}

	/** Not revoked credentials of the badge, one per person. */
	public List<Row> activeOfBadge(String badgeId) {
		return jdbc.sql(COLUMNS + "WHERE c.badge_id = ? AND c.revoked_at IS NULL").param(badgeId).query(CredentialRows::map).list();
	}

	public List<Row> ofPerson(String personId) {
		return jdbc.sql(COLUMNS + "WHERE c.person_id = ? ORDER BY c.issued_at DESC, c.id").param(personId)
			.query(CredentialRows::map)
			.list();
	}

	/** Who of these people already holds a valid credential of the badge. */
	public List<String> holders(String badgeId, Collection<String> people) {
		if (people.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT person_id FROM badge_credentials WHERE badge_id = :badge AND revoked_at IS NULL "
				+ "AND person_id IN (:people)")
			.param("badge", badgeId)
			.param("people", List.copyOf(people))
			.query(String.class)
			.list();
	}

	/** The revoked credentials' status indexes as bits, and how many indexes were given out. */
	public record Revocations(BitSet revoked, int issued) {
	}

	public Revocations revocations() {
		BitSet bits = new BitSet();
		jdbc.sql("SELECT status_index FROM badge_credentials WHERE revoked_at IS NOT NULL")
			.query(rs -> {
				bits.set(rs.getInt(1));
			});
		int issued = jdbc.sql("SELECT next_index FROM badge_status_counter WHERE id = 1").query(Integer.class).single();
		return new Revocations(bits, issued);
	}

	private static Row map(ResultSet rs, int n) throws SQLException {
		Timestamp revoked = rs.getTimestamp(9);
		return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
				rs.getString(7), rs.getTimestamp(8).toInstant(), revoked == null ? null : revoked.toInstant(),
				rs.getString(10), rs.getString(11));
	}
}
