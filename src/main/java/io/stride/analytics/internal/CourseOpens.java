package io.stride.analytics.internal;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stride.activity.Verb;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When courses were last opened, read from the summaries: the content lifecycle and the library's health both ask, for
 * many courses at once, in one query per thousand courses.
 */
@Repository
public class CourseOpens {

	private final JdbcClient jdbc;

	private final ActivitySummaries summaries;

	CourseOpens(JdbcClient jdbc, ActivitySummaries summaries) {
		this.jdbc = jdbc;
		this.summaries = summaries;
	}

	/**
	 * When each course was last opened, by course id; courses nobody ever opened are absent. The summaries keep the
	 * last time of each measure (ADR 0014), so this reads one row per course, however many opens there were.
	 */
	public Map<String, Instant> lastOpened(Collection<String> courses) {
		summaries.catchUp();
		Map<String, Instant> last = new HashMap<>();
		List<String> all = List.copyOf(courses);
		for (int from = 0; from < all.size(); from += 1000) {
			jdbc.sql("SELECT course_id, MAX(last_at) FROM activity_totals WHERE course_id IN (:courses) "
					+ "AND measure = :opened GROUP BY course_id")
				.param("courses", all.subList(from, Math.min(all.size(), from + 1000)))
				.param("opened", Verb.OPENED.iri())
				.query((ResultSet rs) -> {
					last.put(rs.getString(1), rs.getTimestamp(2).toInstant());
				});
		}
		return last;
	}
}
