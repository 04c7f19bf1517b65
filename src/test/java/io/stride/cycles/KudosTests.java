package io.stride.cycles;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.stride.authoring.Course;
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
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Kudos and contributor recognition: who may thank whom and with what, who sees a thank-you, the team feed, an
 * author's contributions and the month's contributors.
 */
@SpringBootTest
@Import(MovableClock.Config.class)
class KudosTests {

	@Autowired
	Kudos kudos;

	@Autowired
	Contributors contributors;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	Org org;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
	}

	@Autowired
	LearningCycles cycles;

	@Test
	void aLearnerThanksAColleagueForHelpWithTheirOwnGoalButNotWithSomeoneElses() {
		Viewer ana = fixtures.viewer(org.learnerA());
		Viewer ben = fixtures.viewer(org.learnerB());
		Goal anas = cycles.addGoal(ana, cycles.start(ana, NewCycle.blank(null)).id(), GoalDraft.of("Lead a workshop"));
		Goal bens = cycles.addGoal(ben, cycles.start(ben, NewCycle.blank(null)).id(), GoalDraft.of("Private plans"));

		kudos.give(ana, org.learnerB(), "Thanks for the dry run.", null, anas.id());

		assertThat(kudos.received(ben, org.learnerB()).items()).singleElement().satisfies(t -> {
			assertThat(t.goalId()).isEqualTo(anas.id());
			assertThat(t.goalWhat()).isEqualTo("Lead a workshop");
		});
		assertThat(refusal(() -> kudos.give(ana, org.learnerB(), "Thanks", null, bens.id()))).containsOnlyKeys("goalId");
		assertThat(refusal(() -> kudos.give(ana, org.learnerB(), "Thanks", null, new GoalId("not-an-id"))))
			.containsOnlyKeys("goalId");
		assertThat(kudos.received(ben, org.learnerB()).items()).hasSize(1);
	}

	@Test
	void aLearnerThanksAColleagueForACourseAndTheyAndTheirManagerSeeIt() {
		Course course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Incident reports " + org.suffix());
		Viewer ana = fixtures.viewer(org.learnerA());

		Thanks given = kudos.give(ana, org.learnerSubA(), "  Thanks for walking me through the form.  ", course.id());

		assertThat(given.message()).isEqualTo("Thanks for walking me through the form.");
		assertThat(given.courseTitle()).isEqualTo(course.title());
		assertThat(kudos.received(fixtures.viewer(org.learnerSubA()), org.learnerSubA()).items())
			.singleElement()
			.satisfies(t -> {
				assertThat(t.fromName()).isEqualTo("Learner A");
				assertThat(t.toName()).isEqualTo("Learner A1");
				assertThat(t.courseTitle()).isEqualTo(course.title());
			});
		assertThat(kudos.received(fixtures.viewer(org.managerA()), org.learnerSubA()).items()).hasSize(1);
		assertThat(kudos.received(fixtures.admin(), org.learnerSubA()).items()).hasSize(1);
		assertThat(kudos.teamFeed(fixtures.viewer(org.managerA()), org.teamA(), 1).items())
			.extracting(Thanks::toName)
			.containsExactly("Learner A1");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications.page(fixtures.viewer(org.learnerSubA()), 1).items())
				.anySatisfy(n -> {
					assertThat(n.subject()).isEqualTo("Learner A thanked you for “" + course.title() + "”");
					assertThat(n.link()).isEqualTo("/people/" + org.learnerSubA().value() + "/kudos");
				}));
	}

	@Test
	void kudosAreHiddenFromColleaguesAndOtherTeamsManagers() {
		kudos.give(fixtures.viewer(org.learnerA()), org.learnerSubA(), "Thanks!", null);

		assertThatThrownBy(() -> kudos.received(fixtures.viewer(org.managerB()), org.learnerSubA()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> kudos.received(fixtures.viewer(org.learnerA()), org.learnerSubA()))
			.as("the giver is not the recipient's manager")
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> kudos.teamFeed(fixtures.viewer(org.managerB()), org.teamA(), 1))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> kudos.teamFeed(fixtures.viewer(org.learnerA()), org.teamA(), 1))
			.isInstanceOf(NotFoundException.class);
		assertThat(kudos.teamFeed(fixtures.viewer(org.managerB()), org.teamB(), 1).items()).isEmpty();
	}

	@Test
	void badKudosAreRefusedAtTheirField() {
		Viewer ana = fixtures.viewer(org.learnerA());
		assertThat(refusal(() -> kudos.give(ana, ana.id(), "Me!", null)))
			.containsEntry("to", "Thank someone else: kudos cannot go to yourself.");
		assertThat(refusal(() -> kudos.give(ana, new PersonId(UUID.randomUUID().toString()), "Hi", null)))
			.containsEntry("to", "Choose an active colleague.");
		assertThat(refusal(() -> kudos.give(ana, null, "Hi", null))).containsEntry("to", "Choose whom to thank.");
		assertThat(refusal(() -> kudos.give(ana, org.learnerB(), "   ", null)))
			.containsEntry("message", "Say what you thank them for.");
		assertThat(refusal(() -> kudos.give(ana, org.learnerB(), "x".repeat(501), null)))
			.containsEntry("message", "Keep it to 500 characters (this one has 501).");
		assertThat(refusal(() -> kudos.give(ana, org.learnerB(), "Thanks\u0000", null))).containsKey("message");
		assertThat(refusal(() -> kudos.give(ana, org.learnerB(), "Thanks", new io.stride.authoring.CourseId(UUID.randomUUID().toString()))))
			.containsEntry("courseId", "Choose a published course, or none.");
		assertThat(kudos.give(ana, org.learnerB(), "x".repeat(500), null).message()).hasSize(500);
		assertThat(kudos.received(fixtures.admin(), org.learnerB()).items()).hasSize(1);
	}

	@Test
	void anInactiveColleagueCannotBeThanked() {
		PersonId leaver = fixtures.person(fixtures.admin(), "Leaver", "leaver", org.suffix(), Set.of(org.teamA()), Set.of());
		jdbc.sql("UPDATE people SET active = FALSE WHERE id = ?").param(leaver.value()).update();
		assertThat(refusal(() -> kudos.give(fixtures.viewer(org.learnerA()), leaver, "Thanks", null)))
			.containsEntry("to", "Choose an active colleague.");
	}

	@Test
	void aPersonGivesAtMostTwentyKudosADay() {
		Viewer ana = fixtures.viewer(org.learnerA());
		for (int i = 0; i < Kudos.MAX_PER_DAY; i++) {
			kudos.give(ana, org.learnerB(), "Thanks " + i, null);
		}
		assertThatThrownBy(() -> kudos.give(ana, org.learnerB(), "One more", null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("20 kudos today");
		clock.advance(Duration.ofDays(1));
		assertThat(kudos.give(ana, org.learnerB(), "Next day", null).message()).isEqualTo("Next day");
		assertThat(kudos.received(fixtures.admin(), org.learnerB(), 1).items()).hasSize(21);
	}

	@Test
	void theTeamFeedIsNewestFirstAndPaged() {
		Viewer ben = fixtures.viewer(org.learnerB());
		Viewer managerB = fixtures.viewer(org.managerB());
		for (int i = 0; i < 20; i++) {
			kudos.give(ben, org.learnerA(), "From Ben " + i, null);
			kudos.give(managerB, org.learnerSubA(), "From manager B " + i, null);
			clock.advance(Duration.ofMinutes(1));
		}
		for (int i = 0; i < 15; i++) {
			kudos.give(fixtures.viewer(org.learnerSubA()), org.learnerA(), "From A1 " + i, null);
			clock.advance(Duration.ofMinutes(1));
		}
		Kudos.Page first = kudos.teamFeed(fixtures.viewer(org.managerA()), org.teamA(), 1);
		assertThat(first.items()).hasSize(Kudos.PAGE_SIZE);
		assertThat(first.items().get(0).message()).isEqualTo("From A1 14");
		assertThat(first.hasMore()).isTrue();
		Kudos.Page second = kudos.teamFeed(fixtures.viewer(org.managerA()), org.teamA(), 2);
		assertThat(second.items()).hasSize(5);
		assertThat(second.hasMore()).isFalse();
		assertThat(second.items().get(4).message()).isIn("From Ben 0", "From manager B 0");
	}

	@Test
	void anAuthorsContributionsShowTheirCoursesLearnersReactionsValidationsAndKudos() {
		Viewer author = fixtures.viewer(org.learnerA());
		Course course = fixtures.publishedCourse(author, "Escalations " + org.suffix());
		fixtures.publishedCourse(fixtures.viewer(org.learnerB()), "Not theirs " + org.suffix());
		pin(org.learnerB(), course);
		pin(org.learnerSubA(), course);
		validation(org.learnerA(), org.learnerB(), clock.instant());
		kudos.give(fixtures.viewer(org.learnerB()), org.learnerA(), "Great course", course.id());

		Contributors.Contributions c = contributors.profile(fixtures.viewer(org.managerA()), org.learnerA());

		assertThat(c.courses()).singleElement().satisfies(row -> {
			assertThat(row.title()).isEqualTo(course.title());
			assertThat(row.learners()).isEqualTo(2);
			assertThat(row.reactions().summary()).isEqualTo("no reactions yet");
		});
		assertThat(c.learners()).isEqualTo(2);
		assertThat(c.validationsGiven()).isEqualTo(1);
		assertThat(c.kudosReceived()).isEqualTo(1);
		assertThatThrownBy(() -> contributors.profile(fixtures.viewer(org.managerB()), org.learnerA()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void theMonthsContributorsAreRankedByWhatTheyDidThatMonth() {
		YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
		Instant lastMonth = month.atDay(1).atStartOfDay(ZoneOffset.UTC).minusSeconds(60).toInstant();
		fixtures.publishedCourse(fixtures.viewer(org.learnerSubA()), "Published now " + org.suffix());
		validation(org.learnerA(), org.learnerB(), clock.instant());
		validation(org.learnerA(), org.learnerSubA(), lastMonth);
		kudos.give(fixtures.viewer(org.learnerB()), org.learnerSubA(), "Thanks", null);
		kudos.give(fixtures.viewer(org.learnerB()), org.managerA(), "Thanks", null);
		kudos.give(fixtures.viewer(org.learnerA()), org.learnerB(), "Outside the tree", null);

		var ranked = contributors.ofTheMonth(fixtures.viewer(org.managerA()), org.teamA(), month);

		assertThat(ranked).extracting(Contributors.Contributor::name)
			.containsExactly("Learner A1", "Learner A", "Manager A");
		assertThat(ranked.get(0).coursesPublished()).isEqualTo(1);
		assertThat(ranked.get(0).kudosReceived()).isEqualTo(1);
		assertThat(ranked.get(0).total()).isEqualTo(2);
		assertThat(ranked.get(1).validationsGiven()).as("last month's is not counted").isEqualTo(1);
		assertThat(contributors.ofTheMonth(fixtures.viewer(org.managerA()), org.teamA(), month.minusMonths(1)))
			.extracting(Contributors.Contributor::name)
			.containsExactly("Learner A");
		assertThatThrownBy(() -> contributors.ofTheMonth(fixtures.viewer(org.managerB()), org.teamA(), month))
			.isInstanceOf(NotFoundException.class);
	}

	private void pin(PersonId learner, Course course) {
		jdbc.sql("INSERT INTO course_pins (person_id, course_id, version, pinned_at) VALUES (?, ?, ?, ?)")
			.params(learner.value(), course.id().value(), course.version(), Timestamp.from(clock.instant()))
			.update();
	}

	private void validation(PersonId validator, PersonId person, Instant at) {
		jdbc.sql("INSERT INTO capability_validations (id, person_id, capability_id, level_rank, validator_id, "
				+ "validator_name, validated_on, note, created_at) VALUES (?, ?, ?, 1, ?, 'Validator', ?, 'Seen it', ?)")
			.params(UUID.randomUUID().toString(), person.value(), UUID.randomUUID().toString(), validator.value(),
					LocalDate.ofInstant(at, ZoneOffset.UTC), Timestamp.from(at))
			.update();
	}

	private static Map<String, String> refusal(Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException e) {
			return e.fieldErrors();
		}
		throw new AssertionError("expected a refusal");
	}
}
