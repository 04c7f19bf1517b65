package io.stride.mastery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.CourseId;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
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
 * Signing off observed tasks. A task is signed off for a learner, after watching them do it, by a manager of the
 * learner or by an expert the manager named for the checklist; never by the learner, nobody else (admins
 * included). Only whoever signed a task off can withdraw it.
 */
@Service
@Transactional
public class Checklists {

	public static final int MAX_NOTE_LENGTH = 1000;

	/** A sign-off can record a watch up to this long ago. */
	public static final int MAX_DAYS_BACK = 366;

	private final CriteriaStore criteria;

	private final EvidenceStore evidence;

	private final Mastery mastery;

	private final Organization organization;

	private final Authoring authoring;

	private final Clock clock;

	Checklists(CriteriaStore criteria, EvidenceStore evidence, Mastery mastery, Organization organization,
			Authoring authoring, Clock clock) {
		this.authoring = authoring;
		this.criteria = criteria;
		this.evidence = evidence;
		this.mastery = mastery;
		this.organization = organization;
		this.clock = clock;
	}

	/** A checklist the viewer is named expert for. */
	public record Expertise(Team team, CourseId courseId) {
	}

	/**
	 * Signs the task off for the learner. {@code observedOn} is the day of watching (today when null); the note
	 * says what was seen.
	 */
	public SignOff signOff(Viewer viewer, String taskId, PersonId learnerId, LocalDate observedOn, String note) {
		ChecklistTask task = visibleTask(viewer, taskId);
		Person learner = organization.membersOfTeamTree(task.teamId())
			.stream()
			.filter(p -> p.id().equals(learnerId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Person"));
		if (viewer.is(learnerId)) {
			throw new ForbiddenException("You can't sign off your own task; your manager or a named expert does.");
		}
		if (!managesLearner(viewer, learner) && !criteria.isExpert(viewer.id(), task.teamId(), task.courseId())) {
			throw new ForbiddenException("Only a manager of " + learner.name() + " or an expert named for this checklist "
					+ "can sign off the task.");
		}
		CourseRules rules = mastery.rules(task.courseId());
		boolean applies = rules.applicableTo(learner.teamIds())
			.stream()
			.anyMatch(c -> c.tasks().stream().anyMatch(t -> t.id().equals(task.id())));
		if (!applies) {
			throw new InvalidInputException("taskId", "This task is not on the checklist that applies to " + learner.name()
					+ ": their own team has other criteria for the course.");
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		LocalDate day = observedOn == null ? today : observedOn;
		String text = note == null ? "" : note.strip();
		Map<String, String> errors = new LinkedHashMap<>();
		if (day.isAfter(today)) {
			errors.put("observedOn", "The day you watched can't be in the future.");
		}
		else if (day.isBefore(today.minusDays(MAX_DAYS_BACK))) {
			errors.put("observedOn", "Sign off what you watched within the last year.");
		}
		if (text.isEmpty()) {
			errors.put("note", "Say in a sentence what you watched.");
		}
		else if (text.length() > MAX_NOTE_LENGTH) {
			errors.put("note", "Keep the note under " + MAX_NOTE_LENGTH + " characters.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The task was not signed off.", errors);
		}
		Optional<SignOff> earlier = evidence.signOff(task.id(), learnerId);
		// observing the task again on a later day renews the sign-off (evidence that expires counts from the new day);
		// the same or an earlier day is a second click
		if (earlier.isPresent() && !day.isAfter(earlier.get().observedOn())) {
			throw new ConflictException("“" + task.title() + "” is already signed off for " + learner.name() + " (observed "
					+ earlier.get().observedOn() + "); sign it off again only after watching it on a later day.");
		}
		SignOff signOff = new SignOff(earlier.map(SignOff::id).orElseGet(Ids::newId), task.id(), learnerId, viewer.id(),
				viewer.name(), day, text, clock.instant());
		if (earlier.isPresent()) {
			evidence.renew(signOff);
		}
		else {
			evidence.insert(signOff);
		}
		mastery.signOffChanged(learnerId, task.id(), true);
		mastery.reconcile(learner, rules);
		return signOff;
	}

	/** Withdraws a sign-off; only its signer may. */
	public void withdraw(Viewer viewer, String signOffId) {
		SignOff signOff = signOffFor(viewer, signOffId);
		if (!viewer.is(signOff.signedBy())) {
			throw new ForbiddenException("Only " + signOff.signerName() + ", who signed it off, can withdraw it.");
		}
		evidence.deleteSignOff(signOffId);
		mastery.signOffChanged(signOff.personId(), signOff.taskId(), false);
		ChecklistTask task = criteria.task(signOff.taskId()).orElseThrow();
		mastery.reconcile(signOff.personId(), task.courseId());
	}

	/** A sign-off as the people who may see the checklist see it; 404 for others. */
	@Transactional(readOnly = true)
	public SignOff signOffFor(Viewer viewer, String signOffId) {
		SignOff signOff = evidence.signOff(signOffId).orElseThrow(() -> new NotFoundException("Sign-off"));
		ChecklistTask task = criteria.task(signOff.taskId()).orElseThrow(() -> new NotFoundException("Sign-off"));
		if (!viewer.is(signOff.signedBy()) && !organization.canManage(viewer, task.teamId())
				&& !criteria.isExpert(viewer.id(), task.teamId(), task.courseId())) {
			throw new NotFoundException("Sign-off");
		}
		return signOff;
	}

	@Transactional(readOnly = true)
	public ChecklistTask task(Viewer viewer, String taskId) {
		return visibleTask(viewer, taskId);
	}

	/** The checklists the viewer is named expert for. */
	@Transactional(readOnly = true)
	public List<Expertise> expertiseOf(Viewer viewer) {
		Map<TeamId, Team> teams = new HashMap<>();
		organization.allTeams().forEach(team -> teams.put(team.id(), team));
		return criteria.expertiseOf(viewer.id())
			.stream()
			.filter(e -> teams.containsKey(e.teamId()))
			.map(e -> new Expertise(teams.get(e.teamId()), e.courseId()))
			.toList();
	}

	/** Whether the viewer may sign off tasks of this team's checklist for its learners. */
	@Transactional(readOnly = true)
	public boolean maySignOff(Viewer viewer, TeamId teamId, CourseId courseId) {
		Set<TeamId> managed = organization.withDescendants(viewer.manages());
		return managed.contains(teamId) || criteria.isExpert(viewer.id(), teamId, courseId);
	}

	private ChecklistTask visibleTask(Viewer viewer, String taskId) {
		ChecklistTask task = criteria.task(taskId).orElseThrow(() -> new NotFoundException("Task"));
		if (!organization.canManage(viewer, task.teamId()) && !criteria.isExpert(viewer.id(), task.teamId(), task.courseId())) {
			throw new NotFoundException("Task");
		}
		return task;
	}

	/** Manages one of the learner's teams, directly or from above; being an admin is not enough. */
	private boolean managesLearner(Viewer viewer, Person learner) {
		Set<TeamId> managed = organization.withDescendants(viewer.manages());
		return learner.teamIds().stream().anyMatch(managed::contains);
	}

	/** A checklist task with the names a catalogue keeper needs to pick it. */
	public record TaskInfo(ChecklistTask task, String teamName, String courseTitle) {
	}

	/** Sign-offs of these people on these tasks, for capability evidence. */
	@Transactional(readOnly = true)
	public List<SignOff> signOffsOf(Collection<PersonId> people, Collection<String> taskIds) {
		return evidence.signOffsOf(people, taskIds);
	}

	/** Everyone signed off on any of these tasks. */
	@Transactional(readOnly = true)
	public Set<PersonId> peopleSignedOff(Collection<String> taskIds) {
		return evidence.peopleSignedOff(taskIds);
	}

	/** Every checklist task of every team, ordered by team, course and position. */
	@Transactional(readOnly = true)
	public List<TaskInfo> allTasks() {
		// a stable sort: the store's order (by position) holds within a team's course
		return describe(criteria.allTasks()).stream()
			.sorted(Comparator.comparing((TaskInfo t) -> t.teamName().toLowerCase(Locale.ROOT))
				.thenComparing(t -> t.courseTitle().toLowerCase(Locale.ROOT)))
			.toList();
	}

	/** One task by id, if it exists. */
	@Transactional(readOnly = true)
	public Optional<TaskInfo> taskInfo(String taskId) {
		return criteria.task(taskId).flatMap(task -> describe(List.of(task)).stream().findFirst());
	}

	/** Who may sign off this task for this learner: the learner's managers and the checklist's named experts. */
	@Transactional(readOnly = true)
	public List<PersonId> signersFor(String taskId, PersonId learner) {
		ChecklistTask task = criteria.task(taskId).orElseThrow(() -> new NotFoundException("Task"));
		Set<PersonId> signers = new LinkedHashSet<>(organization.managersOf(learner));
		criteria.experts(task.teamId(), task.courseId())
			.stream()
			.filter(expert -> organization.contactOf(expert).isPresent())
			.forEach(signers::add);
		signers.remove(learner);
		return List.copyOf(signers);
	}

	/** Tasks with their team's name and course's title, in the tasks' order; tasks of a deleted team are left out. */
	private List<TaskInfo> describe(List<ChecklistTask> tasks) {
		Map<TeamId, String> teams = new HashMap<>();
		organization.allTeams().forEach(team -> teams.put(team.id(), team.name()));
		Map<CourseId, String> titles = authoring
			.titles(tasks.stream().map(ChecklistTask::courseId).distinct().toList());
		return tasks.stream()
			.filter(task -> teams.containsKey(task.teamId()) && titles.containsKey(task.courseId()))
			.map(task -> new TaskInfo(task, teams.get(task.teamId()), titles.get(task.courseId())))
			.toList();
	}
}
