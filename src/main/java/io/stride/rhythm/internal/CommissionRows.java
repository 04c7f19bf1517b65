package io.stride.rhythm.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The commissions table, and the session intervention a commission carries out. */
@Repository
public class CommissionRows {

	public record Row(String id, String teamId, String commissionedBy, String authorId, String problem,
			String audience, LocalDate dueOn, String extendsCourseId, String interventionId, String needId,
			String costKind, BigDecimal internalHours, BigDecimal hourRate, BigDecimal cost, String currency,
			String status, String courseId, Instant draftStartedAt, Instant createdAt, Instant publishedAt,
			Instant cancelledAt, int revision) {
	}

	/** The part of a session's intervention a commission starts from. */
	public record InterventionRow(String id, String teamId, String kind, String capabilityId, LocalDate dueOn,
			String description, String commissionId) {
	}

	private static final String COLUMNS = "SELECT id, team_id, commissioned_by, author_id, problem, audience, due_on, "
			+ "extends_course_id, intervention_id, need_id, cost_kind, internal_hours, hour_rate, cost, currency, status, "
			+ "course_id, draft_started_at, created_at, published_at, cancelled_at, revision FROM commissions ";

	private final JdbcClient jdbc;

	public CommissionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Row r) {
		jdbc.sql("INSERT INTO commissions (id, team_id, commissioned_by, author_id, problem, audience, due_on, "
				+ "extends_course_id, intervention_id, need_id, cost_kind, internal_hours, hour_rate, cost, currency, "
				+ "status, created_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, 1)")
			.params(r.id(), r.teamId(), r.commissionedBy(), r.authorId(), r.problem(), r.audience(),
					Date.valueOf(r.dueOn()), r.extendsCourseId(), r.interventionId(), r.needId(), r.costKind(),
					r.internalHours(), r.hourRate(), r.cost(), r.currency(), Timestamp.from(r.createdAt()))
			.update();
	}

	public Optional<Row> find(String id) {
		return jdbc.sql(COLUMNS + "WHERE id = ?").param(id).query(CommissionRows::row).optional();
	}

	/** One page of commissions by a where clause on the table's columns, newest first. */
	private List<Row> list(String where, List<?> params, int limit) {
		return jdbc.sql(COLUMNS + where + " ORDER BY created_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY")
			.params(params)
			.query(CommissionRows::row)
			.list();
	}

	public List<Row> byAuthor(String personId, int limit) {
		return list("WHERE author_id = ?", List.of(personId), limit);
	}

	public List<Row> byCommissioner(String personId, int limit) {
		return list("WHERE commissioned_by = ?", List.of(personId), limit);
	}

	/** The open commissions of these teams, due first. */
	public List<Row> openOfTeams(Collection<String> teamIds, int limit) {
		if (teamIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + "WHERE team_id = ANY(:teams) AND status = 'OPEN' ORDER BY due_on, id FETCH FIRST "
				+ limit + " ROWS ONLY")
			.param("teams", SqlArrays.varchars(teamIds))
			.query(CommissionRows::row)
			.list();
	}

	public List<Row> ofTeams(Collection<String> teamIds, int limit) {
		if (teamIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + "WHERE team_id = ANY(:teams) ORDER BY created_at DESC, id DESC FETCH FIRST " + limit
				+ " ROWS ONLY")
			.param("teams", SqlArrays.varchars(teamIds))
			.query(CommissionRows::row)
			.list();
	}

	/** The published commissions of these teams, the latest published first. */
	public List<Row> publishedOfTeams(Collection<String> teamIds, int limit) {
		if (teamIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + "WHERE team_id = ANY(:teams) AND status = 'PUBLISHED' ORDER BY published_at DESC, id "
				+ "FETCH FIRST " + limit + " ROWS ONLY")
			.param("teams", SqlArrays.varchars(teamIds))
			.query(CommissionRows::row)
			.list();
	}

	public List<Row> all(int limit) {
		return list("", List.of(), limit);
	}

	/**
	 * Open commissions the published course may answer: linked to it, made from a draft started from the commission,
	 * or extending it and not linked to another.
	 */
	public List<Row> openAnsweredBy(String courseId) {
		return jdbc.sql(COLUMNS + "WHERE status = 'OPEN' AND (course_id = ? OR (extends_course_id = ? AND course_id IS NULL) "
				+ "OR id IN (SELECT commission_id FROM commission_courses WHERE course_id = ?))")
			.params(courseId, courseId, courseId)
			.query(CommissionRows::row)
			.list();
	}

	/** Remembers that the draft was started from the commission ("Draft from this commission"). */
	public void draftOf(String commissionId, String draftId, Instant at) {
		jdbc.sql("INSERT INTO commission_drafts (draft_id, commission_id, created_at) SELECT ?, ?, ? WHERE NOT EXISTS "
				+ "(SELECT 1 FROM commission_drafts WHERE draft_id = ?)")
			.params(draftId, commissionId, Timestamp.from(at), draftId)
			.update();
	}

	/** The commission the draft was started from, if any. */
	public Optional<Row> commissionOfDraft(String draftId) {
		return jdbc.sql(COLUMNS + "WHERE id = (SELECT commission_id FROM commission_drafts WHERE draft_id = ?)")
			.param(draftId)
			.query(CommissionRows::row)
			.optional();
	}

	/** Records that the course (made from a draft started from the commission) answers it. */
	public void answeredBy(String commissionId, String courseId, String draftId, Instant at) {
		jdbc.sql("INSERT INTO commission_courses (course_id, commission_id, draft_id, created_at) SELECT ?, ?, ?, ? "
				+ "WHERE NOT EXISTS (SELECT 1 FROM commission_courses WHERE course_id = ?)")
			.params(courseId, commissionId, draftId, Timestamp.from(at), courseId)
			.update();
	}

	/** Whether the course was made from a draft started from the commission. */
	public boolean answers(String commissionId, String courseId) {
		return jdbc.sql("SELECT COUNT(*) FROM commission_courses WHERE commission_id = ? AND course_id = ?")
			.params(commissionId, courseId)
			.query(Integer.class)
			.single() > 0;
	}

	public void draftStarted(String id, Instant at) {
		jdbc.sql("UPDATE commissions SET draft_started_at = ? WHERE id = ? AND status = 'OPEN'")
			.params(Timestamp.from(at), id)
			.update();
	}

	/** Links the course that answers an open commission; false when it was no longer open. */
	public boolean link(String id, String courseId) {
		return jdbc.sql("UPDATE commissions SET course_id = ?, revision = revision + 1 WHERE id = ? AND status = 'OPEN'")
			.params(courseId, id)
			.update() == 1;
	}

	/** Closes an open commission as published; false when another closed it first. */
	public boolean published(String id, String courseId, Instant at) {
		return jdbc.sql("UPDATE commissions SET status = 'PUBLISHED', course_id = ?, published_at = ?, "
				+ "revision = revision + 1 WHERE id = ? AND status = 'OPEN'")
			.params(courseId, Timestamp.from(at), id)
			.update() == 1;
	}

	public boolean cancelled(String id, Instant at) {
		return jdbc.sql("UPDATE commissions SET status = 'CANCELLED', cancelled_at = ?, revision = revision + 1 "
				+ "WHERE id = ? AND status = 'OPEN'")
			.params(Timestamp.from(at), id)
			.update() == 1;
	}

	public Optional<InterventionRow> intervention(String id) {
		return jdbc.sql("SELECT id, team_id, kind, capability_id, due_on, description, commission_id FROM interventions "
				+ "WHERE id = ?")
			.param(id)
			.query((rs, n) -> new InterventionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7)))
			.optional();
	}

	/** Marks the intervention as carried out by this commission; false when another commission took it first. */
	public boolean carryOut(String interventionId, String commissionId) {
		return jdbc.sql("UPDATE interventions SET commission_id = ?, revision = revision + 1 WHERE id = ? "
				+ "AND commission_id IS NULL")
			.params(commissionId, interventionId)
			.update() == 1;
	}

	/** A cancelled commission no longer carries out its intervention, which may be commissioned again. */
	public void release(String commissionId) {
		jdbc.sql("UPDATE interventions SET commission_id = NULL, revision = revision + 1 WHERE commission_id = ? "
				+ "AND status = 'OPEN'")
			.param(commissionId)
			.update();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getDate(7).toLocalDate(), rs.getString(8), rs.getString(9), rs.getString(10),
				rs.getString(11), rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getBigDecimal(14), rs.getString(15),
				rs.getString(16), rs.getString(17), instant(rs.getTimestamp(18)), instant(rs.getTimestamp(19)),
				instant(rs.getTimestamp(20)), instant(rs.getTimestamp(21)), rs.getInt(22));
	}

	static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
