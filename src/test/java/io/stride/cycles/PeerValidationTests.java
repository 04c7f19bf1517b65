package io.stride.cycles;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.stride.capability.CapabilityId;
import io.stride.capability.CapabilityProfiles;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.notification.Notifications;
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

/** Peer validation: who asks whom, what a validator sees, one answer each, the reminder, and capability levels. */
@SpringBootTest
@Import(MovableClock.Config.class)
class PeerValidationTests {

	@Autowired
	PeerValidation validation;

	@Autowired
	LearningCycles cycles;

	@Autowired
	ValidationFixtures rows;

	@Autowired
	CapabilityProfiles profiles;

	@Autowired
	Notifications notifications;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	Org org;

	Viewer ana;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		ana = fixtures.viewer(org.learnerA());
	}

	@Test
	void nobodyIsAskedToValidateTheirOwnGoalAndBadChoicesAre422AtValidators() {
		Goal goal = rows.goal(ana, Visibility.TEAM, "Run customer workshops", null, null, List.of());

		for (List<PersonId> people : List.of(List.of(org.learnerA()), List.<PersonId>of(),
				List.of(new PersonId("no-such-person")))) {
			assertThatThrownBy(() -> validation.ask(ana, goal.id(), people, "Please"))
				.isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.fieldErrors()).containsOnlyKeys("validators"));
		}
		validation.ask(ana, goal.id(), List.of(org.learnerB()), null);
		assertThatThrownBy(() -> validation.ask(ana, goal.id(), List.of(org.learnerB()), null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors().get("validators")).contains("already asked Learner B"));
		assertThatThrownBy(() -> validation.ask(ana, goal.id(), List.of(org.managerB()), "x".repeat(1001)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsOnlyKeys("message"));
		assertThat(validation.ofGoal(ana, goal.id())).extracting(r -> r.validator().id())
			.containsExactly(org.learnerB());
	}

	@Test
	void onlyTheOwnerAsksReadersAre403AndOthers404() {
		PersonId teammate = fixtures.person(fixtures.admin(), "Teammate", "teammate", org.suffix(), Set.of(org.teamA()),
				Set.of());
		Goal goal = rows.goal(ana, Visibility.TEAM, "Run customer workshops", null, null, List.of());

		assertThatThrownBy(() -> validation.ask(fixtures.viewer(teammate), goal.id(), List.of(org.learnerB()), null))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> validation.ask(fixtures.viewer(org.learnerB()), goal.id(), List.of(teammate), null))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> validation.ofGoal(fixtures.viewer(org.learnerB()), goal.id()))
			.isInstanceOf(NotFoundException.class);
		assertThat(validation.ofGoal(ana, goal.id())).isEmpty();
	}

	@Test
	void theValidatorSeesTheGoalAndItsEvidenceThroughTheRequestButNotTheContract() {
		Goal goal = rows.goal(ana, Visibility.MANAGER, "Run customer workshops", null, null, List.of());
		rows.produced(goal, "Workshop recording", "https://video.example.com/w1");
		rows.checkIn(goal, "First workshop done; customers asked for templates", 40);
		Viewer ben = fixtures.viewer(org.learnerB());
		assertThatThrownBy(() -> cycles.goal(ben, goal.id())).isInstanceOf(NotFoundException.class);

		ValidationRequest asked = validation.ask(ana, goal.id(), List.of(ben.id()), "Could you look at my workshops?")
			.get(0);

		assertThat(validation.inbox(ben)).singleElement().satisfies(r -> {
			assertThat(r.id()).isEqualTo(asked.id());
			assertThat(r.open()).isTrue();
			assertThat(r.message()).isEqualTo("Could you look at my workshops?");
			assertThat(r.owner().name()).isEqualTo("Learner A");
			assertThat(r.evidence().what()).isEqualTo("Run customer workshops");
			assertThat(r.evidence().evidence()).isEqualTo("Two workshop recordings and the customers' feedback");
			assertThat(r.evidence().produced()).extracting(Goal.Link::url).containsExactly("https://video.example.com/w1");
			assertThat(r.evidence().checkIns()).extracting(GoalEvidence.CheckInNote::note)
				.containsExactly("First workshop done; customers asked for templates");
		});
		assertThat(validation.request(ben, asked.id()).evidence().what()).isEqualTo("Run customer workshops");
		assertThatThrownBy(() -> cycles.cycle(ben, goal.cycleId())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> validation.request(fixtures.viewer(org.managerB()), asked.id()))
			.isInstanceOf(NotFoundException.class);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications.page(ben, 1).items()).anySatisfy(n -> {
				assertThat(n.subject()).isEqualTo("Learner A asks you to validate “Run customer workshops”");
				assertThat(n.link()).isEqualTo("/validations#request-" + asked.id());
			}));
	}

	@Test
	void aValidatorAnswersOnceTheOwnerCannotAnswerAndTheOwnerIsNotified() {
		Goal goal = rows.goal(ana, Visibility.TEAM, "Run customer workshops", null, null, List.of());
		Viewer ben = fixtures.viewer(org.learnerB());
		ValidationRequest asked = validation.ask(ana, goal.id(), List.of(ben.id()), null).get(0);

		assertThatThrownBy(() -> validation.answer(ana, asked.id(), ValidationStatus.VALIDATED, "I did it"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsOnlyKeys("answer"));
		assertThatThrownBy(() -> validation.answer(fixtures.viewer(org.managerB()), asked.id(),
				ValidationStatus.VALIDATED, "Looks fine")).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> validation.answer(ben, asked.id(), ValidationStatus.VALIDATED, "  "))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsOnlyKeys("note"));
		assertThatThrownBy(() -> validation.answer(ben, asked.id(), ValidationStatus.REQUESTED, "Hm"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsOnlyKeys("answer"));

		ValidationRequest answered = validation.answer(ben, asked.id(), ValidationStatus.NOT_YET,
				"One more workshop with a new customer, please");

		assertThat(answered.status()).isEqualTo(ValidationStatus.NOT_YET);
		assertThat(answered.answeredAt()).isNotNull();
		assertThatThrownBy(() -> validation.answer(ben, asked.id(), ValidationStatus.VALIDATED, "Changed my mind"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsOnlyKeys("answer"));
		assertThat(validation.ofGoal(ana, goal.id())).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(ValidationStatus.NOT_YET);
			assertThat(r.note()).isEqualTo("One more workshop with a new customer, please");
		});
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications.page(ana, 1).items()).anySatisfy(n -> {
				assertThat(n.subject()).isEqualTo("Learner B says “not yet” on “Run customer workshops”");
				assertThat(n.body()).isEqualTo("One more workshop with a new customer, please");
			}));
		// a decline needs no note
		ValidationRequest second = validation.ask(ana, goal.id(), List.of(org.managerB()), null).get(0);
		assertThat(validation.answer(fixtures.viewer(org.managerB()), second.id(), ValidationStatus.DECLINED, null)
			.status()).isEqualTo(ValidationStatus.DECLINED);
	}

	@Test
	void anOpenRequestIsRemindedOnceAfterAWeek() {
		Goal goal = rows.goal(ana, Visibility.TEAM, "Run customer workshops", null, null, List.of());
		Viewer ben = fixtures.viewer(org.learnerB());
		ValidationRequest asked = validation.ask(ana, goal.id(), List.of(ben.id()), null).get(0);
		ValidationRequest answered = validation.ask(ana, goal.id(), List.of(org.managerB()), null).get(0);
		validation.answer(fixtures.viewer(org.managerB()), answered.id(), ValidationStatus.DECLINED, null);

		clock.advance(Duration.ofDays(6));
		validation.sendReminders();
		assertThat(validation.request(ben, asked.id()).remindedAt()).isNull();

		clock.advance(Duration.ofDays(2));
		validation.sendReminders();
		java.time.Instant reminded = validation.request(ben, asked.id()).remindedAt();
		assertThat(reminded).isBetween(clock.instant().minusSeconds(1), clock.instant().plusSeconds(1));
		assertThat(validation.request(ana, answered.id()).remindedAt()).isNull();

		clock.advance(Duration.ofDays(3));
		validation.sendReminders();
		assertThat(validation.request(ben, asked.id()).remindedAt()).isEqualTo(reminded);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications.page(ben, 1).items())
				.filteredOn(n -> n.subject().startsWith("Reminder: "))
				.singleElement()
				.satisfies(n -> assertThat(n.subject()).isEqualTo(
						"Reminder: Learner A asks you to validate “Run customer workshops”")));
	}

	@Test
	void aQualifiedValidatorsValidatedAnswerRaisesTheCapabilityLevel() {
		CapabilityId capability = rows.validatedCapability("Workshops " + org.suffix(), 1);
		Viewer ben = fixtures.viewer(org.learnerB());
		rows.holds(ben.id(), capability, 3);
		Goal goal = rows.goal(ana, Visibility.TEAM, "Run customer workshops alone", capability, 2, List.of(ben.id()));
		assertThat(rows.heldRank(ana.id(), capability)).isZero();

		ValidationRequest asked = validation.ask(ana, goal.id(), List.of(ben.id()), null).get(0);
		assertThat(validation.inbox(ben)).singleElement().satisfies(r -> assertThat(r.wouldCountTowardLevel()).isTrue());
		ValidationRequest answered = validation.answer(ben, asked.id(), ValidationStatus.VALIDATED,
				"Watched her run two workshops on her own");

		assertThat(answered.countsTowardLevel()).isTrue();
		assertThat(answered.levelNote()).isEqualTo("Counts toward Workshops " + org.suffix() + " at “Can do it alone”.");
		assertThat(rows.heldRank(ana.id(), capability)).isEqualTo(2);
		assertThat(rows.audited("GOAL_VALIDATED", goal.id().value())).isEqualTo(1);
		assertThat(profiles.profile(ana, ana.id()).capabilities())
			.filteredOn(h -> h.capability().id().equals(capability))
			.singleElement()
			.satisfies(h -> assertThat(h.levelRank()).isEqualTo(2));
	}

	@Test
	void anUnqualifiedValidatorsAnswerCountsForTheGoalButNotTowardTheLevel() {
		CapabilityId capability = rows.validatedCapability("Workshops " + org.suffix(), 1);
		Viewer ben = fixtures.viewer(org.learnerB());
		rows.holds(ben.id(), capability, 1);
		Goal goal = rows.goal(ana, Visibility.TEAM, "Run customer workshops alone", capability, 2, List.of());
		ValidationRequest asked = validation.ask(ana, goal.id(), List.of(ben.id()), null).get(0);
		assertThat(validation.request(ben, asked.id()).wouldCountTowardLevel()).isFalse();

		ValidationRequest answered = validation.answer(ben, asked.id(), ValidationStatus.VALIDATED,
				"Saw one workshop, it went well");

		assertThat(answered.status()).isEqualTo(ValidationStatus.VALIDATED);
		assertThat(answered.countsTowardLevel()).isFalse();
		assertThat(answered.levelNote()).isEqualTo("Counts toward your goal; to count toward Workshops " + org.suffix()
				+ " the validator must hold “Can do it alone”.");
		assertThat(rows.heldRank(ana.id(), capability)).isZero();
	}

	@Test
	void suggestionsArePlannedValidatorsThenHoldersOfTheLevelNeverTheOwner() {
		CapabilityId capability = rows.validatedCapability("Workshops " + org.suffix(), 2);
		rows.holds(org.managerB(), capability, 3);
		rows.holds(org.learnerA(), capability, 3);
		rows.holds(org.learnerSubA(), capability, 1);
		Goal goal = rows.goal(ana, Visibility.TEAM, "Run customer workshops alone", capability, 2,
				List.of(org.learnerB()));
		validation.ask(ana, goal.id(), List.of(org.learnerB()), null);

		List<PeerValidation.Suggestion> suggested = validation.suggestions(ana, goal.id());

		assertThat(suggested).extracting(s -> s.person().id()).startsWith(org.learnerB()).contains(org.managerB())
			.doesNotContain(org.learnerA(), org.learnerSubA());
		assertThat(suggested.get(0).asked()).isTrue();
		assertThat(suggested.get(0).holdsLevel()).isFalse();
		assertThat(suggested).filteredOn(s -> s.person().id().equals(org.managerB())).singleElement()
			.satisfies(s -> assertThat(s.holdsLevel()).isTrue());
	}

	// --- review findings 10-12 ----------------------------------------------------------------------------------------

	@Test
	void aColleagueWhoSaidNotYetMayBeAskedAgainButNotWhileAnAnswerIsAwaitedOrOnceTheyValidated() {
		Goal goal = rows.goal(ana, Visibility.TEAM, "Run customer workshops", null, null, List.of());
		Viewer ben = fixtures.viewer(org.learnerB());
		ValidationRequest first = validation.ask(ana, goal.id(), List.of(ben.id()), null).get(0);
		validation.answer(ben, first.id(), ValidationStatus.NOT_YET, "Run one with a new customer first");
		clock.advance(Duration.ofDays(3));

		ValidationRequest again = validation.ask(ana, goal.id(), List.of(ben.id()), "I ran it with Acme").get(0);

		assertThat(again.status()).isEqualTo(ValidationStatus.REQUESTED);
		assertThat(validation.ofGoal(ana, goal.id())).extracting(ValidationRequest::status)
			.containsExactly(ValidationStatus.NOT_YET, ValidationStatus.REQUESTED);
		assertThatThrownBy(() -> validation.ask(ana, goal.id(), List.of(ben.id()), null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors().get("validators")).contains("answer is awaited"));
		validation.answer(ben, again.id(), ValidationStatus.VALIDATED, "Saw the Acme workshop");
		assertThatThrownBy(() -> validation.ask(ana, goal.id(), List.of(ben.id()), null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors().get("validators")).contains("validated this goal already"));
	}

	@Test
	void aValidatedAnswerCountsTowardTheLevelAskedForEvenWhenTheGoalChangedSince() {
		CapabilityId asked = rows.validatedCapability("Workshops " + org.suffix(), 1);
		CapabilityId other = rows.validatedCapability("Negotiation " + org.suffix(), 1);
		Viewer ben = fixtures.viewer(org.learnerB());
		rows.holds(ben.id(), asked, 3);
		rows.holds(ben.id(), other, 3);
		Goal goal = rows.goal(ana, Visibility.TEAM, "Run customer workshops alone", asked, 2, List.of());
		ValidationRequest request = validation.ask(ana, goal.id(), List.of(ben.id()), null).get(0);
		cycles.editGoal(ana, goal.id(), new GoalDraft("Negotiate renewals", other, 3, List.of(), true, List.of(),
				List.of(), null, null, null, List.of(), null, false));

		assertThat(validation.request(ben, request.id()).levelName()).isEqualTo("Can do it alone");
		ValidationRequest answered = validation.answer(ben, request.id(), ValidationStatus.VALIDATED,
				"Watched her run two workshops on her own");

		assertThat(answered.countsTowardLevel()).isTrue();
		assertThat(rows.heldRank(ana.id(), asked)).isEqualTo(2);
		assertThat(rows.heldRank(ana.id(), other)).isZero();
	}

	@Test
	void requestsOnRemovedGoalsNeverCrowdOutTheRemindersStillDue() {
		Goal removed = rows.goal(ana, Visibility.TEAM, "A goal dropped later", null, null, List.of());
		Goal kept = rows.goal(ana, Visibility.TEAM, "Run customer workshops", null, null, List.of());
		Viewer ben = fixtures.viewer(org.learnerB());
		ValidationRequest due = validation.ask(ana, kept.id(), List.of(ben.id()), null).get(0);
		// more open requests than one reminder run reads, all older than the one due, on a goal removed since
		java.sql.Timestamp older = java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(20)));
		jdbc.batchUpdate("INSERT INTO goal_validation_requests (id, goal_id, requester_id, validator_id, status, "
				+ "created_at) VALUES (?, ?, ?, ?, 'REQUESTED', ?)", java.util.stream.IntStream.range(0, 501)
					.mapToObj(i -> new Object[] { io.stride.shared.Ids.newId(), removed.id().value(), ana.id().value(),
							io.stride.shared.Ids.newId(), older })
					.toList());
		cycles.removeGoal(ana, removed.id());

		clock.advance(Duration.ofDays(8));
		validation.sendReminders();

		assertThat(validation.request(ben, due.id()).remindedAt()).isNotNull();
	}
}
