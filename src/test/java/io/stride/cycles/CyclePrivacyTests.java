package io.stride.cycles;

import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.stride.cycles.CheckIns.GoalCheckIn;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.notification.Notifications;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a manager who only sees that a contract exists, a named reader and a former reader may learn of it: the
 * discussion, notifications, the contract's own settings and the list of named readers.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
@RecordApplicationEvents
class CyclePrivacyTests {

	@Autowired
	LearningCycles cycles;

	@Autowired
	CycleDiscussion discussion;

	@Autowired
	CheckIns checkIns;

	@Autowired
	Notifications notifications;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEvents events;

	@Autowired
	MockMvc mvc;

	Org org;

	Viewer ana;

	Viewer ben;

	Viewer manager;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		ana = fixtures.viewer(org.learnerA());
		ben = fixtures.viewer(org.learnerB());
		manager = fixtures.viewer(org.managerA());
	}

	@Test
	void aManagerWhoOnlySeesThatTheContractExistsReadsOnlyTheirOwnThread() {
		LearningCycle cycle = cycles.start(ana,
				new NewCycle(null, null, 45, Visibility.NAMED, List.of(org.learnerB()), null, null, null));
		Goal goal = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Prepare for a new job"));
		CycleDiscussion.Comment bens = discussion.comment(ben, goal.id(), null, "The interview is on Friday?");
		discussion.comment(ana, goal.id(), bens.id(), "Yes, keep it quiet.");
		// the clock is frozen in tests: a minute later, so that the threads come in the order they were written
		clock.advance(java.time.Duration.ofMinutes(1));
		CycleDiscussion.Comment managers = discussion.comment(manager, goal.id(), null, "Happy to sponsor training.");
		discussion.comment(ana, goal.id(), managers.id(), "Thank you!");

		assertThat(discussion.comments(manager, goal.id())).singleElement().satisfies(c -> {
			assertThat(c.body()).isEqualTo("Happy to sponsor training.");
			assertThat(c.replies()).extracting(CycleDiscussion.Comment::body).containsExactly("Thank you!");
		});
		assertThat(discussion.comments(ben, goal.id())).extracting(CycleDiscussion.Comment::body)
			.containsExactly("The interview is on Friday?", "Happy to sponsor training.");
		assertThat(discussion.comments(ana, goal.id())).hasSize(2);
		// nor may they reply within a thread they cannot read
		assertThatThrownBy(() -> discussion.comment(manager, goal.id(), bens.id(), "What interview?"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsOnlyKeys("parentId"));
	}

	@Test
	void aReplyToAManagerWhoOnlySeesThatTheContractExistsDoesNotTellThemTheGoal() {
		LearningCycle cycle = cycles.start(ana,
				new NewCycle(null, null, 45, Visibility.NAMED, List.of(org.learnerB()), null, null, null));
		Goal goal = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Prepare for a new job"));
		CycleDiscussion.Comment managers = discussion.comment(manager, goal.id(), null, "Happy to sponsor training.");

		discussion.comment(ana, goal.id(), managers.id(), "Thank you!");

		assertThat(events.stream(GoalCommented.class).filter(e -> e.recipients().contains(manager.id())))
			.singleElement()
			.satisfies(e -> assertThat(e.goalWhat()).isNull());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications.page(manager, 1).items())
				.anySatisfy(n -> assertThat(n.subject()).isEqualTo("Learner A replied on a goal")));
		assertThat(notifications.page(manager, 1).items())
			.noneSatisfy(n -> assertThat(n.subject()).contains("Prepare for a new job"));
	}

	@Test
	void aFormerReaderIsNotToldOfRepliesOnceTheContractIsNoLongerSharedWithThem() {
		LearningCycle cycle = cycles.start(ana,
				new NewCycle(null, null, 45, Visibility.NAMED, List.of(org.learnerB()), null, null, null));
		Goal goal = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Prepare for a new job"));
		CycleDiscussion.Comment bens = discussion.comment(ben, goal.id(), null, "Good luck!");
		LearningCycle shared = cycles.cycle(ana, cycle.id());
		cycles.edit(ana, cycle.id(), shared.revision(),
				new CycleChange(null, null, null, Visibility.MANAGER, null, null));
		assertThatThrownBy(() -> cycles.cycle(ben, cycle.id())).isInstanceOf(NotFoundException.class);

		discussion.comment(ana, goal.id(), bens.id(), "Thanks, it went well.");

		assertThat(events.stream(GoalCommented.class)).noneSatisfy(e -> assertThat(e.recipients()).contains(ben.id()));
	}

	@Test
	void theNamedReadersAreLeftBehindWhenTheContractIsNoLongerSharedWithNamedPeople() {
		LearningCycle cycle = cycles.start(ana,
				new NewCycle(null, null, 45, Visibility.NAMED, List.of(org.learnerB()), null, null, null));
		LearningCycle team = cycles.edit(ana, cycle.id(), cycle.revision(),
				new CycleChange(null, null, null, Visibility.TEAM, null, null));
		assertThat(team.viewers()).isEmpty();

		// back to named people: Learner B is not silently named again
		assertThatThrownBy(() -> cycles.edit(ana, cycle.id(), team.revision(),
				new CycleChange(null, null, null, Visibility.NAMED, null, null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsOnlyKeys("viewers"));
	}

	@Test
	void aReaderDoesNotLearnWhoElseWasNamedOnlyTheOwnerDoes() throws Exception {
		PersonId other = fixtures.person(fixtures.admin(), "Other reader", "other", org.suffix(),
				java.util.Set.of(org.teamB()), java.util.Set.of());
		LearningCycle cycle = cycles.start(ana,
				new NewCycle(null, null, 45, Visibility.NAMED, List.of(org.learnerB(), other), null, null, null));

		assertThat(cycles.cycle(ben, cycle.id()).viewers()).isEmpty();
		assertThat(cycles.cycle(ana, cycle.id()).viewers()).hasSize(2);
		mvc.perform(get("/api/v1/cycles/" + cycle.id().value()).header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.access").value("READ"))
			.andExpect(jsonPath("$.viewers", hasSize(0)));
		mvc.perform(get("/api/v1/cycles/" + cycle.id().value()).header("Authorization", bearer(org.learnerA())))
			.andExpect(jsonPath("$.viewers", hasSize(2)));
	}

	@Test
	void aManagerWhoOnlySeesThatTheContractExistsReadsNeitherItsTitleNorProgressNorSettings() throws Exception {
		LearningCycle cycle = cycles.start(ana, new NewCycle("Leaving for a competitor", null, 45, Visibility.NAMED,
				List.of(org.learnerB()), null, null, 20));
		Goal goal = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Prepare for a new job"));
		cycles.addGoal(ana, cycle.id(), GoalDraft.of("Update my portfolio"));
		checkIns.checkIn(ana, cycle.id(), List.of(new GoalCheckIn(goal.id(), "Two interviews", 60, null)));

		LearningCycle seen = cycles.cycle(manager, cycle.id());
		assertThat(seen.access()).isEqualTo(CycleAccess.EXISTENCE);
		assertThat(seen.title()).isEqualTo(LearningCycles.EXISTENCE_TITLE);
		assertThat(seen.visibility()).isNull();
		assertThat(seen.reminderAfterDays()).isNull();
		assertThat(seen.goals()).allSatisfy(g -> {
			assertThat(g.what()).isNull();
			assertThat(g.progress()).isZero();
		});
		assertThat(seen.startsOn()).isEqualTo(cycle.startsOn());
		assertThat(cycles.team(manager, org.teamA()).members())
			.filteredOn(m -> m.person().id().equals(org.learnerA()))
			.singleElement()
			.satisfies(m -> {
				assertThat(m.active().title()).isEqualTo(LearningCycles.EXISTENCE_TITLE);
				assertThat(m.active().goals()).isZero();
				assertThat(m.active().progress()).isZero();
			});
		// the owner still reads it all
		assertThat(cycles.cycle(ana, cycle.id()).title()).isEqualTo("Leaving for a competitor");

		String id = cycle.id().value();
		mvc.perform(get("/api/v1/cycles/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.access").value("EXISTENCE"))
			.andExpect(jsonPath("$.title").value(LearningCycles.EXISTENCE_TITLE))
			.andExpect(jsonPath("$.visibility").doesNotExist())
			.andExpect(jsonPath("$.reminderAfterDays").doesNotExist())
			.andExpect(jsonPath("$.goals[0].progress").value(0));
		String team = mvc
			.perform(get("/api/v1/teams/" + org.teamA().value() + "/cycles").header("Authorization",
					bearer(org.managerA())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Object> mine = JsonPath.read(team, "$.members[?(@.person.id == '" + org.learnerA().value() + "')].activeCycle");
		assertThat(mine).singleElement().satisfies(c -> {
			assertThat(JsonPath.<String>read(c, "$.title")).isEqualTo(LearningCycles.EXISTENCE_TITLE);
			assertThat(JsonPath.<Integer>read(c, "$.goals")).isZero();
			assertThat(JsonPath.<Integer>read(c, "$.progress")).isZero();
		});
		mvc.perform(get("/api/v1/goals/" + goal.id().value()).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cycle.title").value(LearningCycles.EXISTENCE_TITLE))
			.andExpect(jsonPath("$.cycle.goals").value(0))
			.andExpect(jsonPath("$.cycle.progress").value(0));
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
