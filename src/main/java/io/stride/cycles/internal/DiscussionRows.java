package io.stride.cycles.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.stride.cycles.GoalId;
import io.stride.identity.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The discussion anchored to contract goals: comments and their replies ({@code parentId}). */
@Repository
public class DiscussionRows {

	public record CommentRow(String id, GoalId goalId, String parentId, PersonId authorId, String authorName,
			String body, Instant createdAt) {
	}

	private static final String COLUMNS = "SELECT id, goal_id, parent_id, author_id, author_name, body, created_at "
			+ "FROM learning_goal_comments ";

	private final JdbcClient jdbc;

	public DiscussionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(CommentRow c) {
		jdbc.sql("INSERT INTO learning_goal_comments (id, goal_id, parent_id, author_id, author_name, body, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(c.id(), c.goalId().value(), c.parentId(), c.authorId().value(), c.authorName(), c.body(),
					Timestamp.from(c.createdAt()))
			.update();
	}

	public Optional<CommentRow> comment(String id) {
		return jdbc.sql(COLUMNS + "WHERE id = ?").param(id).query(DiscussionRows::row).optional();
	}

	/** A goal's comments and replies, oldest first. */
	public List<CommentRow> of(GoalId goal) {
		return jdbc.sql(COLUMNS + "WHERE goal_id = ? ORDER BY created_at, id")
			.param(goal.value())
			.query(DiscussionRows::row)
			.list();
	}

	private static CommentRow row(ResultSet rs, int n) throws SQLException {
		return new CommentRow(rs.getString(1), new GoalId(rs.getString(2)), rs.getString(3),
				new PersonId(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant());
	}
}
