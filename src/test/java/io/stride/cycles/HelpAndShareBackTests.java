package io.stride.cycles;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.DraftCourses;
import io.stride.capability.CapabilityId;
import io.stride.drafting.Drafting;
import io.stride.identity.Viewer;
import io.stride.notification.Notifications;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Looking for help, who is suggested, offers of help, a team's help requests, and sharing back as a course. */
@SpringBootTest
@Import(MovableClock.Config.class)
class HelpAndShareBackTests {

	@Autowired
	HelpRequests help;

	@Autowired
	PeerValidation validation;

	@Autowired
	ShareBack shareBack;

	@Autowired
	ValidationFixtures rows;

	@Autowired
	Notifications notifications;

	@Autowired
	Drafting drafting;

	@Autowired
	DraftCourses draftCourses;

	@Autowired
	Authoring authoring;

	@Autowired
	Contributors contributors;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	Org org;

	Viewer ana;

	Viewer teammate;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		ana = fixtures.viewer(org.learnerA());
		teammate = fixtures.viewer(fixtures.person(fixtures.admin(), "Teammate", "teammate", org.suffix(),
				Set.of(org.teamA()), Set.of()));
	}

	@Test
	void onlyTheOwnerSaysAGoalIsLookingForHelpAndNotOnceTheCycleIsClosed() {
		Goal goal = rows.goal(ana, Visibility.TEAM, "Negotiate renewals", null, null, List.of());

		assertThat(help.setLookingForHelp(ana, goal.id(), true).lookingForHelp()).isTrue();
		assertThat(help.help(teammate, goal.id()).lookingForHelp()).isTrue();
		assertThatThrownBy(() -> help.setLookingForHelp(teammate, goal.id(), false))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> help.setLookingForHelp(fixtures.viewer(org.learnerB()), goal.id(), false))
			.isInstanceOf(NotFoundException.class);
		rows.close(goal, GoalOutcome.PARTLY, "Halfway there");
		assertThatThrownBy(() -> help.setLookingForHelp(ana, goal.id(), false)).isInstanceOf(ConflictException.class);
	}

	@Test
	void suggestedHelpersHoldTheTopLevelOrRecentlyValidatedIt() {
		CapabilityId capability = rows.validatedCapability("Renewals " + org.suffix(), 1);
		rows.holds(org.managerB(), capability, 3);
		rows.holds(org.learnerSubA(), capability, 2);
		rows.holds(org.learnerA(), capability, 3);
		// Learner B validated a colleague's goal in the capability
		Viewer ben = fixtures.viewer(org.learnerB());
		Goal teammatesGoal = rows.goal(teammate, Visibility.TEAM, "Renew a big account", capability, 1, List.of());
		String request = validation.ask(teammate, teammatesGoal.id(), List.of(ben.id()), null).get(0).id();
		validation.answer(ben, request, ValidationStatus.VALIDATED, "Watched the renewal call");
		// Learner A1 validated someone in the capability on their profile
		rows.capabilityValidation(org.learnerSubA(), org.managerA(), capability, 1);
		Goal goal = rows.goal(ana, Visibility.TEAM, "Negotiate renewals", capability, 2, List.of());

		List<HelpRequests.HelpSuggestion> suggested = help.suggestions(ana, goal.id());

		assertThat(suggested).extracting(s -> s.person().id()).containsExactly(org.managerB(), org.learnerB(),
				org.learnerSubA());
		assertThat(suggested.get(0).reason()).isEqualTo("Holds “Can teach it” in Renewals " + org.suffix());
		assertThat(suggested.get(1).reason()).startsWith("Recently validated a colleague’s goal");
		assertThat(suggested.get(2).reason()).isEqualTo("Recently validated a colleague in Renewals " + org.suffix());
		assertThatThrownBy(() -> help.suggestions(teammate, goal.id())).isInstanceOf(ForbiddenException.class);
		Goal without = rows.goal(ana, Visibility.TEAM, "Write better emails", null, null, List.of());
		assertThat(help.suggestions(ana, without.id())).isEmpty();
	}

	@Test
	void aColleagueOffersHelpTheOwnerIsToldAndTheHelperIsLinkedToTheGoal() {
		Goal goal = rows.goal(ana, Visibility.TEAM, "Negotiate renewals", null, null, List.of());
		assertThatThrownBy(() -> help.offer(teammate, goal.id(), "I can help"))
			.as("not looking for help yet").isInstanceOf(ConflictException.class);
		help.setLookingForHelp(ana, goal.id(), true);

		HelpRequests.HelpOffer offer = help.offer(teammate, goal.id(), "I renewed ours last quarter");

		assertThat(help.help(ana, goal.id()).offers()).singleElement().satisfies(o -> {
			assertThat(o.helper().name()).isEqualTo("Teammate");
			assertThat(o.message()).isEqualTo("I renewed ours last quarter");
		});
		assertThat(help.help(teammate, goal.id()).mine()).isEqualTo(offer);
		// another reader of the contract sees who offered, not the message, which is for the owner
		Viewer colleague = fixtures.viewer(fixtures.person(fixtures.admin(), "Colleague", "colleague", org.suffix(),
				Set.of(org.teamA()), Set.of()));
		assertThat(help.help(colleague, goal.id()).offers()).singleElement().satisfies(o -> {
			assertThat(o.helper().name()).isEqualTo("Teammate");
			assertThat(o.message()).isNull();
		});
		assertThat(help.help(teammate, goal.id()).mayOffer()).isFalse();
		assertThatThrownBy(() -> help.offer(teammate, goal.id(), "Again")).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> help.offer(ana, goal.id(), null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsOnlyKeys("helper"));
		assertThatThrownBy(() -> help.offer(fixtures.viewer(org.learnerB()), goal.id(), null))
			.isInstanceOf(NotFoundException.class);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications.page(ana, 1).items()).anySatisfy(n -> {
				assertThat(n.subject()).isEqualTo("Teammate offers to help with “Negotiate renewals”");
				assertThat(n.link()).isEqualTo("/goals/" + goal.id().value() + "/help");
			}));

		assertThatThrownBy(() -> help.withdraw(fixtures.viewer(org.learnerB()), offer.id()))
			.isInstanceOf(NotFoundException.class);
		help.withdraw(teammate, offer.id());
		assertThat(help.help(ana, goal.id()).offers()).isEmpty();
		assertThat(help.offer(teammate, goal.id(), null).helper().id()).isEqualTo(teammate.id());
	}

	@Test
	void aTeamsHelpRequestsShowOnlyGoalsTheViewerMaySee() {
		Goal open = rows.goal(ana, Visibility.TEAM, "Negotiate renewals", null, null, List.of());
		help.setLookingForHelp(ana, open.id(), true);
		Viewer subA = fixtures.viewer(org.learnerSubA());
		Goal subTeams = rows.goal(subA, Visibility.TEAM, "Lead a retrospective", null, null, List.of());
		help.setLookingForHelp(subA, subTeams.id(), true);
		Viewer named = fixtures.viewer(fixtures.person(fixtures.admin(), "Private", "private", org.suffix(),
				Set.of(org.teamA()), Set.of()));
		Goal secret = rows.goal(named, Visibility.NAMED, "Prepare for a new job", null, null,
				List.of(org.learnerB()));
		help.setLookingForHelp(named, secret.id(), true);
		Goal notLooking = rows.goal(fixtures.viewer(org.managerA()), Visibility.ORGANIZATION, "Coach better", null,
				null, List.of());

		// a plain member of the team above the owner's sees neither the goal nor what it is about: the owner shared
		// the contract with their own team
		HelpRequests.TeamHelp seenByTeammate = help.team(teammate, org.teamA());
		assertThat(seenByTeammate.requests()).extracting(HelpRequests.GoalHelp::what)
			.containsExactly("Negotiate renewals");
		assertThat(seenByTeammate.notShown()).isEqualTo(2);
		assertThat(help.team(fixtures.viewer(org.managerA()), org.teamA()).requests())
			.extracting(HelpRequests.GoalHelp::what)
			.containsExactlyInAnyOrder("Negotiate renewals", "Lead a retrospective")
			.doesNotContain(notLooking.what());
		assertThat(help.team(subA, org.subTeamA()).requests()).extracting(HelpRequests.GoalHelp::what)
			.containsExactly("Lead a retrospective");
		assertThatThrownBy(() -> help.team(fixtures.viewer(org.learnerB()), org.teamA()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> help.help(teammate, secret.id())).isInstanceOf(NotFoundException.class);
		// the goal shared only with the owner's sub-team: a colleague of the team above neither reads nor offers
		assertThatThrownBy(() -> help.help(teammate, subTeams.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> help.offer(teammate, subTeams.id(), null)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void aClosedGoalBecomesACourseDraftFromItsNotesAndTheCourseCountsForItsAuthor() {
		Goal goal = rows.goal(ana, Visibility.TEAM, "Run customer workshops", null, null, List.of());
		rows.checkIn(goal, "Customers liked the hands-on exercises most", 50);
		rows.produced(goal, "Workshop kit", "https://docs.example.com/kit");
		// a validator's note was written to the owner: it is not copied into a course others read
		Viewer ben = fixtures.viewer(org.learnerB());
		String request = validation.ask(ana, goal.id(), List.of(ben.id()), null).get(0).id();
		validation.answer(ben, request, ValidationStatus.VALIDATED, "Watched the workshop");
		assertThatThrownBy(() -> shareBack.courseDraft(ana, goal.id())).isInstanceOf(ConflictException.class);
		rows.close(goal, GoalOutcome.LEARNED, "Short exercises beat long talks; send the agenda ahead.");
		assertThatThrownBy(() -> shareBack.courseDraft(teammate, goal.id())).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> shareBack.courseDraft(fixtures.viewer(org.learnerB()), goal.id()))
			.isInstanceOf(NotFoundException.class);

		ShareBack.DraftStarted started = shareBack.courseDraft(ana, goal.id());

		assertThat(started.url()).isEqualTo("/drafts/" + started.draftId());
		assertThat(drafting.sources(ana, started.draftId())).singleElement().satisfies(s -> assertThat(s.text())
			.contains("Run customer workshops", "Two workshop recordings and the customers' feedback",
					"Short exercises beat long talks", "Customers liked the hands-on exercises most",
					"Workshop kit (https://docs.example.com/kit)")
			.doesNotContain("Watched the workshop", ben.name()));
		Course course = draftCourses.create(ana, started.draftId(), null).courses().get(0);
		Course published = authoring.publish(ana, course.id(), course.revision());
		assertThat(contributors.profile(ana, ana.id()).courses()).extracting(Contributors.CourseContribution::courseId)
			.contains(published.id());
	}
}
