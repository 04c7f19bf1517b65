package io.stride.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Result;
import io.stride.activity.Verb;
import io.stride.assessment.QuizAttempted;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.CoursePublished;
import io.stride.authoring.Lesson;
import io.stride.authoring.ReviewPolicies;
import io.stride.authoring.RiskTier;
import io.stride.delivery.internal.Assignments;
import io.stride.delivery.internal.Certificates;
import io.stride.delivery.internal.PersonAssignments;
import io.stride.delivery.internal.ProgressStore;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.ControlCharacters;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigning courses to teams and taking them. Learners see and change only their own progress; managers see
 * the progress of the teams they manage and the teams below; admins see all.
 */
@Service
@Transactional
public class Delivery {

	public static final int MAX_DAYS_AHEAD = 3 * 366;

	/** The length of {@code person_assignments.reason}. */
	public static final int MAX_REASON_LENGTH = 300;

	private final Authoring authoring;

	private final Organization organization;

	private final Assignments assignments;

	private final PersonAssignments personAssignments;

	private final ProgressStore progress;

	private final LearningRecord record;

	private final ApplicationEventPublisher events;

	private final ReviewPolicies policies;

	private final Certificates certificates;

	private final Clock clock;

	private final List<SelfChosenCourses> selfChosen;

	private final List<LessonsCompletedElsewhere> completedElsewhere;

	Delivery(Authoring authoring, Organization organization, Assignments assignments,
			PersonAssignments personAssignments, ProgressStore progress, LearningRecord record,
			ApplicationEventPublisher events, ReviewPolicies policies,
			Certificates certificates, Clock clock,
			ObjectProvider<SelfChosenCourses> selfChosen,
			ObjectProvider<LessonsCompletedElsewhere> completedElsewhere) {
		this.selfChosen = selfChosen.orderedStream().toList();
		this.completedElsewhere = completedElsewhere.orderedStream().toList();
		this.personAssignments = personAssignments;
		this.certificates = certificates;
		this.clock = clock;
		this.events = events;
		this.policies = policies;
		this.authoring = authoring;
		this.organization = organization;
		this.assignments = assignments;
		this.progress = progress;
		this.record = record;
	}

	public Assignment assign(Viewer manager, CourseId courseId, TeamId teamId, LocalDate dueDate) {
		organization.managedTeam(manager, teamId);
		requireAssignable(courseId, dueDate);
		return assignments.assign(courseId, teamId, dueDate, manager.id());
	}

	/**
	 * Assigns as {@link #assign} does, made by {@code by} on an authority the calling module has checked (rhythm: L&D
	 * act on every team's capability interventions, not only the teams they manage). The caller checks the authority;
	 * here only that {@code by} holds a role that can have it (admin or reviewer), so no other caller can use it to
	 * skip the check.
	 */
	public Assignment assignOnAuthorityOf(Viewer by, CourseId courseId, TeamId teamId, LocalDate dueDate) {
		requireOrganizationWideRole(by);
		organization.allTeams().stream().filter(t -> t.id().equals(teamId)).findFirst()
			.orElseThrow(() -> new NotFoundException("Team"));
		requireAssignable(courseId, dueDate);
		return assignments.assign(courseId, teamId, dueDate, by.id());
	}

	private static void requireOrganizationWideRole(Viewer by) {
		if (!by.isAdmin() && !by.isReviewer()) {
			throw new NotFoundException("Team");
		}
	}

	/** A team's assignment and a person's share one rule: a published course, reviewed if high-risk, due in time. */
	private void requireAssignable(CourseId courseId, LocalDate dueDate) {
		Course course = authoring.published(courseId);
		if (course.riskTier() == RiskTier.HIGH && course.reviewBy() != null
				&& course.reviewBy().isBefore(LocalDate.now())) {
			throw new InvalidInputException("courseId", "This high-risk course was due for review on " + course.reviewBy()
					+ "; it can't be newly assigned until it has been reviewed.");
		}
		if (dueDate != null && dueDate.isBefore(today())) {
			throw new InvalidInputException("dueDate", "The due date is in the past.");
		}
		if (dueDate != null && dueDate.isAfter(today().plusDays(MAX_DAYS_AHEAD))) {
			throw new InvalidInputException("dueDate", "Choose a due date within three years.");
		}
	}

	/** Where a published course is assigned, limited to the teams the viewer manages. */
	@Transactional(readOnly = true)
	public List<Assignment> assignmentsOf(Viewer viewer, CourseId courseId) {
		Set<TeamId> visible = organization.managedTeamTree(viewer);
		return assignments.forCourse(courseId).stream().filter(a -> visible.contains(a.teamId())).toList();
	}

	@Transactional(readOnly = true)
	public List<LearningItem> myLearning(Viewer learner) {
		Map<CourseId, LocalDate> due = new LinkedHashMap<>();
		for (Assignment assignment : assignments.forTeams(organization.withAncestors(learner.teamIds()))) {
			due.merge(assignment.courseId(), assignment.dueDate() == null ? LocalDate.MAX : assignment.dueDate(),
					(a, b) -> a.isBefore(b) ? a : b);
		}
		Map<CourseId, String> reasons = new HashMap<>();
		for (PersonAssignment assignment : personAssignments.forPerson(learner.id())) {
			due.merge(assignment.courseId(), assignment.dueDate() == null ? LocalDate.MAX : assignment.dueDate(),
					(a, b) -> a.isBefore(b) ? a : b);
			if (assignment.reason() != null) {
				reasons.put(assignment.courseId(), assignment.reason());
			}
		}
		Map<CourseId, ProgressStore.Row> rows = new HashMap<>();
		progress.ofPerson(learner.id()).forEach(row -> rows.put(row.courseId(), row));
		// courses the person chose (a learning contract names them): never assigned, never with someone's due date
		Map<CourseId, String> chosen = new LinkedHashMap<>();
		selfChosen.forEach(source -> source.chosenBy(learner.id()).forEach(chosen::putIfAbsent));
		List<CourseId> ids = new ArrayList<>(due.keySet());
		rows.keySet().stream().filter(id -> !due.containsKey(id)).forEach(ids::add);
		chosen.keySet().stream().filter(id -> !due.containsKey(id) && !rows.containsKey(id)).forEach(ids::add);
		Map<CourseId, String> titles = authoring.titles(ids);
		Set<CourseId> withQuiz = authoring.withQuiz(ids);
		Map<CourseId, RiskTier> tiers = authoring.tiers(ids);
		Map<RiskTier, Integer> every = new HashMap<>();
		for (RiskTier tier : RiskTier.values()) {
			Integer months = policies.policy(tier).recertifyMonths();
			if (months != null) {
				every.put(tier, months);
			}
		}
		List<LearningItem> items = new ArrayList<>();
		for (CourseId id : ids) {
			ProgressStore.Row row = rows.get(id);
			Integer months = every.get(tiers.get(id));
			if (row != null && row.recertifyReason() == null && months != null && row.completedAt() != null
					&& row.completedAt().isBefore(ZonedDateTime.now().minusMonths(months).toInstant())) {
				row = progress.withReason(row, "Recertification is due every " + months + " months");
			}
			LocalDate dueDate = due.get(id) == null || LocalDate.MAX.equals(due.get(id)) ? null : due.get(id);
			if (row == null && !due.containsKey(id) && !titles.containsKey(id)) {
				continue; // a chosen course since retired, never started: nothing to take
			}
			items.add(new LearningItem(id, titles.getOrDefault(id, "(removed course)"),
					row == null ? ProgressStatus.NOT_STARTED : row.status(), dueDate, row == null ? null : row.bestScore(),
					due.containsKey(id), withQuiz.contains(id), row == null ? null : row.recertifyReason(), reasons.get(id),
					due.containsKey(id) ? null : chosen.get(id)));
		}
		items.sort(Comparator.comparing(LearningItem::done)
			.thenComparing(item -> item.dueDate() == null ? LocalDate.MAX : item.dueDate())
			.thenComparing(LearningItem::title));
		return items;
	}

	/** Opens a published course for the learner and records that they opened it. */
	public CourseProgress open(Viewer learner, CourseId courseId) {
		Course course = takeable(learner, courseId);
		start(learner.id(), courseId);
		ProgressStore.Row row = progress.lock(learner.id(), courseId);
		if (row.recertifyReason() != null || intervalDue(row, course.riskTier())) {
			// recertification: the learner takes the newest version from the start
			course = authoring.movePinToNewest(learner.id(), courseId);
			progress.restart(learner.id(), courseId);
			certificates.supersede(learner.id(), courseId, clock.instant());
		}
		record.record(new LearningAction(learner.id(), learner.name(), Verb.OPENED, ActivityType.COURSE,
				courseId.value(), course.title(), courseId.value(), Result.NONE));
		return view(learner.id(), course);
	}

	@Transactional(readOnly = true)
	public CourseProgress progressIn(Viewer learner, CourseId courseId) {
		Course course = authoring.deliveredTo(learner.id(), courseId);
		if (course.isRetired() && progress.find(learner.id(), courseId).isEmpty()) {
			throw new NotFoundException("Course");
		}
		return view(learner.id(), course);
	}

	/** Shows a lesson and records that the learner read it. */
	public CourseProgress readLesson(Viewer learner, CourseId courseId, String lessonId) {
		Course course = takeable(learner, courseId);
		Lesson lesson = course.lesson(lessonId).orElseThrow(() -> new NotFoundException("Lesson"));
		start(learner.id(), courseId);
		progress.lock(learner.id(), courseId);
		// a lesson another module completes (a SCORM package) is not done by being opened
		if (completedElsewhere.stream().noneMatch(owner -> owner.completesElsewhere(courseId, lesson))) {
			progress.markRead(learner.id(), courseId, lesson.id());
		}
		record.record(new LearningAction(learner.id(), learner.name(), Verb.EXPERIENCED, ActivityType.LESSON, lesson.id(),
				lesson.title(), courseId.value(), Result.NONE));
		return refresh(learner.id(), learner.name(), course);
	}

	/**
	 * Marks a lesson done for the learner on the word of the module that owns its completion
	 * ({@link LessonsCompletedElsewhere}), and completes the course as reading its last lesson would. The caller
	 * checks that the report comes from this learner; a lesson done already stays done.
	 */
	public CourseProgress completeLesson(PersonId learner, String learnerName, CourseId courseId, String lessonId) {
		Course course = authoring.deliveredTo(learner, courseId);
		Lesson lesson = course.lesson(lessonId).orElseThrow(() -> new NotFoundException("Lesson"));
		start(learner, courseId);
		progress.lock(learner, courseId);
		progress.markRead(learner, courseId, lesson.id());
		return refresh(learner, learnerName, course);
	}

	/** Starts the person's progress unless it exists; a first start is news for the catalogue's counts. */
	private void start(PersonId person, CourseId courseId) {
		if (progress.ensureStarted(person, courseId)) {
			events.publishEvent(new LearnerStarted(person, courseId));
		}
	}

	/** How many people started each of these courses; courses nobody started are absent. Callers check. */
	@Transactional(readOnly = true)
	public Map<CourseId, Integer> learnersPerCourse(Collection<CourseId> courses) {
		return progress.learnersPerCourse(courses);
	}

	@EventListener
	void on(QuizAttempted attempt) {
		Course course = authoring.deliveredTo(attempt.personId(), attempt.courseId());
		start(attempt.personId(), attempt.courseId());
		progress.lock(attempt.personId(), attempt.courseId());
		progress.recordAttempt(attempt.personId(), attempt.courseId(), attempt.score(), attempt.passed());
		refresh(attempt.personId(), attempt.personName(), course);
	}

	/**
	 * A new version of a high-risk course changed what it teaches: those who completed an earlier version are asked
	 * to take the new one.
	 */
	@EventListener
	void on(CoursePublished published) {
		if (published.version() > 1 && published.contentChanged()
				&& policies.policy(published.tier()).recertifyOnChange()) {
			List<PersonId> people = progress.askToRecertify(published.courseId(),
					"Version " + published.version() + " changed the content");
			events.publishEvent(new RecertificationRequested(published.courseId(), published.version(), published.title(), people));
		}
	}

	@Transactional(readOnly = true)
	public List<TeamProgressRow> teamProgress(Viewer manager, TeamId teamId) {
		organization.managedTeam(manager, teamId);
		return progressOfTeamTree(teamId);
	}

	/**
	 * The courses each of these people is done with (passed, or completed when the course has no quiz); people done
	 * with none are absent. Two queries for them all; callers check the viewer.
	 */
	@Transactional(readOnly = true)
	public Map<PersonId, Set<CourseId>> doneBy(Collection<PersonId> people) {
		List<ProgressStore.Row> rows = progress.ofPeople(people);
		Set<CourseId> withQuiz = authoring.withQuiz(rows.stream().map(ProgressStore.Row::courseId).distinct().toList());
		Map<PersonId, Set<CourseId>> done = new HashMap<>();
		for (ProgressStore.Row row : rows) {
			if (row.status().isDone(withQuiz.contains(row.courseId()))) {
				done.computeIfAbsent(row.personId(), k -> new HashSet<>()).add(row.courseId());
			}
		}
		return done;
	}

	/**
	 * What {@link #teamProgress} shows (each member of the team tree with each course assigned to them, through a
	 * team or in person), without checking a viewer: callers (rhythm's learning hours, which L&D also reads) do.
	 */
	@Transactional(readOnly = true)
	public List<TeamProgressRow> progressOfTeamTree(TeamId teamId) {
		List<Person> members = organization.membersOfTeamTree(teamId);
		Set<TeamId> tree = organization.withDescendants(Set.of(teamId));
		Set<TeamId> relevant = organization.withAncestors(tree);
		List<Assignment> all = assignments.forTeams(relevant);
		Map<PersonId, List<PersonAssignment>> ownAssignments = new HashMap<>();
		personAssignments.forPeople(members.stream().map(Person::id).toList())
			.forEach(a -> ownAssignments.computeIfAbsent(a.personId(), k -> new ArrayList<>()).add(a));
		List<CourseId> courseIds = Stream.concat(all.stream().map(Assignment::courseId),
				ownAssignments.values().stream().flatMap(List::stream).map(PersonAssignment::courseId))
			.distinct()
			.toList();
		Map<CourseId, String> titles = authoring.titles(courseIds);
		Set<CourseId> withQuiz = authoring.withQuiz(courseIds);
		Map<String, ProgressStore.Row> rows = new HashMap<>();
		progress.ofPeople(members.stream().map(Person::id).toList())
			.forEach(row -> rows.put(row.personId().value() + "/" + row.courseId().value(), row));
		List<TeamProgressRow> result = new ArrayList<>();
		// members of the same teams reach the same assignments: the walk up the tree once per set of teams
		Map<Set<TeamId>, Set<TeamId>> reaches = new HashMap<>();
		for (Person member : members) {
			Set<TeamId> reach = reaches.computeIfAbsent(member.teamIds(), organization::withAncestors);
			Map<CourseId, LocalDate> due = new LinkedHashMap<>();
			for (Assignment assignment : all) {
				if (reach.contains(assignment.teamId())) {
					due.merge(assignment.courseId(), assignment.dueDate() == null ? LocalDate.MAX : assignment.dueDate(),
							(a, b) -> a.isBefore(b) ? a : b);
				}
			}
			for (PersonAssignment assignment : ownAssignments.getOrDefault(member.id(), List.of())) {
				due.merge(assignment.courseId(), assignment.dueDate() == null ? LocalDate.MAX : assignment.dueDate(),
						(a, b) -> a.isBefore(b) ? a : b);
			}
			due.forEach((courseId, date) -> {
				ProgressStore.Row row = rows.get(member.id().value() + "/" + courseId.value());
				result.add(new TeamProgressRow(member.id(), member.name(), courseId, titles.get(courseId),
						row == null ? ProgressStatus.NOT_STARTED : row.status(), row == null ? null : row.bestScore(),
						LocalDate.MAX.equals(date) ? null : date, withQuiz.contains(courseId)));
			});
		}
		return result;
	}

	@Transactional(readOnly = true)
	public List<Team> teamsManagedBy(Viewer viewer) {
		return organization.teamsManagedBy(viewer);
	}

	private boolean intervalDue(ProgressStore.Row row, RiskTier tier) {
		Integer months = policies.policy(tier).recertifyMonths();
		return months != null && row.completedAt() != null
				&& row.completedAt().isBefore(ZonedDateTime.now().minusMonths(months).toInstant());
	}

	/** Re-derives the status; callers hold the row lock. */
	private CourseProgress refresh(PersonId person, String name, Course course) {
		ProgressStore.Row row = progress.find(person, course.id()).orElseThrow();
		Set<String> read = progress.readLessons(person, course.id());
		boolean allRead = course.lessons().stream().allMatch(lesson -> read.contains(lesson.id()));
		boolean passed = row.passed();
		ProgressStatus status;
		if (passed) {
			status = ProgressStatus.PASSED;
		}
		else if (allRead && (course.quiz().isEmpty() || row.attempts() > 0)) {
			status = ProgressStatus.COMPLETED;
		}
		else {
			status = ProgressStatus.IN_PROGRESS;
		}
		Instant completedAt = row.completedAt();
		if (completedAt == null && status != ProgressStatus.IN_PROGRESS) {
			completedAt = clock.instant();
			record.record(new LearningAction(person, name, Verb.COMPLETED, ActivityType.COURSE, course.id().value(),
					course.title(), course.id().value(), Result.completion(status == ProgressStatus.PASSED
							|| course.quiz().isEmpty())));
		}
		if (status != row.status() || !Objects.equals(completedAt, row.completedAt())) {
			progress.updateStatus(person, course.id(), status, completedAt);
		}
		if (status.isDone(!course.quiz().isEmpty()) && certificates.current(person, course.id()).isEmpty()) {
			certificates.issue(person, course.id(), course.version(), course.title(), row.bestScore(), clock.instant());
		}
		return new CourseProgress(course, read, status, row.bestScore());
	}

	/** Today's date, by the application's clock: what "overdue" is measured against. */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * The current completion certificate of {@code personId} (the viewer when null) for a course. Learners see their
	 * own, managers those of people in the teams they manage (and below), admins all; everyone else, and anyone
	 * before the course is finished, gets "not found".
	 */
	public Certificate certificate(Viewer viewer, CourseId courseId, PersonId personId) {
		PersonId person = personId == null ? viewer.id() : personId;
		if (!organization.canSee(viewer, person)) {
			throw new NotFoundException("Certificate");
		}
		Person learner = organization.person(viewer, person);
		Course course = authoring.deliveredTo(person, courseId);
		ProgressStore.Row row = progress.find(person, courseId).orElseThrow(() -> new NotFoundException("Certificate"));
		if (!row.status().isDone(!course.quiz().isEmpty())) {
			throw new NotFoundException("Certificate");
		}
		Certificates.Row certificate = certificates.current(person, courseId).orElseGet(() -> {
			// finished before certificates were kept: issued on first sight, dated by the recorded completion
			ProgressStore.Row locked = progress.lock(person, courseId);
			return certificates.current(person, courseId)
				.orElseGet(() -> certificates.issue(person, courseId, course.version(), course.title(), locked.bestScore(),
						locked.completedAt() == null ? clock.instant() : locked.completedAt()));
		});
		return certificate(learner, certificate);
	}

	/** A certificate by its verification id, with the same visibility as {@link #certificate}. */
	@Transactional(readOnly = true)
	public Certificate verify(Viewer viewer, String verificationId) {
		if (!Ids.looksValid(verificationId)) {
			throw new NotFoundException("Certificate");
		}
		Certificates.Row certificate = certificates.byId(verificationId)
			.orElseThrow(() -> new NotFoundException("Certificate"));
		if (!organization.canSee(viewer, certificate.personId())) {
			throw new NotFoundException("Certificate");
		}
		return certificate(organization.person(viewer, certificate.personId()), certificate);
	}

	private Certificate certificate(Person learner, Certificates.Row certificate) {
		return new Certificate(certificate.id(), learner.id(), learner.name(), certificate.courseId(), certificate.courseTitle(),
				certificate.version(), certificate.completedAt(), certificate.score(), certificate.current());
	}

	/** Published courses for everyone; a retired one only for learners who had started it. */
	private Course takeable(Viewer learner, CourseId courseId) {
		Course course = authoring.deliverableFor(learner.id(), courseId);
		if (course.isRetired() && progress.find(learner.id(), courseId).isEmpty()) {
			throw new NotFoundException("Course");
		}
		return course;
	}

	private CourseProgress view(PersonId person, Course course) {
		var row = progress.find(person, course.id());
		return new CourseProgress(course, progress.readLessons(person, course.id()),
				row.map(ProgressStore.Row::status).orElse(ProgressStatus.NOT_STARTED),
				row.map(ProgressStore.Row::bestScore).orElse(null));
	}

	/**
	 * Assigns a course to one person (e.g. the course they lack for a capability), or moves its due date when it is
	 * assigned to them already; managers of the person and admins. It shows in their My learning as assigned, with
	 * {@code reason}, and in their team's progress.
	 */
	public PersonAssignment assignToPerson(Viewer manager, CourseId courseId, PersonId personId, LocalDate dueDate,
			String reason) {
		Person person = organization.contactOf(personId)
			.filter(p -> managesPerson(manager, p))
			.orElseThrow(() -> new NotFoundException("Person"));
		return assignPerson(manager.id(), courseId, person, dueDate, reason);
	}

	/**
	 * Assigns to one person as {@link #assignToPerson} does, made by {@code by} on an authority the calling module has
	 * checked (rhythm: L&D act on every team's capability interventions); here only that {@code by} holds a role that
	 * can have it. 404 for an inactive person.
	 */
	public PersonAssignment assignToPersonOnAuthorityOf(Viewer by, CourseId courseId, PersonId personId,
			LocalDate dueDate, String reason) {
		requireOrganizationWideRole(by);
		Person person = organization.contactOf(personId).orElseThrow(() -> new NotFoundException("Person"));
		return assignPerson(by.id(), courseId, person, dueDate, reason);
	}

	private PersonAssignment assignPerson(PersonId by, CourseId courseId, Person person, LocalDate dueDate,
			String reason) {
		requireAssignable(courseId, dueDate);
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (why != null && why.length() > MAX_REASON_LENGTH) {
			throw new InvalidInputException("reason", "Keep the reason under " + MAX_REASON_LENGTH + " characters.");
		}
		if (ControlCharacters.in(why)) {
			throw new InvalidInputException("reason", ControlCharacters.MESSAGE);
		}
		// someone who finished the course already takes it again: an assignment that changes nothing is no assignment
		progress.askToRetake(person.id(), courseId, why == null ? "Assigned again" : why);
		return personAssignments.assign(courseId, person.id(), dueDate, why, by, clock.instant());
	}

	/**
	 * Admins, and managers of a team the person is in (or one above it). Seeing oneself is not managing oneself: a
	 * manager may assign to themselves only when they are in a team they manage.
	 */
	private boolean managesPerson(Viewer viewer, Person person) {
		if (viewer.isAdmin()) {
			return true;
		}
		if (!viewer.isManager() || !organization.canSee(viewer, person.id())) {
			return false;
		}
		Set<TeamId> managed = organization.managedTeamTree(viewer);
		return person.teamIds().stream().anyMatch(managed::contains);
	}
}
