package io.stride.delivery;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.stride.authoring.Course;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A course assigned to one person (the one they lack for a capability) counts as a team assignment does: in their
 * My learning, with why, and in their team's progress; only their managers and admins assign it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class PersonAssignmentTests {

	private static final String REASON = "For “Handle a complex escalation”: Can do it alone";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Delivery delivery;

	@Autowired
	io.stride.authoring.Authoring authoring;

	@Autowired
	MovableClock clock;

	Org org;

	Viewer managerA;

	Course course;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		managerA = fixtures.viewer(org.managerA());
		course = fixtures.publishedCourse(managerA, "Complex escalations " + org.suffix());
	}

	@Test
	void theCourseShowsInTheirLearningWithWhyAndNotInTheirTeammates() throws Exception {
		LocalDate due = delivery.today().plusDays(14);
		PersonAssignment assignment = delivery.assignToPerson(managerA, course.id(), org.learnerSubA(), due, "  " + REASON + " ");
		assertThat(assignment.personId()).isEqualTo(org.learnerSubA());
		assertThat(assignment.reason()).isEqualTo(REASON);

		assertThat(delivery.myLearning(fixtures.viewer(org.learnerSubA())))
			.singleElement()
			.satisfies(item -> {
				assertThat(item.courseId()).isEqualTo(course.id());
				assertThat(item.assigned()).isTrue();
				assertThat(item.dueDate()).isEqualTo(due);
				assertThat(item.reason()).isEqualTo(REASON);
				assertThat(item.section()).isEqualTo(LearningItem.Section.ASSIGNED);
			});
		assertThat(delivery.myLearning(fixtures.viewer(org.learnerA()))).isEmpty();

		Document page = page(org.learnerSubA());
		assertThat(page.select("#assigned li h3").eachText()).containsExactly(course.title());
		assertThat(page.select("#assigned li .assignment-reason").text()).isEqualTo(REASON);
		assertThat(page.select("#assigned li").text()).contains("Due " + due);
		mvc.perform(get("/api/v1/me/learning").header("Authorization", "Bearer " + fixtures.token(org.learnerSubA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].courseId").value(course.id().value()))
			.andExpect(jsonPath("$[0].dueDate").value(due.toString()))
			.andExpect(jsonPath("$[0].reason").value(REASON));
	}

	@Test
	void assigningAgainMovesTheDueDateAndTheEarliestOfTeamAndPersonCounts() {
		Viewer learner = fixtures.viewer(org.learnerA());
		delivery.assign(managerA, course.id(), org.teamA(), delivery.today().plusDays(30));
		delivery.assignToPerson(managerA, course.id(), org.learnerA(), delivery.today().plusDays(20), REASON);
		assertThat(delivery.myLearning(learner)).singleElement()
			.satisfies(item -> {
				assertThat(item.dueDate()).isEqualTo(delivery.today().plusDays(20));
				assertThat(item.reason()).isEqualTo(REASON);
			});

		PersonAssignment moved = delivery.assignToPerson(managerA, course.id(), org.learnerA(), delivery.today().plusDays(10),
				"Before the renewal with Acme");
		assertThat(moved.dueDate()).isEqualTo(delivery.today().plusDays(10));
		assertThat(delivery.myLearning(learner)).singleElement()
			.satisfies(item -> {
				assertThat(item.dueDate()).isEqualTo(delivery.today().plusDays(10));
				assertThat(item.reason()).isEqualTo("Before the renewal with Acme");
			});

		// without a due date or reason of its own, the team's date applies
		delivery.assignToPerson(managerA, course.id(), org.learnerA(), null, " ");
		assertThat(delivery.myLearning(learner)).singleElement()
			.satisfies(item -> {
				assertThat(item.dueDate()).isEqualTo(delivery.today().plusDays(30));
				assertThat(item.reason()).isNull();
			});
	}

	@Test
	void thePersonsRowInTeamProgressShowsTheCourse() throws Exception {
		LocalDate due = delivery.today().plusDays(7);
		delivery.assignToPerson(managerA, course.id(), org.learnerSubA(), due, REASON);

		List<TeamProgressRow> rows = delivery.teamProgress(managerA, org.teamA());
		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row.personId()).isEqualTo(org.learnerSubA());
			assertThat(row.courseTitle()).isEqualTo(course.title());
			assertThat(row.status()).isEqualTo(ProgressStatus.NOT_STARTED);
			assertThat(row.dueDate()).isEqualTo(due);
		});
		assertThat(delivery.teamProgress(managerA, org.subTeamA())).hasSize(1);

		Document page = Jsoup.parse(mvc.perform(get("/teams/" + org.teamA().value())
				.with(SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("#team-progress tbody tr").eachText()).singleElement()
			.asString()
			.contains("Learner A1", course.title(), due.toString());
	}

	@Test
	void onlyTheirManagersAndAdminsAssignAndTheDatesAreChecked() {
		Viewer managerB = fixtures.viewer(org.managerB());
		Viewer learnerA = fixtures.viewer(org.learnerA());
		LocalDate due = delivery.today().plusDays(7);

		// another team's person, a learner, oneself without managing oneself: all "not found"
		assertThatThrownBy(() -> delivery.assignToPerson(managerB, course.id(), org.learnerA(), due, REASON))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> delivery.assignToPerson(learnerA, course.id(), org.learnerSubA(), due, REASON))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> delivery.assignToPerson(learnerA, course.id(), org.learnerA(), due, REASON))
			.isInstanceOf(NotFoundException.class);
		PersonId outsider = fixtures.person(fixtures.admin(), "No Team Manager", "no-team", org.suffix(), Set.of(),
				Set.of(org.teamB()));
		assertThatThrownBy(() -> delivery.assignToPerson(fixtures.viewer(outsider), course.id(), outsider, due, REASON))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> delivery.assignToPerson(managerA, course.id(), new PersonId(io.stride.shared.Ids.newId()),
				due, REASON))
			.isInstanceOf(NotFoundException.class);

		assertThatThrownBy(() -> delivery.assignToPerson(managerA, course.id(), org.learnerA(), delivery.today().minusDays(1),
				REASON))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsKey("dueDate"));
		assertThatThrownBy(() -> delivery.assignToPerson(managerA, course.id(), org.learnerA(),
				delivery.today().plusDays(Delivery.MAX_DAYS_AHEAD + 1), REASON))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsKey("dueDate"));
		assertThatThrownBy(() -> delivery.assignToPerson(managerA, course.id(), org.learnerA(), due,
				"x".repeat(Delivery.MAX_REASON_LENGTH + 1)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsKey("reason"));
		Course draft = authoring.create(managerA, Fixtures.sampleCourse("Unpublished " + org.suffix()));
		assertThatThrownBy(() -> delivery.assignToPerson(managerA, draft.id(), org.learnerA(), due, REASON))
			.isInstanceOf(NotFoundException.class);
		assertThat(delivery.myLearning(learnerA)).isEmpty();

		// the manager of the team above, and an admin, may
		assertThat(delivery.assignToPerson(managerA, course.id(), org.learnerSubA(), due, REASON).dueDate()).isEqualTo(due);
		assertThat(delivery.assignToPerson(fixtures.admin(), course.id(), org.learnerB(), null, null).reason()).isNull();
		assertThat(delivery.myLearning(fixtures.viewer(org.learnerB()))).extracting(LearningItem::courseId)
			.containsExactly(course.id());
	}

	private Document page(PersonId person) throws Exception {
		return Jsoup.parse(mvc.perform(get("/learning").with(SignedIn.as(fixtures.viewerPerson(person))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}
}
