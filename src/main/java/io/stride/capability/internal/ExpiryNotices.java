package io.stride.capability.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.stride.capability.Capability;
import io.stride.capability.CapabilityEvidenceExpiring;
import io.stride.capability.CapabilityId;
import io.stride.capability.MissingEvidence;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells people and their managers, 60 and 14 days ahead, that a level they hold stops holding unless its evidence
 * is renewed, with what would renew it. Each notice is sent once (a row per person, capability, level, expiry day and
 * notice), so a second run or a second node sends nothing twice.
 */
@Component
public class ExpiryNotices {

	static final int[] DAYS_AHEAD = { 60, 14 };

	private final HoldingStore holdings;

	private final CatalogueStore catalogue;

	private final Organization organization;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Renewals renewals;

	ExpiryNotices(HoldingStore holdings, CatalogueStore catalogue, Organization organization,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock, Renewals renewals) {
		this.renewals = renewals;
		this.holdings = holdings;
		this.catalogue = catalogue;
		this.organization = organization;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Sends the notices due today; how many. */
	@Transactional
	public int send() {
		LocalDate today = LocalDate.now(clock);
		List<HoldingStore.Holding> expiring = holdings.expiringBetween(today.plusDays(1), today.plusDays(DAYS_AHEAD[0]));
		// a person's level drops when the highest level they hold stops holding: notices are about that one
		Map<String, HoldingStore.Holding> top = new HashMap<>();
		Map<String, Integer> highest = new HashMap<>();
		for (HoldingStore.Holding h : holdings.ofPeople(expiring.stream().map(HoldingStore.Holding::personId).distinct().toList(),
				today)) {
			highest.merge(h.personId().value() + "/" + h.capabilityId().value(), h.levelRank(), Math::max);
		}
		for (HoldingStore.Holding h : expiring) {
			String key = h.personId().value() + "/" + h.capabilityId().value();
			if (highest.getOrDefault(key, 0) == h.levelRank()) {
				top.put(key, h);
			}
		}
		Map<CapabilityId, Capability> capabilities = catalogue.byIds(top.values().stream()
			.map(HoldingStore.Holding::capabilityId)
			.collect(Collectors.toSet()));
		Map<String, MissingEvidence> renewals = this.renewals.of(top.values(), capabilities, today);
		int sent = 0;
		for (HoldingStore.Holding h : top.values()) {
			Capability capability = capabilities.get(h.capabilityId());
			if (capability == null || !capability.active()) {
				continue;
			}
			long days = ChronoUnit.DAYS.between(today, h.validUntil());
			int notice = days <= DAYS_AHEAD[1] ? DAYS_AHEAD[1] : DAYS_AHEAD[0];
			int inserted = jdbc.sql("INSERT INTO capability_expiry_notices (person_id, capability_id, level_rank, valid_until, "
					+ "days_ahead, sent_at) SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM capability_expiry_notices "
					+ "WHERE person_id = ? AND capability_id = ? AND level_rank = ? AND valid_until = ? AND days_ahead = ?)")
				.params(h.personId().value(), h.capabilityId().value(), h.levelRank(), h.validUntil(), notice,
						Timestamp.from(clock.instant()), h.personId().value(), h.capabilityId().value(), h.levelRank(),
						h.validUntil(), notice)
				.update();
			if (inserted == 0) {
				continue;
			}
			Person person = organization.contactOf(h.personId()).orElse(null);
			if (person == null) {
				continue;
			}
			var renewal = renewals.get(Renewals.key(h));
			List<PersonId> managers = organization.managersOf(person.id());
			events.publishEvent(new CapabilityEvidenceExpiring(person.id(), person.name(), capability.id(),
					capability.name(), capability.levelName(h.levelRank()), h.validUntil(), (int) days,
					renewal == null ? null : renewal.description(), managers));
			sent++;
		}
		return sent;
	}
}
