package io.stride.capability.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.PersonCapabilities;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import org.springframework.stereotype.Component;

/**
 * Reads a person's capabilities with the evidence behind each level; callers check the viewer. A capability is on
 * the profile when the person holds a level of it, has some of its evidence, assessed themselves, uploaded a
 * certificate for it, or when one of their teams has a target for it.
 */
@Component
public class ProfileReader {

	private final CatalogueStore catalogue;

	private final EvidenceLoader loader;

	private final HoldingStore holdings;

	private final PersonEvidenceStore personEvidence;

	private final TargetStore targets;

	private final Organization organization;

	private final Clock clock;

	ProfileReader(CatalogueStore catalogue, EvidenceLoader loader, HoldingStore holdings,
			PersonEvidenceStore personEvidence, TargetStore targets, Organization organization, Clock clock) {
		this.catalogue = catalogue;
		this.loader = loader;
		this.holdings = holdings;
		this.personEvidence = personEvidence;
		this.targets = targets;
		this.organization = organization;
		this.clock = clock;
	}

	public PersonCapabilities profile(Person person) {
		LocalDate today = LocalDate.now(clock);
		Set<CapabilityId> relevant = new LinkedHashSet<>();
		holdings.ofPeople(List.of(person.id()), today).forEach(h -> relevant.add(h.capabilityId()));
		targets.forTeams(organization.withAncestors(person.teamIds())).forEach(t -> relevant.add(t.capabilityId()));
		List<PersonEvidenceStore.SelfAssessmentRow> says = personEvidence.selfAssessmentsOf(person.id());
		says.forEach(row -> relevant.add(row.capabilityId()));
		List<PersonEvidenceStore.CertificateRow> certificates = personEvidence.certificatesOf(person.id());
		certificates.forEach(row -> relevant.add(row.capabilityId()));
		personEvidence.validationsOf(person.id()).forEach(row -> relevant.add(row.capabilityId()));
		// partial evidence (a course mastered for a level that needs more) counts as relevant too
		List<Capability> active = catalogue.active();
		Map<PersonId, Facts> any = loader.load(List.of(person.id()), active, false);
		Facts mine = any.getOrDefault(person.id(), Facts.NONE);
		for (Capability capability : active) {
			if (!relevant.contains(capability.id()) && touches(capability, mine)) {
				relevant.add(capability.id());
			}
		}
		List<Capability> shown = active.stream().filter(c -> relevant.contains(c.id())).toList();
		Facts named = loader.load(List.of(person.id()), shown, true).getOrDefault(person.id(), Facts.NONE);
		Map<CapabilityId, PersonEvidenceStore.SelfAssessmentRow> self = new HashMap<>();
		says.forEach(row -> self.put(row.capabilityId(), row));
		List<PersonCapabilities.Held> result = new ArrayList<>();
		for (Capability capability : shown) {
			LevelEvaluator.Evaluation evaluation = LevelEvaluator.evaluate(capability, named, today);
			List<PersonCapabilities.LevelEvidence> levels = new ArrayList<>();
			for (LevelEvaluator.LevelResult level : evaluation.levels()) {
				levels.add(new PersonCapabilities.LevelEvidence(level.level().rank(), level.level().name(), level.holds(),
						level.validUntil(), level.rules()
							.stream()
							.map(r -> new PersonCapabilities.RuleEvidence(r.rule(), r.met(), r.description(), r.validUntil(),
									r.met() ? LevelEvaluator.expiresInDays(r.validUntil(), today) : null))
							.toList()));
			}
			LevelEvaluator.LevelResult held = evaluation.held();
			PersonEvidenceStore.SelfAssessmentRow s = self.get(capability.id());
			result.add(new PersonCapabilities.Held(capability, held == null ? null : held.level().rank(),
					held == null ? null : held.level().name(), held == null ? null : held.validUntil(),
					held == null ? null : LevelEvaluator.expiresInDays(held.validUntil(), today), levels,
					s == null ? null : new PersonCapabilities.SelfAssessment(s.levelRank(), capability.levelName(s.levelRank()),
							s.note(), s.updatedAt()),
					certificates.stream()
						.filter(c -> c.capabilityId().equals(capability.id()))
						.map(c -> new PersonCapabilities.CertificateView(c.id(), c.capabilityId(), c.name(), c.issuer(),
								c.issuedOn(), c.expiresOn(), c.status(), c.fileName(), c.decisionNote(), c.uploadedAt()))
						.toList()));
		}
		result.sort(Comparator.comparing((PersonCapabilities.Held h) -> h.levelRank() == null ? 1 : 0)
			.thenComparing(h -> h.capability().category().toLowerCase(Locale.ROOT))
			.thenComparing(h -> h.capability().name().toLowerCase(Locale.ROOT)));
		return new PersonCapabilities(person.id(), person.name(), today, result);
	}

	private static boolean touches(Capability capability, Facts facts) {
		return capability.rules().stream().anyMatch(rule -> switch (rule.kind()) {
			case COURSE_MASTERED -> facts.mastered().containsKey(rule.courseId());
			case SPACED_REVIEWS -> facts.reviewDays().containsKey(rule.courseId());
			case TASK_SIGNED_OFF -> facts.signOffs().containsKey(rule.taskId());
			case CERTIFICATE -> facts.certificates().containsKey(capability.id());
			case VALIDATIONS -> facts.validations().containsKey(capability.id());
			case OUTSIDE_ACTIVITY -> facts.outside().containsKey(rule.activityIri());
		});
	}
}
