package io.stride.scim.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What SCIM keeps beside identity's people and teams: the provider's {@code externalId}, the attributes Stride has no
 * use for (a provider reads back what it wrote), when SCIM created and last changed each, and whether the provider
 * deleted it. People and teams made in Stride have no row until a provider changes them.
 */
@Repository
class ScimLinks {

	/** One person's or team's SCIM facts; {@code attributes} is JSON (users only). */
	record Link(String id, String externalId, String attributes, Instant createdAt, Instant lastModified,
			Instant deletedAt) {

		boolean deleted() {
			return deletedAt != null;
		}
	}

	enum Kind {

		USER("scim_users", "person_id"), GROUP("scim_groups", "team_id");

		final String table;

		final String key;

		Kind(String table, String key) {
			this.table = table;
			this.key = key;
		}
	}

	private final JdbcClient jdbc;

	ScimLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Link> find(Kind kind, String id) {
		return Optional.ofNullable(find(kind, List.of(id)).get(id));
	}

	Map<String, Link> find(Kind kind, Collection<String> ids) {
		Map<String, Link> links = new HashMap<>();
		if (ids.isEmpty()) {
			return links;
		}
		jdbc.sql("SELECT " + kind.key + ", external_id, " + (kind == Kind.USER ? "attributes" : "NULL") + ", created_at, "
				+ "last_modified, deleted_at FROM " + kind.table + " WHERE " + kind.key + " = ANY(:ids)")
			.param("ids", SqlArrays.varchars(List.copyOf(Set.copyOf(ids))))
			.query((rs, n) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
					rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
			.list()
			.forEach(link -> links.put(link.id(), link));
		return links;
	}

	/** Ids whose provider-given externalId is this one (exact, as RFC 7643 makes externalId case-exact). */
	List<String> byExternalId(Kind kind, String externalId) {
		return jdbc.sql("SELECT " + kind.key + " FROM " + kind.table + " WHERE external_id = ? AND deleted_at IS NULL")
			.param(externalId)
			.query(String.class)
			.list();
	}

	Set<String> deleted(Kind kind) {
		return Set.copyOf(jdbc.sql("SELECT " + kind.key + " FROM " + kind.table + " WHERE deleted_at IS NOT NULL")
			.query(String.class)
			.list());
	}

	/** Records a provider's write: inserts the row or updates it, and undoes an earlier deletion. */
	void save(Kind kind, String id, String externalId, String attributes, Instant at) {
		String attributeColumn = kind == Kind.USER ? ", attributes = :attributes" : "";
		int updated = jdbc.sql("UPDATE " + kind.table + " SET external_id = :externalId" + attributeColumn
				+ ", last_modified = :at, deleted_at = NULL WHERE " + kind.key + " = :id")
			.param("externalId", externalId)
			.param("attributes", attributes)
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO " + kind.table + " (" + kind.key + ", external_id"
					+ (kind == Kind.USER ? ", attributes" : "") + ", created_at, last_modified) VALUES (:id, :externalId"
					+ (kind == Kind.USER ? ", :attributes" : "") + ", :at, :at)")
				.param("externalId", externalId)
				.param("attributes", attributes)
				.param("at", Timestamp.from(at))
				.param("id", id)
				.update();
		}
	}

	/** Notes that something else (a group's membership) changed it, for its {@code meta.lastModified}. */
	void touch(Kind kind, String id, Instant at) {
		int updated = jdbc.sql("UPDATE " + kind.table + " SET last_modified = ? WHERE " + kind.key + " = ?")
			.params(Timestamp.from(at), id)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO " + kind.table + " (" + kind.key + ", created_at, last_modified) VALUES (?, ?, ?)")
				.params(id, Timestamp.from(at), Timestamp.from(at))
				.update();
		}
	}

	/**
	 * Holds the row (made if missing) until the transaction ends, so that a write's {@code If-Match} is compared with
	 * the version it then changes: a second writer waits and then finds the new version.
	 */
	void lock(Kind kind, String id) {
		boolean present = !jdbc.sql("SELECT " + kind.key + " FROM " + kind.table + " WHERE " + kind.key + " = ? FOR UPDATE")
			.param(id)
			.query(String.class)
			.list()
			.isEmpty();
		if (!present) {
			Timestamp now = Timestamp.from(Instant.now());
			jdbc.sql("INSERT INTO " + kind.table + " (" + kind.key + ", created_at, last_modified) VALUES (?, ?, ?)")
				.params(id, now, now)
				.update();
		}
	}

	void markDeleted(Kind kind, String id, Instant at) {
		touch(kind, id, at);
		jdbc.sql("UPDATE " + kind.table + " SET deleted_at = ? WHERE " + kind.key + " = ?").params(Timestamp.from(at), id).update();
	}
}
