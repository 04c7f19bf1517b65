package io.stride.review.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.stride.authoring.CourseId;
import io.stride.authoring.RiskTier;
import io.stride.identity.PersonId;
import io.stride.review.ReviewCase;
import io.stride.review.ReviewStep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ReviewCases {

	private final JdbcClient jdbc;

	public ReviewCases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void open(String id, CourseId course, int version, RiskTier tier, PersonId author, List<String> steps) {
		jdbc.sql("INSERT INTO review_cases (id, course_id, version, tier, status, author_id, created_at) VALUES (?, ?, ?, ?, 'OPEN', ?, ?)")
			.params(id, course.value(), version, tier.name(), author.value(), Timestamp.from(Instant.now()))
			.update();
		for (int i = 0; i < steps.size(); i++) {
			jdbc.sql("INSERT INTO review_steps (case_id, position, name, status) VALUES (?, ?, ?, 'PENDING')")
				.params(id, i, steps.get(i))
				.update();
		}
	}

	/** Decides a step only if it is still pending: of two reviewers acting at once, one wins. */
	public boolean decide(String caseId, int position, PersonId by, String comment) {
		return jdbc.sql("UPDATE review_steps SET status = 'APPROVED', decided_by = ?, decided_at = ?, comment = ? "
				+ "WHERE case_id = ? AND position = ? AND status = 'PENDING'")
			.params(by.value(), Timestamp.from(Instant.now()), comment, caseId, position)
			.update() == 1;
	}

	public boolean close(String caseId, String status) {
		return jdbc.sql("UPDATE review_cases SET status = ?, closed_at = ? WHERE id = ? AND status = 'OPEN'")
			.params(status, Timestamp.from(Instant.now()), caseId)
			.update() == 1;
	}

	public void comment(String id, String caseId, PersonId author, String anchor, String body) {
		jdbc.sql("INSERT INTO review_comments (id, case_id, author_id, anchor, body, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, caseId, author.value(), anchor, body, Timestamp.from(Instant.now()))
			.update();
	}

	public Optional<ReviewCase> find(String id) {
		return jdbc.sql("SELECT id, course_id, version, tier, status, author_id, created_at FROM review_cases WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getTimestamp(7).toInstant() })
			.optional()
			.map(this::assemble);
	}

	public Optional<ReviewCase> latestFor(CourseId course) {
		return jdbc.sql("SELECT id FROM review_cases WHERE course_id = ? ORDER BY created_at DESC LIMIT 1")
			.param(course.value())
			.query(String.class)
			.optional()
			.flatMap(this::find);
	}

	public List<ReviewCase> openCases() {
		return jdbc.sql("SELECT id FROM review_cases WHERE status = 'OPEN' ORDER BY created_at")
			.query(String.class)
			.list()
			.stream()
			.map(id -> find(id).orElseThrow())
			.toList();
	}

	private ReviewCase assemble(Object[] row) {
		String id = (String) row[0];
		List<ReviewStep> steps = jdbc.sql("SELECT position, name, status, decided_by, decided_at, comment FROM review_steps "
				+ "WHERE case_id = ? ORDER BY position")
			.param(id)
			.query((rs, n) -> new ReviewStep(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6)))
			.list();
		List<ReviewCase.ReviewComment> comments = jdbc.sql("SELECT id, author_id, anchor, body, created_at FROM review_comments "
				+ "WHERE case_id = ? ORDER BY created_at")
			.param(id)
			.query((rs, n) -> new ReviewCase.ReviewComment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
		return new ReviewCase(id, new CourseId((String) row[1]), (Integer) row[2], RiskTier.valueOf((String) row[3]),
				(String) row[4], new PersonId((String) row[5]), (Instant) row[6], steps, comments);
	}
}
