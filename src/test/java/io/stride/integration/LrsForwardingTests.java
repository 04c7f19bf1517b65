package io.stride.integration;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Result;
import io.stride.activity.Verb;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.notification.Notifications;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import io.stride.xapi.OutsideStatementsStored;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Forwarding to an outside LRS that speaks xAPI over real HTTP: statements go in commit order with its credentials,
 * an outage loses nothing and delivery resumes in order, admins are told after repeated failures, and only the
 * statements a forwarder asks for are queued.
 */
@SpringBootTest
@Import(MovableClock.Config.class)
class LrsForwardingTests {

	@Autowired
	LrsForwarding forwarding;

	@Autowired
	LrsForwardDeliverer deliverer;

	@Autowired
	LearningRecord record;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Notifications notifications;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	Org org;

	LrsStub lrs;

	final List<String> forwarders = new ArrayList<>();

	@BeforeEach
	void setUp() throws Exception {
		clock.reset();
		org = fixtures.organization();
		lrs = new LrsStub("stride-key", "s3cret:with colon");
	}

	@AfterEach
	void tearDown() {
		forwarders.forEach(id -> forwarding.remove(fixtures.admin(), id));
		lrs.close();
	}

	@Test
	void strideStatementsGoInCommitOrderWithTheLrsCredentialsAndWithoutStoredOrAuthority() {
		add("ALL", "");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(completed("Course " + i));
		}
		// two in one transaction keep their order too
		transactions.executeWithoutResult(tx -> {
			ids.add(record.record(action(Verb.COMPLETED, "Course 3")));
			ids.add(record.record(action(Verb.COMPLETED, "Course 4")));
		});

		assertThat(deliverer.deliverDue()).isEqualTo(5);

		assertThat(lrs.ids()).containsExactlyElementsOf(ids);
		JsonNode first = lrs.stored.get(ids.getFirst());
		assertThat(first.get("verb").get("id").asString()).isEqualTo(Verb.COMPLETED.iri());
		assertThat(first.get("actor").get("account").get("name").asString()).isEqualTo(org.learnerA().value());
		assertThat(first.has("stored")).isFalse();
		assertThat(first.has("authority")).isFalse();
		assertThat(first.get("timestamp")).isNotNull();
		LrsForwarding.Forwarder f = forwarding.forwarder(fixtures.admin(), forwarders.getFirst());
		assertThat(f.delivered()).isEqualTo(5);
		assertThat(f.waiting()).isZero();
		assertThat(f.failing()).isFalse();
	}

	@Test
	void anOutageLosesNothingAndDeliveryResumesInOrderWhenTheLrsComesBack() throws Exception {
		add("ALL", "");
		List<String> ids = new ArrayList<>();
		ids.add(completed("Before the outage"));
		deliverer.deliverDue();
		assertThat(lrs.ids()).containsExactly(ids.getFirst());

		lrs.stop();
		ids.add(completed("During the outage 1"));
		ids.add(completed("During the outage 2"));
		assertThat(deliverer.deliverDue()).isZero();
		LrsForwarding.Forwarder failing = forwarding.forwarder(fixtures.admin(), forwarders.getFirst());
		assertThat(failing.consecutiveFailures()).isEqualTo(1);
		assertThat(failing.lastError()).isEqualTo("Could not connect: the LRS refused the connection (is it down?).");
		assertThat(failing.waiting()).isEqualTo(2);
		assertThat(failing.retryAt()).isCloseTo(clock.instant().plusSeconds(30), within(1, ChronoUnit.MILLIS));
		// inside the back-off nothing is tried, and what is stored meanwhile waits behind the rest
		ids.add(completed("During the outage 3"));
		clock.advance(Duration.ofSeconds(10));
		assertThat(deliverer.deliverDue()).isZero();
		assertThat(forwarding.forwarder(fixtures.admin(), forwarders.getFirst()).consecutiveFailures()).isEqualTo(1);

		lrs.start();
		clock.advance(Duration.ofSeconds(25));
		assertThat(deliverer.deliverDue()).isEqualTo(3);
		assertThat(lrs.ids()).containsExactlyElementsOf(ids);
		LrsForwarding.Forwarder back = forwarding.forwarder(fixtures.admin(), forwarders.getFirst());
		assertThat(back.failing()).isFalse();
		assertThat(back.waiting()).isZero();
		assertThat(back.delivered()).isEqualTo(4);
	}

	@Test
	void adminsAreToldOnceAfterFiveFailuresInARowAndTheBackOffDoubles() {
		PersonId secondAdmin = fixtures.person(fixtures.admin(), "Second Admin", "lrs-admin", org.suffix(), Set.of(),
				Set.of(), Role.ADMIN);
		String id = add("ALL", "");
		lrs.stop();
		completed("Never arrives while down");
		List<Long> waits = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			deliverer.deliverDue();
			LrsForwarding.Forwarder f = forwarding.forwarder(fixtures.admin(), id);
			waits.add(Duration.between(f.lastErrorAt(), f.retryAt()).toSeconds());
			clock.advance(Duration.between(clock.instant(), f.retryAt()).plusSeconds(1));
		}
		assertThat(waits).containsExactly(30L, 60L, 120L, 240L, 480L, 960L, 1920L);
		Viewer admin = fixtures.viewer(secondAdmin);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications.page(admin, 1).items())
				.filteredOn(n -> n.link().equals("/admin/xapi/forwarding/" + id))
				.singleElement()
				.satisfies(n -> assertThat(n.subject()).isEqualTo(
						"Forwarding to the LRS “Vendor LRS” failed 5 times in a row")));
	}

	@Test
	void aForwarderTakesOnlyTheStatementsItAsksForAndNothingOfARolledBackTransaction() {
		String outsideOnly = add("OUTSIDE", "");
		String completions = add("STRIDE", Verb.COMPLETED.iri());
		String completedId = completed("A course");
		String experienced = transactions.execute(tx -> record.record(action(Verb.EXPERIENCED, "A lesson")));
		transactions.executeWithoutResult(tx -> events.publishEvent(new OutsideStatementsStored(
				List.of(new OutsideStatementsStored.Stored(experienced, Verb.EXPERIENCED.iri(), null, null)))));
		try {
			transactions.executeWithoutResult(tx -> {
				record.record(action(Verb.COMPLETED, "Rolled back"));
				throw new IllegalStateException("rolled back");
			});
		}
		catch (IllegalStateException expected) {
			// nothing of it is queued
		}
		assertThat(forwarding.forwarder(fixtures.admin(), outsideOnly).waiting()).isEqualTo(1);
		assertThat(forwarding.forwarder(fixtures.admin(), completions).waiting()).isEqualTo(1);

		deliverer.deliverDue();
		assertThat(lrs.ids()).containsExactlyInAnyOrder(completedId, experienced);
	}

	@Test
	void statementsStoredWhilePausedAreNotQueuedAndWhatWaitedGoesOnResume() throws Exception {
		String id = add("ALL", "");
		lrs.stop();
		String waited = completed("Waited through the pause");
		forwarding.pause(fixtures.admin(), id);
		completed("Stored while paused");
		assertThat(forwarding.forwarder(fixtures.admin(), id).waiting()).isEqualTo(1);
		assertThat(deliverer.deliverDue()).isZero();

		forwarding.resume(fixtures.admin(), id);
		lrs.start();
		deliverer.deliverDue();
		assertThat(lrs.ids()).containsExactly(waited);
	}

	@Test
	void onlyAdminsSeeOrSetUpForwardingAndBadSettingsAreRefusedAtTheirField() {
		Viewer manager = fixtures.viewer(org.managerA());
		assertThatThrownBy(() -> forwarding.all(manager)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> forwarding.add(manager, settings(lrs.endpoint(), "ALL", "")))
			.isInstanceOf(NotFoundException.class);

		assertThatThrownBy(() -> forwarding.add(fixtures.admin(),
				new LrsForwarding.Settings("", "http://10.0.0.5/xapi/", "key", "", "SOME", "not a verb")))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
				.containsOnlyKeys("name", "endpoint", "secret", "which", "verbs")
				.containsEntry("endpoint", "The address must start with https://. Plain http:// is for a server on this "
						+ "machine, in development, and only when Stride runs with STRIDE_INTEGRATION_ALLOW_LOOPBACK=true."));
		assertThat(forwarding.all(fixtures.admin())).noneMatch(f -> f.endpoint().contains("10.0.0.5"));
	}

	private String add(String which, String verbs) {
		String id = forwarding.add(fixtures.admin(), settings(lrs.endpoint(), which, verbs)).id();
		forwarders.add(id);
		return id;
	}

	private static LrsForwarding.Settings settings(String endpoint, String which, String verbs) {
		return new LrsForwarding.Settings("Vendor LRS", endpoint, "stride-key", "s3cret:with colon", which, verbs);
	}

	private String completed(String course) {
		return transactions.execute(tx -> record.record(action(Verb.COMPLETED, course)));
	}

	private LearningAction action(Verb verb, String name) {
		return new LearningAction(org.learnerA(), "Learner A", verb, ActivityType.COURSE, "course-" + org.suffix(), name,
				null, Result.NONE);
	}
}
