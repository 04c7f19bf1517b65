package io.stride.cycles.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.stride.cycles.CycleId;
import io.stride.cycles.GoalId;
import io.stride.identity.PersonId;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Work done during a cycle: check-ins (a note and progress per goal, with optional minutes), links to what was
 * produced, what closing a cycle counts, and the cycles whose check-in reminder is due.
 */
@Repository
public class CheckInRows {

	public record CheckInRow(String id, CycleId cycleId, GoalId goalId, String note, int progress, int minutes,
			Instant createdAt) {
	}

	/** An active cycle past its reminder day that was not reminded yet. */
	public record DueCycle(CycleId id, PersonId personId, String title, LocalDate endsOn,
			Instant lastCheckIn) {
	}

	private static final String COLUMNS = "SELECT id, cycle_id, goal_id, note, progress, minutes, created_at "
			+ "FROM learning_check_ins ";

	private final JdbcClient jdbc;

	public CheckInRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(CheckInRow c) {
		jdbc.sql("INSERT INTO learning_check_ins (id, cycle_id, goal_id, note, progress, minutes, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(c.id(), c.cycleId().value(), c.goalId().value(), c.note(), c.progress(), c.minutes(),
					Timestamp.from(c.createdAt()))
			.update();
	}

	/**
	 * Locks the goal's row until the transaction ends: check-ins on one goal are saved one after the other, so that
	 * a double submit finds the first one saved.
	 */
	public void lockGoal(GoalId goal) {
		jdbc.sql("SELECT id FROM learning_goals WHERE id = ? FOR UPDATE").param(goal.value()).query(String.class).list();
	}

	/** Whether the same check-in (note, progress, minutes) on the goal was saved at or after {@code since}. */
	public boolean sameSince(CheckInRow c, Instant since) {
		return jdbc.sql("SELECT COUNT(*) FROM learning_check_ins WHERE goal_id = ? AND note = ? AND progress = ? "
				+ "AND minutes = ? AND created_at >= ?")
			.params(c.goalId().value(), c.note(), c.progress(), c.minutes(), Timestamp.from(since))
			.query(Long.class)
			.single() > 0;
	}

	/** A goal's check-ins, newest first. */
	public List<CheckInRow> ofGoal(GoalId goal) {
		return jdbc.sql(COLUMNS + "WHERE goal_id = ? ORDER BY created_at DESC, id DESC")
			.param(goal.value())
			.query(CheckInRows::row)
			.list();
	}

	/** A cycle's check-ins (goals removed since included), newest first. */
	public List<CheckInRow> ofCycle(CycleId cycle) {
		return jdbc.sql(COLUMNS + "WHERE cycle_id = ? ORDER BY created_at DESC, id DESC")
			.param(cycle.value())
			.query(CheckInRows::row)
			.list();
	}

	/**
	 * Active cycles not reminded yet whose reminder day (the start plus {@code reminder_after_days}, or halfway when
	 * that is null; never when it is 0) is today or earlier and whose end is still ahead, with their latest check-in.
	 */
	public List<DueCycle> remindersDue(LocalDate today) {
		return jdbc.sql("SELECT c.id, c.person_id, c.title, c.ends_on, "
				+ "(SELECT MAX(k.created_at) FROM learning_check_ins k WHERE k.cycle_id = c.id) "
				+ "FROM learning_cycles c WHERE c.status = 'ACTIVE' AND c.reminded_at IS NULL "
				+ "AND (c.reminder_after_days IS NULL OR c.reminder_after_days > 0) AND c.ends_on > :today "
				+ "AND c.starts_on + COALESCE(c.reminder_after_days, (c.ends_on - c.starts_on) / 2) <= :today "
				+ "ORDER BY c.starts_on, c.id")
			.param("today", Date.valueOf(today))
			.query((rs, n) -> {
				Timestamp last = rs.getTimestamp(5);
				return new DueCycle(new CycleId(rs.getString(1)), new PersonId(rs.getString(2)),
						rs.getString(3), rs.getDate(4).toLocalDate(), last == null ? null : last.toInstant());
			})
			.list();
	}

	/** Marks a cycle reminded unless another run did first; true when this call did. */
	public boolean markReminded(CycleId cycle, Instant at) {
		return jdbc.sql("UPDATE learning_cycles SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL")
			.params(Timestamp.from(at), cycle.value())
			.update() == 1;
	}

	// --- produced links ---------------------------------------------------------------------------------------

	public int producedCount(GoalId goal) {
		return jdbc.sql("SELECT COUNT(*) FROM learning_goal_links WHERE goal_id = ? AND kind = 'PRODUCED'")
			.param(goal.value())
			.query(Integer.class)
			.single();
	}

	/** Deletes a produced link of the goal; false when the goal has no such link. */
	public boolean deleteProduced(GoalId goal, String linkId) {
		return jdbc.sql("DELETE FROM learning_goal_links WHERE id = ? AND goal_id = ? AND kind = 'PRODUCED'")
			.params(linkId, goal.value())
			.update() == 1;
	}

	// --- closing ----------------------------------------------------------------------------------------------

	/** How many of these goals at least one colleague validated. */
	public int validatedAmong(List<GoalId> goals) {
		if (goals.isEmpty()) {
			return 0;
		}
		return jdbc.sql("SELECT COUNT(DISTINCT goal_id) FROM goal_validation_requests WHERE status = 'VALIDATED' "
				+ "AND goal_id = ANY(:goals)")
			.param("goals", SqlArrays.varchars(goals.stream().map(GoalId::value).toList()))
			.query(Integer.class)
			.single();
	}

	private static CheckInRow row(ResultSet rs, int n) throws SQLException {
		return new CheckInRow(rs.getString(1), new CycleId(rs.getString(2)), new GoalId(rs.getString(3)),
				rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getTimestamp(7).toInstant());
	}
}
