package io.stride.capability.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.stride.authoring.CourseId;
import io.stride.capability.CapabilityId;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which courses the evidence rules of capabilities name, for other modules that list courses (the catalogue). */
@Repository
public class CourseLinks {

	private final JdbcClient jdbc;

	public CourseLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A capability whose rules name courses. */
	public record Linked(CapabilityId id, String name, Set<CourseId> courses) {
	}

	/** Courses any rule of the capability names (whatever its status). */
	public Set<CourseId> coursesOf(CapabilityId capability) {
		return new LinkedHashSet<>(jdbc
			.sql("SELECT DISTINCT course_id FROM capability_rules WHERE capability_id = ? AND course_id IS NOT NULL")
			.param(capability.value())
			.query((rs, n) -> new CourseId(rs.getString(1)))
			.list());
	}

	/** Courses named by rules of active capabilities whose name holds the text (any case). */
	public Set<CourseId> coursesOfActiveNamed(String text) {
		String like = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%";
		return new LinkedHashSet<>(jdbc.sql("SELECT DISTINCT r.course_id FROM capability_rules r JOIN capabilities c "
				+ "ON c.id = r.capability_id WHERE c.status = 'ACTIVE' AND r.course_id IS NOT NULL "
				+ "AND LOWER(c.name) LIKE ? ESCAPE '\\'")
			.param(like)
			.query((rs, n) -> new CourseId(rs.getString(1)))
			.list());
	}

	/** The names of the active capabilities whose rules name each course, in name order. */
	public Map<CourseId, List<String>> activeNamesByCourse(Collection<CourseId> courses) {
		Map<CourseId, List<String>> names = new HashMap<>();
		if (courses.isEmpty()) {
			return names;
		}
		jdbc.sql("SELECT DISTINCT r.course_id, c.name FROM capability_rules r JOIN capabilities c "
				+ "ON c.id = r.capability_id WHERE c.status = 'ACTIVE' AND r.course_id = ANY(:ids) ORDER BY c.name")
			.param("ids", SqlArrays.varchars(courses.stream().map(CourseId::value).distinct().toList()))
			.query(rs -> {
				names.computeIfAbsent(new CourseId(rs.getString(1)), k -> new ArrayList<>()).add(rs.getString(2));
			});
		return names;
	}

	/** Active capabilities whose rules name a course, in name order, with those courses. */
	public List<Linked> activeWithCourses() {
		Map<CapabilityId, Linked> linked = new LinkedHashMap<>();
		jdbc.sql("SELECT c.id, c.name, r.course_id FROM capabilities c JOIN capability_rules r ON r.capability_id = c.id "
				+ "WHERE c.status = 'ACTIVE' AND r.course_id IS NOT NULL ORDER BY c.name, c.id")
			.query(rs -> {
				CapabilityId id = new CapabilityId(rs.getString(1));
				String name = rs.getString(2);
				linked.computeIfAbsent(id, k -> new Linked(k, name, new LinkedHashSet<>()))
					.courses()
					.add(new CourseId(rs.getString(3)));
			});
		return List.copyOf(linked.values());
	}
}
