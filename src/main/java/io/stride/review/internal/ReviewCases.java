package io.stride.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.stride.authoring.CourseId;
import io.stride.authoring.ReviewPolicy;
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

	public void open(String id, String kind, CourseId course, int version, RiskTier tier, PersonId author,
			List<ReviewPolicy.Step> steps, Instant dueAt, String topic) {
		jdbc.sql("INSERT INTO review_cases (id, course_id, version, tier, status, author_id, created_at, kind, due_at, topic) "
				+ "VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)")
			.params(id, course.value(), version, tier.name(), author.value(), Timestamp.from(Instant.now()), kind,
					Timestamp.from(dueAt), topic)
			.update();
		for (int i = 0; i < steps.size(); i++) {
			jdbc.sql("INSERT INTO review_steps (case_id, position, name, status, who) VALUES (?, ?, ?, 'PENDING', ?)")
				.params(id, i, steps.get(i).name(), steps.get(i).who().name())
				.update();
		}
	}

	/**
	 * Decides a step only if it is still pending and its case still open, in one statement: of reviewers deciding
	 * at once (approve, reject or request changes alike), the first to lock the step's row wins, and the others find
	 * it decided when the winner commits. Every decision goes through here before it closes the case.
	 */
	public boolean decide(String caseId, int position, String status, PersonId by, String comment) {
		return jdbc.sql("UPDATE review_steps SET status = ?, decided_by = ?, decided_at = ?, comment = ? "
				+ "WHERE case_id = ? AND position = ? AND status = 'PENDING' "
				+ "AND EXISTS (SELECT 1 FROM review_cases c WHERE c.id = review_steps.case_id AND c.status = 'OPEN')")
			.params(status, by.value(), Timestamp.from(Instant.now()), comment, caseId, position)
			.update() == 1;
	}

	/** Moves the due time on when a step is approved: the next reviewer gets the policy's full time. */
	public void due(String caseId, Instant dueAt) {
		jdbc.sql("UPDATE review_cases SET due_at = ? WHERE id = ?").params(Timestamp.from(dueAt), caseId).update();
	}

	public boolean close(String caseId, String status) {
		return jdbc.sql("UPDATE review_cases SET status = ?, closed_at = ? WHERE id = ? AND status = 'OPEN'")
			.params(status, Timestamp.from(Instant.now()), caseId)
			.update() == 1;
	}

	public void comment(String id, String caseId, CourseId course, int version, PersonId author, String parentId,
			String anchor, String body) {
		jdbc.sql("INSERT INTO review_comments (id, case_id, course_id, version, author_id, parent_id, anchor, body, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, caseId, course.value(), version, author.value(), parentId, anchor, body, Timestamp.from(Instant.now()))
			.update();
	}

	public Optional<ReviewCase.ReviewComment> findComment(String id) {
		return jdbc.sql("SELECT id, parent_id, author_id, anchor, body, created_at, resolved_at, resolved_by, case_id "
				+ "FROM review_comments WHERE id = ?")
			.param(id)
			.query(this::comment)
			.optional();
	}

	public String caseOfComment(String id) {
		return jdbc.sql("SELECT case_id FROM review_comments WHERE id = ?").param(id).query(String.class).single();
	}

	public boolean resolve(String commentId, PersonId by) {
		return jdbc.sql("UPDATE review_comments SET resolved_at = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL")
			.params(Timestamp.from(Instant.now()), by.value(), commentId)
			.update() == 1;
	}

	public Optional<ReviewCase> find(String id) {
		return jdbc.sql("SELECT id, course_id, version, tier, status, author_id, created_at, kind, due_at, topic "
				+ "FROM review_cases WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
					rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), rs.getString(10) })
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

	public Optional<ReviewCase> latestFor(CourseId course, String kind) {
		return jdbc.sql("SELECT id FROM review_cases WHERE course_id = ? AND kind = ? ORDER BY created_at DESC LIMIT 1")
			.params(course.value(), kind)
			.query(String.class)
			.optional()
			.flatMap(this::find);
	}

	public List<ReviewCase> openCases() {
		return jdbc.sql("SELECT id FROM review_cases WHERE status = 'OPEN' ORDER BY due_at, created_at")
			.query(String.class)
			.list()
			.stream()
			.map(id -> find(id).orElseThrow())
			.toList();
	}

	/** Cases about the courses an author wrote, newest first. */
	public List<ReviewCase> ofAuthor(PersonId author, int limit) {
		return jdbc.sql("SELECT id FROM review_cases WHERE author_id = ? ORDER BY created_at DESC LIMIT ?")
			.params(author.value(), limit)
			.query(String.class)
			.list()
			.stream()
			.map(id -> find(id).orElseThrow())
			.toList();
	}

	private ReviewCase assemble(Object[] row) {
		String id = (String) row[0];
		List<ReviewStep> steps = jdbc.sql("SELECT position, name, status, decided_by, decided_at, comment, who FROM review_steps "
				+ "WHERE case_id = ? ORDER BY position")
			.param(id)
			.query((rs, n) -> new ReviewStep(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6),
					ReviewPolicy.Who.valueOf(rs.getString(7))))
			.list();
		List<ReviewCase.ReviewComment> comments = jdbc.sql("SELECT id, parent_id, author_id, anchor, body, created_at, "
				+ "resolved_at, resolved_by FROM review_comments WHERE course_id = ? AND version = ? ORDER BY created_at, id")
			.params((String) row[1], (Integer) row[2])
			.query(this::comment)
			.list();
		return new ReviewCase(id, new CourseId((String) row[1]), (Integer) row[2], RiskTier.valueOf((String) row[3]),
				(String) row[4], new PersonId((String) row[5]), (Instant) row[6], steps, comments, (String) row[7],
				(Instant) row[8], (String) row[9]);
	}

	private ReviewCase.ReviewComment comment(ResultSet rs, int n) throws SQLException {
		Timestamp resolved = rs.getTimestamp(7);
		return new ReviewCase.ReviewComment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getTimestamp(6).toInstant(), resolved == null ? null : resolved.toInstant(),
				rs.getString(8));
	}
}
