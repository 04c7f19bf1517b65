package io.stride.capability.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.Level;
import io.stride.capability.MissingEvidence;
import io.stride.identity.PersonId;
import org.springframework.stereotype.Component;

/**
 * What renews a level that is about to stop holding: the evidence of the rule that expires first (a level holds
 * until its first rule stops holding), said with its course or task, and the one-click action that renews it.
 */
@Component
public class Renewals {

	private final EvidenceLoader loader;

	Renewals(EvidenceLoader loader) {
		this.loader = loader;
	}

	/** For each holding (by {@link #key}), what would renew it; holdings whose evidence is unknown are left out. */
	public Map<String, MissingEvidence> of(Collection<HoldingStore.Holding> holdings, Map<CapabilityId, Capability> capabilities,
			LocalDate today) {
		Map<String, MissingEvidence> result = new HashMap<>();
		if (holdings.isEmpty()) {
			return result;
		}
		List<PersonId> people = holdings.stream().map(HoldingStore.Holding::personId).distinct().toList();
		List<Capability> involved = holdings.stream()
			.map(HoldingStore.Holding::capabilityId)
			.distinct()
			.map(capabilities::get)
			.filter(Objects::nonNull)
			.toList();
		Map<PersonId, Facts> facts = loader.load(people, involved, true);
		for (HoldingStore.Holding h : holdings) {
			Capability capability = capabilities.get(h.capabilityId());
			Level level = capability == null ? null : capability.level(h.levelRank()).orElse(null);
			if (level == null) {
				continue;
			}
			Facts mine = facts.getOrDefault(h.personId(), Facts.NONE);
			LevelEvaluator.LevelResult evaluated = LevelEvaluator.level(capability, level, mine, today);
			Facts names = mine;
			evaluated.rules()
				.stream()
				.filter(r -> r.met() && r.validUntil() != null && r.validUntil().equals(evaluated.validUntil()))
				.findFirst()
				.ifPresent(r -> result.put(key(h), renewal(r, names.names())));
		}
		return result;
	}

	public static String key(HoldingStore.Holding h) {
		return h.personId().value() + "/" + h.capabilityId().value() + "/" + h.levelRank();
	}

	private static MissingEvidence renewal(LevelEvaluator.RuleResult r, Facts.Names names) {
		var rule = r.rule();
		return switch (rule.kind()) {
			case COURSE_MASTERED -> new MissingEvidence(rule.id(), rule.kind(),
					"Take " + names.course(rule.courseId()) + " again", "ASSIGN_COURSE", rule.courseId(), null);
			case SPACED_REVIEWS -> new MissingEvidence(rule.id(), rule.kind(),
					"Answer the spaced reviews of " + names.course(rule.courseId()) + " again", "PRACTICE", rule.courseId(),
					null);
			case TASK_SIGNED_OFF -> new MissingEvidence(rule.id(), rule.kind(),
					"Have " + names.task(rule.taskId()) + " observed and signed off again", "REQUEST_SIGN_OFF", null,
					rule.taskId());
			case CERTIFICATE -> new MissingEvidence(rule.id(), rule.kind(), "Upload the renewed certificate",
					"CERTIFICATE", null, null);
			case VALIDATIONS -> new MissingEvidence(rule.id(), rule.kind(),
					"Be validated again by people who hold the level", "VALIDATION", null, null);
			case OUTSIDE_ACTIVITY -> new MissingEvidence(rule.id(), rule.kind(), "Complete “"
					+ (rule.activityName() == null ? rule.activityIri() : rule.activityName()) + "” in the outside tool again",
					"OUTSIDE_ACTIVITY", null, null);
		};
	}
}
