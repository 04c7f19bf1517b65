package io.stride.integration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Result;
import io.stride.activity.Verb;
import io.stride.cycles.Kudos;
import io.stride.cycles.KudosGiven;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.integration.internal.Signatures;
import io.stride.notification.Notifications;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Signed deliveries to a real local receiver: signatures, order, retries with back-off, alerts, chat formats. */
@SpringBootTest
@Import(MovableClock.Config.class)
class WebhookDeliveryTests {

	@Autowired
	Webhooks webhooks;

	@Autowired
	WebhookDeliverer deliverer;

	@Autowired
	Kudos kudos;

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

	@Autowired
	JsonMapper json;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

	Org org;

	Receiver receiver;

	final List<String> subscriptions = new ArrayList<>();

	@BeforeEach
	void setUp() throws Exception {
		clock.reset();
		org = fixtures.organization();
		receiver = new Receiver();
	}

	@AfterEach
	void tearDown() {
		subscriptions.forEach(id -> webhooks.remove(fixtures.admin(), id));
		receiver.close();
	}

	@Test
	void deliveriesAreSignedWithTheSubscriptionsSecretOverTimestampAndBody() {
		Webhooks.NewSubscription sub = subscribe("/hook", WebhookEvent.KUDOS_GIVEN);
		kudos.give(fixtures.viewer(org.learnerB()), org.learnerA(), "Thanks for the walkthrough", null);

		deliverer.deliverDue();

		List<Receiver.Received> got = receiver.at("/hook");
		assertThat(got).hasSize(1);
		Receiver.Received delivery = got.getFirst();
		String signature = delivery.header("Stride-Signature");
		assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
		long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
		String v1 = signature.substring(signature.indexOf("v1=") + 3);
		assertThat(Signatures.sign(sub.secret(), t, delivery.body())).isEqualTo(v1);
		assertThat(Signatures.sign("whsec_someone-elses", t, delivery.body())).isNotEqualTo(v1);
		assertThat(t).isEqualTo(clock.instant().getEpochSecond());

		JsonNode body = json.readTree(delivery.body());
		assertThat(body.get("type").asString()).isEqualTo("cycles.kudos-given");
		assertThat(body.get("id").asString()).isEqualTo(delivery.header("Stride-Event-Id"));
		assertThat(Instant.parse(body.get("occurredAt").asString())).isEqualTo(clock.instant());
		assertThat(body.get("data").get("toId").asString()).isEqualTo(org.learnerA().value());
		assertThat(body.get("data").get("message").asString()).isEqualTo("Thanks for the walkthrough");
		assertThat(webhooks.log(fixtures.admin(), sub.subscription().id()))
			.singleElement()
			.satisfies(d -> {
				assertThat(d.status()).isEqualTo("DELIVERED");
				assertThat(d.attempts()).isEqualTo(1);
				assertThat(d.responseCode()).isEqualTo(204);
			});
	}

	@Test
	void aStatementInTheLearningRecordIsDeliveredToItsSubscribers() {
		subscribe("/statements", WebhookEvent.STATEMENT_RECORDED);
		subscribe("/kudos-only", WebhookEvent.KUDOS_GIVEN);
		String id = transactions.execute(tx -> record.record(new LearningAction(org.learnerA(), "Learner A",
				Verb.COMPLETED, ActivityType.COURSE, "course-" + org.suffix(), "Escalations", null, Result.NONE)));

		deliverer.deliverDue();

		assertThat(receiver.at("/statements")).anySatisfy(r -> {
			JsonNode body = json.readTree(r.body());
			assertThat(body.get("type").asString()).isEqualTo("learning-record.statement-recorded");
			assertThat(body.get("data").get("statementId").asString()).isEqualTo(id);
			assertThat(body.get("data").get("actorId").asString()).isEqualTo(org.learnerA().value());
			assertThat(body.get("data").get("verb").asString()).isEqualTo(Verb.COMPLETED.iri());
		});
		assertThat(receiver.at("/kudos-only")).isEmpty();
	}

	@Test
	void aReceiverThatIsDownGetsEveryEventInOrderOnceItIsBackAfterBackingOff() {
		Webhooks.NewSubscription sub = subscribe("/down", WebhookEvent.KUDOS_GIVEN);
		String id = sub.subscription().id();
		receiver.status = 503;
		List<String> messages = List.of("first", "second", "third");
		for (String message : messages) {
			kudos.give(fixtures.viewer(org.learnerB()), org.learnerA(), message, null);
			clock.advance(Duration.ofSeconds(1));
		}

		deliverer.deliverDue();
		Webhooks.Delivery head = oldest(id);
		assertThat(head.attempts()).isEqualTo(1);
		assertThat(head.responseCode()).isEqualTo(503);
		assertThat(webhooks.log(fixtures.admin(), id)).filteredOn(d -> d.attempts() > 0).hasSize(1);
		Instant firstRetry = webhooks.subscription(fixtures.admin(), id).retryAt();
		assertThat(firstRetry).isEqualTo(head.lastAttemptAt().plusSeconds(30));

		clock.advance(Duration.ofSeconds(20)); // not yet
		deliverer.deliverDue();
		assertThat(oldest(id).attempts()).isEqualTo(1);

		clock.advance(Duration.ofSeconds(15));
		deliverer.deliverDue();
		assertThat(oldest(id).attempts()).isEqualTo(2);
		// doubled: 60 s after the second failure
		assertThat(webhooks.subscription(fixtures.admin(), id).retryAt()).isEqualTo(oldest(id).lastAttemptAt().plusSeconds(60));
		assertThat(webhooks.subscription(fixtures.admin(), id).consecutiveFailures()).isEqualTo(2);

		receiver.status = 200;
		clock.advance(Duration.ofSeconds(61));
		deliverer.deliverDue();

		assertThat(receiver.at("/down")).extracting(r -> json.readTree(r.body()).get("data").get("message").asString())
			.containsExactlyElementsOf(messages);
		assertThat(webhooks.log(fixtures.admin(), id)).allSatisfy(d -> assertThat(d.status()).isEqualTo("DELIVERED"));
		assertThat(webhooks.subscription(fixtures.admin(), id).consecutiveFailures()).isZero();
		assertThat(webhooks.subscription(fixtures.admin(), id).pending()).isZero();
	}

	@Test
	void backOffDoublesUpToItsCapAndAdminsAreToldOnceAfterFiveFailuresInARow() {
		PersonId secondAdmin = fixtures.person(fixtures.admin(), "Admin Two", "admin-two", org.suffix(), java.util.Set.of(),
				java.util.Set.of(), Role.ADMIN);
		Webhooks.NewSubscription sub = subscribe("/failing", WebhookEvent.KUDOS_GIVEN);
		String id = sub.subscription().id();
		receiver.status = 500;
		kudos.give(fixtures.viewer(org.learnerB()), org.learnerA(), "Lost? Never.", null);

		List<Long> waits = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			deliverer.deliverDue();
			Webhooks.Subscription s = webhooks.subscription(fixtures.admin(), id);
			waits.add(Duration.between(oldest(id).lastAttemptAt(), s.retryAt()).toSeconds());
			clock.advance(Duration.between(clock.instant(), s.retryAt()).plusSeconds(1));
		}
		assertThat(waits).containsExactly(30L, 60L, 120L, 240L, 480L, 960L, 1920L, 3600L, 3600L);
		assertThat(oldest(id).attempts()).isEqualTo(9);

		Viewer admin = fixtures.viewer(secondAdmin);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications.page(admin, 1).items())
				.filteredOn(n -> n.link().equals("/admin/integrations/" + id))
				.singleElement()
				.satisfies(n -> assertThat(n.subject()).isEqualTo("A webhook failed 5 deliveries in a row")));

		receiver.status = 200;
		deliverer.deliverDue();
		assertThat(receiver.at("/failing")).hasSize(1);
	}

	@Test
	void twoDeliveryRunsAtOnceDeliverEachEventOnceAndInOrder() throws Exception {
		subscribe("/busy", WebhookEvent.KUDOS_GIVEN);
		int count = 60;
		transactions.executeWithoutResult(tx -> {
			for (int i = 0; i < count; i++) {
				events.publishEvent(new KudosGiven("k-" + i, org.learnerA(), "Learner B", "message " + i, null));
			}
		});

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 20 && receiver.at("/busy").size() < count; round++) {
				List<Callable<Integer>> runs = List.of(deliverer::deliverDue, deliverer::deliverDue);
				for (Future<Integer> f : pool.invokeAll(runs)) {
					f.get();
				}
			}
		}
		finally {
			pool.shutdown();
		}
		List<String> got = receiver.at("/busy").stream()
			.map(r -> json.readTree(r.body()).get("data").get("kudosId").asString())
			.toList();
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			expected.add("k-" + i);
		}
		assertThat(got).containsExactlyElementsOf(expected);
	}

	@Test
	void aReceiverDownForAWeekIsPausedAndResumingDeliversWhatItKeptInOrder() {
		Webhooks.NewSubscription sub = subscribe("/dead", WebhookEvent.KUDOS_GIVEN);
		String id = sub.subscription().id();
		receiver.status = 503;
		kudos.give(fixtures.viewer(org.learnerB()), org.learnerA(), "kept 1", null);
		kudos.give(fixtures.viewer(org.learnerB()), org.learnerA(), "kept 2", null);
		deliverer.deliverDue();
		assertThat(webhooks.subscription(fixtures.admin(), id).paused()).isFalse();

		clock.advance(Duration.ofDays(6));
		deliverer.deliverDue();
		assertThat(webhooks.subscription(fixtures.admin(), id).paused()).as("not yet a week").isFalse();
		clock.advance(Duration.ofDays(1).plusMinutes(1));
		deliverer.deliverDue();

		Webhooks.Subscription paused = webhooks.subscription(fixtures.admin(), id);
		assertThat(paused.paused()).isTrue();
		assertThat(paused.pausedReason()).contains("older than 7 days");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications.page(fixtures.admin(), 1).items())
				.anySatisfy(n -> {
					assertThat(n.subject()).isEqualTo("A webhook was paused: its receiver stays down");
					assertThat(n.link()).isEqualTo("/admin/integrations/" + id);
				}));

		// nothing more is queued, and nothing is sent, even to a receiver that is back
		kudos.give(fixtures.viewer(org.learnerB()), org.learnerA(), "while paused", null);
		assertThat(webhooks.subscription(fixtures.admin(), id).pending()).isEqualTo(2);
		receiver.status = 200;
		clock.advance(Duration.ofHours(2));
		deliverer.deliverDue();
		assertThat(receiver.at("/dead")).isEmpty();

		webhooks.resume(fixtures.admin(), id);
		kudos.give(fixtures.viewer(org.learnerB()), org.learnerA(), "after resuming", null);
		deliverer.deliverDue();
		assertThat(receiver.at("/dead")).extracting(r -> json.readTree(r.body()).get("data").get("message").asString())
			.containsExactly("kept 1", "kept 2", "after resuming");
		assertThat(webhooks.subscription(fixtures.admin(), id).paused()).isFalse();
	}

	@Test
	void aReceiverWithMoreThanTenThousandEventsWaitingIsPaused() {
		Webhooks.NewSubscription sub = subscribe("/flooded", WebhookEvent.KUDOS_GIVEN);
		String id = sub.subscription().id();
		receiver.status = 503;
		kudos.give(fixtures.viewer(org.learnerB()), org.learnerA(), "first", null);
		deliverer.deliverDue();
		java.sql.Timestamp at = java.sql.Timestamp.from(clock.instant());
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 9_999; i++) {
			rows.add(new Object[] { "e-" + i, id, at });
		}
		jdbcTemplate.batchUpdate("INSERT INTO webhook_deliveries (event_id, subscription_id, event_type, occurred_at, "
				+ "body, status, attempts) VALUES (?, ?, 'cycles.kudos-given', ?, '{}', 'PENDING', 0)", rows);
		deliverer.deliverDue();
		assertThat(webhooks.subscription(fixtures.admin(), id).paused()).as("10,000 waiting").isFalse();

		kudos.give(fixtures.viewer(org.learnerB()), org.learnerA(), "one too many", null);
		deliverer.deliverDue();
		Webhooks.Subscription s = webhooks.subscription(fixtures.admin(), id);
		assertThat(s.paused()).isTrue();
		assertThat(s.pausedReason()).isEqualTo("More than 10000 events wait for it.");
	}

	@Test
	void eventsAreDeliveredInTheOrderTheirTransactionsCommitted() throws Exception {
		subscribe("/commits", WebhookEvent.KUDOS_GIVEN);
		java.util.concurrent.CountDownLatch queued = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			// A queues its event first but commits last
			Future<?> a = pool.submit(() -> transactions.executeWithoutResult(tx -> {
				events.publishEvent(new KudosGiven("a", org.learnerA(), "Learner B", "A, committed third", null));
				queued.countDown();
				try {
					commit.await();
				}
				catch (InterruptedException e) {
					throw new IllegalStateException(e);
				}
			}));
			queued.await();
			pool.submit(() -> transactions.executeWithoutResult(tx -> events
				.publishEvent(new KudosGiven("b", org.learnerA(), "Learner B", "B, committed first", null)))).get();
			deliverer.deliverDue();
			pool.submit(() -> transactions.executeWithoutResult(tx -> events
				.publishEvent(new KudosGiven("c", org.learnerA(), "Learner B", "C, committed second", null)))).get();
			commit.countDown();
			a.get();
		}
		finally {
			commit.countDown();
			pool.shutdown();
		}
		deliverer.deliverDue();

		assertThat(receiver.at("/commits")).extracting(r -> json.readTree(r.body()).get("data").get("kudosId").asString())
			.containsExactly("b", "c", "a");
	}

	@Test
	void aPreReadsChatMessageAndEmailGiveTheMeetingsTimeInTheRitualsZone() {
		Viewer admin = fixtures.admin();
		subscriptions.add(webhooks.connectChat(admin, org.teamA(), "SLACK", receiver.url("/slack-zone")).id());
		Instant starts = Instant.parse("2027-01-12T14:00:00Z"); // 09:00 in New York (EST)
		transactions.executeWithoutResult(tx -> events.publishEvent(new io.stride.rhythm.PreReadReady(
				new io.stride.rhythm.SessionId(io.stride.shared.Ids.newId()), org.teamA(), "QBR " + org.suffix(), starts,
				"# Pre-read", "/sessions/x/pre-read", "America/New_York")));

		deliverer.deliverDue();

		assertThat(json.readTree(receiver.at("/slack-zone").getFirst().body()).get("text").asString())
			.startsWith("*Pre-read for QBR " + org.suffix() + " on Tue 12 Jan 2027, 09:00 EST*");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications.page(fixtures.viewer(org.managerA()), 1).items())
				.anySatisfy(n -> assertThat(n.subject())
					.isEqualTo("Pre-read for QBR " + org.suffix() + " on 2027-01-12 09:00 EST")));
	}

	@Test
	void theLogForgetsOldDeliveredEventsButNeverAWaitingOne() {
		Webhooks.NewSubscription sub = subscribe("/prune", WebhookEvent.KUDOS_GIVEN);
		kudos.give(fixtures.viewer(org.learnerB()), org.learnerA(), "delivered long ago", null);
		deliverer.deliverDue();
		receiver.status = 503;
		kudos.give(fixtures.viewer(org.learnerB()), org.learnerA(), "still waiting", null);
		deliverer.deliverDue();
		assertThat(webhooks.log(fixtures.admin(), sub.subscription().id())).hasSize(2);

		clock.advance(Duration.ofDays(8));
		deliverer.pruneLog();

		assertThat(webhooks.log(fixtures.admin(), sub.subscription().id())).singleElement()
			.satisfies(d -> assertThat(d.status()).isEqualTo("PENDING"));
	}

	@Test
	void kudosArePostedToTheTeamsSlackAndTeamsChannelsInEachToolsFormat() {
		Viewer admin = fixtures.admin();
		subscriptions.add(webhooks.connectChat(admin, org.teamA(), "SLACK", receiver.url("/slack")).id());
		subscriptions.add(webhooks.connectChat(admin, org.teamA(), "TEAMS", receiver.url("/teams")).id());
		subscriptions.add(webhooks.connectChat(admin, org.teamB(), "SLACK", receiver.url("/slack-b")).id());
		kudos.give(fixtures.viewer(org.learnerB()), org.learnerA(),
				"Your <b>notes</b> & checklist *helped* [Reset your password](https://evil.example)", null);

		deliverer.deliverDue();

		Receiver.Received slack = receiver.at("/slack").getFirst();
		JsonNode slackBody = json.readTree(slack.body());
		assertThat(slackBody.propertyNames()).containsExactly("text");
		assertThat(slackBody.get("text").asString())
			.startsWith("*Learner B thanked Learner A*\n")
			.contains("Your &lt;b&gt;notes&lt;/b&gt; &amp; checklist")
			// people's words make no links in the channel
			.doesNotContain("<https://evil.example")
			.endsWith("/people/" + org.learnerA().value() + "/kudos|Open in Stride>");
		assertThat(slack.header("Stride-Signature")).isNull();

		// an Adaptive Card in a message: what Teams' Workflows webhooks (and the older connectors) post
		JsonNode message = json.readTree(receiver.at("/teams").getFirst().body());
		assertThat(message.get("type").asString()).isEqualTo("message");
		JsonNode attachment = message.get("attachments").get(0);
		assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
		JsonNode card = attachment.get("content");
		assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
		assertThat(card.get("body").get(0).get("text").asString()).isEqualTo("Learner B thanked Learner A");
		assertThat(card.get("body").get(1).get("text").asString())
			.contains("checklist \\*helped\\* \\[Reset your password\\]\\(https://evil\\.example\\)");
		assertThat(card.get("actions").get(0).get("type").asString()).isEqualTo("Action.OpenUrl");
		assertThat(card.get("actions").get(0).get("url").asString())
			.endsWith("/people/" + org.learnerA().value() + "/kudos");
		// learner A is not in team B
		assertThat(receiver.at("/slack-b")).isEmpty();
	}

	private Webhooks.NewSubscription subscribe(String path, WebhookEvent type) {
		Webhooks.NewSubscription sub = webhooks.subscribe(fixtures.admin(), receiver.url(path), List.of(type.type()),
				"Test " + org.suffix());
		subscriptions.add(sub.subscription().id());
		return sub;
	}

	private Webhooks.Delivery oldest(String subscription) {
		return webhooks.log(fixtures.admin(), subscription).getLast();
	}
}
