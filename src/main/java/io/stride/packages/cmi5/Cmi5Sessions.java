package io.stride.packages.cmi5;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.stride.identity.PersonId;
import io.stride.shared.Ids;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Registrations (one per learner and package, cmi5 §9.6.1), what each AU achieved in one, and sessions: a launch
 * with its one-time fetch key and its auth-token's key and secret (only hashes kept).
 */
@Repository
class Cmi5Sessions {

	record Registration(String id, String packageId, PersonId personId, String courseId, Instant satisfiedAt) {
	}

	record Session(String id, String registrationId, String itemId, PersonId personId, String lessonId,
			Instant fetchedAt, String tokenKey, String secretHash, Instant launchedAt, Instant initializedAt,
			Instant terminatedAt, Instant abandonedAt) {

		boolean open() {
			return terminatedAt == null && abandonedAt == null;
		}
	}

	record Progress(String registrationId, String itemId, boolean completed, boolean passed, boolean failed,
			Instant satisfiedAt, String waivedBy, String waivedReason) {
	}

	private final JdbcClient jdbc;

	Cmi5Sessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The learner's registration for the package, made the first time and the same ever after. */
	Registration registration(String packageId, PersonId person, String courseId) {
		Optional<Registration> found = findRegistration(packageId, person);
		if (found.isPresent()) {
			return found.get();
		}
		try {
			jdbc.sql("INSERT INTO cmi5_registrations (id, package_id, person_id, course_id) VALUES (?, ?, ?, ?)")
				.params(Ids.newId(), packageId, person.value(), courseId)
				.update();
		}
		catch (DuplicateKeyException concurrent) {
			// another launch made it a moment ago: that one is the registration
		}
		return findRegistration(packageId, person).orElseThrow();
	}

	Optional<Registration> findRegistration(String packageId, PersonId person) {
		return jdbc.sql("SELECT * FROM cmi5_registrations WHERE package_id = ? AND person_id = ?")
			.params(packageId, person.value())
			.query(Cmi5Sessions::registration)
			.optional();
	}

	Optional<Registration> lockRegistration(String id) {
		return jdbc.sql("SELECT * FROM cmi5_registrations WHERE id = ? FOR UPDATE")
			.param(id)
			.query(Cmi5Sessions::registration)
			.optional();
	}

	boolean markCourseSatisfied(String registrationId, Instant now) {
		return jdbc.sql("UPDATE cmi5_registrations SET satisfied_at = ? WHERE id = ? AND satisfied_at IS NULL")
			.params(Timestamp.from(now), registrationId)
			.update() == 1;
	}

	void insertSession(String id, String registrationId, String itemId, PersonId person, String lessonId,
			String fetchHash, String tokenKey, String secretHash, String token, Instant now) {
		jdbc.sql("""
				INSERT INTO cmi5_sessions (id, registration_id, item_id, person_id, lesson_id, fetch_hash, token_key,
				    secret_hash, pending_token, launched_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, registrationId, itemId, person.value(), lessonId, fetchHash, tokenKey, secretHash, token,
					Timestamp.from(now))
			.update();
	}

	/** The sessions of an AU in a registration that neither terminated nor were abandoned. */
	List<Session> openSessions(String registrationId, String itemId) {
		return jdbc.sql("""
				SELECT * FROM cmi5_sessions WHERE registration_id = ? AND item_id = ?
				AND terminated_at IS NULL AND abandoned_at IS NULL ORDER BY launched_at""")
			.params(registrationId, itemId)
			.query(Cmi5Sessions::session)
			.list();
	}

	Optional<Session> byTokenKey(String key) {
		return jdbc.sql("SELECT * FROM cmi5_sessions WHERE token_key = ?").param(key).query(Cmi5Sessions::session).optional();
	}

	Optional<Session> find(String id) {
		return jdbc.sql("SELECT * FROM cmi5_sessions WHERE id = ?").param(id).query(Cmi5Sessions::session).optional();
	}

	Optional<Session> lock(String id) {
		return jdbc.sql("SELECT * FROM cmi5_sessions WHERE id = ? FOR UPDATE").param(id).query(Cmi5Sessions::session)
			.optional();
	}

	/**
	 * Takes the fetch key's one use: the session's auth-token, which is then no longer kept; empty when the key was
	 * used before, is unknown or its session is over. The row lock makes two concurrent calls one winner.
	 */
	Optional<String> takeFetch(String fetchHash, Instant now) {
		Optional<String> token = jdbc.sql("""
				SELECT pending_token FROM cmi5_sessions WHERE fetch_hash = ? AND fetched_at IS NULL
				AND terminated_at IS NULL AND abandoned_at IS NULL FOR UPDATE""")
			.param(fetchHash)
			.query(String.class)
			.optional();
		if (token.isEmpty()) {
			return Optional.empty();
		}
		int taken = jdbc.sql("UPDATE cmi5_sessions SET fetched_at = ?, pending_token = NULL WHERE fetch_hash = ? "
				+ "AND fetched_at IS NULL")
			.params(Timestamp.from(now), fetchHash)
			.update();
		return taken == 1 ? token : Optional.empty();
	}

	void initialized(String id, Instant now) {
		jdbc.sql("UPDATE cmi5_sessions SET initialized_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
	}

	void terminated(String id, Instant now) {
		jdbc.sql("UPDATE cmi5_sessions SET terminated_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
	}

	void abandoned(String id, Instant now) {
		jdbc.sql("UPDATE cmi5_sessions SET abandoned_at = ?, pending_token = NULL WHERE id = ?").params(Timestamp.from(now), id).update();
	}

	Progress progress(String registrationId, String itemId) {
		Optional<Progress> found = findProgress(registrationId, itemId);
		if (found.isPresent()) {
			return found.get();
		}
		jdbc.sql("INSERT INTO cmi5_au_progress (registration_id, item_id) VALUES (?, ?)")
			.params(registrationId, itemId)
			.update();
		return findProgress(registrationId, itemId).orElseThrow();
	}

	Optional<Progress> findProgress(String registrationId, String itemId) {
		return jdbc.sql("SELECT * FROM cmi5_au_progress WHERE registration_id = ? AND item_id = ?")
			.params(registrationId, itemId)
			.query(Cmi5Sessions::progress)
			.optional();
	}

	List<Progress> progressOf(String registrationId) {
		return jdbc.sql("SELECT * FROM cmi5_au_progress WHERE registration_id = ?")
			.param(registrationId)
			.query(Cmi5Sessions::progress)
			.list();
	}

	void saveProgress(Progress p) {
		jdbc.sql("""
				UPDATE cmi5_au_progress SET completed = ?, passed = ?, failed = ?, satisfied_at = ?, waived_by = ?,
				    waived_reason = ?
				WHERE registration_id = ? AND item_id = ?""")
			.params(p.completed(), p.passed(), p.failed(), p.satisfiedAt() == null ? null : Timestamp.from(p.satisfiedAt()),
					p.waivedBy(), p.waivedReason(), p.registrationId(), p.itemId())
			.update();
	}

	private static Registration registration(ResultSet rs, int n) throws SQLException {
		return new Registration(rs.getString("id"), rs.getString("package_id"), new PersonId(rs.getString("person_id")),
				rs.getString("course_id"), instant(rs, "satisfied_at"));
	}

	private static Session session(ResultSet rs, int n) throws SQLException {
		return new Session(rs.getString("id"), rs.getString("registration_id"), rs.getString("item_id"),
				new PersonId(rs.getString("person_id")), rs.getString("lesson_id"), instant(rs, "fetched_at"),
				rs.getString("token_key"), rs.getString("secret_hash"), instant(rs, "launched_at"),
				instant(rs, "initialized_at"), instant(rs, "terminated_at"), instant(rs, "abandoned_at"));
	}

	private static Progress progress(ResultSet rs, int n) throws SQLException {
		return new Progress(rs.getString("registration_id"), rs.getString("item_id"), rs.getBoolean("completed"),
				rs.getBoolean("passed"), rs.getBoolean("failed"), instant(rs, "satisfied_at"), rs.getString("waived_by"),
				rs.getString("waived_reason"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
