package io.stride.capability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.stride.capability.internal.CatalogueStore;
import io.stride.capability.internal.HoldingStore;
import io.stride.identity.PersonId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The levels people hold today, for other modules that act on them (badges): no viewer, callers decide what to
 * show. A level held is the highest rank whose evidence has not expired.
 */
@Component
@Transactional(readOnly = true)
public class CapabilityLevels {

	private final HoldingStore store;

	private final CatalogueStore catalogue;

	private final Clock clock;

	CapabilityLevels(HoldingStore store, CatalogueStore catalogue, Clock clock) {
		this.store = store;
		this.catalogue = catalogue;
		this.clock = clock;
	}

	/** The capability with its levels, whatever its status; empty when there is none. */
	public Optional<Capability> capability(CapabilityId id) {
		return catalogue.find(id);
	}

	/** The rank the person holds today, 0 for none. */
	public int rankOf(PersonId person, CapabilityId capability) {
		return store.ofPeople(List.of(person), LocalDate.now(clock))
			.stream()
			.filter(h -> h.capabilityId().equals(capability))
			.mapToInt(HoldingStore.Holding::levelRank)
			.max()
			.orElse(0);
	}

	/** Everyone holding the capability today at {@code minRank} or above. */
	public List<PersonId> holdersAtLeast(CapabilityId capability, int minRank) {
		return store.holdersAtLeast(capability, minRank, LocalDate.now(clock));
	}

	/** Of these people, those who no longer hold {@code minRank} today (their evidence expired or was withdrawn). */
	public List<PersonId> holdersBelow(Collection<PersonId> people, CapabilityId capability, int minRank) {
		List<PersonId> holding = store.holdersAtLeast(capability, minRank, LocalDate.now(clock));
		Set<PersonId> still = new HashSet<>(holding);
		return people.stream().filter(p -> !still.contains(p)).toList();
	}
}
