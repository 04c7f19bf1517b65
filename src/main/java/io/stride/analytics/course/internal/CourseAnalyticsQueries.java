package io.stride.analytics.course.internal;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.activity.Verb;
import io.stride.analytics.internal.ActivitySummaries;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The grouped queries behind a course's figures. Over all time, the totals, times to complete and the funnel come
 * from the summaries ({@link ActivitySummaries}); within a period, and for the weekly trend, from the statements:
 * each query then filters on {@code course_id} and {@code verb} first, so that the {@code statements_course_verb_time}
 * index narrows the rows, and lets the database count instead of loading statements.
 */
@Repository
public class CourseAnalyticsQueries {

	private static final List<String> TOTAL_MEASURES = List.of(Verb.OPENED.iri(), ActivitySummaries.STARTED,
			Verb.EXPERIENCED.iri(), Verb.ATTEMPTED.iri(), Verb.PASSED.iri(), Verb.FAILED.iri(), Verb.COMPLETED.iri());

	private final JdbcClient jdbc;

	private final ActivitySummaries summaries;

	public CourseAnalyticsQueries(JdbcClient jdbc, ActivitySummaries summaries) {
		this.jdbc = jdbc;
		this.summaries = summaries;
	}

	/** Folds the statements recorded since the last read into the summaries; call once before a report. */
	public void catchUp() {
		summaries.catchUp();
	}

	public CourseAnalyticsTotals totals(CourseAnalyticsSlice slice) {
		if (slice.allTime()) {
			return summedTotals(slice);
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(slice, List.of(Verb.OPENED.iri(), Verb.EXPERIENCED.iri(), Verb.ATTEMPTED.iri(),
				Verb.PASSED.iri(), Verb.FAILED.iri(), Verb.COMPLETED.iri()), params);
		verbParams(params);
		return jdbc.sql("SELECT COUNT(DISTINCT CASE WHEN verb = :opened THEN actor_id END), "
				+ "COUNT(DISTINCT CASE WHEN verb IN (:startVerbs) THEN actor_id END), "
				+ "COUNT(DISTINCT CASE WHEN verb = :completed THEN actor_id END), "
				+ "SUM(CASE WHEN verb = :attempted THEN 1 ELSE 0 END), "
				+ "SUM(CASE WHEN verb = :passed THEN 1 ELSE 0 END), "
				+ "SUM(CASE WHEN verb = :failed THEN 1 ELSE 0 END), "
				+ "COUNT(DISTINCT CASE WHEN verb = :passed THEN actor_id END), "
				+ "MIN(occurred_at), MAX(occurred_at) FROM statements" + where)
			.params(params)
			.query((rs, n) -> new CourseAnalyticsTotals(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6), rs.getInt(7), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9))))
			.single();
	}

	/**
	 * For each learner who completed the course in the period: the time from their first open or start (whenever
	 * it was) to their first completion in the period. One row per such learner, not per statement.
	 */
	public List<Duration> timesToComplete(CourseAnalyticsSlice slice) {
		if (slice.allTime()) {
			return summedTimesToComplete(slice);
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(new CourseAnalyticsSlice(slice.courseId(), null, null, slice.actors()), List.of(Verb.OPENED.iri(),
				Verb.EXPERIENCED.iri(), Verb.ATTEMPTED.iri(), Verb.COMPLETED.iri()), params);
		verbParams(params);
		StringBuilder done = new StringBuilder("verb = :completed");
		if (slice.start() != null) {
			done.append(" AND occurred_at >= :start");
			params.put("start", Timestamp.from(slice.start()));
		}
		if (slice.end() != null) {
			done.append(" AND occurred_at < :end");
			params.put("end", Timestamp.from(slice.end()));
		}
		List<Duration> times = new ArrayList<>();
		jdbc.sql("SELECT MIN(CASE WHEN verb <> :completed THEN occurred_at END), MIN(CASE WHEN " + done
				+ " THEN occurred_at END) FROM statements" + where + " GROUP BY actor_id HAVING MIN(CASE WHEN " + done
				+ " THEN occurred_at END) IS NOT NULL")
			.params(params)
			.query((ResultSet rs) -> {
				Instant first = instant(rs.getTimestamp(1));
				Instant completed = instant(rs.getTimestamp(2));
				// a completion without a recorded start (statements imported from elsewhere) has no duration
				if (first != null && !first.isAfter(completed)) {
					times.add(Duration.between(first, completed));
				}
			});
		return times;
	}

	/** Distinct learners who read each lesson in the period, by the lesson's activity IRI. */
	public Map<String, Integer> reachedByLesson(CourseAnalyticsSlice slice) {
		if (slice.allTime()) {
			return summedReach(slice);
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(slice, List.of(Verb.EXPERIENCED.iri()), params);
		Map<String, Integer> reached = new HashMap<>();
		jdbc.sql("SELECT object_id, COUNT(DISTINCT actor_id) FROM statements" + where + " GROUP BY object_id")
			.params(params)
			.query((ResultSet rs) -> {
				reached.put(rs.getString(1), rs.getInt(2));
			});
		return reached;
	}

	/**
	 * Opened, started and completed per week: row i counts the learners from bound i up to, not including, bound i + 1.
	 * (Brackets in this comment broke Modulith's documentation reader, which parses its JSON loosely.)
	 */
	public List<int[]> weekly(CourseAnalyticsSlice slice, List<Instant> bounds) {
		int weeks = bounds.size() - 1;
		List<int[]> rows = new ArrayList<>();
		for (int i = 0; i < weeks; i++) {
			rows.add(new int[3]);
		}
		if (weeks <= 0) {
			return rows;
		}
		Instant start = slice.start() == null || slice.start().isBefore(bounds.get(0)) ? bounds.get(0) : slice.start();
		Instant end = slice.end() == null || slice.end().isAfter(bounds.get(weeks)) ? bounds.get(weeks) : slice.end();
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(new CourseAnalyticsSlice(slice.courseId(), start, end, slice.actors()),
				List.of(Verb.OPENED.iri(), Verb.EXPERIENCED.iri(), Verb.ATTEMPTED.iri(), Verb.COMPLETED.iri()), params);
		verbParams(params);
		// the week of a statement from its seconds since the first Monday (EXTRACT(EPOCH ...) reads the same in H2
		// and PostgreSQL, where date truncation is spelled differently); the period ends at the last bound
		params.put("firstMonday", bounds.get(0).getEpochSecond());
		String bucket = "CAST(FLOOR((EXTRACT(EPOCH FROM occurred_at) - :firstMonday) / 604800) AS INTEGER)";
		jdbc.sql("SELECT bucket, COUNT(DISTINCT CASE WHEN verb = :opened THEN actor_id END), "
				+ "COUNT(DISTINCT CASE WHEN verb IN (:startVerbs) THEN actor_id END), "
				+ "COUNT(DISTINCT CASE WHEN verb = :completed THEN actor_id END) FROM (SELECT actor_id, verb, " + bucket
				+ " AS bucket FROM statements" + where + ") weekly GROUP BY bucket")
			.params(params)
			.query((ResultSet rs) -> {
				int[] row = rows.get(rs.getInt(1));
				row[0] = rs.getInt(2);
				row[1] = rs.getInt(3);
				row[2] = rs.getInt(4);
			});
		return rows;
	}

	/** Each learner's row counts once; a measure's statements are summed. */
	private CourseAnalyticsTotals summedTotals(CourseAnalyticsSlice slice) {
		Map<String, Object> params = new LinkedHashMap<>();
		String sql = slice.actors() == null
				? "SELECT measure, SUM(learners), SUM(statements), MIN(first_at), MAX(last_at) FROM activity_totals "
						+ "WHERE course_id = :course AND measure IN (:measures) GROUP BY measure"
				: "SELECT measure, COUNT(*), SUM(statements), MIN(first_at), MAX(last_at) FROM activity_learners "
						+ "WHERE course_id = :course AND measure IN (:measures) AND actor_id = ANY(:actors) GROUP BY measure";
		params.put("course", slice.courseId());
		params.put("measures", TOTAL_MEASURES);
		if (slice.actors() != null) {
			params.put("actors", SqlArrays.varchars(slice.actors()));
		}
		Map<String, int[]> counts = new HashMap<>();
		Instant[] span = new Instant[2];
		jdbc.sql(sql).params(params).query((ResultSet rs) -> {
			counts.put(rs.getString(1), new int[] { rs.getInt(2), rs.getInt(3) });
			Instant first = instant(rs.getTimestamp(4));
			Instant last = instant(rs.getTimestamp(5));
			span[0] = span[0] == null || first.isBefore(span[0]) ? first : span[0];
			span[1] = span[1] == null || last.isAfter(span[1]) ? last : span[1];
		});
		int[] none = new int[2];
		return new CourseAnalyticsTotals(counts.getOrDefault(Verb.OPENED.iri(), none)[0],
				counts.getOrDefault(ActivitySummaries.STARTED, none)[0], counts.getOrDefault(Verb.COMPLETED.iri(), none)[0],
				counts.getOrDefault(Verb.ATTEMPTED.iri(), none)[1], counts.getOrDefault(Verb.PASSED.iri(), none)[1],
				counts.getOrDefault(Verb.FAILED.iri(), none)[1], counts.getOrDefault(Verb.PASSED.iri(), none)[0], span[0],
				span[1]);
	}

	/** Each completing learner's first open, read or quiz start, and first completion, from their summary rows. */
	private List<Duration> summedTimesToComplete(CourseAnalyticsSlice slice) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("course", slice.courseId());
		params.put("measures", List.of(Verb.OPENED.iri(), Verb.EXPERIENCED.iri(), Verb.ATTEMPTED.iri(),
				Verb.COMPLETED.iri()));
		params.put("completed", Verb.COMPLETED.iri());
		String learners = "";
		if (slice.actors() != null) {
			learners = " AND actor_id = ANY(:actors)";
			params.put("actors", SqlArrays.varchars(slice.actors()));
		}
		List<Duration> times = new ArrayList<>();
		jdbc.sql("SELECT MIN(CASE WHEN measure <> :completed THEN first_at END), "
				+ "MIN(CASE WHEN measure = :completed THEN first_at END) FROM activity_learners "
				+ "WHERE course_id = :course AND measure IN (:measures)" + learners
				+ " GROUP BY actor_id HAVING MIN(CASE WHEN measure = :completed THEN first_at END) IS NOT NULL")
			.params(params)
			.query((ResultSet rs) -> {
				Instant first = instant(rs.getTimestamp(1));
				Instant completed = instant(rs.getTimestamp(2));
				if (first != null && !first.isAfter(completed)) {
					times.add(Duration.between(first, completed));
				}
			});
		return times;
	}

	private Map<String, Integer> summedReach(CourseAnalyticsSlice slice) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("course", slice.courseId());
		params.put("measure", Verb.EXPERIENCED.iri());
		String sql = "SELECT object_id, learners FROM activity_totals WHERE course_id = :course AND measure = :measure";
		if (slice.actors() != null) {
			sql = "SELECT object_id, COUNT(*) FROM activity_learners WHERE course_id = :course AND measure = :measure "
					+ "AND actor_id = ANY(:actors) GROUP BY object_id";
			params.put("actors", SqlArrays.varchars(slice.actors()));
		}
		Map<String, Integer> reached = new HashMap<>();
		jdbc.sql(sql).params(params).query((ResultSet rs) -> {
			reached.put(rs.getString(1), rs.getInt(2));
		});
		return reached;
	}

	static String where(CourseAnalyticsSlice slice, List<String> verbs, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE course_id = :course AND verb IN (:verbs)");
		params.put("course", slice.courseId());
		params.put("verbs", verbs);
		period(where, slice.start(), slice.end(), params);
		if (slice.actors() != null) {
			where.append(" AND actor_id = ANY(:actors)");
			params.put("actors", SqlArrays.varchars(slice.actors()));
		}
		return where.toString();
	}

	static void period(StringBuilder where, Instant start, Instant end, Map<String, Object> params) {
		if (start != null) {
			where.append(" AND occurred_at >= :start");
			params.put("start", Timestamp.from(start));
		}
		if (end != null) {
			where.append(" AND occurred_at < :end");
			params.put("end", Timestamp.from(end));
		}
	}

	private static void verbParams(Map<String, Object> params) {
		params.put("opened", Verb.OPENED.iri());
		params.put("startVerbs", ActivitySummaries.START_VERBS);
		params.put("completed", Verb.COMPLETED.iri());
		params.put("attempted", Verb.ATTEMPTED.iri());
		params.put("passed", Verb.PASSED.iri());
		params.put("failed", Verb.FAILED.iri());
	}

	static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
