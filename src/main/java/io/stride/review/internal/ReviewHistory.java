package io.stride.review.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who approved a published version of a course, and when: where an unchanged or reused part was read before. */
@Repository
public class ReviewHistory {

	private final JdbcClient jdbc;

	public ReviewHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The newest approved case of that version of the course.
	 * @param approvedBy the people who approved its steps, in step order
	 */
	/** @param tier the risk tier the version was reviewed under */
	public record Approval(String caseId, String kind, List<PersonId> approvedBy, Instant approvedAt, String tier) {
	}

	public Optional<Approval> approvalOf(CourseId course, int version) {
		List<Object[]> steps = jdbc.sql("SELECT c.id, c.kind, s.decided_by, s.decided_at, c.tier FROM review_cases c "
				+ "JOIN review_steps s ON s.case_id = c.id WHERE c.course_id = ? AND c.version = ? AND c.status = 'APPROVED' "
				+ "AND s.decided_by IS NOT NULL ORDER BY c.created_at DESC, c.id, s.position")
			.params(course.value(), version)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5) })
			.list();
		if (steps.isEmpty()) {
			return Optional.empty();
		}
		String caseId = (String) steps.get(0)[0];
		List<PersonId> by = new ArrayList<>();
		Instant at = null;
		for (Object[] step : steps) {
			if (!caseId.equals(step[0])) {
				break;
			}
			PersonId who = new PersonId((String) step[2]);
			if (!by.contains(who)) {
				by.add(who);
			}
			Instant when = (Instant) step[3];
			at = at == null || (when != null && when.isAfter(at)) ? when : at;
		}
		return Optional.of(new Approval(caseId, (String) steps.get(0)[1], by, at, (String) steps.get(0)[4]));
	}
}
