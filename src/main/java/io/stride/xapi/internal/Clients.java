package io.stride.xapi.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.stride.shared.Ids;
import io.stride.xapi.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code xapi_clients}; scopes are kept as their xAPI names separated by spaces. */
@Repository
public class Clients {

	public record Row(String id, String name, String key, String secretHash, Set<Scope> scopes, String createdBy,
			Instant createdAt, Instant revokedAt) {
	}

	private static final String COLUMNS = "id, name, client_key, secret_hash, scopes, created_by, created_at, revoked_at";

	private final JdbcClient jdbc;

	Clients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Row insert(String name, String key, String secretHash, Set<Scope> scopes, String createdBy, Instant now) {
		Row row = new Row(Ids.newId(), name, key, secretHash, scopes, createdBy, now, null);
		jdbc.sql("INSERT INTO xapi_clients (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL)")
			.params(row.id(), name, key, secretHash, names(scopes), createdBy, Timestamp.from(now))
			.update();
		return row;
	}

	public List<Row> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM xapi_clients ORDER BY revoked_at NULLS FIRST, created_at DESC, id")
			.query(Clients::row)
			.list();
	}

	public Optional<Row> find(String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM xapi_clients WHERE id = ?").param(id).query(Clients::row).optional();
	}

	public Optional<Row> activeByKey(String key) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM xapi_clients WHERE client_key = ? AND revoked_at IS NULL")
			.param(key)
			.query(Clients::row)
			.optional();
	}

	/** @return whether this call revoked it (a second, concurrent one finds it revoked already) */
	public boolean revoke(String id, Instant now) {
		return jdbc.sql("UPDATE xapi_clients SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(now), id)
			.update() == 1;
	}

	private static String names(Set<Scope> scopes) {
		return scopes.stream().map(Scope::value).collect(Collectors.joining(" "));
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		Set<Scope> scopes = EnumSet.noneOf(Scope.class);
		Arrays.stream(rs.getString(5).split(" ")).map(Scope::of).flatMap(Optional::stream).forEach(scopes::add);
		Timestamp revoked = rs.getTimestamp(8);
		return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), scopes, rs.getString(6),
				rs.getTimestamp(7).toInstant(), revoked == null ? null : revoked.toInstant());
	}
}
