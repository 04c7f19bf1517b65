package io.stride.capability.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	HoldingStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
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

	/** Holdings of these capabilities by anyone, still holding on the day (for organization-wide reports). */
	public List<Holding> ofCapabilities(Collection<CapabilityId> capabilities, LocalDate on) {
		List<Holding> result = new ArrayList<>();
		List<String> ids = capabilities.stream().map(CapabilityId::value).distinct().toList();
		for (int from = 0; from < ids.size(); from += EvidenceLoader.CHUNK) {
			result.addAll(jdbc.sql("SELECT person_id, capability_id, level_rank, valid_until FROM capability_holdings "
					+ "WHERE capability_id IN (:capabilities) AND (valid_until IS NULL OR valid_until > :on)")
				.param("capabilities", ids.subList(from, Math.min(ids.size(), from + EvidenceLoader.CHUNK)))
				.param("on", on)
				.query(HoldingStore::map)
				.list());
		}
		return result;
	}

	/** Holdings that stop holding between the days (inclusive), for expiry notices. */
	public List<Holding> expiringBetween(LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT person_id, capability_id, level_rank, valid_until FROM capability_holdings "
				+ "WHERE valid_until >= ? AND valid_until <= ? ORDER BY person_id, capability_id, level_rank")
			.params(from, to)
			.query(HoldingStore::map)
			.list();
	}

	private static Holding map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Holding(new PersonId(rs.getString(1)), new CapabilityId(rs.getString(2)), rs.getInt(3),
				rs.getObject(4, LocalDate.class));
	}

	/** Drops the holdings of capabilities that are no longer active. */
	public void deleteNotActive() {
		jdbc.sql("DELETE FROM capability_holdings WHERE capability_id NOT IN (SELECT id FROM capabilities WHERE status = 'ACTIVE')")
			.update();
	}

	public java.util.Map<String, Integer> counts() {
		return jdbc.sql("SELECT COUNT(DISTINCT person_id), COUNT(*) FROM capability_holdings")
			.query((rs, n) -> java.util.Map.of("people", rs.getInt(1), "holdings", rs.getInt(2)))
			.single();
	}
}
