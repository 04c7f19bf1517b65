package io.stride.rhythm.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Team learning budgets per period and what is spent from them. */
@Repository
public class BudgetRows {

	public record BudgetRow(String id, String teamId, LocalDate startsOn, LocalDate endsOn, BigDecimal amount,
			String currency, String createdBy, Instant createdAt) {
	}

	public record SpendRow(String id, String budgetId, String teamId, String kind, String commissionId, String goalId,
			String resourceId, String description, BigDecimal amount, String status, String requestedBy,
			Instant createdAt, String decidedBy, Instant decidedAt, String decisionNote) {
	}

	/** A budget's approved spends: {@code spent} is final, {@code committed} waits on open commissions. */
	public record Totals(BigDecimal spent, BigDecimal committed) {
	}

	private static final String BUDGETS = "SELECT id, team_id, starts_on, ends_on, amount, currency, created_by, created_at FROM budgets ";

	private static final String SPENDS = "SELECT id, budget_id, team_id, kind, commission_id, goal_id, resource_id, "
			+ "description, amount, status, requested_by, created_at, decided_by, decided_at, decision_note FROM budget_spends ";

	private final JdbcClient jdbc;

	public BudgetRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(BudgetRow b) {
		jdbc.sql("INSERT INTO budgets (id, team_id, starts_on, ends_on, amount, currency, created_by, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(b.id(), b.teamId(), Date.valueOf(b.startsOn()), Date.valueOf(b.endsOn()), b.amount(), b.currency(),
					b.createdBy(), Timestamp.from(b.createdAt()))
			.update();
	}

	/**
	 * Puts into a newly given budget the team's spends made without one on the days it covers (UTC), whatever their
	 * state: approved ones then count in it, waiting ones wait on it. Returns how many.
	 */
	public int attachSpendsWithoutBudget(String budgetId, String teamId, LocalDate startsOn,
			LocalDate endsOn) {
		return jdbc.sql("UPDATE budget_spends SET budget_id = ? WHERE team_id = ? AND budget_id IS NULL "
				+ "AND created_at >= ? AND created_at < ?")
			.params(budgetId, teamId,
					Timestamp.from(startsOn.atStartOfDay(ZoneOffset.UTC).toInstant()),
					Timestamp.from(endsOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
			.update();
	}

	public Optional<BudgetRow> budget(String id) {
		return jdbc.sql(BUDGETS + "WHERE id = ?").param(id).query(BudgetRows::budget).optional();
	}

	/** Locks the budget row until the transaction ends: spends against one budget are decided one at a time. */
	public Optional<BudgetRow> lock(String id) {
		return jdbc.sql(BUDGETS + "WHERE id = ? FOR UPDATE").param(id).query(BudgetRows::budget).optional();
	}

	/** The team's budget whose period holds the day (the latest starting one when periods overlap). */
	public Optional<BudgetRow> covering(String teamId, LocalDate day) {
		return jdbc.sql(BUDGETS + "WHERE team_id = ? AND starts_on <= ? AND ends_on >= ? "
				+ "ORDER BY starts_on DESC, id FETCH FIRST 1 ROWS ONLY")
			.params(teamId, Date.valueOf(day), Date.valueOf(day))
			.query(BudgetRows::budget)
			.optional();
	}

	/** The team's budgets, latest period first (at most {@code limit}). */
	public List<BudgetRow> ofTeam(String teamId, int limit) {
		return jdbc.sql(BUDGETS + "WHERE team_id = ? ORDER BY starts_on DESC, id FETCH FIRST " + limit + " ROWS ONLY")
			.param(teamId)
			.query(BudgetRows::budget)
			.list();
	}

	public boolean overlaps(String teamId, LocalDate startsOn, LocalDate endsOn) {
		return jdbc.sql("SELECT COUNT(*) FROM budgets WHERE team_id = ? AND starts_on <= ? AND ends_on >= ?")
			.params(teamId, Date.valueOf(endsOn), Date.valueOf(startsOn))
			.query(Integer.class)
			.single() > 0;
	}

	public void insert(SpendRow s) {
		jdbc.sql("INSERT INTO budget_spends (id, budget_id, team_id, kind, commission_id, goal_id, resource_id, "
				+ "description, amount, status, requested_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(s.id(), s.budgetId(), s.teamId(), s.kind(), s.commissionId(), s.goalId(), s.resourceId(),
					s.description(), s.amount(), s.status(), s.requestedBy(), Timestamp.from(s.createdAt()))
			.update();
	}

	public Optional<SpendRow> spend(String id) {
		return jdbc.sql(SPENDS + "WHERE id = ?").param(id).query(BudgetRows::spend).optional();
	}

	public List<SpendRow> spendsOf(Collection<String> budgetIds) {
		if (budgetIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SPENDS + "WHERE budget_id = ANY(:budgets) ORDER BY created_at DESC, id DESC")
			.param("budgets", SqlArrays.varchars(budgetIds))
			.query(BudgetRows::spend)
			.list();
	}

	public Optional<SpendRow> spendOfCommission(String commissionId) {
		return jdbc.sql(SPENDS + "WHERE commission_id = ? ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY")
			.param(commissionId)
			.query(BudgetRows::spend)
			.optional();
	}

	/** The spends of these commissions, oldest first (so that the latest of each comes last). */
	public List<SpendRow> spendsOfCommissions(Collection<String> commissionIds) {
		if (commissionIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SPENDS + "WHERE commission_id = ANY(:ids) ORDER BY created_at, id")
			.param("ids", SqlArrays.varchars(commissionIds))
			.query(BudgetRows::spend)
			.list();
	}

	/** The team's spends made on days no budget period held, newest first. */
	public List<SpendRow> withoutBudget(String teamId, int limit) {
		return jdbc.sql(SPENDS + "WHERE team_id = ? AND budget_id IS NULL ORDER BY created_at DESC, id DESC FETCH FIRST "
				+ limit + " ROWS ONLY")
			.param(teamId)
			.query(BudgetRows::spend)
			.list();
	}

	/** Spends waiting for L&D, oldest first. */
	public List<SpendRow> waiting(int limit) {
		return jdbc.sql(SPENDS + "WHERE status = 'WAITING' ORDER BY created_at, id FETCH FIRST " + limit + " ROWS ONLY")
			.query(BudgetRows::spend)
			.list();
	}

	/** Decides a waiting spend; false when it was decided already. */
	public boolean decide(String id, String status, String by, Instant at, String note) {
		return jdbc.sql("UPDATE budget_spends SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? "
				+ "WHERE id = ? AND status = 'WAITING'")
			.params(status, by, Timestamp.from(at), note, id)
			.update() == 1;
	}

	/** A cancelled commission's spend no longer counts (nor waits). */
	public void release(String commissionId) {
		jdbc.sql("UPDATE budget_spends SET status = 'RELEASED' WHERE commission_id = ? AND status IN ('APPROVED', 'WAITING')")
			.param(commissionId)
			.update();
	}

	/**
	 * Per budget, what its approved spends add up to: spent (resources and published commissions) and committed
	 * (open commissions). One query for all the budgets asked.
	 */
	public Map<String, Totals> totals(Collection<String> budgetIds) {
		Map<String, Totals> totals = new HashMap<>();
		if (budgetIds.isEmpty()) {
			return totals;
		}
		jdbc.sql("SELECT s.budget_id, "
				+ "SUM(CASE WHEN c.status = 'OPEN' THEN 0 ELSE s.amount END), "
				+ "SUM(CASE WHEN c.status = 'OPEN' THEN s.amount ELSE 0 END) "
				+ "FROM budget_spends s LEFT JOIN commissions c ON c.id = s.commission_id "
				+ "WHERE s.budget_id = ANY(:budgets) AND s.status = 'APPROVED' GROUP BY s.budget_id")
			.param("budgets", SqlArrays.varchars(budgetIds))
			.query(rs -> {
				totals.put(rs.getString(1), new Totals(rs.getBigDecimal(2), rs.getBigDecimal(3)));
			});
		return totals;
	}

	private static BudgetRow budget(ResultSet rs, int n) throws SQLException {
		return new BudgetRow(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(),
				rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
	}

	private static SpendRow spend(ResultSet rs, int n) throws SQLException {
		return new SpendRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9), rs.getString(10),
				rs.getString(11), rs.getTimestamp(12).toInstant(), rs.getString(13),
				CommissionRows.instant(rs.getTimestamp(14)), rs.getString(15));
	}
}
