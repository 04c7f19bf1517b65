package io.stride.authoring.internal;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.stride.authoring.CourseContent;
import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Published versions, written once and never changed, and which version each learner takes.
 */
@Repository
public class CourseVersions {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public CourseVersions(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public record Stored(int version, CourseContent content, Instant publishedAt, PersonId publishedBy) {
	}

	public void store(CourseId course, int version, CourseContent content, PersonId by) {
		jdbc.sql("INSERT INTO course_versions (course_id, version, title, content, published_at, published_by) "
				+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(course.value(), version, content.title(), json.writeValueAsString(content),
					Timestamp.from(Instant.now()), by.value())
			.update();
	}

	public Optional<Stored> find(CourseId course, int version) {
		return jdbc.sql("SELECT version, content, published_at, published_by FROM course_versions "
				+ "WHERE course_id = ? AND version = ?")
			.params(course.value(), version)
			.query((rs, n) -> new Stored(rs.getInt(1), parse(course, rs.getInt(1), rs.getString(2)),
					rs.getTimestamp(3).toInstant(), new PersonId(rs.getString(4))))
			.optional();
	}

	/**
	 * The live (newest published) version of each of these courses, read together: lists over many courses need
	 * not query once per course. Courses without a stored live version are absent.
	 */
	public Map<CourseId, Stored> live(Collection<CourseId> courses) {
		Map<CourseId, Stored> live = new HashMap<>();
		List<String> ids = courses.stream().map(CourseId::value).distinct().toList();
		for (int from = 0; from < ids.size(); from += 500) {
			jdbc.sql("SELECT v.course_id, v.version, v.content, v.published_at, v.published_by FROM course_versions v "
					+ "JOIN courses c ON c.id = v.course_id AND c.live_version = v.version WHERE v.course_id IN (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
				.query((ResultSet rs) -> {
					CourseId course = new CourseId(rs.getString(1));
					live.put(course, new Stored(rs.getInt(2), parse(course, rs.getInt(2), rs.getString(3)),
							rs.getTimestamp(4).toInstant(), new PersonId(rs.getString(5))));
				});
		}
		return live;
	}

	/**
	 * Every page of a course reads its version; parsing the stored JSON each time cost more than the query. The
	 * parsed content is kept for the exact text it came from, so a row that differs (a rolled-back publication
	 * stored again) is parsed anew. Course content is immutable records, safe to share.
	 */
	private CourseContent parse(CourseId course, int version, String text) {
		String key = course.value() + "#" + version;
		Parsed hit = parsed.get(key);
		if (hit != null && hit.text().equals(text)) {
			return hit.content();
		}
		CourseContent content = json.readValue(text, CourseContent.class);
		if (parsed.size() >= PARSED_LIMIT) {
			parsed.clear();
		}
		parsed.put(key, new Parsed(text, content));
		return content;
	}

	private record Parsed(String text, CourseContent content) {
	}

	/** Published versions in use at once; beyond this the cache starts over rather than grow. */
	private static final int PARSED_LIMIT = 3000;

	private final ConcurrentHashMap<String, Parsed> parsed = new ConcurrentHashMap<>();

	/** Version numbers with their publication time, newest first. */
	public List<Stored> history(CourseId course) {
		return jdbc.sql("SELECT version, published_at, published_by FROM course_versions WHERE course_id = ? "
				+ "ORDER BY version DESC")
			.param(course.value())
			.query((rs, n) -> new Stored(rs.getInt(1), null, rs.getTimestamp(2).toInstant(), new PersonId(rs.getString(3))))
			.list();
	}

	public Optional<Integer> pinned(PersonId person, CourseId course) {
		return jdbc.sql("SELECT version FROM course_pins WHERE person_id = ? AND course_id = ?")
			.params(person.value(), course.value())
			.query(Integer.class)
			.optional();
	}

	/** Pins a learner to a version; moves them to it when they were on another one. */
	public void pin(PersonId person, CourseId course, int version) {
		int moved = jdbc.sql("UPDATE course_pins SET version = ?, pinned_at = ? WHERE person_id = ? AND course_id = ?")
			.params(version, Timestamp.from(Instant.now()), person.value(), course.value())
			.update();
		if (moved == 0) {
			jdbc.sql("INSERT INTO course_pins (person_id, course_id, version, pinned_at) VALUES (?, ?, ?, ?)")
				.params(person.value(), course.value(), version, Timestamp.from(Instant.now()))
				.update();
		}
	}

	/** How many learners take each version of a course. */
	public Map<Integer, Integer> learnersPerVersion(CourseId course) {
		Map<Integer, Integer> counts = new TreeMap<>();
		jdbc.sql("SELECT version, COUNT(*) FROM course_pins WHERE course_id = ? GROUP BY version")
			.param(course.value())
			.query(rs -> {
				counts.put(rs.getInt(1), rs.getInt(2));
			});
		return counts;
	}

	/** How many people take each of these courses (any version), for an author's contributions. */
	public Map<CourseId, Integer> learnersPerCourse(Collection<CourseId> courses) {
		Map<CourseId, Integer> counts = new HashMap<>();
		if (courses.isEmpty()) {
			return counts;
		}
		jdbc.sql("SELECT course_id, COUNT(*) FROM course_pins WHERE course_id = ANY(:courses) GROUP BY course_id")
			.param("courses", SqlArrays.varchars(courses.stream().map(CourseId::value).toList()))
			.query(rs -> {
				counts.put(new CourseId(rs.getString(1)), rs.getInt(2));
			});
		return counts;
	}

	public record Current(CourseId courseId, int version, Instant publishedAt, boolean retired) {
	}

	/** The live version of each of these courses ever published, and whether the course is retired. */
	public List<Current> current(Collection<CourseId> courses) {
		if (courses.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT c.id, c.live_version, v.published_at, c.status FROM courses c JOIN course_versions v "
				+ "ON v.course_id = c.id AND v.version = c.live_version WHERE c.id = ANY(:ids)")
			.param("ids", SqlArrays.varchars(courses.stream().map(CourseId::value).toList()))
			.query((rs, n) -> new Current(new CourseId(rs.getString(1)), rs.getInt(2), rs.getTimestamp(3).toInstant(),
					"RETIRED".equals(rs.getString(4))))
			.list();
	}

	public record Pin(PersonId personId, CourseId courseId, int version) {
	}

	public List<Pin> pins(Collection<PersonId> people, Collection<CourseId> courses) {
		if (people.isEmpty() || courses.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT person_id, course_id, version FROM course_pins WHERE person_id = ANY(:people) "
				+ "AND course_id = ANY(:courses)")
			.param("people", SqlArrays.varchars(people.stream().map(PersonId::value).toList()))
			.param("courses", SqlArrays.varchars(courses.stream().map(CourseId::value).toList()))
			.query((rs, n) -> new Pin(new PersonId(rs.getString(1)), new CourseId(rs.getString(2)), rs.getInt(3)))
			.list();
	}
}
