package io.stride.capability.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.stride.authoring.Authoring;
import io.stride.authoring.CourseId;
import io.stride.capability.Capability;
import io.stride.capability.EvidenceRule;
import io.stride.capability.RuleKind;
import io.stride.identity.Organization;
import io.stride.identity.TeamId;
import io.stride.mastery.Checklists;
import org.springframework.stereotype.Component;

/** Says each rule in words and names the owner team, reading course titles and tasks once for many capabilities. */
@Component
public class RuleLabels {

	// beyond this many tasks one read of every checklist is cheaper than one read per task
	private static final int TASKS_READ_ONE_BY_ONE = 10;

	private final Authoring authoring;

	private final Checklists checklists;

	private final Organization organization;

	RuleLabels(Authoring authoring, Checklists checklists, Organization organization) {
		this.authoring = authoring;
		this.checklists = checklists;
		this.organization = organization;
	}

	public Capability named(Capability capability) {
		return named(List.of(capability)).get(0);
	}

	public List<Capability> named(List<Capability> capabilities) {
		if (capabilities.isEmpty()) {
			return capabilities;
		}
		List<EvidenceRule> all = capabilities.stream().flatMap(c -> c.rules().stream()).toList();
		Map<CourseId, String> titles = authoring.titles(all.stream()
			.map(EvidenceRule::courseId)
			.filter(Objects::nonNull)
			.distinct()
			.toList());
		Map<String, Checklists.TaskInfo> tasks = tasks(all.stream()
			.map(EvidenceRule::taskId)
			.filter(Objects::nonNull)
			.collect(Collectors.toCollection(LinkedHashSet::new)));
		Map<TeamId, String> teams = new HashMap<>();
		organization.allTeams().forEach(team -> teams.put(team.id(), team.name()));
		return capabilities.stream()
			.map(c -> new Capability(c.id(), c.name(), c.description(), c.category(), c.ownerTeamId(),
					c.ownerTeamId() == null ? null : teams.getOrDefault(c.ownerTeamId(), "a removed team"),
					c.validityMonths(), c.status(), c.mergedInto(), c.revision(), c.levels(),
					c.rules().stream().map(r -> labelled(r, titles, tasks)).toList()))
			.toList();
	}

	/** The rule in words, e.g. "Mastered “Running an executive business review” (current version)". */
	public static String label(EvidenceRule rule, String courseTitle, Checklists.TaskInfo task) {
		String course = courseTitle == null ? "a course that no longer exists" : "“" + courseTitle + "”";
		return switch (rule.kind()) {
			case COURSE_MASTERED -> "Mastered " + course + (rule.currentVersion() ? " (current version)" : " (any version)");
			case SPACED_REVIEWS -> rule.count() + " successful spaced review" + (rule.count() == 1 ? "" : "s") + " of " + course;
			case TASK_SIGNED_OFF -> task == null ? "A checklist task that was removed, signed off"
					: "“" + task.task().title() + "” signed off (" + task.teamName() + " · " + task.courseTitle() + ")";
			case CERTIFICATE -> rule.certificateName() == null ? "A confirmed certificate"
					: "A confirmed certificate: " + rule.certificateName();
			case VALIDATIONS -> "Validated by " + rule.count() + (rule.count() == 1 ? " person who holds" : " people who hold")
					+ " the level";
			case OUTSIDE_ACTIVITY -> "Completed “" + (rule.activityName() == null || rule.activityName().isBlank()
					? rule.activityIri() : rule.activityName()) + "” in an outside tool"
					+ (rule.minScore() == null ? "" : " (score ≥ " + LevelEvaluator.percent(rule.minScore()) + ")");
		};
	}

	private static EvidenceRule labelled(EvidenceRule r, Map<CourseId, String> titles, Map<String, Checklists.TaskInfo> tasks) {
		String label = label(r, r.courseId() == null ? null : titles.get(r.courseId()),
				r.taskId() == null ? null : tasks.get(r.taskId()));
		return r.withLabel(label);
	}

	/** The tasks that still exist of these ids. */
	public Map<String, Checklists.TaskInfo> tasks(Collection<String> ids) {
		Map<String, Checklists.TaskInfo> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		if (ids.size() > TASKS_READ_ONE_BY_ONE) {
			Set<String> wanted = Set.copyOf(ids);
			checklists.allTasks().stream().filter(t -> wanted.contains(t.task().id())).forEach(t -> found.put(t.task().id(), t));
			return found;
		}
		for (String id : ids) {
			Optional<Checklists.TaskInfo> task = checklists.taskInfo(id);
			task.ifPresent(t -> found.put(id, t));
		}
		return found;
	}

	/** Whether the kind names a course. */
	public static boolean needsCourse(RuleKind kind) {
		return kind == RuleKind.COURSE_MASTERED || kind == RuleKind.SPACED_REVIEWS;
	}
}
