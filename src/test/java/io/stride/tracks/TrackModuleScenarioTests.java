package io.stride.tracks;

import java.util.List;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Result;
import io.stride.activity.Verb;
import io.stride.authoring.Course;
import io.stride.cycles.CycleClosing;
import io.stride.cycles.CycleClosing.Closing;
import io.stride.cycles.CycleClosing.GoalReflection;
import io.stride.cycles.Goal;
import io.stride.cycles.GoalDraft;
import io.stride.cycles.GoalOutcome;
import io.stride.cycles.LearningCycle;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.NewCycle;
import io.stride.identity.Viewer;
import io.stride.mastery.ChecklistTask;
import io.stride.mastery.Checklists;
import io.stride.mastery.MasteryRules;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.ModuleTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Development tracks as a module (with the modules they depend on, not the whole application): a person's steps are
 * marked done by what other modules announce — activity's {@code StatementRecorded} for a course completed anywhere,
 * mastery's {@code SignOffChanged} for an observed task, cycles' {@code CycleClosed} for a suggested goal learned —
 * and the track's last step done completes the enrolment ({@link EnrolmentChanged}, which the audit log records).
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "shared")
@Import(ModuleTestContext.class)
class TrackModuleScenarioTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

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

	Org org;

	EnrolmentFixtures tracks;

	Viewer manager;

	Viewer learner;

	@BeforeEach
	void setUp() {
		org = fixtures.organization();
		tracks = new EnrolmentFixtures(jdbc);
		manager = fixtures.viewer(org.managerA());
		learner = fixtures.viewer(org.learnerA());
	}

	@Test
	void aCourseCompletedInTheLearningRecordMarksItsStepDoneAndOpensTheNext(Scenario scenario) {
		Course course = fixtures.publishedCourse(manager, "Discovery calls " + org.suffix());
		TrackId track = tracks.track("Course step " + org.suffix(), false, org.managerA());
		tracks.courseStep(track, 0, "Discovery calls", course.id().value());
		String next = tracks.step(track, 1, StepKind.EXTERNAL, "Shadow a QBR");
		tracks.pacing(next, PacingRule.AFTER_PREVIOUS, 0, null);
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);
		assertThat(states(enrolment)).containsExactly(TrackProgress.State.OPEN, TrackProgress.State.WAITING);

		// completed anywhere (here: recorded straight into the learning record, as an imported package would)
		scenario.stimulate(tx -> tx.execute(status -> record.record(new LearningAction(org.learnerA(), "Learner A",
				Verb.COMPLETED, ActivityType.COURSE, course.id().value(), course.title(), course.id().value(), Result.NONE))))
			.andWaitForStateChange(() -> states(enrolment), states -> states.getFirst() == TrackProgress.State.DONE)
			.andVerify(states -> assertThat(states).containsExactly(TrackProgress.State.DONE, TrackProgress.State.OPEN));

		assertThat(progress.progress(learner, enrolment.id()).steps().getFirst().doneHow())
			.isEqualTo(TrackProgress.COMPLETED);
	}

	@Test
	void anotherPersonsCompletionLeavesTheStepOpen(Scenario scenario) {
		Course course = fixtures.publishedCourse(manager, "Renewal plans " + org.suffix());
		TrackId track = tracks.track("Someone else " + org.suffix(), false, org.managerA());
		tracks.courseStep(track, 0, "Renewal plans", course.id().value());
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);

		scenario.stimulate(tx -> tx.execute(status -> record.record(new LearningAction(org.learnerB(), "Learner B",
				Verb.COMPLETED, ActivityType.COURSE, course.id().value(), course.title(), course.id().value(), Result.NONE))))
			.andWaitForStateChange(() -> states(enrolment))
			.andVerify(states -> assertThat(states).containsExactly(TrackProgress.State.OPEN));
	}

	@Test
	void anObservedTaskSignedOffInMasteryMarksItsStepDoneAndCompletesTheTrack(Scenario scenario) {
		Course course = fixtures.publishedCourse(manager, "Executive business reviews " + org.suffix());
		ChecklistTask task = masteryRules.addTask(manager, org.teamA(), course.id(), "Runs a review without escalation");
		TrackId track = tracks.track("Observed " + org.suffix(), false, org.managerA());
		tracks.observedTaskStep(track, 0, "Run a review", task.id());
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);

		scenario.stimulate(() -> checklists.signOff(manager, task.id(), org.learnerA(), null, "Ran the Q3 review alone."))
			.andWaitForEventOfType(EnrolmentChanged.class)
			.matching(changed -> changed.enrolmentId().equals(enrolment.id()) && "COMPLETED".equals(changed.change()))
			.toArriveAndVerify(changed -> {
				assertThat(states(enrolment)).containsExactly(TrackProgress.State.DONE);
				assertThat(enrolments.enrolment(learner, enrolment.id()).status()).isEqualTo(EnrolmentStatus.COMPLETED);
			});
	}

	@Test
	void aCycleClosedWithTheSuggestedGoalLearnedMarksItsStepDone(Scenario scenario) {
		TrackId track = tracks.track("Goals " + org.suffix(), false, org.managerA());
		tracks.goalStep(track, 0, "Lead a renewal negotiation", null);
		tracks.goalStep(track, 1, "Present to an executive sponsor", null);
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);
		LearningCycle cycle = cycles.start(learner, NewCycle.blank("Spring"));
		Goal learned = cycles.addGoal(learner, cycle.id(), GoalDraft.of("lead a renewal NEGOTIATION"));
		Goal partly = cycles.addGoal(learner, cycle.id(), GoalDraft.of("Present to an executive sponsor"));
		// a goal is not done while its cycle runs
		assertThat(states(enrolment)).containsOnly(TrackProgress.State.OPEN);

		scenario.stimulate(() -> closing.close(learner, cycle.id(), new Closing(List.of(
				new GoalReflection(learned.id(), GoalOutcome.LEARNED, null, null),
				new GoalReflection(partly.id(), GoalOutcome.PARTLY, null, null)), List.of(), null, null)))
			.andWaitForStateChange(() -> states(enrolment), states -> states.contains(TrackProgress.State.DONE))
			.andVerify(states -> assertThat(states).containsExactly(TrackProgress.State.DONE, TrackProgress.State.OPEN));
	}

	private List<TrackProgress.State> states(Enrolment enrolment) {
		return EnrolmentFixtures.states(progress, learner, enrolment);
	}
}
