package io.stride.mastery;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.CourseId;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.mastery.internal.CriteriaStore;
import io.stride.mastery.internal.EvidenceStore;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting mastery criteria: the organization default (admins) and local criteria per team and course (managers of
 * the team or a team above it, and admins). A local pass mark is never lower than the organization default.
 */
@Service
@Transactional
public class MasteryRules {

	public static final int MAX_TASKS = 20;

	public static final int MAX_TASK_LENGTH = 300;

	public static final int MAX_EXPERTS = 20;

	public static final int MAX_REVIEWS = 20;

	private static final String NOT_SAVED = "The mastery criteria were not saved.";

	private final CriteriaStore criteria;

	private final EvidenceStore evidence;

	private final Mastery mastery;

	private final Organization organization;

	private final Authoring authoring;

	private final Clock clock;

	MasteryRules(CriteriaStore criteria, EvidenceStore evidence, Mastery mastery, Organization organization,
			Authoring authoring, Clock clock) {
		this.criteria = criteria;
		this.evidence = evidence;
		this.mastery = mastery;
		this.organization = organization;
		this.authoring = authoring;
		this.clock = clock;
	}

	/** The organization's default criterion, for everyone signed in. */
	public record OrganizationDefault(int passMark, int revision) {
	}

	/** What a manager sets; null numbers mean "no local requirement". */
	public record CriteriaChange(Integer passMark, Integer successfulReviews, List<PersonId> experts, Integer revision) {
	}

	@Transactional(readOnly = true)
	public OrganizationDefault organizationDefault() {
		CriteriaStore.Setting setting = criteria.organizationDefault();
		return new OrganizationDefault(setting.passMark(), setting.revision());
	}

	/**
	 * Changes the default pass mark (admins). Learners whose best score lies between the old and the new mark are
	 * re-evaluated, so that reaching or losing mastery is recorded now.
	 */
	public OrganizationDefault setOrganizationDefault(Viewer viewer, int passMark, int revision) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Only admins change the organization's mastery default.");
		}
		if (passMark < 1 || passMark > 100) {
			throw new InvalidInputException("passMark", "Give a pass mark from 1 to 100%.");
		}
		int before = criteria.organizationDefault().passMark();
		if (!criteria.saveOrganizationDefault(passMark, revision, viewer.id(), clock.instant())) {
			throw new ConflictException("The default was changed by someone else since you opened it; reload and try again.");
		}
		for (EvidenceStore.Subject subject : evidence.scoresBetween(Math.min(before, passMark), Math.max(before, passMark))) {
			mastery.reconcile(subject.personId(), subject.courseId());
		}
		return organizationDefault();
	}

	/** The team's own criteria for the course, if it has any; 404 unless the viewer manages the team. */
	@Transactional(readOnly = true)
	public Optional<LocalCriteria> criteria(Viewer viewer, TeamId teamId, CourseId courseId) {
		organization.managedTeam(viewer, teamId);
		authoring.published(courseId);
		return mastery.rules(courseId).own(teamId).map(c -> new LocalCriteria(c.teamId(), c.teamName(), c.courseId(),
				c.passMark(), c.successfulReviews(), c.tasks(), criteria.experts(teamId, courseId), c.revision()));
	}

	/**
	 * Creates or replaces the team's criteria for the course. Replacing needs the revision last read (409 if it
	 * changed since); the checklist's tasks are kept.
	 */
	public LocalCriteria save(Viewer viewer, TeamId teamId, CourseId courseId, CriteriaChange change) {
		organization.managedTeam(viewer, teamId);
		authoring.published(courseId);
		int floor = criteria.organizationDefault().passMark();
		Map<String, String> errors = new LinkedHashMap<>();
		Integer passMark = change.passMark();
		if (passMark != null && passMark < floor) {
			errors.put("passMark", "The pass mark can't be lower than the organization's default of " + floor + "%.");
		}
		else if (passMark != null && passMark > 100) {
			errors.put("passMark", "The pass mark can't be more than 100%.");
		}
		Integer reviews = change.successfulReviews() == null || change.successfulReviews() == 0 ? null
				: change.successfulReviews();
		if (reviews != null && (reviews < 0 || reviews > MAX_REVIEWS)) {
			errors.put("successfulReviews", "Ask for 1 to " + MAX_REVIEWS + " successful reviews, or none.");
		}
		Set<PersonId> experts = new LinkedHashSet<>(change.experts() == null ? List.of() : change.experts());
		if (experts.size() > MAX_EXPERTS) {
			errors.put("experts", "Name at most " + MAX_EXPERTS + " experts.");
		}
		else if (experts.stream().anyMatch(id -> organization.contactOf(id).isEmpty())) {
			errors.put("experts", "Every expert must be an active person in the organization.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(NOT_SAVED, errors);
		}
		CriteriaStore.Row row = new CriteriaStore.Row(teamId, courseId, passMark, reviews, 0);
		Instant now = clock.instant();
		Optional<CriteriaStore.Row> existing = criteria.find(teamId, courseId);
		if (existing.isEmpty()) {
			criteria.insert(row, viewer.id(), now);
		}
		else if (change.revision() == null || !criteria.update(row, change.revision(), viewer.id(), now)) {
			throw new ConflictException("These criteria were changed by someone else since you opened them; reload and "
					+ "try again.");
		}
		criteria.replaceExperts(teamId, courseId, experts);
		mastery.reconcileTeam(teamId, courseId);
		return criteria(viewer, teamId, courseId).orElseThrow();
	}

	/** Removes the team's criteria, checklist and sign-offs; the criteria of the team above (or the default) apply. */
	public void delete(Viewer viewer, TeamId teamId, CourseId courseId) {
		organization.managedTeam(viewer, teamId);
		if (criteria.find(teamId, courseId).isEmpty()) {
			throw new NotFoundException("Mastery criteria");
		}
		// the tasks' sign-offs go with them: say so, as a withdrawal would
		List<SignOff> lost = List.copyOf(evidence.signOffs(criteria.tasks(teamId, courseId)
			.stream()
			.map(ChecklistTask::id)
			.toList()).values());
		criteria.delete(teamId, courseId);
		lost.forEach(s -> mastery.signOffChanged(s.personId(), s.taskId(), false));
		mastery.reconcileTeam(teamId, courseId);
	}

	/** Adds a task to the team's observed checklist for the course (creating the team's criteria if needed). */
	public ChecklistTask addTask(Viewer viewer, TeamId teamId, CourseId courseId, String title) {
		organization.managedTeam(viewer, teamId);
		authoring.published(courseId);
		String text = title == null ? "" : title.strip();
		if (text.length() < 3) {
			throw new InvalidInputException("title", "Describe the task in a few words, e.g. “runs an executive business "
					+ "review without escalation”.");
		}
		if (text.length() > MAX_TASK_LENGTH) {
			throw new InvalidInputException("title", "Keep the task under " + MAX_TASK_LENGTH + " characters.");
		}
		if (criteria.tasks(teamId, courseId).size() >= MAX_TASKS) {
			throw new InvalidInputException("title", "A checklist has at most " + MAX_TASKS + " tasks.");
		}
		Instant now = clock.instant();
		if (criteria.find(teamId, courseId).isEmpty()) {
			criteria.insert(new CriteriaStore.Row(teamId, courseId, null, null, 0), viewer.id(), now);
		}
		ChecklistTask task = new ChecklistTask(Ids.newId(), teamId, courseId, text);
		criteria.insertTask(task, viewer.id(), now);
		mastery.reconcileTeam(teamId, courseId);
		return task;
	}

	/** Removes a task and its sign-offs (managers of the task's team). */
	public void removeTask(Viewer viewer, String taskId) {
		ChecklistTask task = criteria.task(taskId).orElseThrow(() -> new NotFoundException("Task"));
		organization.managedTeam(viewer, task.teamId());
		List<SignOff> lost = List.copyOf(evidence.signOffs(List.of(taskId)).values());
		criteria.deleteTask(taskId);
		lost.forEach(s -> mastery.signOffChanged(s.personId(), s.taskId(), false));
		mastery.reconcileTeam(task.teamId(), task.courseId());
	}

	/** The people named as experts, for showing their names and emails to the manager who named them. */
	@Transactional(readOnly = true)
	public List<Person> experts(Viewer viewer, TeamId teamId, CourseId courseId) {
		organization.managedTeam(viewer, teamId);
		return criteria.experts(teamId, courseId).stream().flatMap(id -> organization.contactOf(id).stream()).toList();
	}
}
