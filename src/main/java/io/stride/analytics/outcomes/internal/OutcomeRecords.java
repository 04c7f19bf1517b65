package io.stride.analytics.outcomes.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import io.stride.activity.Verb;
import io.stride.analytics.internal.ActivitySummaries;
import io.stride.analytics.outcomes.OutcomeMetric;
import io.stride.analytics.outcomes.OutcomeMetricChange;
import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.shared.Ids;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps outcome metrics and their values, and reads from the learning record when members first completed or
 * mastered a course.
 */
@Repository
public class OutcomeRecords {

	private static final String COLUMNS = "id, team_id, name, unit, direction, granularity, description, revision";

	private final JdbcClient jdbc;

	private final ActivitySummaries summaries;

	OutcomeRecords(JdbcClient jdbc, ActivitySummaries summaries) {
		this.jdbc = jdbc;
		this.summaries = summaries;
	}

	/** A metric, deleted ones included only when asked for. */
	public Optional<OutcomeMetric> metric(String id, boolean deletedToo) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM outcome_metrics WHERE id = ?"
				+ (deletedToo ? "" : " AND deleted_at IS NULL"))
			.param(id)
			.query(this::metric)
			.optional()
			.map(this::withCourses);
	}

	public boolean isDeleted(String id) {
		return jdbc.sql("SELECT COUNT(*) FROM outcome_metrics WHERE id = ? AND deleted_at IS NOT NULL")
			.param(id)
			.query(Integer.class)
			.single() > 0;
	}

	public List<OutcomeMetric> ofTeam(TeamId team, boolean deleted) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM outcome_metrics WHERE team_id = ? AND deleted_at IS "
				+ (deleted ? "NOT NULL ORDER BY deleted_at DESC" : "NULL ORDER BY name, id"))
			.param(team.value())
			.query(this::metric)
			.list()
			.stream()
			.map(this::withCourses)
			.toList();
	}

	/** Live metrics of these teams (at most {@code limit}), by name, without their linked courses. */
	public List<OutcomeMetric> ofTeams(Collection<TeamId> teams, int limit) {
		if (teams.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM outcome_metrics WHERE team_id = ANY(:teams) AND deleted_at IS NULL "
				+ "ORDER BY name, id LIMIT :limit")
			.param("teams", SqlArrays.varchars(teams.stream().map(TeamId::value).distinct().toList()))
			.param("limit", limit)
			.query(this::metric)
			.list();
	}

	/** The latest {@code count} values of each metric, in one read. */
	public Map<String, SortedMap<LocalDate, Double>> latestValues(Collection<String> metrics, int count) {
		Map<String, SortedMap<LocalDate, Double>> values = new HashMap<>();
		if (metrics.isEmpty()) {
			return values;
		}
		jdbc.sql("SELECT metric_id, period_start, amount FROM (SELECT metric_id, period_start, amount, ROW_NUMBER() "
				+ "OVER (PARTITION BY metric_id ORDER BY period_start DESC) AS n FROM outcome_values "
				+ "WHERE metric_id IN (:metrics)) latest WHERE n <= :count")
			.param("metrics", List.copyOf(metrics))
			.param("count", count)
			.query(rs -> {
				values.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
					.put(rs.getObject(2, LocalDate.class), rs.getDouble(3));
			});
		return values;
	}

	public OutcomeMetric insert(TeamId team, OutcomeMetricChange change, PersonId by, Instant at) {
		String id = Ids.newId();
		jdbc.sql("INSERT INTO outcome_metrics (id, team_id, name, unit, direction, granularity, description, revision, "
				+ "created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)")
			.params(id, team.value(), change.cleanName(), change.cleanUnit(), change.parsedDirection().name(),
					change.parsedGranularity().name(), change.cleanDescription(), by.value(), Timestamp.from(at), by.value(),
					Timestamp.from(at))
			.update();
		linkCourses(id, change.courses());
		return metric(id, false).orElseThrow();
	}

	/** Saves the change if {@code revision} is still the saved one; false when someone saved in between. */
	public boolean update(String id, OutcomeMetricChange change, PersonId by, Instant at) {
		int updated = jdbc.sql("UPDATE outcome_metrics SET name = ?, unit = ?, direction = ?, granularity = ?, "
				+ "description = ?, revision = revision + 1, updated_by = ?, updated_at = ? "
				+ "WHERE id = ? AND revision = ? AND deleted_at IS NULL")
			.params(change.cleanName(), change.cleanUnit(), change.parsedDirection().name(), change.parsedGranularity().name(),
					change.cleanDescription(), by.value(), Timestamp.from(at), id, change.revision())
			.update();
		if (updated != 1) {
			return false;
		}
		jdbc.sql("DELETE FROM outcome_metric_courses WHERE metric_id = ?").param(id).update();
		linkCourses(id, change.courses());
		return true;
	}

	public void markDeleted(String id, PersonId by, Instant at) {
		jdbc.sql("UPDATE outcome_metrics SET deleted_by = ?, deleted_at = ?, revision = revision + 1 WHERE id = ?")
			.params(by.value(), Timestamp.from(at), id)
			.update();
	}

	public void restore(String id) {
		jdbc.sql("UPDATE outcome_metrics SET deleted_by = NULL, deleted_at = NULL, revision = revision + 1 WHERE id = ?")
			.param(id)
			.update();
	}

	public SortedMap<LocalDate, Double> values(String metric) {
		SortedMap<LocalDate, Double> values = new TreeMap<>();
		jdbc.sql("SELECT period_start, amount FROM outcome_values WHERE metric_id = ?")
			.param(metric)
			.query(rs -> {
				values.put(rs.getObject(1, LocalDate.class), rs.getDouble(2));
			});
		return values;
	}

	/** Adds or replaces the value of a period; true when it was added. */
	public boolean putValue(String metric, LocalDate period, double value, PersonId by, Instant at) {
		int updated = jdbc.sql("UPDATE outcome_values SET amount = ?, updated_by = ?, updated_at = ? "
				+ "WHERE metric_id = ? AND period_start = ?")
			.params(value, by.value(), Timestamp.from(at), metric, period)
			.update();
		if (updated == 1) {
			return false;
		}
		jdbc.sql("INSERT INTO outcome_values (metric_id, period_start, amount, updated_by, updated_at) "
				+ "VALUES (?, ?, ?, ?, ?)")
			.params(metric, period, value, by.value(), Timestamp.from(at))
			.update();
		return true;
	}

	public boolean deleteValue(String metric, LocalDate period) {
		return jdbc.sql("DELETE FROM outcome_values WHERE metric_id = ? AND period_start = ?")
			.params(metric, period)
			.update() == 1;
	}

	/**
	 * For each learner, when they were last to finish the courses: the latest of their first statements with the verb
	 * per course, only for learners with such a statement for every course.
	 */
	public Map<PersonId, Instant> doneWithAll(List<CourseId> courses, Verb verb, Set<PersonId> learners) {
		if (courses.isEmpty() || learners.isEmpty()) {
			return Map.of();
		}
		// the summaries keep each learner's first statement per course and verb (ADR 0014)
		summaries.catchUp();
		Map<String, Map<String, Instant>> firsts = new HashMap<>();
		List<String> members = learners.stream().map(PersonId::value).toList();
		// a team's members are passed in slices, as a long IN list is refused past some length by some drivers
		for (int from = 0; from < members.size(); from += 1000) {
			List<String> slice = members.subList(from, Math.min(members.size(), from + 1000));
			jdbc.sql("SELECT actor_id, course_id, MIN(first_at) FROM activity_learners WHERE course_id IN (:courses) "
					+ "AND measure = :verb AND actor_id IN (:actors) GROUP BY actor_id, course_id")
				.param("courses", courses.stream().map(CourseId::value).toList())
				.param("verb", verb.iri())
				.param("actors", slice)
				.query(rs -> {
					firsts.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
						.put(rs.getString(2), rs.getTimestamp(3).toInstant());
				});
		}
		Map<PersonId, Instant> done = new LinkedHashMap<>();
		firsts.forEach((actor, byCourse) -> {
			if (byCourse.size() == courses.size()) {
				done.put(new PersonId(actor), byCourse.values().stream().max(Instant::compareTo).orElseThrow());
			}
		});
		return done;
	}

	private void linkCourses(String metric, List<String> courses) {
		for (String course : courses) {
			jdbc.sql("INSERT INTO outcome_metric_courses (metric_id, course_id) VALUES (?, ?)")
				.params(metric, course)
				.update();
		}
	}

	private OutcomeMetric metric(ResultSet rs, int row) throws SQLException {
		return new OutcomeMetric(rs.getString(1), new TeamId(rs.getString(2)), rs.getString(3), rs.getString(4),
				OutcomeMetric.Direction.valueOf(rs.getString(5)), OutcomeMetric.Granularity.valueOf(rs.getString(6)),
				rs.getString(7), List.of(), rs.getInt(8));
	}

	private OutcomeMetric withCourses(OutcomeMetric m) {
		List<CourseId> courses = new ArrayList<>(jdbc
			.sql("SELECT course_id FROM outcome_metric_courses WHERE metric_id = ? ORDER BY course_id")
			.param(m.id())
			.query((rs, n) -> new CourseId(rs.getString(1)))
			.list());
		return new OutcomeMetric(m.id(), m.teamId(), m.name(), m.unit(), m.direction(), m.granularity(), m.description(),
				List.copyOf(courses), m.revision());
	}
}
