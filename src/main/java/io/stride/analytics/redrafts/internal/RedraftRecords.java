package io.stride.analytics.redrafts.internal;

import java.sql.Timestamp;
import java.util.List;

import io.stride.analytics.redrafts.Redraft;
import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The redrafts made from item analysis, so that old and new question stay linked after publication. */
@Repository
public class RedraftRecords {

	private final JdbcClient jdbc;

	RedraftRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(Redraft redraft) {
		jdbc.sql("INSERT INTO question_redrafts (id, course_id, old_question_id, new_question_id, from_version, "
				+ "made_in_version, redrafted_by, redrafted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(redraft.id(), redraft.courseId().value(), redraft.oldQuestionId(), redraft.newQuestionId(),
					redraft.fromVersion(), redraft.madeInVersion(), redraft.by().value(), Timestamp.from(redraft.at()))
			.update();
	}

	/** A course's redrafts, oldest first. */
	public List<Redraft> of(CourseId course) {
		return jdbc.sql("SELECT id, old_question_id, new_question_id, from_version, made_in_version, redrafted_by, "
				+ "redrafted_at FROM question_redrafts WHERE course_id = ? ORDER BY redrafted_at, id")
			.param(course.value())
			.query((rs, n) -> new Redraft(rs.getString(1), course, rs.getString(2), rs.getString(3),
					(Integer) rs.getObject(4, Integer.class), rs.getInt(5), new PersonId(rs.getString(6)),
					rs.getTimestamp(7).toInstant()))
			.list();
	}
}
