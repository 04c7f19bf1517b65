package io.stride.cycles.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.cycles.GoalId;
import io.stride.cycles.ValidationStatus;
import io.stride.identity.PersonId;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Peer validation requests of goals, and the check-in notes a validator reads as evidence. */
@Repository
public class ValidationRows {

	public record RequestRow(String id, GoalId goalId, PersonId requesterId, PersonId validatorId, String message,
			ValidationStatus status, String note, String capabilityValidationId, Instant createdAt, Instant answeredAt,
			Instant remindedAt, String capabilityId, Integer targetLevel) {

		public boolean open() {
			return status == ValidationStatus.REQUESTED;
		}
	}

	public record CheckInRow(String note, int progress, int minutes, Instant at) {
	}

	private static final String COLUMNS = "SELECT id, goal_id, requester_id, validator_id, message, status, note, "
			+ "capability_validation_id, created_at, answered_at, reminded_at, capability_id, target_level "
			+ "FROM goal_validation_requests ";

	private final JdbcClient jdbc;

	public ValidationRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(RequestRow r) {
		jdbc.sql("INSERT INTO goal_validation_requests (id, goal_id, requester_id, validator_id, message, status, note, "
				+ "capability_validation_id, created_at, answered_at, reminded_at, capability_id, target_level) "
				+ "VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, NULL, NULL, ?, ?)")
			.params(r.id(), r.goalId().value(), r.requesterId().value(), r.validatorId().value(), r.message(),
					r.status().name(), Timestamp.from(r.createdAt()), r.capabilityId(), r.targetLevel())
			.update();
	}

	public Optional<RequestRow> find(String id) {
		return jdbc.sql(COLUMNS + "WHERE id = ?").param(id).query(ValidationRows::row).optional();
	}

	/** A goal's requests, oldest first. */
	public List<RequestRow> ofGoal(GoalId goal) {
		return jdbc.sql(COLUMNS + "WHERE goal_id = ? ORDER BY created_at, id").param(goal.value())
			.query(ValidationRows::row)
			.list();
	}

	/** Requests to a validator, open ones first, then the latest answered; at most {@code limit}. */
	public List<RequestRow> toValidator(PersonId validator, int limit) {
		return jdbc.sql(COLUMNS + "WHERE validator_id = ? ORDER BY CASE WHEN status = 'REQUESTED' THEN 0 ELSE 1 END, "
				+ "COALESCE(answered_at, created_at) DESC, id LIMIT ?")
			.params(validator.value(), limit)
			.query(ValidationRows::row)
			.list();
	}

	/** Requests a person made, latest first; at most {@code limit}. */
	public List<RequestRow> byRequester(PersonId requester, int limit) {
		return jdbc.sql(COLUMNS + "WHERE requester_id = ? ORDER BY created_at DESC, id LIMIT ?")
			.params(requester.value(), limit)
			.query(ValidationRows::row)
			.list();
	}

	/** Records the answer when the request is still open; false when it was answered already. */
	public boolean answer(String id, ValidationStatus status, String note, Instant at) {
		return jdbc.sql("UPDATE goal_validation_requests SET status = ?, note = ?, answered_at = ? "
				+ "WHERE id = ? AND status = 'REQUESTED'")
			.params(status.name(), note, Timestamp.from(at), id)
			.update() == 1;
	}

	public void linkCapabilityValidation(String id, String capabilityValidationId) {
		jdbc.sql("UPDATE goal_validation_requests SET capability_validation_id = ? WHERE id = ?")
			.params(capabilityValidationId, id)
			.update();
	}

	/**
	 * Open requests made at or before {@code before} and never reminded, oldest first; not those whose goal was removed
	 * from its contract (left out here, so that they never crowd out the requests still due however many there are).
	 */
	public List<RequestRow> dueForReminder(Instant before, int limit) {
		return jdbc.sql(COLUMNS + "WHERE status = 'REQUESTED' AND reminded_at IS NULL AND created_at <= ? "
				+ "AND EXISTS (SELECT 1 FROM learning_goals g WHERE g.id = goal_validation_requests.goal_id "
				+ "AND g.removed_at IS NULL) ORDER BY created_at, id LIMIT ?")
			.params(Timestamp.from(before), limit)
			.query(ValidationRows::row)
			.list();
	}

	/** Marks a request reminded; false when another run (or node) did it first. */
	public boolean markReminded(String id, Instant at) {
		return jdbc.sql("UPDATE goal_validation_requests SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL "
				+ "AND status = 'REQUESTED'")
			.params(Timestamp.from(at), id)
			.update() == 1;
	}

	/** The people who answered VALIDATED on goals naming the capability since {@code since}, latest first. */
	public List<PersonId> recentValidatorsOf(String capabilityId, Instant since, int limit) {
		return jdbc.sql("SELECT r.validator_id, MAX(r.answered_at) AS last FROM goal_validation_requests r "
				+ "JOIN learning_goals g ON g.id = r.goal_id WHERE g.capability_id = ? AND r.status = 'VALIDATED' "
				+ "AND r.answered_at >= ? GROUP BY r.validator_id ORDER BY last DESC LIMIT ?")
			.params(capabilityId, Timestamp.from(since), limit)
			.query((rs, n) -> new PersonId(rs.getString(1)))
			.list();
	}

	/** A goal's check-in notes, oldest first. */
	public List<CheckInRow> checkInsOf(GoalId goal) {
		return jdbc.sql("SELECT note, progress, minutes, created_at FROM learning_check_ins WHERE goal_id = ? "
				+ "ORDER BY created_at, id")
			.param(goal.value())
			.query((rs, n) -> new CheckInRow(rs.getString(1), rs.getInt(2), rs.getInt(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/** The check-in notes of these goals, oldest first, in one read. */
	public Map<GoalId, List<CheckInRow>> checkInsOf(Collection<GoalId> goals) {
		Map<GoalId, List<CheckInRow>> result = new HashMap<>();
		if (goals.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT goal_id, note, progress, minutes, created_at FROM learning_check_ins WHERE goal_id = ANY(:goals) "
				+ "ORDER BY created_at, id")
			.param("goals", SqlArrays.varchars(goals.stream().map(GoalId::value).distinct().toList()))
			.query((ResultSet rs) -> {
				result.computeIfAbsent(new GoalId(rs.getString(1)), k -> new ArrayList<>())
					.add(new CheckInRow(rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getTimestamp(5).toInstant()));
			});
		return result;
	}

	private static RequestRow row(ResultSet rs, int n) throws SQLException {
		Timestamp answered = rs.getTimestamp(10);
		Timestamp reminded = rs.getTimestamp(11);
		int level = rs.getInt(13);
		boolean noLevel = rs.wasNull();
		return new RequestRow(rs.getString(1), new GoalId(rs.getString(2)), new PersonId(rs.getString(3)),
				new PersonId(rs.getString(4)), rs.getString(5), ValidationStatus.valueOf(rs.getString(6)),
				rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
				answered == null ? null : answered.toInstant(), reminded == null ? null : reminded.toInstant(),
				rs.getString(12), noLevel ? null : level);
	}
}
