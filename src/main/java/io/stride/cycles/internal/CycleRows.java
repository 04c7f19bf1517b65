package io.stride.cycles.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.cycles.CycleId;
import io.stride.cycles.CycleStatus;
import io.stride.cycles.GoalId;
import io.stride.cycles.GoalOutcome;
import io.stride.cycles.Visibility;
import io.stride.identity.PersonId;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Learning cycles, their goals and what hangs off a goal (priorities, courses, links, planned validators). */
@Repository
public class CycleRows {

	public record CycleRow(CycleId id, PersonId personId, String title, LocalDate startsOn, LocalDate endsOn,
			CycleStatus status, Visibility visibility, CycleId startedFrom, Integer reminderAfterDays,
			Instant remindedAt, int revision, Instant createdAt, Instant updatedAt, Instant closedAt) {
	}

	public record GoalRow(GoalId id, CycleId cycleId, int position, String what, String capabilityId,
			Integer targetLevel, boolean servesSelf, String practice, PersonId mentorId, String evidence,
			LocalDate targetDate, boolean lookingForHelp, int progress, int minutesLogged, GoalOutcome outcome,
			String reflection, String nextStep, GoalId carriedFrom) {
	}

	/** A link of a goal: kind RESOURCE (planned) or PRODUCED (what came of it). */
	public record LinkRow(String id, GoalId goalId, String kind, String title, String url) {
	}

	private static final String CYCLE_COLUMNS = "SELECT id, person_id, title, starts_on, ends_on, status, visibility, "
			+ "started_from, reminder_after_days, reminded_at, revision, created_at, updated_at, closed_at "
			+ "FROM learning_cycles ";

	private static final String GOAL_COLUMNS = "SELECT id, cycle_id, position, what, capability_id, target_level, "
			+ "serves_self, practice, mentor_id, evidence, target_date, looking_for_help, progress, minutes_logged, "
			+ "outcome, reflection, next_step, carried_from FROM learning_goals ";

	private final JdbcClient jdbc;

	public CycleRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- cycles -------------------------------------------------------------------------------------------------

	public void insert(CycleRow c) {
		jdbc.sql("INSERT INTO learning_cycles (id, person_id, title, starts_on, ends_on, status, visibility, "
				+ "started_from, reminder_after_days, reminded_at, revision, created_at, updated_at, closed_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL)")
			.params(c.id().value(), c.personId().value(), c.title(), Date.valueOf(c.startsOn()),
					Date.valueOf(c.endsOn()), c.status().name(), c.visibility().name(),
					c.startedFrom() == null ? null : c.startedFrom().value(), c.reminderAfterDays(), c.revision(),
					Timestamp.from(c.createdAt()), Timestamp.from(c.updatedAt()))
			.update();
	}

	public Optional<CycleRow> cycle(CycleId id) {
		return jdbc.sql(CYCLE_COLUMNS + "WHERE id = ?").param(id.value()).query(CycleRows::cycle).optional();
	}

	/** These cycles in one read, in no particular order; those that do not exist are absent. */
	public List<CycleRow> cycles(Collection<CycleId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(CYCLE_COLUMNS + "WHERE id = ANY(:ids)")
			.param("ids", SqlArrays.varchars(ids.stream().map(CycleId::value).distinct().toList()))
			.query(CycleRows::cycle)
			.list();
	}

	/** A person's cycles, the latest started first. */
	public List<CycleRow> cyclesOf(PersonId person) {
		return jdbc.sql(CYCLE_COLUMNS + "WHERE person_id = ? ORDER BY starts_on DESC, created_at DESC")
			.param(person.value())
			.query(CycleRows::cycle)
			.list();
	}

	/** The cycles of these people with the given status (all when null), latest started first. */
	public List<CycleRow> cyclesOf(Collection<PersonId> people, CycleStatus status) {
		if (people.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(CYCLE_COLUMNS + "WHERE person_id = ANY(:people)"
				+ (status == null ? "" : " AND status = :status") + " ORDER BY starts_on DESC, created_at DESC")
			.param("people", SqlArrays.varchars(people.stream().map(PersonId::value).toList()))
			.param("status", status == null ? "" : status.name())
			.query(CycleRows::cycle)
			.list();
	}

	/**
	 * Changes what the owner may change of a cycle when its revision is still {@code revision}; false when someone
	 * changed it since.
	 */
	public boolean update(CycleId id, int revision, String title, LocalDate endsOn, Visibility visibility,
			Integer reminderAfterDays, Instant at) {
		return jdbc.sql("UPDATE learning_cycles SET title = ?, ends_on = ?, visibility = ?, reminder_after_days = ?, "
				+ "revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?")
			.params(title, Date.valueOf(endsOn), visibility.name(), reminderAfterDays, Timestamp.from(at), id.value(),
					revision)
			.update() == 1;
	}

	/** Marks a change of the contract (a goal added, edited or removed): the revision grows. */
	public void touch(CycleId id, Instant at) {
		jdbc.sql("UPDATE learning_cycles SET revision = revision + 1, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(at), id.value())
			.update();
	}

	/**
	 * Closes an active cycle; false when it was not active (closed by another request, e.g. a double submit). The
	 * update locks the row, so of two requests closing at once the second waits and then finds it closed.
	 */
	public boolean close(CycleId id, Instant at) {
		return jdbc.sql("UPDATE learning_cycles SET status = 'CLOSED', closed_at = ?, updated_at = ?, "
				+ "revision = revision + 1 WHERE id = ? AND status = 'ACTIVE'")
			.params(Timestamp.from(at), Timestamp.from(at), id.value())
			.update() == 1;
	}

	/** Locks the cycle's row until the transaction ends: goals are added to a contract one after the other. */
	public void lock(CycleId id) {
		jdbc.sql("SELECT id FROM learning_cycles WHERE id = ? FOR UPDATE").param(id.value()).query(String.class).list();
	}

	public void markReminded(CycleId id, Instant at) {
		jdbc.sql("UPDATE learning_cycles SET reminded_at = ? WHERE id = ?").params(Timestamp.from(at), id.value()).update();
	}

	// --- viewers --------------------------------------------------------------------------------------------------

	/** The named readers ({@code invited} false) and people invited to discuss ({@code invited} true) of a cycle. */
	public Map<PersonId, Boolean> viewers(CycleId cycle) {
		Map<PersonId, Boolean> result = new LinkedHashMap<>();
		jdbc.sql("SELECT person_id, invited FROM learning_cycle_viewers WHERE cycle_id = ? ORDER BY person_id")
			.param(cycle.value())
			.query((ResultSet rs) -> {
				PersonId person = new PersonId(rs.getString(1));
				result.merge(person, rs.getBoolean(2), Boolean::logicalOr);
			});
		return result;
	}

	/** {@link #viewers} of many cycles in one read; cycles without any are absent. */
	public Map<CycleId, Map<PersonId, Boolean>> viewersOf(Collection<CycleId> cycles) {
		Map<CycleId, Map<PersonId, Boolean>> result = new HashMap<>();
		if (cycles.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT cycle_id, person_id, invited FROM learning_cycle_viewers WHERE cycle_id = ANY(:cycles) "
				+ "ORDER BY cycle_id, person_id")
			.param("cycles", SqlArrays.varchars(cycles.stream().map(CycleId::value).toList()))
			.query((ResultSet rs) -> {
				result.computeIfAbsent(new CycleId(rs.getString(1)), k -> new LinkedHashMap<>())
					.merge(new PersonId(rs.getString(2)), rs.getBoolean(3), Boolean::logicalOr);
			});
		return result;
	}

	/** The Stride courses named by the goals of this person's active cycle(s), for "my learning". */
	public List<String> coursesOfActiveCycles(PersonId person) {
		return jdbc.sql("SELECT DISTINCT gc.course_id FROM learning_goal_courses gc "
				+ "JOIN learning_goals g ON g.id = gc.goal_id AND g.removed_at IS NULL "
				+ "JOIN learning_cycles c ON c.id = g.cycle_id WHERE c.person_id = ? AND c.status = 'ACTIVE' "
				+ "ORDER BY gc.course_id")
			.param(person.value())
			.query(String.class)
			.list();
	}

	public void replaceNamedViewers(CycleId cycle, Collection<PersonId> people) {
		jdbc.sql("DELETE FROM learning_cycle_viewers WHERE cycle_id = ? AND invited = FALSE").param(cycle.value()).update();
		for (PersonId p : people) {
			jdbc.sql("INSERT INTO learning_cycle_viewers (cycle_id, person_id, invited) SELECT ?, ?, FALSE "
					+ "WHERE NOT EXISTS (SELECT 1 FROM learning_cycle_viewers WHERE cycle_id = ? AND person_id = ?)")
				.params(cycle.value(), p.value(), cycle.value(), p.value())
				.update();
		}
	}

	/** Invites to discuss; a named reader who is invited becomes invited. */
	public void invite(CycleId cycle, PersonId person) {
		if (jdbc.sql("UPDATE learning_cycle_viewers SET invited = TRUE WHERE cycle_id = ? AND person_id = ?")
			.params(cycle.value(), person.value())
			.update() == 0) {
			jdbc.sql("INSERT INTO learning_cycle_viewers (cycle_id, person_id, invited) VALUES (?, ?, TRUE)")
				.params(cycle.value(), person.value())
				.update();
		}
	}

	/** Cycles that name this person as a reader or invite them to discuss. */
	public List<CycleRow> cyclesShownTo(PersonId person) {
		return jdbc.sql(CYCLE_COLUMNS + "WHERE id IN (SELECT cycle_id FROM learning_cycle_viewers WHERE person_id = ?) "
				+ "ORDER BY starts_on DESC")
			.param(person.value())
			.query(CycleRows::cycle)
			.list();
	}

	// --- goals ----------------------------------------------------------------------------------------------------

	public void insert(GoalRow g, Instant at) {
		jdbc.sql("INSERT INTO learning_goals (id, cycle_id, position, what, capability_id, target_level, serves_self, "
				+ "practice, mentor_id, evidence, target_date, looking_for_help, progress, minutes_logged, outcome, "
				+ "reflection, next_step, carried_from, created_at, updated_at, removed_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")
			.params(g.id().value(), g.cycleId().value(), g.position(), g.what(), g.capabilityId(), g.targetLevel(),
					g.servesSelf(), g.practice(), g.mentorId() == null ? null : g.mentorId().value(), g.evidence(),
					g.targetDate() == null ? null : Date.valueOf(g.targetDate()), g.lookingForHelp(), g.progress(),
					g.minutesLogged(), g.outcome() == null ? null : g.outcome().name(), g.reflection(), g.nextStep(),
					g.carriedFrom() == null ? null : g.carriedFrom().value(), Timestamp.from(at), Timestamp.from(at))
			.update();
	}

	/** What the owner writes of a goal (not its progress, time or reflection). */
	public void updatePlan(GoalRow g, Instant at) {
		jdbc.sql("UPDATE learning_goals SET what = ?, capability_id = ?, target_level = ?, serves_self = ?, "
				+ "practice = ?, mentor_id = ?, evidence = ?, target_date = ?, looking_for_help = ?, updated_at = ? "
				+ "WHERE id = ?")
			.params(g.what(), g.capabilityId(), g.targetLevel(), g.servesSelf(), g.practice(),
					g.mentorId() == null ? null : g.mentorId().value(), g.evidence(),
					g.targetDate() == null ? null : Date.valueOf(g.targetDate()), g.lookingForHelp(),
					Timestamp.from(at), g.id().value())
			.update();
	}

	public void updateProgress(GoalId goal, int progress, int addMinutes, Instant at) {
		jdbc.sql("UPDATE learning_goals SET progress = ?, minutes_logged = minutes_logged + ?, updated_at = ? "
				+ "WHERE id = ?")
			.params(progress, addMinutes, Timestamp.from(at), goal.value())
			.update();
	}

	public void reflect(GoalId goal, GoalOutcome outcome, String reflection, String nextStep, Instant at) {
		jdbc.sql("UPDATE learning_goals SET outcome = ?, reflection = ?, next_step = ?, updated_at = ? WHERE id = ?")
			.params(outcome == null ? null : outcome.name(), reflection, nextStep, Timestamp.from(at), goal.value())
			.update();
	}

	public void setLookingForHelp(GoalId goal, boolean looking, Instant at) {
		jdbc.sql("UPDATE learning_goals SET looking_for_help = ?, updated_at = ? WHERE id = ?")
			.params(looking, Timestamp.from(at), goal.value())
			.update();
	}

	public void remove(GoalId goal, Instant at) {
		jdbc.sql("UPDATE learning_goals SET removed_at = ?, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(at), Timestamp.from(at), goal.value())
			.update();
	}

	public Optional<GoalRow> goal(GoalId id) {
		return jdbc.sql(GOAL_COLUMNS + "WHERE id = ? AND removed_at IS NULL")
			.param(id.value())
			.query(CycleRows::goal)
			.optional();
	}

	/** These goals in one read when still in their contract, in no particular order. */
	public List<GoalRow> goals(Collection<GoalId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(GOAL_COLUMNS + "WHERE id = ANY(:ids) AND removed_at IS NULL")
			.param("ids", SqlArrays.varchars(ids.stream().map(GoalId::value).distinct().toList()))
			.query(CycleRows::goal)
			.list();
	}

	/** The goals of these cycles still in their contract, in order. */
	public List<GoalRow> goalsOf(Collection<CycleId> cycles) {
		if (cycles.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(GOAL_COLUMNS + "WHERE cycle_id = ANY(:cycles) AND removed_at IS NULL ORDER BY cycle_id, position")
			.param("cycles", SqlArrays.varchars(cycles.stream().map(CycleId::value).toList()))
			.query(CycleRows::goal)
			.list();
	}

	public int nextPosition(CycleId cycle) {
		return jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM learning_goals WHERE cycle_id = ?")
			.param(cycle.value())
			.query(Integer.class)
			.single();
	}

	// --- what hangs off goals -------------------------------------------------------------------------------------

	public void replacePriorities(GoalId goal, Collection<String> priorityIds) {
		jdbc.sql("DELETE FROM learning_goal_priorities WHERE goal_id = ?").param(goal.value()).update();
		for (String p : priorityIds) {
			jdbc.sql("INSERT INTO learning_goal_priorities (goal_id, priority_id) VALUES (?, ?)")
				.params(goal.value(), p)
				.update();
		}
	}

	public void replaceCourses(GoalId goal, Collection<String> courseIds) {
		jdbc.sql("DELETE FROM learning_goal_courses WHERE goal_id = ?").param(goal.value()).update();
		for (String c : courseIds) {
			jdbc.sql("INSERT INTO learning_goal_courses (goal_id, course_id) VALUES (?, ?)").params(goal.value(), c).update();
		}
	}

	public void replaceValidators(GoalId goal, Collection<PersonId> people) {
		jdbc.sql("DELETE FROM learning_goal_validators WHERE goal_id = ?").param(goal.value()).update();
		for (PersonId p : people) {
			jdbc.sql("INSERT INTO learning_goal_validators (goal_id, person_id) VALUES (?, ?)")
				.params(goal.value(), p.value())
				.update();
		}
	}

	/** Replaces the planned resources of a goal (links of kind RESOURCE); produced links stay. */
	public void replaceResources(GoalId goal, List<LinkRow> resources, Instant at) {
		jdbc.sql("DELETE FROM learning_goal_links WHERE goal_id = ? AND kind = 'RESOURCE'").param(goal.value()).update();
		resources.forEach(r -> insertLink(r, at));
	}

	public void insertLink(LinkRow link, Instant at) {
		jdbc.sql("INSERT INTO learning_goal_links (id, goal_id, kind, title, url, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(link.id(), link.goalId().value(), link.kind(), link.title(), link.url(), Timestamp.from(at))
			.update();
	}

	public Map<GoalId, List<String>> prioritiesOf(Collection<GoalId> goals) {
		return pairs("SELECT goal_id, priority_id FROM learning_goal_priorities WHERE goal_id = ANY(:goals) "
				+ "ORDER BY goal_id, priority_id", goals);
	}

	public Map<GoalId, List<String>> coursesOf(Collection<GoalId> goals) {
		return pairs("SELECT goal_id, course_id FROM learning_goal_courses WHERE goal_id = ANY(:goals) "
				+ "ORDER BY goal_id, course_id", goals);
	}

	public Map<GoalId, List<String>> validatorsOf(Collection<GoalId> goals) {
		return pairs("SELECT goal_id, person_id FROM learning_goal_validators WHERE goal_id = ANY(:goals) "
				+ "ORDER BY goal_id, person_id", goals);
	}

	public Map<GoalId, List<LinkRow>> linksOf(Collection<GoalId> goals) {
		Map<GoalId, List<LinkRow>> result = new LinkedHashMap<>();
		if (goals.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT id, goal_id, kind, title, url FROM learning_goal_links WHERE goal_id = ANY(:goals) "
				+ "ORDER BY created_at, id")
			.param("goals", SqlArrays.varchars(goals.stream().map(GoalId::value).toList()))
			.query((ResultSet rs) -> {
				LinkRow link = new LinkRow(rs.getString(1), new GoalId(rs.getString(2)), rs.getString(3),
						rs.getString(4), rs.getString(5));
				result.computeIfAbsent(link.goalId(), k -> new ArrayList<>()).add(link);
			});
		return result;
	}

	private Map<GoalId, List<String>> pairs(String sql, Collection<GoalId> goals) {
		Map<GoalId, List<String>> result = new LinkedHashMap<>();
		if (goals.isEmpty()) {
			return result;
		}
		jdbc.sql(sql)
			.param("goals", SqlArrays.varchars(goals.stream().map(GoalId::value).toList()))
			.query((ResultSet rs) -> {
				result.computeIfAbsent(new GoalId(rs.getString(1)), k -> new ArrayList<>())
					.add(rs.getString(2));
			});
		return result;
	}

	private static CycleRow cycle(ResultSet rs, int n) throws SQLException {
		Timestamp reminded = rs.getTimestamp(10);
		Timestamp closed = rs.getTimestamp(14);
		int reminder = rs.getInt(9);
		boolean noReminder = rs.wasNull();
		return new CycleRow(new CycleId(rs.getString(1)), new PersonId(rs.getString(2)), rs.getString(3),
				rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), CycleStatus.valueOf(rs.getString(6)),
				Visibility.valueOf(rs.getString(7)), rs.getString(8) == null ? null : new CycleId(rs.getString(8)),
				noReminder ? null : reminder, reminded == null ? null : reminded.toInstant(), rs.getInt(11),
				rs.getTimestamp(12).toInstant(), rs.getTimestamp(13).toInstant(),
				closed == null ? null : closed.toInstant());
	}

	private static GoalRow goal(ResultSet rs, int n) throws SQLException {
		int level = rs.getInt(6);
		boolean noLevel = rs.wasNull();
		Date target = rs.getDate(11);
		return new GoalRow(new GoalId(rs.getString(1)), new CycleId(rs.getString(2)), rs.getInt(3), rs.getString(4),
				rs.getString(5), noLevel ? null : level, rs.getBoolean(7), rs.getString(8),
				rs.getString(9) == null ? null : new PersonId(rs.getString(9)), rs.getString(10),
				target == null ? null : target.toLocalDate(), rs.getBoolean(12), rs.getInt(13), rs.getInt(14),
				rs.getString(15) == null ? null : GoalOutcome.valueOf(rs.getString(15)), rs.getString(16),
				rs.getString(17), rs.getString(18) == null ? null : new GoalId(rs.getString(18)));
	}
}
