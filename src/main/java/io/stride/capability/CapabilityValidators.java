package io.stride.capability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.stride.capability.internal.CatalogueStore;
import io.stride.capability.internal.PersonEvidenceStore;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may vouch for a level and who could teach it, for other modules that ask before they act: a peer validation
 * that should count toward a level checks here first, so that {@link CapabilityProfiles#validate} is only called when
 * it will accept (its refusals are for people, not for code that can ask).
 */
@Service
@Transactional(readOnly = true)
public class CapabilityValidators {

	private final CatalogueStore catalogue;

	private final PersonEvidenceStore evidence;

	private final LearningTeam learningTeam;

	private final Organization organization;

	private final JdbcClient jdbc;

	private final Clock clock;

	CapabilityValidators(CatalogueStore catalogue, PersonEvidenceStore evidence, LearningTeam learningTeam,
			Organization organization, JdbcClient jdbc, Clock clock) {
		this.catalogue = catalogue;
		this.evidence = evidence;
		this.learningTeam = learningTeam;
		this.organization = organization;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A capability of the catalogue, retired ones too (their names stay on what referred to them). */
	public Optional<Capability> find(CapabilityId capability) {
		return catalogue.find(capability);
	}

	/** An active capability of the catalogue, empty when unknown, retired or merged. */
	public Optional<Capability> active(CapabilityId capability) {
		return catalogue.find(capability).filter(Capability::active);
	}

	/**
	 * Whether {@link CapabilityProfiles#validate} would record the viewer's validation of {@code person} at the level
	 * today: an active capability with that level, the viewer is not the person, holds the level (or above) or keeps
	 * the capability, and has not validated the person at that level before.
	 */
	public boolean mayValidate(Viewer viewer, PersonId person, CapabilityId capability, int levelRank) {
		Capability found = active(capability).orElse(null);
		if (found == null || found.level(levelRank).isEmpty() || viewer.is(person)
				|| organization.contactOf(person).isEmpty()) {
			return false;
		}
		boolean keeper = learningTeam.includes(viewer)
				|| found.ownerTeamId() != null && organization.canManage(viewer, found.ownerTeamId());
		if (!keeper && !evidence.holdsAtLeast(viewer.id(), capability, levelRank, LocalDate.now(clock))) {
			return false;
		}
		return !evidence.hasValidation(person, capability, levelRank, viewer.id());
	}

	/** Whether the person holds the level (or above) today. */
	public boolean holdsAtLeast(PersonId person, CapabilityId capability, int levelRank) {
		return evidence.holdsAtLeast(person, capability, levelRank, LocalDate.now(clock));
	}

	/** Up to {@code limit} people who hold the level (or above) today, highest level first; callers drop the inactive. */
	public List<PersonId> holdersAtLeast(CapabilityId capability, int levelRank, int limit) {
		return jdbc.sql("SELECT person_id, MAX(level_rank) AS top FROM capability_holdings WHERE capability_id = ? "
				+ "AND level_rank >= ? AND (valid_until IS NULL OR valid_until > ?) GROUP BY person_id "
				+ "ORDER BY top DESC, person_id LIMIT ?")
			.params(capability.value(), levelRank, LocalDate.now(clock), limit)
			.query((rs, n) -> new PersonId(rs.getString(1)))
			.list();
	}

	/**
	 * Up to {@code limit} people who validated someone in the capability (at any level) since {@code since}, the most
	 * recent first; callers drop the inactive.
	 */
	public List<PersonId> recentValidators(CapabilityId capability, LocalDate since, int limit) {
		return jdbc.sql("SELECT validator_id, MAX(validated_on) AS last FROM capability_validations "
				+ "WHERE capability_id = ? AND validated_on >= ? GROUP BY validator_id ORDER BY last DESC, validator_id "
				+ "LIMIT ?")
			.params(capability.value(), since, limit)
			.query((rs, n) -> new PersonId(rs.getString(1)))
			.list();
	}

	/** The highest rank of the capability's levels ("Can teach it" with the default levels), 0 when it has none. */
	public int topRank(CapabilityId capability) {
		return catalogue.find(capability)
			.map(c -> c.levels().stream().mapToInt(Level::rank).max().orElse(0))
			.orElse(0);
	}
}
