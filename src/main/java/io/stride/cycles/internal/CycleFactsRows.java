package io.stride.cycles.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The raw facts learning-cycle figures are made of, read set-based for a whole group of people at once: cycles that
 * ran in a period, their goals with what they serve and the help they got, and validation requests.
 */
@Repository
public class CycleFactsRows {

	public record CycleFactRow(String id, String personId, LocalDate startsOn, LocalDate endsOn, Instant closedAt) {
	}

	/** {@code firstOfferAt} null when nobody (still) offers help. */
	public record GoalFactRow(String id, String cycleId, String personId, boolean servesOrganization,
			boolean servesTeam, boolean servesSelf, boolean lookingForHelp, int offers, Instant firstOfferAt) {
	}

	public record ValidationFactRow(String id, String goalId, String requesterId, String validatorId, String status,
			Instant createdAt, Instant answeredAt) {
	}

	private final JdbcClient jdbc;

	CycleFactsRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Cycles of these people (everyone when null) that started by {@code to} and neither ended nor closed before {@code from}. */
	public List<CycleFactRow> cycles(Collection<String> people, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT id, person_id, starts_on, ends_on, closed_at FROM learning_cycles "
				+ "WHERE starts_on <= :to AND ends_on >= :from AND (closed_at IS NULL OR closed_at >= :fromStart)"
				+ (people == null ? "" : " AND person_id = ANY(:people)") + " ORDER BY person_id, starts_on, id")
			.param("to", Date.valueOf(to))
			.param("from", Date.valueOf(from))
			.param("fromStart", Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
			.param("people", people == null ? "" : SqlArrays.varchars(people))
			.query((rs, n) -> new CycleFactRow(rs.getString("id"), rs.getString("person_id"),
					rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
					instant(rs.getTimestamp("closed_at"))))
			.list();
	}

	/** The goals (not removed) of these cycles, each with what it serves and the offers of help it got. */
	public List<GoalFactRow> goals(Collection<String> cycles) {
		if (cycles.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT g.id, g.cycle_id, c.person_id, g.serves_self, g.looking_for_help, "
				+ "EXISTS (SELECT 1 FROM learning_goal_priorities gp JOIN cycles_priorities p ON p.id = gp.priority_id "
				+ "WHERE gp.goal_id = g.id AND p.team_id IS NULL) AS serves_organization, "
				+ "EXISTS (SELECT 1 FROM learning_goal_priorities gp JOIN cycles_priorities p ON p.id = gp.priority_id "
				+ "WHERE gp.goal_id = g.id AND p.team_id IS NOT NULL) AS serves_team, "
				+ "(SELECT COUNT(*) FROM goal_help_offers o WHERE o.goal_id = g.id AND o.withdrawn_at IS NULL) AS offers, "
				+ "(SELECT MIN(o.created_at) FROM goal_help_offers o WHERE o.goal_id = g.id AND o.withdrawn_at IS NULL) "
				+ "AS first_offer_at "
				+ "FROM learning_goals g JOIN learning_cycles c ON c.id = g.cycle_id "
				+ "WHERE g.cycle_id = ANY(:cycles) AND g.removed_at IS NULL ORDER BY g.cycle_id, g.position, g.id")
			.param("cycles", SqlArrays.varchars(cycles))
			.query((rs, n) -> new GoalFactRow(rs.getString("id"), rs.getString("cycle_id"), rs.getString("person_id"),
					rs.getBoolean("serves_organization"), rs.getBoolean("serves_team"), rs.getBoolean("serves_self"),
					rs.getBoolean("looking_for_help"), rs.getInt("offers"), instant(rs.getTimestamp("first_offer_at"))))
			.list();
	}

	/**
	 * Validation requests asked by or of these people (everyone when null) that were made before {@code end} and not
	 * answered before {@code start}: open during the period, or answered in it.
	 */
	public List<ValidationFactRow> validations(Collection<String> people, Instant start, Instant end) {
		String who = people == null ? ""
				: " AND (v.requester_id = ANY(:people) OR v.validator_id = ANY(:people))";
		return jdbc.sql("SELECT v.id, v.goal_id, v.requester_id, v.validator_id, v.status, v.created_at, v.answered_at "
				+ "FROM goal_validation_requests v WHERE v.created_at < :end "
				+ "AND (v.answered_at IS NULL OR v.answered_at >= :start)" + who + " ORDER BY v.created_at, v.id")
			.param("end", Timestamp.from(end))
			.param("start", Timestamp.from(start))
			.param("people", people == null ? "" : SqlArrays.varchars(people))
			.query((rs, n) -> new ValidationFactRow(rs.getString("id"), rs.getString("goal_id"),
					rs.getString("requester_id"), rs.getString("validator_id"), rs.getString("status"),
					instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("answered_at"))))
			.list();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** A course named by a goal (not removed) of an active cycle. */
	public record GoalCourseRow(String personId, String goalId, String courseId) {
	}

	/** The courses of the goals of these people's active cycles that run on at least one day from {@code from} to {@code to}. */
	public List<GoalCourseRow> goalCourses(Collection<String> people, LocalDate from, LocalDate to) {
		if (people.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT c.person_id, g.id, gc.course_id FROM learning_cycles c "
				+ "JOIN learning_goals g ON g.cycle_id = c.id AND g.removed_at IS NULL "
				+ "JOIN learning_goal_courses gc ON gc.goal_id = g.id "
				+ "WHERE c.person_id = ANY(:people) AND c.status = 'ACTIVE' AND c.starts_on <= :to AND c.ends_on >= :from "
				+ "ORDER BY c.person_id, g.id, gc.course_id")
			.param("people", SqlArrays.varchars(people))
			.param("to", Date.valueOf(to))
			.param("from", Date.valueOf(from))
			.query((rs, n) -> new GoalCourseRow(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** Minutes these people logged in check-ins on their goals from {@code start} (inclusive) to {@code end}, per person. */
	public Map<String, Integer> minutesLogged(Collection<String> people, Instant start, Instant end) {
		Map<String, Integer> result = new HashMap<>();
		if (people.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT c.person_id, SUM(i.minutes) FROM learning_check_ins i JOIN learning_cycles c ON c.id = i.cycle_id "
				+ "WHERE c.person_id = ANY(:people) AND i.created_at >= :start AND i.created_at < :end GROUP BY c.person_id")
			.param("people", SqlArrays.varchars(people))
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.query((rs, n) -> result.put(rs.getString(1), rs.getInt(2)))
			.list();
		return result;
	}
}
