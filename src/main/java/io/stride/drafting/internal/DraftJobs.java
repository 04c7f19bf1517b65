package io.stride.drafting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.stride.identity.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DraftJobs {

	/** Steps the page counts through. */
	public static final int STEPS = 5;

	private final JdbcClient jdbc;

	public DraftJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Job(String id, PersonId owner, String stage, int step, String status, String draftId, String error,
			Instant updatedAt) {

		public boolean running() {
			return "RUNNING".equals(status);
		}
	}

	public void start(String id, PersonId owner) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("INSERT INTO draft_jobs (id, owner_id, stage, step, status, created_at, updated_at) "
				+ "VALUES (?, ?, 'Reading your files', 1, 'RUNNING', ?, ?)")
			.params(id, owner.value(), now, now)
			.update();
	}

	public void stage(String id, int step, String stage) {
		jdbc.sql("UPDATE draft_jobs SET stage = ?, step = ?, updated_at = ? WHERE id = ?")
			.params(stage, step, Timestamp.from(Instant.now()), id)
			.update();
	}

	public void done(String id, String draftId) {
		jdbc.sql("UPDATE draft_jobs SET status = 'DONE', stage = 'Done', step = ?, draft_id = ?, updated_at = ? WHERE id = ?")
			.params(STEPS, draftId, Timestamp.from(Instant.now()), id)
			.update();
	}

	public void failed(String id, String error) {
		jdbc.sql("UPDATE draft_jobs SET status = 'FAILED', error = ?, updated_at = ? WHERE id = ?")
			.params(error.length() > 2000 ? error.substring(0, 2000) : error, Timestamp.from(Instant.now()), id)
			.update();
	}

	public Optional<Job> find(String id) {
		return jdbc.sql("SELECT id, owner_id, stage, step, status, draft_id, error, updated_at FROM draft_jobs WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Job(rs.getString(1), new PersonId(rs.getString(2)), rs.getString(3), rs.getInt(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
			.optional();
	}
}
