package io.stride.cycles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.CourseId;
import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.CapabilityProfiles;
import io.stride.capability.Coverage;
import io.stride.capability.CoverageStatus;
import io.stride.capability.EvidenceRule;
import io.stride.capability.LearningNeed;
import io.stride.capability.PersonCapabilities;
import io.stride.capability.PersonRef;
import io.stride.capability.RuleKind;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Draft my contract": goals proposed from the team's short and at-risk capabilities and from the capabilities the
 * person is closest to the next level of. Proposing changes nothing; the person adds the ones they pick.
 */
@Service
@Transactional(readOnly = true)
public class ContractDrafts {

	public static final int MAX_PROPOSALS = 5;

	/** At most this many proposals come from the team's gaps, so the person's own growth has room. */
	public static final int MAX_FROM_TEAM = 3;

	private final Coverage coverage;

	private final CapabilityProfiles profiles;

	private final Capabilities capabilities;

	private final Priorities priorities;

	private final Authoring authoring;

	ContractDrafts(Coverage coverage, CapabilityProfiles profiles, Capabilities capabilities, Priorities priorities,
			Authoring authoring) {
		this.coverage = coverage;
		this.profiles = profiles;
		this.capabilities = capabilities;
		this.priorities = priorities;
		this.authoring = authoring;
	}

	/** Up to {@link #MAX_PROPOSALS} goals for the viewer: the team's gaps first, then their closest next levels. */
	public List<GoalProposal> propose(Viewer viewer) {
		PersonCapabilities profile = profiles.profile(viewer, viewer.id());
		Map<CapabilityId, PersonCapabilities.Held> held = new LinkedHashMap<>();
		profile.capabilities().forEach(h -> held.put(h.capability().id(), h));
		List<Priority> servable = priorities.servable(viewer);
		Set<CapabilityId> proposed = new LinkedHashSet<>();
		List<GoalProposal> result = new ArrayList<>();
		// (a) what the person's teams are short of or at risk on, at a level the person does not hold yet
		for (TeamId team : viewer.teamIds()) {
			for (LearningNeed need : needs(viewer, team)) {
				if (result.size() >= MAX_FROM_TEAM || proposed.contains(need.capabilityId())) {
					continue;
				}
				PersonCapabilities.Held h = held.get(need.capabilityId());
				if (h != null && h.levelRank() != null && h.levelRank() >= need.levelRank()) {
					continue;
				}
				Capability capability = capability(viewer, need.capabilityId());
				if (capability == null) {
					continue;
				}
				proposed.add(capability.id());
				String status = need.status() == CoverageStatus.SHORT ? "is short of" : "is at risk on";
				result.add(proposal(viewer, capability, need.levelRank(), h, servable,
						"Your team " + status + " “" + capability.name() + "” at “" + capability.levelName(need.levelRank())
								+ "”."));
			}
		}
		// (b) the next level the person is closest to: the largest share of its evidence already there
		record Next(Capability capability, int rank, int met, int total, PersonCapabilities.Held held) {
		}
		List<Next> next = new ArrayList<>();
		for (PersonCapabilities.Held h : profile.capabilities()) {
			int rank = h.levelRank() == null ? 1 : h.levelRank() + 1;
			if (proposed.contains(h.capability().id()) || !h.capability().active()
					|| h.capability().level(rank).isEmpty()) {
				continue;
			}
			PersonCapabilities.LevelEvidence level = h.levels()
				.stream()
				.filter(l -> l.rank() == rank)
				.findFirst()
				.orElse(null);
			int total = level == null ? h.capability().rulesOf(rank).size() : level.rules().size();
			int met = level == null ? 0 : (int) level.rules().stream().filter(PersonCapabilities.RuleEvidence::met).count();
			if (total == 0) {
				continue;
			}
			next.add(new Next(h.capability(), rank, met, total, h));
		}
		next.sort(Comparator.comparingDouble((Next n) -> -((double) n.met() / n.total()))
			.thenComparing(n -> n.capability().name().toLowerCase(Locale.ROOT)));
		for (Next n : next) {
			if (result.size() >= MAX_PROPOSALS) {
				break;
			}
			proposed.add(n.capability().id());
			result.add(proposal(viewer, n.capability(), n.rank(), n.held(), servable,
					"You are close to “" + n.capability().levelName(n.rank()) + "” in “" + n.capability().name() + "”: "
							+ n.met() + " of " + n.total() + " pieces of evidence are there."));
		}
		return result;
	}

	private GoalProposal proposal(Viewer viewer, Capability capability, int rank, PersonCapabilities.Held held,
			List<Priority> servable, String reason) {
		List<GoalProposal.PriorityChoice> serves = servable.stream()
			.filter(p -> p.capabilities().stream().anyMatch(c -> c.id().equals(capability.id())))
			.map(p -> new GoalProposal.PriorityChoice(p.id(), p.title()))
			.toList();
		// the evidence still missing for the level, in the capability's own words
		Set<String> metRules = new LinkedHashSet<>();
		if (held != null) {
			held.levels()
				.stream()
				.filter(l -> l.rank() == rank)
				.flatMap(l -> l.rules().stream())
				.filter(PersonCapabilities.RuleEvidence::met)
				.forEach(r -> metRules.add(r.rule().id()));
		}
		List<EvidenceRule> missing = capability.rulesOf(rank).stream().filter(r -> !metRules.contains(r.id())).toList();
		List<CourseId> courseIds = missing.stream()
			.filter(r -> r.kind() == RuleKind.COURSE_MASTERED && r.courseId() != null)
			.map(EvidenceRule::courseId)
			.distinct()
			.toList();
		List<Goal.CourseRef> courses = new ArrayList<>();
		for (CourseId c : courseIds) {
			try {
				courses.add(new Goal.CourseRef(c, authoring.published(c).title()));
			}
			catch (NotFoundException e) {
				// a course no longer published is no way to learn
			}
		}
		String evidence = missing.isEmpty() ? null
				: String.join("; ", missing.stream().map(EvidenceRule::label).toList());
		if (evidence != null && evidence.length() > LearningCycles.MAX_TEXT) {
			evidence = evidence.substring(0, LearningCycles.MAX_TEXT - 1) + "…";
		}
		PersonRef validator = profiles.holdersOf(capability.id(), rank, 3)
			.stream()
			.filter(p -> !viewer.is(p.id()))
			.findFirst()
			.orElse(null);
		String what = "Reach “" + capability.levelName(rank) + "” in " + capability.name();
		return new GoalProposal(what.length() > LearningCycles.MAX_WHAT ? what.substring(0, LearningCycles.MAX_WHAT) : what,
				reason, new Goal.CapabilityRef(capability.id(), capability.name(), rank, capability.levelName(rank)),
				serves, serves.isEmpty(), courses, evidence, validator);
	}

	private List<LearningNeed> needs(Viewer viewer, TeamId team) {
		try {
			return coverage.learningNeeds(viewer, team);
		}
		catch (NotFoundException e) {
			return List.of();
		}
	}

	private Capability capability(Viewer viewer, CapabilityId id) {
		try {
			Capability c = capabilities.get(viewer, id);
			return c.active() ? c : null;
		}
		catch (NotFoundException e) {
			return null;
		}
	}
}
