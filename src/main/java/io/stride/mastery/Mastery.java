package io.stride.mastery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Result;
import io.stride.activity.Verb;
import io.stride.assessment.QuizAttempted;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.mastery.internal.CriteriaStore;
import io.stride.mastery.internal.EvidenceStore;
import io.stride.practice.Practice;
import io.stride.practice.ReviewAnswered;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether learners have mastered courses, and why. A person sees their own mastery; managers see their teams'
 * (and the teams below); admins see all; named experts see the learners of the checklists they sign off. When a
 * learner reaches mastery, an xAPI "mastered" statement is recorded in the same transaction as the evidence that
 * completed it (a quiz attempt, a review, a sign-off or a change of criteria).
 */
@Service
@Transactional
public class Mastery {

	private final CriteriaStore criteria;

	private final EvidenceStore evidence;

	private final Authoring authoring;

	private final Organization organization;

	private final Practice practice;

	private final LearningRecord record;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Mastery(CriteriaStore criteria, EvidenceStore evidence, Authoring authoring, Organization organization,
			Practice practice, LearningRecord record, ApplicationEventPublisher events, Clock clock) {
		this.criteria = criteria;
		this.evidence = evidence;
		this.authoring = authoring;
		this.organization = organization;
		this.practice = practice;
		this.record = record;
		this.events = events;
		this.clock = clock;
	}

	/** A team and course as its manager (or a named expert) sees them: the criteria and every member's mastery. */
	public record TeamCourseMastery(Team team, CourseId courseId, String courseTitle, int organizationPassMark,
			LocalCriteria criteria, LocalCriteria inherited, List<CourseMastery> members, boolean manager) {
	}

	/** A course as listed on a team's mastery page: whose criteria apply, and how many members mastered it. */
	public record TeamCourse(CourseId courseId, String title, String criteria, int learnersWithScore, int mastered) {
	}

	/**
	 * Courses with criteria for the team (its own or from a team above) or that members have taken, for managers of
	 * the team; 404 for others.
	 */
	@Transactional(readOnly = true)
	public List<TeamCourse> teamCourses(Viewer viewer, TeamId teamId) {
		organization.managedTeam(viewer, teamId);
		List<PersonId> members = organization.membersOfTeamTree(teamId).stream().map(Person::id).toList();
		Map<CourseId, Integer> scored = evidence.scoredCourses(members);
		Map<CourseId, Integer> mastered = evidence.masteredCounts(members);
		Set<CourseId> courses = new LinkedHashSet<>(scored.keySet());
		criteria.forTeams(organization.withAncestors(Set.of(teamId))).forEach(row -> courses.add(row.courseId()));
		Map<CourseId, String> titles = authoring.titles(List.copyOf(courses));
		List<TeamCourse> result = new ArrayList<>();
		for (CourseId course : courses) {
			if (!titles.containsKey(course)) {
				continue;
			}
			CourseRules rules = rules(course);
			String source = rules.own(teamId)
				.map(c -> "This team's own")
				.or(() -> rules.nearest(teamId).map(c -> "From " + c.teamName()))
				.orElse("Organization default (" + rules.organizationPassMark() + "%)");
			result.add(new TeamCourse(course, titles.get(course), source, scored.getOrDefault(course, 0),
					mastered.getOrDefault(course, 0)));
		}
		result.sort(Comparator.comparing(TeamCourse::title));
		return result;
	}

	/**
	 * The person's mastery of the courses they have evidence for or that their teams set criteria for; 404 unless
	 * the viewer may see the person.
	 */
	@Transactional(readOnly = true)
	public List<CourseMastery> masteryOf(Viewer viewer, PersonId personId) {
		Person person = organization.person(viewer, personId);
		Set<CourseId> withEvidence = evidence.coursesOf(personId);
		criteria.forTeams(organization.withAncestors(person.teamIds())).forEach(row -> withEvidence.add(row.courseId()));
		List<CourseId> courses = List.copyOf(withEvidence);
		Map<CourseId, String> titles = authoring.titles(courses);
		List<CourseMastery> result = new ArrayList<>();
		for (CourseId course : courses) {
			if (titles.containsKey(course)) {
				result.add(evaluate(person, rules(course)));
			}
		}
		result.sort(Comparator.comparing(CourseMastery::courseTitle));
		return result;
	}

	/** One learner's mastery of one course, for the people who may sign off their tasks or see them. */
	@Transactional(readOnly = true)
	public CourseMastery courseMastery(Viewer viewer, TeamId teamId, CourseId courseId, PersonId personId) {
		TeamCourseMastery team = teamCourse(viewer, teamId, courseId);
		return team.members()
			.stream()
			.filter(m -> m.personId().equals(personId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Person"));
	}

	/** The courses the person has mastered, for showing beside their other learning. */
	@Transactional(readOnly = true)
	public Set<CourseId> masteredCourses(PersonId personId) {
		Set<CourseId> mastered = new HashSet<>();
		for (CourseId course : evidence.coursesOf(personId)) {
			if (evidence.masteredAt(personId, course).isPresent()) {
				mastered.add(course);
			}
		}
		return mastered;
	}

	/**
	 * The team's criteria for the course and each member's mastery (the team and the teams below it). For managers
	 * of the team and admins, and for experts named on this team's checklist; 404 for everyone else.
	 */
	@Transactional(readOnly = true)
	public TeamCourseMastery teamCourse(Viewer viewer, TeamId teamId, CourseId courseId) {
		boolean manager = organization.canManage(viewer, teamId);
		if (!manager && !criteria.isExpert(viewer.id(), teamId, courseId)) {
			throw new NotFoundException("Team");
		}
		Team team = organization.allTeams()
			.stream()
			.filter(t -> t.id().equals(teamId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Team"));
		Course course = authoring.published(courseId);
		CourseRules rules = rules(courseId);
		List<CourseMastery> members = organization.membersOfTeamTree(teamId)
			.stream()
			.map(person -> evaluate(person, rules))
			.sorted(Comparator.comparing(CourseMastery::personName))
			.toList();
		LocalCriteria own = rules.own(teamId).map(this::withExperts).orElse(null);
		LocalCriteria inherited = own != null || team.parentId() == null ? null
				: rules.nearest(team.parentId()).map(this::withExperts).orElse(null);
		return new TeamCourseMastery(team, courseId, course.title(), rules.organizationPassMark(), own, inherited, members,
				manager);
	}

	/** Re-evaluates a learner's course and records reaching (or losing) mastery. */
	void reconcile(Person person, CourseRules rules) {
		CourseMastery mastery = evaluate(person, rules);
		Optional<Instant> reached = evidence.masteredAt(person.id(), rules.course());
		if (mastery.mastered() && reached.isEmpty()) {
			evidence.insertMastery(person.id(), rules.course(), clock.instant());
			record.record(new LearningAction(person.id(), person.name(), Verb.MASTERED, ActivityType.COURSE,
					rules.course().value(), mastery.courseTitle(), rules.course().value(),
					new Result(null, null, null, true, null, null)));
			// Synchronous, so capability holdings are recomputed in this transaction and never read stale.
			events.publishEvent(new CourseMasteryChanged(person.id(), rules.course(), true));
		}
		else if (!mastery.mastered() && reached.isPresent()) {
			evidence.deleteMastery(person.id(), rules.course());
			events.publishEvent(new CourseMasteryChanged(person.id(), rules.course(), false));
		}
	}

	/** Tells listeners (capability holdings) in this transaction that a sign-off was given or is gone. */
	void signOffChanged(PersonId person, String taskId, boolean signedOff) {
		events.publishEvent(new SignOffChanged(person, taskId, signedOff));
	}

	void reconcile(PersonId person, CourseId course) {
		organization.contactOf(person).ifPresent(p -> reconcile(p, rules(course)));
	}

	/** After criteria of a team changed: everyone in the team and below it. */
	void reconcileTeam(TeamId team, CourseId course) {
		CourseRules rules = rules(course);
		organization.membersOfTeamTree(team).forEach(person -> reconcile(person, rules));
	}

	@EventListener
	void on(QuizAttempted attempt) {
		evidence.recordScore(attempt.personId(), attempt.courseId(), attempt.score());
		boolean masteredBefore = evidence.masteredAt(attempt.personId(), attempt.courseId()).isPresent();
		reconcile(attempt.personId(), attempt.courseId());
		if (masteredBefore) {
			renewIfShownAgain(attempt);
		}
	}

	/**
	 * A passing attempt by someone who kept mastery shows it again: capability evidence that expires (a level valid
	 * for 12 months) counts from now, which is how taking an assigned course again renews it.
	 */
	private void renewIfShownAgain(QuizAttempted attempt) {
		organization.contactOf(attempt.personId()).ifPresent(person -> {
			CourseMastery mastery = evaluate(person, rules(attempt.courseId()));
			boolean passing = mastery.mastered() && mastery.evidence()
				.stream()
				.filter(e -> e.criterion() == Criterion.QUIZ_SCORE)
				.allMatch(e -> e.required() != null && attempt.score() >= e.required());
			if (passing) {
				evidence.renewMastery(person.id(), attempt.courseId(), clock.instant());
				events.publishEvent(new CourseMasteryChanged(person.id(), attempt.courseId(), true));
			}
		});
	}

	@EventListener
	void on(ReviewAnswered review) {
		if (review.correct()) {
			reconcile(review.personId(), review.courseId());
		}
	}

	CourseRules rules(CourseId course) {
		return new CourseRules(course, criteria.organizationDefault().passMark(), organization.allTeams(), criteria);
	}

	private LocalCriteria withExperts(LocalCriteria c) {
		return new LocalCriteria(c.teamId(), c.teamName(), c.courseId(), c.passMark(), c.successfulReviews(), c.tasks(),
				criteria.experts(c.teamId(), c.courseId()), c.revision());
	}

	private CourseMastery evaluate(Person person, CourseRules rules) {
		CourseId courseId = rules.course();
		Course course = authoring.deliveredTo(person.id(), courseId);
		List<LocalCriteria> local = rules.applicableTo(person.teamIds());
		List<Evidence> found = new ArrayList<>();
		if (!course.quiz().isEmpty()) {
			found.add(score(person.id(), courseId, rules.organizationPassMark(), local));
		}
		Map<String, SignOff> signOffs = evidence.signOffs(local.stream()
			.flatMap(c -> c.tasks().stream())
			.map(ChecklistTask::id)
			.toList());
		for (LocalCriteria c : local) {
			for (ChecklistTask task : c.tasks()) {
				SignOff signOff = signOffs.get(EvidenceStore.key(task.id(), person.id()));
				found.add(Evidence.task(task, signOff, signOff == null ? "“" + task.title() + "” is not signed off yet"
						: "“" + task.title() + "” signed off by " + signOff.signerName() + " on " + signOff.observedOn()
								+ (signOff.note().isBlank() ? "" : ": " + signOff.note()),
						c.teamName()));
			}
		}
		local.stream()
			.filter(c -> c.successfulReviews() != null && c.successfulReviews() > 0)
			.max(Comparator.comparing(LocalCriteria::successfulReviews))
			.ifPresent(c -> {
				int done = practice.successfulReviews(person.id(), courseId);
				int required = c.successfulReviews();
				found.add(Evidence.reviews(done >= required, Math.min(done, required) + " of " + required
						+ " required spaced reviews successful (set by " + c.teamName() + ")", required, done, c.teamName()));
			});
		boolean mastered = !found.isEmpty() && found.stream().allMatch(Evidence::met);
		return new CourseMastery(person.id(), person.name(), courseId, course.title(), mastered,
				mastered ? evidence.masteredAt(person.id(), courseId).orElse(null) : null, found);
	}

	private Evidence score(PersonId person, CourseId course, int organizationPassMark, List<LocalCriteria> local) {
		int required = organizationPassMark;
		String setBy = "the organization default";
		for (LocalCriteria c : local) {
			if (c.passMark() != null && c.passMark() > required) {
				required = c.passMark();
				setBy = c.teamName();
			}
		}
		Optional<Integer> best = evidence.bestScore(person, course);
		String source = " (pass mark of " + setBy + ")";
		if (best.isEmpty()) {
			return Evidence.score(false, "No quiz attempt yet; needs " + required + "%" + source, required, null, setBy);
		}
		boolean met = best.get() >= required;
		return Evidence.score(met, "Best score " + best.get() + "% " + (met ? "≥ " : "< ") + required + "%" + source,
				required, best.get(), setBy);
	}

	/** When each of these people mastered each of these courses (only those who did), for capability evidence. */
	@Transactional(readOnly = true)
	public List<MasteryRecord> masteryRecords(Collection<PersonId> people, Collection<CourseId> courses) {
		return evidence.masteries(people, courses);
	}

	/** Everyone who has mastered any of these courses. */
	@Transactional(readOnly = true)
	public Set<PersonId> peopleWhoMastered(Collection<CourseId> courses) {
		return evidence.peopleWhoMastered(courses);
	}
}
