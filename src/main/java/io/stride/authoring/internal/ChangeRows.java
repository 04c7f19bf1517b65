package io.stride.authoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.authoring.CourseId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only queries on where reused elements came from ({@code element_origins}, written by the library's reuse) and
 * where elements live, for the changed-parts view and for figures that follow a component across courses.
 */
@Repository
public class ChangeRows {

	private final JdbcClient jdbc;

	public ChangeRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Where one element of a course came from. */
	public record Origin(String courseId, String elementId, String kind, String sourceCourseId, String sourceElementId,
			int sourceVersion, String mode) {
	}

	/** The reused elements of a course, by element id. */
	public Map<String, Origin> originsOf(CourseId course) {
		Map<String, Origin> origins = new HashMap<>();
		jdbc.sql("SELECT course_id, element_id, element_kind, source_course_id, source_element_id, source_version, mode "
				+ "FROM element_origins WHERE course_id = ?")
			.param(course.value())
			.query((rs, n) -> origin(rs))
			.list()
			.forEach(o -> origins.put(o.elementId(), o));
		return origins;
	}

	/** Where an element was taken from, when it was reused. */
	public Optional<Origin> originOfElement(String elementId) {
		return jdbc.sql("SELECT course_id, element_id, element_kind, source_course_id, source_element_id, source_version, "
				+ "mode FROM element_origins WHERE element_id = ?")
			.param(elementId)
			.query((rs, n) -> origin(rs))
			.list()
			.stream()
			.findFirst();
	}

	/** The elements taken from one element of a course, LINKED or COPIED. */
	public List<Origin> takenFrom(String sourceCourseId, String sourceElementId) {
		return jdbc.sql("SELECT course_id, element_id, element_kind, source_course_id, source_element_id, source_version, "
				+ "mode FROM element_origins WHERE source_course_id = ? AND source_element_id = ? ORDER BY reused_at, course_id")
			.params(sourceCourseId, sourceElementId)
			.query((rs, n) -> origin(rs))
			.list();
	}

	/** An element in a course's working copy: its course and kind (LESSON, QUESTION or KNOWLEDGE_CHECK). */
	public record Located(String courseId, String kind) {
	}

	public Optional<Located> locate(String elementId) {
		Optional<Located> lesson = jdbc.sql("SELECT course_id FROM lessons WHERE id = ?")
			.param(elementId)
			.query((rs, n) -> new Located(rs.getString(1), "LESSON"))
			.optional();
		if (lesson.isPresent()) {
			return lesson;
		}
		return jdbc.sql("SELECT course_id, lesson_id FROM questions WHERE id = ?")
			.param(elementId)
			.query((rs, n) -> new Located(rs.getString(1), rs.getString(2) == null ? "QUESTION" : "KNOWLEDGE_CHECK"))
			.optional();
	}

	private static Origin origin(ResultSet rs) throws SQLException {
		return new Origin(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getInt(6), rs.getString(7));
	}
}
