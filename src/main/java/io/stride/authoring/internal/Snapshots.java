package io.stride.authoring.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.stride.authoring.CourseContent;
import io.stride.authoring.CourseId;
import io.stride.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Earlier contents of a draft course, newest last; the last {@value #KEPT} are kept.
 */
@Repository
public class Snapshots {

	static final int KEPT = 20;

	static final int MAX_CHARACTERS = 1_000_000;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public Snapshots(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public record Snapshot(String id, int revision, CourseContent content, Instant savedAt) {
	}

	/** Keeps the content for undo; a course too large for a snapshot is saved all the same, without one. */
	public void keep(CourseId course, int revision, CourseContent content) {
		String serialized = json.writeValueAsString(content);
		if (serialized.length() > MAX_CHARACTERS) {
			return;
		}
		jdbc.sql("INSERT INTO course_snapshots (id, course_id, revision, content, saved_at) VALUES (?, ?, ?, ?, ?)")
			.params(Ids.newId(), course.value(), revision, serialized, Timestamp.from(Instant.now()))
			.update();
		jdbc.sql("DELETE FROM course_snapshots WHERE course_id = ? AND revision < ?")
			.params(course.value(), revision - KEPT)
			.update();
	}

	public Optional<Snapshot> latest(CourseId course) {
		return jdbc.sql("SELECT id, revision, content, saved_at FROM course_snapshots WHERE course_id = ? "
				+ "ORDER BY revision DESC, saved_at DESC LIMIT 1")
			.param(course.value())
			.query((rs, n) -> new Snapshot(rs.getString(1), rs.getInt(2), json.readValue(rs.getString(3), CourseContent.class),
					rs.getTimestamp(4).toInstant()))
			.optional();
	}

	public void forget(String id) {
		jdbc.sql("DELETE FROM course_snapshots WHERE id = ?").param(id).update();
	}
}
