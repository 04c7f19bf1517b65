package io.stride.mastery;

import java.util.ArrayList;
import java.util.List;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.authoring.Course;
import io.stride.authoring.Question;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.Ids;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the mastery module gives capabilities: who mastered which course and when, sign-offs, the checklist tasks a
 * catalogue keeper picks from, who may sign a task off, and the events that tell capabilities to recompute.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
@RecordApplicationEvents
class CapabilityEvidenceTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Assessment assessment;

	@Autowired
	Mastery mastery;

	@Autowired
	MasteryRules rules;

	@Autowired
	Checklists checklists;

	@Autowired
	ApplicationEvents events;

	@Autowired
	MovableClock clock;

	Org org;

	Course course;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Executive business reviews " + org.suffix());
	}

	@Test
	void reachingAndLosingMasteryIsPublishedAndReadBack() {
		clock.advance(java.time.Duration.ofDays(1));
		take(org.learnerA(), 2);
		take(org.learnerB(), 1);

		assertThat(events.stream(CourseMasteryChanged.class))
			.containsExactly(new CourseMasteryChanged(org.learnerA(), course.id(), true));
		List<MasteryRecord> records = mastery.masteryRecords(List.of(org.learnerA(), org.learnerB()), List.of(course.id()));
		assertThat(records).extracting(MasteryRecord::personId).containsExactly(org.learnerA());
		// by the application's clock, a day ahead of the real one
		assertThat(records.get(0).masteredAt()).isBetween(clock.instant().minusSeconds(1), clock.instant().plusSeconds(1));
		assertThat(mastery.peopleWhoMastered(List.of(course.id()))).containsExactly(org.learnerA());
		assertThat(mastery.masteryRecords(List.of(org.learnerB()), List.of(course.id()))).isEmpty();
		assertThat(mastery.masteryRecords(List.of(), List.of(course.id()))).isEmpty();

		// a checklist added to the learner's team means the quiz alone is no longer enough
		rules.addTask(fixtures.viewer(org.managerA()), org.teamA(), course.id(), "Runs a review without escalation");
		assertThat(events.stream(CourseMasteryChanged.class))
			.endsWith(new CourseMasteryChanged(org.learnerA(), course.id(), false));
		assertThat(mastery.peopleWhoMastered(List.of(course.id()))).isEmpty();
		assertThat(mastery.masteryRecords(List.of(org.learnerA()), List.of(course.id()))).isEmpty();
	}

	@Test
	void signOffsAndWithdrawalsArePublishedAndReadBack() {
		Viewer manager = fixtures.viewer(org.managerA());
		ChecklistTask task = rules.addTask(manager, org.teamA(), course.id(), "Runs a review without escalation");
		take(org.learnerA(), 2);
		SignOff signOff = checklists.signOff(manager, task.id(), org.learnerA(), null, "Ran the Q3 review alone.");

		assertThat(events.stream(SignOffChanged.class))
			.containsExactly(new SignOffChanged(org.learnerA(), task.id(), true));
		assertThat(events.stream(CourseMasteryChanged.class))
			.containsExactly(new CourseMasteryChanged(org.learnerA(), course.id(), true));
		assertThat(checklists.signOffsOf(List.of(org.learnerA(), org.learnerSubA()), List.of(task.id())))
			.extracting(SignOff::id)
			.containsExactly(signOff.id());
		assertThat(checklists.peopleSignedOff(List.of(task.id()))).containsExactly(org.learnerA());

		checklists.withdraw(manager, signOff.id());
		assertThat(events.stream(SignOffChanged.class))
			.endsWith(new SignOffChanged(org.learnerA(), task.id(), false));
		assertThat(events.stream(CourseMasteryChanged.class))
			.endsWith(new CourseMasteryChanged(org.learnerA(), course.id(), false));
		assertThat(checklists.signOffsOf(List.of(org.learnerA()), List.of(task.id()))).isEmpty();
		assertThat(checklists.peopleSignedOff(List.of(task.id()))).isEmpty();
	}

	@Test
	void removingATaskWithdrawsItsSignOffs() {
		Viewer manager = fixtures.viewer(org.managerA());
		ChecklistTask task = rules.addTask(manager, org.teamA(), course.id(), "Runs a review without escalation");
		checklists.signOff(manager, task.id(), org.learnerSubA(), null, "Ran the Q3 review alone.");

		rules.removeTask(manager, task.id());

		assertThat(events.stream(SignOffChanged.class)).containsExactly(
				new SignOffChanged(org.learnerSubA(), task.id(), true), new SignOffChanged(org.learnerSubA(), task.id(), false));
		assertThat(checklists.peopleSignedOff(List.of(task.id()))).isEmpty();
	}

	@Test
	void tasksAreListedWithTheirTeamAndCourse() {
		Viewer managerA = fixtures.viewer(org.managerA());
		ChecklistTask first = rules.addTask(managerA, org.teamA(), course.id(), "Prepares the deck");
		ChecklistTask second = rules.addTask(managerA, org.teamA(), course.id(), "Runs the review");
		ChecklistTask sub = rules.addTask(managerA, org.subTeamA(), course.id(), "Writes the follow-up");

		List<Checklists.TaskInfo> mine = checklists.allTasks()
			.stream()
			.filter(t -> t.task().courseId().equals(course.id()))
			.toList();
		// Team A before Team A1, and each checklist in its own order
		assertThat(mine).extracting(t -> t.task().id()).containsExactly(first.id(), second.id(), sub.id());
		assertThat(mine.get(0).teamName()).isEqualTo("Team A " + org.suffix());
		assertThat(mine.get(2).teamName()).isEqualTo("Team A1 " + org.suffix());
		assertThat(mine.get(0).courseTitle()).isEqualTo(course.title());

		assertThat(checklists.taskInfo(sub.id())).hasValueSatisfying(info -> {
			assertThat(info.task().title()).isEqualTo("Writes the follow-up");
			assertThat(info.teamName()).isEqualTo("Team A1 " + org.suffix());
		});
		assertThat(checklists.taskInfo(Ids.newId())).isEmpty();
	}

	@Test
	void signersAreTheLearnersManagersAndTheNamedExpertsButNeverTheLearner() {
		Viewer managerA = fixtures.viewer(org.managerA());
		rules.save(managerA, org.teamA(), course.id(),
				new MasteryRules.CriteriaChange(null, null, List.of(org.learnerA()), null));
		ChecklistTask task = rules.addTask(managerA, org.teamA(), course.id(), "Runs a review without escalation");

		// the manager of the team above the sub-team, and the expert
		assertThat(checklists.signersFor(task.id(), org.learnerSubA()))
			.containsExactlyInAnyOrder(org.managerA(), org.learnerA());
		// the expert is not their own signer
		assertThat(checklists.signersFor(task.id(), org.learnerA())).containsExactly(org.managerA());
		// nor is a manager who is a member of the team they manage
		assertThat(checklists.signersFor(task.id(), org.managerA())).containsExactly(org.learnerA());
		assertThat(checklists.signersFor(task.id(), org.learnerSubA())).doesNotContain(org.managerB());
		assertThatThrownBy(() -> checklists.signersFor(Ids.newId(), org.learnerA()))
			.isInstanceOf(io.stride.shared.NotFoundException.class);
	}

	private void take(PersonId learner, int right) {
		List<Answer> answers = new ArrayList<>();
		List<Question> questions = course.quiz().questions();
		for (int i = 0; i < questions.size(); i++) {
			Question q = questions.get(i);
			answers.add(new Answer(q.id(), i < right ? q.correct() : List.of()));
		}
		assessment.submit(fixtures.viewer(learner), course.id(), answers, Ids.newId());
	}
}
