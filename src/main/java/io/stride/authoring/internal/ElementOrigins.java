package io.stride.authoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.stride.authoring.CourseId;
import io.stride.authoring.ElementOrigin;
import io.stride.identity.PersonId;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The element_origins table: which element of a course was reused from which element of which published version. */
@Repository
public class ElementOrigins {

	private static final String COLUMNS = "course_id, element_id, element_kind, source_course_id, source_element_id, "
			+ "source_version, mode, kept_version, reused_by, reused_at, source_module";

	private final JdbcClient jdbc;

	public ElementOrigins(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(ElementOrigin o) {
		jdbc.sql("INSERT INTO element_origins (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(o.courseId().value(), o.elementId(), o.elementKind().name(), o.sourceCourseId().value(),
					o.sourceElementId(), o.sourceVersion(), o.mode().name(), o.keptVersion(), o.reusedBy().value(),
					Timestamp.from(o.reusedAt()), o.sourceModule())
			.update();
	}

	/** The origins of a course's reused elements, by element id, in the order they were reused. */
	public Map<String, ElementOrigin> of(CourseId course) {
		Map<String, ElementOrigin> origins = new LinkedHashMap<>();
		jdbc.sql("SELECT " + COLUMNS + " FROM element_origins WHERE course_id = ? ORDER BY reused_at, element_id")
			.param(course.value())
			.query(ElementOrigins::row)
			.list()
			.forEach(o -> origins.put(o.elementId(), o));
		return origins;
	}

	/** The elements of these courses that are linked reuses (shown as their source has them), read at once. */
	public java.util.Set<String> linkedIn(java.util.Collection<CourseId> courses) {
		if (courses.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("SELECT element_id FROM element_origins WHERE mode = 'LINKED' AND course_id IN (:ids)")
			.param("ids", courses.stream().map(CourseId::value).toList())
			.query(String.class)
			.list());
	}

	public Optional<ElementOrigin> find(CourseId course, String elementId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM element_origins WHERE course_id = ? AND element_id = ?")
			.params(course.value(), elementId)
			.query(ElementOrigins::row)
			.optional();
	}

	/** Linked elements taken from this course, in every course that reuses it. */
	public List<ElementOrigin> linkedFrom(CourseId source) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM element_origins WHERE source_course_id = ? AND mode = 'LINKED'")
			.param(source.value())
			.query(ElementOrigins::row)
			.list();
	}

	/** For each element of these source courses, the courses that reuse it (linked or copied). */
	public Map<String, Set<String>> reusingCourses(Collection<CourseId> sources) {
		Map<String, Set<String>> courses = new HashMap<>();
		if (sources.isEmpty()) {
			return courses;
		}
		jdbc.sql("SELECT source_element_id, course_id FROM element_origins WHERE source_course_id = ANY(:ids)")
			.param("ids", SqlArrays.varchars(sources.stream().map(CourseId::value).distinct().toList()))
			.query(rs -> {
				courses.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
			});
		return courses;
	}

	/** Every reused element's source element and reusing course, for counting at start. */
	public Map<String, Set<String>> allReusingCourses() {
		Map<String, Set<String>> courses = new HashMap<>();
		jdbc.sql("SELECT source_element_id, course_id FROM element_origins").query(rs -> {
			courses.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
		});
		return courses;
	}

	/** Courses that reuse this element of its source course. */
	public List<CourseId> coursesReusing(String sourceElementId) {
		return jdbc.sql("SELECT DISTINCT course_id FROM element_origins WHERE source_element_id = ? ORDER BY course_id")
			.param(sourceElementId)
			.query((rs, n) -> new CourseId(rs.getString(1)))
			.list();
	}

	public boolean detach(CourseId course, String elementId) {
		return jdbc.sql("UPDATE element_origins SET mode = 'COPIED' WHERE course_id = ? AND element_id = ? AND mode = 'LINKED'")
			.params(course.value(), elementId)
			.update() == 1;
	}

	/** The copy now shows this source version: any update kept before is older. */
	public void moveTo(CourseId course, String elementId, int version) {
		jdbc.sql("UPDATE element_origins SET source_version = ?, kept_version = NULL WHERE course_id = ? AND element_id = ?")
			.params(version, course.value(), elementId)
			.update();
	}

	/** These lessons of the course, reused with a module, follow it under the name its source gave it now. */
	public void followModule(CourseId course, Collection<String> elementIds, String module) {
		for (String id : elementIds) {
			jdbc.sql("UPDATE element_origins SET source_module = ? WHERE course_id = ? AND element_id = ? "
					+ "AND element_kind = 'LESSON' AND source_module IS NOT NULL")
				.params(module, course.value(), id)
				.update();
		}
	}

	public void keep(CourseId course, String elementId, int version) {
		jdbc.sql("UPDATE element_origins SET kept_version = ? WHERE course_id = ? AND element_id = ?")
			.params(version, course.value(), elementId)
			.update();
	}

	/** Forgets the origins of these elements of the course (when they are removed from it). */
	public void delete(CourseId course, Collection<String> elementIds) {
		for (String id : elementIds) {
			jdbc.sql("DELETE FROM element_origins WHERE course_id = ? AND element_id = ?")
				.params(course.value(), id)
				.update();
		}
	}

	/** Forgets the origins of elements the course no longer has. */
	public void retainOnly(CourseId course, Collection<String> elementIds) {
		Map<String, ElementOrigin> known = of(course);
		for (String id : known.keySet()) {
			if (!elementIds.contains(id)) {
				jdbc.sql("DELETE FROM element_origins WHERE course_id = ? AND element_id = ?")
					.params(course.value(), id)
					.update();
			}
		}
	}

	/** Whether learners see where reused parts come from (the organization's setting). */
	public boolean shownToLearners() {
		return jdbc.sql("SELECT show_origin_to_learners FROM reuse_settings WHERE id = 'organization'")
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	public void showToLearners(boolean shown, PersonId by) {
		jdbc.sql("UPDATE reuse_settings SET show_origin_to_learners = ?, updated_by = ?, updated_at = ? WHERE id = 'organization'")
			.params(shown, by.value(), Timestamp.from(Instant.now()))
			.update();
	}

	private static ElementOrigin row(ResultSet rs, int n) throws SQLException {
		int kept = rs.getInt(8);
		Integer keptVersion = rs.wasNull() ? null : kept;
		return new ElementOrigin(new CourseId(rs.getString(1)), rs.getString(2),
				ElementOrigin.Kind.valueOf(rs.getString(3)), new CourseId(rs.getString(4)), rs.getString(5),
				rs.getInt(6), ElementOrigin.Mode.valueOf(rs.getString(7)), keptVersion, new PersonId(rs.getString(9)),
				rs.getTimestamp(10).toInstant(), rs.getString(11));
	}
}
