package io.stride.cycles.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.stride.cycles.CycleId;
import io.stride.cycles.GoalId;
import io.stride.identity.PersonId;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Offers of help on goals, and the goals looking for help. */
@Repository
public class HelpRows {

	public record OfferRow(String id, GoalId goalId, PersonId helperId, String helperName, String message,
			Instant createdAt, Instant withdrawnAt) {

		public boolean active() {
			return withdrawnAt == null;
		}
	}

	/** A goal looking for help in an active cycle, with whose it is. */
	public record LookingRow(GoalId goalId, CycleId cycleId, PersonId personId) {
	}

	private static final String COLUMNS = "SELECT id, goal_id, helper_id, helper_name, message, created_at, "
			+ "withdrawn_at FROM goal_help_offers ";

	private final JdbcClient jdbc;

	public HelpRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Offers help, or offers it again after a withdrawal (with the new message). */
	public void offer(OfferRow o) {
		int updated = jdbc.sql("UPDATE goal_help_offers SET helper_name = ?, message = ?, created_at = ?, "
				+ "withdrawn_at = NULL WHERE goal_id = ? AND helper_id = ?")
			.params(o.helperName(), o.message(), Timestamp.from(o.createdAt()), o.goalId().value(), o.helperId().value())
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO goal_help_offers (id, goal_id, helper_id, helper_name, message, created_at, "
					+ "withdrawn_at) VALUES (?, ?, ?, ?, ?, ?, NULL)")
				.params(o.id(), o.goalId().value(), o.helperId().value(), o.helperName(), o.message(),
						Timestamp.from(o.createdAt()))
				.update();
		}
	}

	public Optional<OfferRow> find(String id) {
		return jdbc.sql(COLUMNS + "WHERE id = ?").param(id).query(HelpRows::row).optional();
	}

	public Optional<OfferRow> of(GoalId goal, PersonId helper) {
		return jdbc.sql(COLUMNS + "WHERE goal_id = ? AND helper_id = ?")
			.params(goal.value(), helper.value())
			.query(HelpRows::row)
			.optional();
	}

	/** The active offers on these goals, oldest first. */
	public List<OfferRow> activeOn(Collection<GoalId> goals) {
		if (goals.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + "WHERE goal_id = ANY(:goals) AND withdrawn_at IS NULL ORDER BY created_at, id")
			.param("goals", SqlArrays.varchars(goals.stream().map(GoalId::value).toList()))
			.query(HelpRows::row)
			.list();
	}

	public boolean withdraw(String id, Instant at) {
		return jdbc.sql("UPDATE goal_help_offers SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL")
			.params(Timestamp.from(at), id)
			.update() == 1;
	}

	/** Goals of these people's active cycles that are looking for help, the most recently changed first. */
	public List<LookingRow> lookingForHelp(Collection<PersonId> people, int limit) {
		if (people.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT g.id, g.cycle_id, c.person_id FROM learning_goals g JOIN learning_cycles c "
				+ "ON c.id = g.cycle_id WHERE g.looking_for_help AND g.removed_at IS NULL AND c.status = 'ACTIVE' "
				+ "AND c.person_id = ANY(:people) ORDER BY g.updated_at DESC, g.id LIMIT :limit")
			.param("people", SqlArrays.varchars(people.stream().map(PersonId::value).toList()))
			.param("limit", limit)
			.query((rs, n) -> new LookingRow(new GoalId(rs.getString(1)), new CycleId(rs.getString(2)),
					new PersonId(rs.getString(3))))
			.list();
	}

	private static OfferRow row(ResultSet rs, int n) throws SQLException {
		Timestamp withdrawn = rs.getTimestamp(7);
		return new OfferRow(rs.getString(1), new GoalId(rs.getString(2)), new PersonId(rs.getString(3)),
				rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
				withdrawn == null ? null : withdrawn.toInstant());
	}
}
