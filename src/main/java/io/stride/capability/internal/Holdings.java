package io.stride.capability.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.CourseId;
import io.stride.authoring.CoursePublished;
import io.stride.authoring.CourseRetired;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.mastery.CourseMasteryChanged;
import io.stride.mastery.SignOffChanged;
import io.stride.practice.ReviewAnswered;
import io.stride.xapi.OutsideLearning;
import io.stride.xapi.OutsideStatementsStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.stride.capability.CapabilityLevelChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps capability_holdings true: the levels each person holds, recomputed from evidence in the transaction that
 * changed the evidence or the rules, so that the next read (coverage, matrix, profile) already sees the change.
 * Expiry needs no recomputation: each row carries the day it stops holding, and reads compare with their day.
 */
@Component
public class Holdings {

	private static final Logger log = LoggerFactory.getLogger(Holdings.class);

	private final CatalogueStore catalogue;

	private final EvidenceLoader loader;

	private final HoldingStore store;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final OutsideLearning outsideLearning;

	Holdings(CatalogueStore catalogue, EvidenceLoader loader, HoldingStore store, Clock clock,
			PlatformTransactionManager transactions, ApplicationEventPublisher events, OutsideLearning outsideLearning) {
		this.outsideLearning = outsideLearning;
		this.events = events;
		this.catalogue = catalogue;
		this.loader = loader;
		this.store = store;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** After a capability's levels or rules changed (or it was created, retired or merged into). */
	public void recomputeCapability(CapabilityId id) {
		Optional<Capability> capability = catalogue.find(id);
		if (capability.isEmpty() || !capability.get().active()) {
			store.deleteCapability(id);
			return;
		}
		Set<PersonId> people = new LinkedHashSet<>(store.holders(id));
		people.addAll(loader.peopleWithEvidence(capability.get()));
		List<PersonId> all = List.copyOf(people);
		for (int from = 0; from < all.size(); from += EvidenceLoader.CHUNK) {
			recompute(all.subList(from, Math.min(all.size(), from + EvidenceLoader.CHUNK)), List.of(capability.get()));
		}
	}

	/** After these people's own evidence (certificates, validations) of a capability changed. */
	public void recompute(Collection<PersonId> people, CapabilityId capability) {
		catalogue.find(capability).filter(Capability::active).ifPresent(c -> recompute(people, List.of(c)));
	}

	/**
	 * Recomputes everyone's holdings of every active capability, one capability per transaction, and drops those of
	 * retired ones: after a restore from backup or a bulk load. Returns how many people and holdings there are after.
	 */
	public Map<String, Integer> rebuildAll() {
		long started = System.nanoTime();
		List<CapabilityId> ids = transaction.execute(status -> catalogue.active().stream().map(Capability::id).toList());
		transaction.executeWithoutResult(status -> store.deleteNotActive());
		for (CapabilityId id : ids) {
			transaction.executeWithoutResult(status -> recomputeCapability(id));
		}
		Map<String, Integer> counts = transaction.execute(status -> store.counts());
		log.info("Rebuilt capability holdings of {} capabilities in {} ms: {}", ids.size(),
				(System.nanoTime() - started) / 1_000_000, counts);
		return counts;
	}

	void recompute(Collection<PersonId> people, List<Capability> capabilities) {
		if (people.isEmpty() || capabilities.isEmpty()) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		store.lock(people);
		List<CapabilityId> ids = capabilities.stream().map(Capability::id).toList();
		Map<Map.Entry<PersonId, CapabilityId>, Integer> before = store.ranks(people, ids, today);
		Map<PersonId, Facts> facts = loader.load(people, capabilities, false);
		List<HoldingStore.Holding> holdings = new ArrayList<>();
		Map<Map.Entry<PersonId, CapabilityId>, Integer> after = new HashMap<>();
		for (PersonId person : people) {
			Facts f = facts.getOrDefault(person, Facts.NONE);
			for (Capability capability : capabilities) {
				for (LevelEvaluator.LevelResult level : LevelEvaluator.evaluate(capability, f, today).holding()) {
					holdings.add(new HoldingStore.Holding(person, capability.id(), level.level().rank(), level.validUntil()));
					if (level.validUntil() == null || today.isBefore(level.validUntil())) {
						after.merge(Map.entry(person, capability.id()), level.level().rank(), Math::max);
					}
				}
			}
		}
		store.replace(people, ids, holdings, clock.instant());
		publishChanges(people, ids, before, after);
	}

	/** A {@link CapabilityLevelChanged} for each person whose level of a capability is not what was stored. */
	private void publishChanges(Collection<PersonId> people, List<CapabilityId> ids,
			Map<Map.Entry<PersonId, CapabilityId>, Integer> before, Map<Map.Entry<PersonId, CapabilityId>, Integer> after) {
		for (PersonId person : people) {
			for (CapabilityId id : ids) {
				Map.Entry<PersonId, CapabilityId> key = Map.entry(person, id);
				int from = before.getOrDefault(key, 0);
				int to = after.getOrDefault(key, 0);
				if (from != to) {
					events.publishEvent(new CapabilityLevelChanged(person, id, from, to));
				}
			}
		}
	}

	private void recomputeFor(PersonId person, Collection<CapabilityId> ids) {
		if (!ids.isEmpty()) {
			recompute(List.of(person), List.copyOf(catalogue.byIds(ids).values().stream().filter(Capability::active).toList()));
		}
	}

	@EventListener
	void on(CourseMasteryChanged event) {
		recomputeFor(event.personId(), catalogue.referencingCourses(List.of(event.courseId())));
	}

	@EventListener
	void on(SignOffChanged event) {
		recomputeFor(event.personId(), catalogue.referencingTasks(List.of(event.taskId())));
	}

	@EventListener
	void on(ReviewAnswered event) {
		if (event.correct()) {
			recomputeFor(event.personId(), catalogue.referencingCourses(List.of(event.courseId())));
		}
	}

	/**
	 * Statements from outside tools, in the transaction that stored them: a completion can give a level, and a voiding
	 * statement can take one away (the statement it voided says whose and about what). Only statements about Stride
	 * people and activities some active rule names cost more than one query.
	 */
	@EventListener
	void on(OutsideStatementsStored event) {
		List<OutsideStatementsStored.Stored> touched = new ArrayList<>();
		List<String> voiding = new ArrayList<>();
		for (OutsideStatementsStored.Stored s : event.statements()) {
			if (OutsideLearning.VOIDED.equals(s.verbIri())) {
				voiding.add(s.statementId());
			}
			else if (s.actorId() != null && s.objectId() != null && OutsideLearning.COMPLETING_VERBS.contains(s.verbIri())) {
				touched.add(s);
			}
		}
		touched.addAll(outsideLearning.voidedBy(voiding).stream()
			.filter(s -> s.actorId() != null && s.objectId() != null && OutsideLearning.COMPLETING_VERBS.contains(s.verbIri()))
			.toList());
		if (touched.isEmpty()) {
			return;
		}
		Map<PersonId, Set<String>> byPerson = new LinkedHashMap<>();
		touched.forEach(s -> byPerson.computeIfAbsent(new PersonId(s.actorId()), k -> new LinkedHashSet<>()).add(s.objectId()));
		Set<String> all = new LinkedHashSet<>();
		byPerson.values().forEach(all::addAll);
		if (catalogue.referencingActivities(all).isEmpty()) {
			return;
		}
		byPerson.forEach((person, activities) -> recomputeFor(person, catalogue.referencingActivities(activities)));
	}

	/** A new version makes earlier masteries stop counting where a rule asks for the current version. */
	@EventListener
	void on(CoursePublished event) {
		onCurrentVersionChange(event.courseId());
	}

	@EventListener
	void on(CourseRetired event) {
		onCurrentVersionChange(event.courseId());
	}

	private void onCurrentVersionChange(CourseId course) {
		for (Capability capability : catalogue.byIds(catalogue.referencingCourses(List.of(course))).values()) {
			boolean current = capability.rules().stream().anyMatch(r -> r.currentVersion() && course.equals(r.courseId()));
			if (current && capability.active()) {
				recomputeCapability(capability.id());
			}
		}
	}
}
