package io.stride.tracks;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.stride.activity.LearningRecord;
import io.stride.activity.Statement;
import io.stride.activity.Verb;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Quiz;
import io.stride.capability.CapabilityId;
import io.stride.cycles.CycleClosing;
import io.stride.cycles.CycleClosing.Closing;
import io.stride.cycles.CycleClosing.GoalReflection;
import io.stride.cycles.Goal;
import io.stride.cycles.GoalDraft;
import io.stride.cycles.GoalOutcome;
import io.stride.cycles.LearningCycle;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.NewCycle;
import io.stride.delivery.Delivery;
import io.stride.identity.Viewer;
import io.stride.mastery.ChecklistTask;
import io.stride.mastery.Checklists;
import io.stride.mastery.MasteryRules;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Progress as work happens: done before enrolling, done elsewhere while enrolled (a course completed, a lesson read),
 * the next step opening the same day, an observed task signed off and a suggested goal closed as learned while
 * enrolled, the team's order, completion, and each of them in the learning record.
 */
@SpringBootTest
class TrackProgressTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Authoring authoring;

	@Autowired
	Delivery delivery;

	@Autowired
	Enrolments enrolments;

	@Autowired
	TrackProgress progress;

	@Autowired
	LearningRecord record;

	@Autowired
	MasteryRules masteryRules;

	@Autowired
	Checklists checklists;

	@Autowired
	LearningCycles cycles;

	@Autowired
	CycleClosing closing;

	@Autowired
	CapabilityRows capabilities;

	Org org;

	EnrolmentFixtures tracks;

	Viewer learner;

	@BeforeEach
	void setUp() {
		org = fixtures.organization();
		tracks = new EnrolmentFixtures(jdbc);
		learner = fixtures.viewer(org.learnerA());
	}

	@Test
	void aCourseCompletedBeforeEnrollingCountsAndTheStepAfterItOpensTheSameDay() {
		Course first = courseWithoutQuiz("Discovery calls");
		Course second = courseWithoutQuiz("Renewal plans");
		delivery.readLesson(learner, first.id(), first.lessons().get(0).id());
		TrackId track = tracks.track("CSM " + org.suffix(), false, org.managerA());
		String s1 = tracks.courseStep(track, 0, "Discovery calls", first.id().value());
		String s2 = tracks.courseStep(track, 1, "Renewal plans", second.id().value());
		tracks.pacing(s2, PacingRule.AFTER_PREVIOUS, 0, null);
		String s3 = tracks.step(track, 2, StepKind.EXTERNAL, "Shadow a QBR");
		tracks.pacing(s3, PacingRule.AFTER_PREVIOUS, 2, null);

		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);
		TrackProgress.Progress p = progress.progress(learner, enrolment.id());
		assertThat(p.steps()).extracting(s -> s.state()).containsExactly(TrackProgress.State.DONE, TrackProgress.State.OPEN,
				TrackProgress.State.WAITING);
		assertThat(p.steps().get(0).doneHow()).isEqualTo(TrackProgress.COMPLETED_BEFORE);
		assertThat(p.next().step().id()).isEqualTo(s3);
		assertThat(p.next().opens()).isEqualTo("waits for “Renewal plans”");

		// completing the second course elsewhere marks its step done and schedules the next
		delivery.readLesson(learner, second.id(), second.lessons().get(0).id());
		p = progress.progress(learner, enrolment.id());
		assertThat(p.steps().get(1).state()).isEqualTo(TrackProgress.State.DONE);
		assertThat(p.steps().get(1).doneHow()).isEqualTo(TrackProgress.COMPLETED);
		LocalDate opens = LocalDate.now(ZoneOffset.UTC).plusDays(2);
		assertThat(p.steps().get(2).state()).isEqualTo(TrackProgress.State.SCHEDULED);
		assertThat(p.steps().get(2).releaseOn()).isEqualTo(opens);
		assertThat(p.next().opens()).isEqualTo("opens on " + TrackProgressRules.day(opens)
				+ " — 2 days after you finish “Renewal plans”");

		List<Statement> mine = trackStatements();
		assertThat(mine).extracting(s -> verb(s) + " " + s.objectId().substring(s.objectId().lastIndexOf('/', s.objectId().lastIndexOf('/') - 1) + 1))
			.containsExactly("registered track/" + track.value(), "completed track_step/" + s1, "launched track_step/" + s2,
					"completed track_step/" + s2);
	}

	@Test
	void aLessonReadInAnyCourseMarksItsComponentStepDoneAndTheLastStepCompletesTheTrack() {
		Course course = courseWithoutQuiz("Objection handling");
		TrackId track = tracks.track("Component " + org.suffix(), false, org.managerA());
		String lesson = tracks.componentStep(track, 0, "Objections", course.lessons().get(0).id());
		String external = tracks.step(track, 1, StepKind.EXTERNAL, "Read the playbook");
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);

		delivery.readLesson(learner, course.id(), course.lessons().get(0).id());
		assertThat(progress.progress(learner, enrolment.id()).steps().get(0).state()).isEqualTo(TrackProgress.State.DONE);
		assertThat(enrolments.enrolment(learner, enrolment.id()).status()).isEqualTo(EnrolmentStatus.ACTIVE);

		TrackProgress.Progress done = progress.markDone(learner, enrolment.id(), external);
		assertThat(done.done()).isEqualTo(2);
		assertThat(done.enrolment().status()).isEqualTo(EnrolmentStatus.COMPLETED);
		assertThat(trackStatements()).extracting(this::verb).containsSubsequence("registered", "completed", "completed",
				"completed");
		assertThat(trackStatements().getLast().objectId()).endsWith("/track/" + track.value());
		assertThat(lesson).isNotBlank();
	}

	@Test
	void anObservedTaskSignedOffWhileEnrolledMarksItsStepDoneAndTheStepAfterItOpens() {
		Viewer manager = fixtures.viewer(org.managerA());
		Course course = fixtures.publishedCourse(manager, "Executive business reviews " + org.suffix());
		ChecklistTask review = masteryRules.addTask(manager, org.teamA(), course.id(), "Runs a review without escalation");
		ChecklistTask deck = masteryRules.addTask(manager, org.teamA(), course.id(), "Prepares the deck");
		TrackId track = tracks.track("Observed " + org.suffix(), false, org.managerA());
		String watched = tracks.observedTaskStep(track, 0, "Run a review", review.id());
		String after = tracks.step(track, 1, StepKind.EXTERNAL, "Shadow a QBR");
		tracks.pacing(after, PacingRule.AFTER_PREVIOUS, 0, null);
		String other = tracks.observedTaskStep(track, 2, "Prepare the deck", deck.id());
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);
		assertThat(EnrolmentFixtures.states(progress, learner, enrolment)).containsExactly(TrackProgress.State.OPEN,
				TrackProgress.State.WAITING, TrackProgress.State.OPEN);

		checklists.signOff(manager, review.id(), org.learnerA(), null, "Ran the Q3 review alone.");

		TrackProgress.Progress p = progress.progress(learner, enrolment.id());
		assertThat(p.steps()).extracting(s -> s.state()).containsExactly(TrackProgress.State.DONE, TrackProgress.State.OPEN,
				TrackProgress.State.OPEN);
		assertThat(p.steps().get(0).doneHow()).isEqualTo(TrackProgress.COMPLETED);
		assertThat(p.done()).isEqualTo(1);
		assertThat(trackStatements()).extracting(s -> verb(s) + " " + s.objectId().substring(s.objectId().lastIndexOf('/') + 1))
			.contains("completed " + watched, "launched " + after)
			.doesNotContain("completed " + other);

		// another person's sign-off of the other task leaves this person's step open
		checklists.signOff(manager, deck.id(), org.learnerSubA(), null, "Built the deck for the Q3 review.");
		assertThat(progress.progress(learner, enrolment.id()).steps().get(2).state()).isEqualTo(TrackProgress.State.OPEN);
	}

	@Test
	void aSuggestedGoalClosedAsLearnedMarksItsStepDoneByItsWordsOrItsCapabilityAndAGoalPartlyLearnedDoesNot() {
		CapabilityId renewals = capabilities.capability("Renewals " + org.suffix(), "Customer", org.managerA());
		CapabilityId negotiation = capabilities.capability("Negotiation " + org.suffix(), "Customer", org.managerA());
		CapabilityId presenting = capabilities.capability("Presenting " + org.suffix(), "Customer", org.managerA());
		TrackId track = tracks.track("Goals " + org.suffix(), false, org.managerA());
		String ebrs = tracks.goalStep(track, 0, "Run two EBRs with a peer watching", renewals.value());
		String negotiate = tracks.goalStep(track, 1, "Lead a renewal negotiation", negotiation.value());
		String present = tracks.goalStep(track, 2, "Present to an executive sponsor", presenting.value());
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);

		LearningCycle cycle = cycles.start(learner, NewCycle.blank("Spring"));
		// the step's words in another case; a goal of its own words that names the step's capability; the third step's
		// words, learned only partly
		Goal sameWords = cycles.addGoal(learner, cycle.id(), GoalDraft.of("run two EBRs with a PEER watching"));
		Goal sameCapability = cycles.addGoal(learner, cycle.id(), new GoalDraft("Hold my ground on price", negotiation,
				null, List.of(), true, List.of(), List.of(), null, null, null, List.of(), null, false));
		Goal partly = cycles.addGoal(learner, cycle.id(), GoalDraft.of("Present to an executive sponsor"));
		// a goal is not done while its cycle runs
		assertThat(EnrolmentFixtures.states(progress, learner, enrolment)).containsOnly(TrackProgress.State.OPEN);

		closing.close(learner, cycle.id(), new Closing(List.of(
				new GoalReflection(sameWords.id(), GoalOutcome.LEARNED, null, null),
				new GoalReflection(sameCapability.id(), GoalOutcome.LEARNED, null, null),
				new GoalReflection(partly.id(), GoalOutcome.PARTLY, null, null)), List.of(), null, null));

		TrackProgress.Progress p = progress.progress(learner, enrolment.id());
		assertThat(p.steps()).extracting(s -> s.state()).containsExactly(TrackProgress.State.DONE, TrackProgress.State.DONE,
				TrackProgress.State.OPEN);
		assertThat(p.steps()).extracting(s -> s.doneHow()).containsExactly(TrackProgress.COMPLETED,
				TrackProgress.COMPLETED, null);
		assertThat(p.enrolment().status()).isEqualTo(EnrolmentStatus.ACTIVE);
		assertThat(trackStatements()).extracting(s -> verb(s) + " " + s.objectId().substring(s.objectId().lastIndexOf('/') + 1))
			.contains("completed " + ebrs, "completed " + negotiate)
			.doesNotContain("completed " + present);
	}

	@Test
	void thePersonFollowsTheirTeamsOrderAndAnotherTeamKeepsTheOrganizations() {
		TrackId track = tracks.track("Ordered " + org.suffix(), false, org.managerA());
		String a = tracks.step(track, 0, StepKind.EXTERNAL, "A");
		String b = tracks.step(track, 1, StepKind.EXTERNAL, "B");
		tracks.teamOrder(track, org.teamA(), org.managerA(), b, a);
		Enrolment mine = enrolments.enrol(learner, track, null, null, null);
		Enrolment theirs = enrolments.enrol(fixtures.viewer(org.learnerB()), track, null, null, null);
		assertThat(mine.team()).isEqualTo(org.teamA());
		assertThat(progress.progress(learner, mine.id()).steps()).extracting(s -> s.step().id()).containsExactly(b, a);
		assertThat(progress.progress(fixtures.viewer(org.learnerB()), theirs.id()).steps()).extracting(s -> s.step().id())
			.containsExactly(a, b);
	}

	private Course courseWithoutQuiz(String title) {
		Viewer author = fixtures.viewer(org.managerA());
		Course draft = authoring.create(author, new CourseContent(title + " " + org.suffix(), "d",
				List.of(new Lesson(null, title, "Text of " + title)), new Quiz(80, List.of())));
		return authoring.publish(author, draft.id(), draft.revision());
	}

	private List<Statement> trackStatements() {
		return record.statementsOf(org.learnerA()).stream()
			.filter(s -> s.objectId().contains("/track/") || s.objectId().contains("/track_step/"))
			.toList();
	}

	private String verb(Statement s) {
		for (Verb verb : Verb.values()) {
			if (verb.iri().equals(s.verbIri())) {
				return verb.display();
			}
		}
		return s.verbIri();
	}
}
