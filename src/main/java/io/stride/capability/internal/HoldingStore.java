package io.stride.capability.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of capability_holdings: a level a person holds today and the day it stops holding (null: never). */
@Repository
public class HoldingStore {

	public record Holding(PersonId personId, CapabilityId capabilityId, int levelRank, LocalDate validUntil) {

		/** Whether the level still holds on the day. */
		public boolean holdsOn(LocalDate day) {
			return validUntil == null || day.isBefore(validUntil);
		}
	}

	/** The first key of PostgreSQL's two-key advisory locks that serialize recomputing one person's holdings. */
	private static final int LOCK_SPACE = 0x5ca1;

	/** Evidence changes touch one person; more than this is a bulk recomputation. */
	static final int MAX_LOCKED = 20;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final boolean postgres;

	HoldingStore(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
		this.jdbc = jdbc;
		this.template = template;
		this.postgres = isPostgres(dataSource);
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection c = dataSource.getConnection()) {
			return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException e) {
			return false;
		}
	}

	/**
	 * Holds, until the transaction ends, a lock per person (in a fixed order, so that two recomputations never wait
	 * for each other in a circle): a second change of the same person's evidence waits for the first to commit, then
	 * reads its evidence and replaces its rows, instead of failing on them or leaving rows computed before it. H2 (one
	 * node, tests and trials) needs none. Bulk recomputations of a whole capability (a change of rules, a rebuild) take
	 * none: thousands of locks in one transaction would fill PostgreSQL's lock table.
	 */
	public void lock(Collection<PersonId> people) {
		if (!postgres || people.isEmpty() || people.size() > MAX_LOCKED) {
			return;
		}
		for (String id : people.stream().map(PersonId::value).distinct().sorted().toList()) {
			jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(LOCK_SPACE, id.hashCode()).query().singleRow();
		}
	}

	/** Replaces the holdings of these people for these capabilities. */
	public void replace(Collection<PersonId> people, Collection<CapabilityId> capabilities, List<Holding> holdings,
			Instant now) {
		if (people.isEmpty() || capabilities.isEmpty()) {
			return;
		}
		jdbc.sql("DELETE FROM capability_holdings WHERE person_id IN (:people) AND capability_id IN (:capabilities)")
			.param("people", people.stream().map(PersonId::value).toList())
			.param("capabilities", capabilities.stream().map(CapabilityId::value).toList())
			.update();
		if (holdings.isEmpty()) {
			return;
		}
		Timestamp at = Timestamp.from(now);
		List<Object[]> rows = new ArrayList<>(holdings.size());
		for (Holding h : holdings) {
			rows.add(new Object[] { h.personId().value(), h.capabilityId().value(), h.levelRank(), h.validUntil(), at });
		}
		template.batchUpdate("INSERT INTO capability_holdings (person_id, capability_id, level_rank, valid_until, computed_at) "
				+ "VALUES (?, ?, ?, ?, ?)", rows);
	}

	public void deleteCapability(CapabilityId capability) {
		jdbc.sql("DELETE FROM capability_holdings WHERE capability_id = ?").param(capability.value()).update();
	}

	/** People holding any level of the capability (whatever its expiry). */
	public List<PersonId> holders(CapabilityId capability) {
		return jdbc.sql("SELECT DISTINCT person_id FROM capability_holdings WHERE capability_id = ?")
			.param(capability.value())
			.query((rs, n) -> new PersonId(rs.getString(1)))
			.list();
	}

	/** Up to {@code limit} people holding the capability at the level or above on the day, highest level first. */
	public List<PersonId> holdersAt(CapabilityId capability, int levelRank, LocalDate on, int limit) {
		return jdbc.sql("SELECT person_id FROM capability_holdings WHERE capability_id = ? AND level_rank >= ? "
				+ "AND (valid_until IS NULL OR valid_until > ?) GROUP BY person_id ORDER BY MAX(level_rank) DESC, person_id "
				+ "LIMIT ?")
			.params(capability.value(), levelRank, on, limit)
			.query((rs, n) -> new PersonId(rs.getString(1)))
			.list();
	}

	/** People holding the capability at {@code minRank} or above on the day. */
	public List<PersonId> holdersAtLeast(CapabilityId capability, int minRank, LocalDate on) {
		return jdbc.sql("SELECT DISTINCT person_id FROM capability_holdings WHERE capability_id = :capability "
				+ "AND level_rank >= :rank AND (valid_until IS NULL OR valid_until > :on)")
			.param("capability", capability.value())
			.param("rank", minRank)
			.param("on", on)
			.query((rs, n) -> new PersonId(rs.getString(1)))
			.list();
	}

	/**
	 * The rank each of these people holds of each of these capabilities on the day, keyed by person and capability;
	 * none: absent.
	 */
	public Map<Map.Entry<PersonId, CapabilityId>, Integer> ranks(Collection<PersonId> people,
			Collection<CapabilityId> capabilities, LocalDate on) {
		Map<Map.Entry<PersonId, CapabilityId>, Integer> ranks = new HashMap<>();
		List<String> ids = people.stream().map(PersonId::value).distinct().toList();
		List<String> capabilityIds = capabilities.stream().map(CapabilityId::value).toList();
		for (int from = 0; from < ids.size(); from += EvidenceLoader.CHUNK) {
			jdbc.sql("SELECT person_id, capability_id, MAX(level_rank) FROM capability_holdings WHERE person_id IN (:people) "
					+ "AND capability_id IN (:capabilities) AND (valid_until IS NULL OR valid_until > :on) "
					+ "GROUP BY person_id, capability_id")
				.param("people", ids.subList(from, Math.min(ids.size(), from + EvidenceLoader.CHUNK)))
				.param("capabilities", capabilityIds)
				.param("on", on)
				.query(rs -> {
					ranks.put(Map.entry(new PersonId(rs.getString(1)), new CapabilityId(rs.getString(2))),
							rs.getInt(3));
				});
		}
		return ranks;
	}

	/** Holdings of these people (all capabilities), still holding on the day. */
	public List<Holding> ofPeople(Collection<PersonId> people, LocalDate on) {
		List<Holding> result = new ArrayList<>();
		List<String> ids = people.stream().map(PersonId::value).distinct().toList();
		for (int from = 0; from < ids.size(); from += EvidenceLoader.CHUNK) {
			result.addAll(jdbc.sql("SELECT person_id, capability_id, level_rank, valid_until FROM capability_holdings "
					+ "WHERE person_id IN (:people) AND (valid_until IS NULL OR valid_until > :on)")
				.param("people", ids.subList(from, Math.min(ids.size(), from + EvidenceLoader.CHUNK)))
				.param("on", on)
				.query(HoldingStore::map)
				.list());
		}
		return result;
	}

	/** One row of holdings as read, for callers that group millions of them their own way. */
	@FunctionalInterface
	public interface RowHandler {

		void row(String personId, CapabilityId capability, int levelRank, LocalDate validUntil);
	}

	/**
	 * Every holding of these capabilities by anyone, at or above the given level of each, still holding on the day,
	 * handed over row by row (for organization-wide reports: a million rows are never a list).
	 */
	public void eachOf(Map<CapabilityId, Integer> fromLevel, LocalDate on, RowHandler handler) {
		Map<String, CapabilityId> capabilities = new HashMap<>();
		fromLevel.keySet().forEach(c -> capabilities.put(c.value(), c));
		Map<Integer, List<String>> byLevel = new TreeMap<>();
		fromLevel.forEach((c, level) -> byLevel.computeIfAbsent(level, k -> new ArrayList<>()).add(c.value()));
		byLevel.forEach((level, ids) -> {
			for (int from = 0; from < ids.size(); from += EvidenceLoader.CHUNK) {
				// streamed (in a transaction PostgreSQL's driver then reads by cursor): the database sends while the
				// rows already read are grouped, and a million rows are never held at once
				jdbc.sql("SELECT person_id, capability_id, level_rank, valid_until FROM capability_holdings "
						+ "WHERE capability_id IN (:capabilities) AND level_rank >= :level AND (valid_until IS NULL OR valid_until > :on)")
					.withFetchSize(5_000)
					.param("capabilities", ids.subList(from, Math.min(ids.size(), from + EvidenceLoader.CHUNK)))
					.param("level", level)
					.param("on", on)
					.query(rs -> {
						Date until = rs.getDate(4);
						handler.row(rs.getString(1), capabilities.get(rs.getString(2)), rs.getInt(3),
								until == null ? null : until.toLocalDate());
					});
			}
		});
	}

	/** Holdings that stop holding between the days (inclusive), for expiry notices. */
	public List<Holding> expiringBetween(LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT person_id, capability_id, level_rank, valid_until FROM capability_holdings "
				+ "WHERE valid_until >= ? AND valid_until <= ? ORDER BY person_id, capability_id, level_rank")
			.params(from, to)
			.query(HoldingStore::map)
			.list();
	}

	private static Holding map(ResultSet rs, int n) throws SQLException {
		return new Holding(new PersonId(rs.getString(1)), new CapabilityId(rs.getString(2)), rs.getInt(3),
				rs.getObject(4, LocalDate.class));
	}

	/** Drops the holdings of capabilities that are no longer active. */
	public void deleteNotActive() {
		jdbc.sql("DELETE FROM capability_holdings WHERE capability_id NOT IN (SELECT id FROM capabilities WHERE status = 'ACTIVE')")
			.update();
	}

	public Map<String, Integer> counts() {
		return jdbc.sql("SELECT COUNT(DISTINCT person_id), COUNT(*) FROM capability_holdings")
			.query((rs, n) -> Map.of("people", rs.getInt(1), "holdings", rs.getInt(2)))
			.single();
	}
}
