package io.stride.tracks.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stride.identity.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each enrolled person's progress step by step, and the set-based reads and writes of the nightly release. */
@Repository
public class ProgressRows {

	/**
	 * One step's progress; {@code position} is its place in the track as the person's team follows it;
	 * {@code releasedBy} the manager who opened it early (null when its pacing opened it).
	 */
	public record Row(String enrolmentId, String stepId, int position, LocalDate releaseOn, Instant releasedAt,
			Instant doneAt, String doneHow, String confirmedBy, Instant approvedAt, String declineReason,
			String releasedBy) {

		public boolean done() {
			return doneAt != null;
		}

		public boolean released() {
			return releasedAt != null;
		}

		/** A manager approved this (high-investment) step for the person. */
		public boolean approved() {
			return approvedAt != null;
		}
	}

	/** A step an open enrolment of a person waits for. */
	public record Open(String enrolmentId, String stepId) {
	}

	/** A step opened by a release run, with who it opened for. */
	public record ReleasedRow(String enrolmentId, String stepId, String personId, String trackId, String trackTitle,
			String stepTitle) {
	}

	/**
	 * One enrolment's progress summed up: steps done and in all, done before they opened, the oldest open release, the
	 * last step done. (A person's current step is worked out by {@code TrackProgress}, one rule for every page.)
	 */
	public record Summary(String enrolmentId, int total, int done, int doneEarly, LocalDate oldestOpenRelease,
			Instant lastDone) {
	}

	private static final String COLUMNS = "SELECT enrolment_id, step_id, position, release_on, released_at, done_at, "
			+ "done_how, confirmed_by, approved_at, decline_reason, released_by FROM track_step_progress ";

	private final JdbcClient jdbc;

	public ProgressRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Row> of(String enrolmentId) {
		return jdbc.sql(COLUMNS + "WHERE enrolment_id = ? ORDER BY position, step_id").param(enrolmentId)
			.query(ProgressRows::row).list();
	}

	/** Progress rows of several enrolments at once, by enrolment. */
	public Map<String, List<Row>> of(Collection<String> enrolmentIds) {
		Map<String, List<Row>> rows = new HashMap<>();
		if (enrolmentIds.isEmpty()) {
			return rows;
		}
		jdbc.sql(COLUMNS + "WHERE enrolment_id IN (:ids) ORDER BY position, step_id").param("ids", List.copyOf(enrolmentIds))
			.query(ProgressRows::row).list()
			.forEach(row -> rows.computeIfAbsent(row.enrolmentId(), k -> new ArrayList<>()).add(row));
		return rows;
	}

	public void insert(String enrolmentId, String stepId, int position) {
		jdbc.sql("INSERT INTO track_step_progress (enrolment_id, step_id, position) VALUES (?, ?, ?)")
			.params(enrolmentId, stepId, position)
			.update();
	}

	/** Drops the rows of steps not done (to be planned again); what is done stays done. */
	public void deleteNotDone(String enrolmentId) {
		jdbc.sql("DELETE FROM track_step_progress WHERE enrolment_id = ? AND done_at IS NULL").param(enrolmentId).update();
	}

	public void delete(String enrolmentId, String stepId) {
		jdbc.sql("DELETE FROM track_step_progress WHERE enrolment_id = ? AND step_id = ?").params(enrolmentId, stepId).update();
	}

	public void plan(String enrolmentId, String stepId, int position, LocalDate releaseOn) {
		jdbc.sql("UPDATE track_step_progress SET position = ?, release_on = ? WHERE enrolment_id = ? AND step_id = ?")
			.params(position, releaseOn == null ? null : Date.valueOf(releaseOn), enrolmentId, stepId)
			.update();
	}

	/** One step's place and day for many enrolments at once: a single statement for all who share them. */
	public void plan(Collection<String> enrolmentIds, String stepId, int position, LocalDate releaseOn) {
		if (enrolmentIds.isEmpty()) {
			return;
		}
		jdbc.sql("UPDATE track_step_progress SET position = :position, release_on = :releaseOn WHERE step_id = :step "
				+ "AND enrolment_id IN (:ids)")
			.param("position", position)
			.param("releaseOn", releaseOn == null ? null : Date.valueOf(releaseOn), Types.DATE)
			.param("step", stepId)
			.param("ids", List.copyOf(enrolmentIds))
			.update();
	}

	/** Opens a step not yet open nor done ({@code by}: the manager who opened it early; null by pacing); false when it was. */
	public boolean release(String enrolmentId, String stepId, Instant at, String run, PersonId by) {
		return jdbc.sql("UPDATE track_step_progress SET released_at = ?, release_run = ?, released_by = ? "
				+ "WHERE enrolment_id = ? AND step_id = ? AND released_at IS NULL AND done_at IS NULL")
			.params(Timestamp.from(at), run, by == null ? null : by.value(), enrolmentId, stepId)
			.update() == 1;
	}

	/** Declines a step not approved, opened nor done yet; false when it is (or is declined already). */
	public boolean decline(String enrolmentId, String stepId, Instant at, PersonId by, String reason) {
		return jdbc.sql("UPDATE track_step_progress SET declined_at = ?, declined_by = ?, decline_reason = ? "
				+ "WHERE enrolment_id = ? AND step_id = ? AND approved_at IS NULL AND released_at IS NULL "
				+ "AND done_at IS NULL AND declined_at IS NULL")
			.params(Timestamp.from(at), by.value(), reason, enrolmentId, stepId)
			.update() == 1;
	}

	/** Records a manager's approval of a step not done; false when it was approved (or done) already. */
	public boolean approve(String enrolmentId, String stepId, Instant at, PersonId by) {
		// approving after a decline is the manager changing their mind: the decline is cleared
		return jdbc.sql("UPDATE track_step_progress SET approved_at = ?, approved_by = ?, declined_at = NULL, "
				+ "declined_by = NULL, decline_reason = NULL WHERE enrolment_id = ? "
				+ "AND step_id = ? AND approved_at IS NULL AND done_at IS NULL")
			.params(Timestamp.from(at), by.value(), enrolmentId, stepId)
			.update() == 1;
	}

	/** Marks a step done; false when it was done already. */
	public boolean done(String enrolmentId, String stepId, Instant at, String how, PersonId by) {
		return jdbc.sql("UPDATE track_step_progress SET done_at = ?, done_how = ?, confirmed_by = ? WHERE enrolment_id = ? "
				+ "AND step_id = ? AND done_at IS NULL")
			.params(Timestamp.from(at), how, by == null ? null : by.value(), enrolmentId, stepId)
			.update() == 1;
	}

	/**
	 * Steps not done yet of a person's active enrolments whose step names {@code column} = {@code value} (a course,
	 * a component, a checklist task): what a completion elsewhere may mark done.
	 */
	public List<Open> openFor(PersonId person, String column, String value) {
		if (!List.of("course_id", "component_id", "checklist_task_id").contains(column)) {
			throw new IllegalArgumentException(column);
		}
		return jdbc.sql("SELECT p.enrolment_id, p.step_id FROM track_step_progress p "
				+ "JOIN track_enrolments e ON e.id = p.enrolment_id JOIN track_steps s ON s.id = p.step_id "
				+ "WHERE e.person_id = ? AND e.status = 'ACTIVE' AND p.done_at IS NULL AND s." + column + " = ?")
			.params(person.value(), value)
			.query((rs, n) -> new Open(rs.getString(1), rs.getString(2)))
			.list();
	}

	/** Active enrolments of a person with a goal-suggestion step not done. */
	/** Component steps not done yet of a person's active enrolments, with the component each names. */
	public List<OpenComponent> openComponentSteps(PersonId person) {
		return jdbc.sql("SELECT p.enrolment_id, p.step_id, s.component_id FROM track_step_progress p "
				+ "JOIN track_enrolments e ON e.id = p.enrolment_id JOIN track_steps s ON s.id = p.step_id "
				+ "WHERE e.person_id = ? AND e.status = 'ACTIVE' AND p.done_at IS NULL AND s.kind = 'COMPONENT' "
				+ "AND s.component_id IS NOT NULL")
			.param(person.value())
			.query((rs, n) -> new OpenComponent(new Open(rs.getString(1), rs.getString(2)), rs.getString(3)))
			.list();
	}

	/** An open component step and the component it names. */
	public record OpenComponent(Open open, String componentId) {
	}

	public List<Open> openGoalSteps(PersonId person) {
		return jdbc.sql("SELECT p.enrolment_id, p.step_id FROM track_step_progress p "
				+ "JOIN track_enrolments e ON e.id = p.enrolment_id JOIN track_steps s ON s.id = p.step_id "
				+ "WHERE e.person_id = ? AND e.status = 'ACTIVE' AND p.done_at IS NULL AND s.kind = 'GOAL_SUGGESTION'")
			.param(person.value())
			.query((rs, n) -> new Open(rs.getString(1), rs.getString(2)))
			.list();
	}

	/**
	 * The nightly release, in one statement: every step of an active enrolment whose day has come, that is neither
	 * open nor done, whose prerequisites are all done and, for a high-investment step, that a manager approved, opens
	 * now, marked with {@code run}. Returns how many opened.
	 */
	public int releaseDue(LocalDate today, Instant now, String run) {
		// the stored day is a plan: a step still opens only once every prerequisite is done in the same enrolment
		return jdbc.sql("UPDATE track_step_progress p SET released_at = :now, release_run = :run "
				+ "WHERE p.released_at IS NULL AND p.done_at IS NULL AND p.release_on <= :today "
				+ "AND p.enrolment_id IN (SELECT id FROM track_enrolments WHERE status = 'ACTIVE') "
				+ "AND NOT EXISTS (SELECT 1 FROM track_step_prerequisites r WHERE r.step_id = p.step_id "
				+ "AND NOT EXISTS (SELECT 1 FROM track_step_progress q WHERE q.enrolment_id = p.enrolment_id "
				+ "AND q.step_id = r.requires_step_id AND q.done_at IS NOT NULL)) "
				+ "AND (p.approved_at IS NOT NULL OR NOT EXISTS (SELECT 1 FROM track_steps s WHERE s.id = p.step_id "
				+ "AND s.high_investment = TRUE))")
			.param("now", Timestamp.from(now))
			.param("run", run)
			.param("today", Date.valueOf(today))
			.update();
	}

	/** What a release run opened, by person and track. */
	public List<ReleasedRow> releasedIn(String run) {
		return jdbc.sql("SELECT p.enrolment_id, p.step_id, e.person_id, e.track_id, t.title, s.title "
				+ "FROM track_step_progress p JOIN track_enrolments e ON e.id = p.enrolment_id "
				+ "JOIN track_steps s ON s.id = p.step_id JOIN tracks t ON t.id = e.track_id "
				+ "WHERE p.release_run = ? ORDER BY e.person_id, e.track_id, p.position")
			.param(run)
			.query((rs, n) -> new ReleasedRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
	}

	/**
	 * Every active or completed enrolment of a track summed up in one query (the manager's people page).
	 */
	public Map<String, Summary> summaries(String trackId, LocalDate today) {
		Map<String, Summary> summaries = new HashMap<>();
		jdbc.sql("SELECT p.enrolment_id, COUNT(*), COUNT(p.done_at), "
				+ "SUM(CASE WHEN p.done_at IS NOT NULL AND p.released_at IS NULL THEN 1 ELSE 0 END), "
				+ "MIN(CASE WHEN p.done_at IS NULL AND p.released_at IS NOT NULL THEN p.release_on END), MAX(p.done_at) "
				+ "FROM track_step_progress p JOIN track_enrolments e ON e.id = p.enrolment_id "
				+ "WHERE e.track_id = ? AND e.status IN ('ACTIVE', 'COMPLETED') GROUP BY p.enrolment_id")
			.param(trackId)
			.query((ResultSet rs) -> {
				Date oldest = rs.getDate(5);
				Timestamp last = rs.getTimestamp(6);
				summaries.put(rs.getString(1), new Summary(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
						oldest == null ? null : oldest.toLocalDate(), last == null ? null : last.toInstant()));
			});
		return summaries;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		Date releaseOn = rs.getDate(4);
		Timestamp released = rs.getTimestamp(5);
		Timestamp done = rs.getTimestamp(6);
		Timestamp approved = rs.getTimestamp(9);
		return new Row(rs.getString(1), rs.getString(2), rs.getInt(3), releaseOn == null ? null : releaseOn.toLocalDate(),
				released == null ? null : released.toInstant(), done == null ? null : done.toInstant(), rs.getString(7),
				rs.getString(8), approved == null ? null : approved.toInstant(), rs.getString(10), rs.getString(11));
	}
}
