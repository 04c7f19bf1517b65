package io.stride.packages.scorm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.stride.identity.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Learners' attempts at package items with their saved run-time data, and the launches that open them. */
@Repository
class ScormAttempts {

	record Attempt(String id, String itemId, PersonId personId, String courseId, String lessonId, int attempt,
			String completion, String success, Double scoreScaled, Double scoreRaw, Double scoreMin, Double scoreMax,
			String suspendData, String location, String exitMode, double totalSeconds, long lastSequence, int sessions,
			Instant completedAt) {

		boolean done() {
			return completedAt != null;
		}
	}

	record Launch(String attemptId, String packageId, PersonId personId, Instant expiresAt) {
	}

	private final JdbcClient jdbc;

	ScormAttempts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Attempt> latest(String itemId, PersonId person) {
		return jdbc.sql("SELECT * FROM package_attempts WHERE item_id = ? AND person_id = ? ORDER BY attempt DESC")
			.params(itemId, person.value())
			.query(ScormAttempts::attempt)
			.stream()
			.findFirst();
	}

	/** The attempt, its row locked until the transaction ends, so commits of one attempt apply one after another. */
	Optional<Attempt> lock(String id) {
		return jdbc.sql("SELECT * FROM package_attempts WHERE id = ? FOR UPDATE")
			.param(id)
			.query(ScormAttempts::attempt)
			.optional();
	}

	/**
	 * Starts an attempt in a transaction of its own, so that when two tabs start the same attempt at once, the one
	 * that loses the unique key leaves the other's transaction unharmed; the caller reads the attempt afterwards.
	 */
	@Transactional(
			propagation = Propagation.REQUIRES_NEW)
	public void start(String id, String itemId, PersonId person, String courseId, String lessonId, int attempt,
			Instant now) {
		insert(id, itemId, person, courseId, lessonId, attempt, now);
	}

	void insert(String id, String itemId, PersonId person, String courseId, String lessonId, int attempt, Instant now) {
		jdbc.sql("""
				INSERT INTO package_attempts (id, item_id, person_id, course_id, lesson_id, attempt, completion, success,
				    started_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, 'unknown', 'unknown', ?, ?)""")
			.params(id, itemId, person.value(), courseId, lessonId, attempt, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	void startSession(String id, String lessonId, Instant now) {
		jdbc.sql("UPDATE package_attempts SET sessions = sessions + 1, lesson_id = ?, updated_at = ? WHERE id = ?")
			.params(lessonId, Timestamp.from(now), id)
			.update();
	}

	void save(Attempt a, Instant now) {
		jdbc.sql("""
				UPDATE package_attempts SET completion = ?, success = ?, score_scaled = ?, score_raw = ?, score_min = ?,
				    score_max = ?, suspend_data = ?, location = ?, exit_mode = ?, total_seconds = ?, last_sequence = ?,
				    completed_at = ?, updated_at = ?
				WHERE id = ?""")
			.params(a.completion(), a.success(), a.scoreScaled(), a.scoreRaw(), a.scoreMin(), a.scoreMax(),
					a.suspendData(), a.location(), a.exitMode(), a.totalSeconds(), a.lastSequence(),
					a.completedAt() == null ? null : Timestamp.from(a.completedAt()), Timestamp.from(now), a.id())
			.update();
	}

	void insertLaunch(String tokenHash, String attemptId, String packageId, PersonId person, Instant expiresAt) {
		jdbc.sql("INSERT INTO package_launches (token_hash, attempt_id, package_id, person_id, expires_at) VALUES (?, ?, ?, ?, ?)")
			.params(tokenHash, attemptId, packageId, person.value(), Timestamp.from(expiresAt))
			.update();
	}

	Optional<Launch> launch(String tokenHash) {
		return jdbc.sql("SELECT * FROM package_launches WHERE token_hash = ?")
			.param(tokenHash)
			.query((rs, n) -> new Launch(rs.getString("attempt_id"), rs.getString("package_id"),
					new PersonId(rs.getString("person_id")), rs.getTimestamp("expires_at").toInstant()))
			.optional();
	}

	/** Launches past their time are of no use to anyone; removed when a new one is made. */
	void forgetExpired(Instant now) {
		jdbc.sql("DELETE FROM package_launches WHERE expires_at < ?").param(Timestamp.from(now)).update();
	}

	Optional<Attempt> find(String id) {
		return jdbc.sql("SELECT * FROM package_attempts WHERE id = ?").param(id).query(ScormAttempts::attempt).optional();
	}

	private static Attempt attempt(ResultSet rs, int n) throws SQLException {
		Timestamp completed = rs.getTimestamp("completed_at");
		return new Attempt(rs.getString("id"), rs.getString("item_id"), new PersonId(rs.getString("person_id")),
				rs.getString("course_id"), rs.getString("lesson_id"), rs.getInt("attempt"), rs.getString("completion"),
				rs.getString("success"), Packages.number(rs, "score_scaled"), Packages.number(rs, "score_raw"),
				Packages.number(rs, "score_min"), Packages.number(rs, "score_max"), rs.getString("suspend_data"),
				rs.getString("location"), rs.getString("exit_mode"), rs.getDouble("total_seconds"),
				rs.getLong("last_sequence"), rs.getInt("sessions"), completed == null ? null : completed.toInstant());
	}
}
