package io.stride.authoring.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Courses' estimated minutes and, for those without one, the length of their lessons. */
@Repository
public class EstimateRows {

	/** {@code minutes}: the stored estimate, null when none was given; {@code characters}: the lessons' Markdown. */
	public record Row(String courseId, Integer minutes, long characters) {
	}

	private final JdbcClient jdbc;

	EstimateRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One row per known course, in one query (the lessons' length summed only for courses without an estimate). */
	public Map<String, Row> of(Collection<String> courseIds) {
		Map<String, Row> result = new HashMap<>();
		if (courseIds.isEmpty()) {
			return result;
		}
		List<Row> rows = jdbc.sql("SELECT c.id, c.estimated_minutes, "
				+ "(SELECT COALESCE(SUM(LENGTH(l.markdown)), 0) FROM lessons l WHERE l.course_id = c.id "
				+ "AND c.estimated_minutes IS NULL) AS characters FROM courses c WHERE c.id = ANY(:ids)")
			.param("ids", SqlArrays.varchars(courseIds.stream().distinct().toList()))
			.query((rs, n) -> new Row(rs.getString(1), (Integer) rs.getObject(2, Integer.class), rs.getLong(3)))
			.list();
		rows.forEach(r -> result.put(r.courseId(), r));
		return result;
	}

	public void set(String courseId, Integer minutes) {
		jdbc.sql("UPDATE courses SET estimated_minutes = ? WHERE id = ?").params(minutes, courseId).update();
	}
}
