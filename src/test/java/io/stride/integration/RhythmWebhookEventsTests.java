package io.stride.integration;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.stride.capability.CapabilityId;
import io.stride.identity.Viewer;
import io.stride.integration.internal.Signatures;
import io.stride.rhythm.Intervention;
import io.stride.rhythm.InterventionDraft;
import io.stride.rhythm.Interventions;
import io.stride.rhythm.LearningHours;
import io.stride.rhythm.LearningPeriod;
import io.stride.rhythm.Ritual;
import io.stride.rhythm.RitualDraft;
import io.stride.rhythm.Rituals;
import io.stride.rhythm.SessionId;
import io.stride.rhythm.Sessions;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operating rhythm's events a subscription may choose, delivered signed to a real local receiver with the data a
 * receiver needs: an intervention closed, a proposal answered, a session held, learning hours allocated.
 */
@SpringBootTest
@Import(MovableClock.Config.class)
class RhythmWebhookEventsTests {

	@Autowired
	Webhooks webhooks;

	@Autowired
	WebhookDeliverer deliverer;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows rows;

	@Autowired
	MovableClock clock;

	@Autowired
	JsonMapper json;

	@Autowired
	Rituals rituals;

	@Autowired
	Sessions sessions;

	@Autowired
	Interventions interventions;

	@Autowired
	LearningHours hours;

	Org org;

	Viewer manager;

	CapabilityId objections;

	SessionId session;

	Receiver receiver;

	final List<String> subscriptions = new ArrayList<>();

	@BeforeEach
	void setUp() throws Exception {
		clock.reset();
		org = fixtures.organization();
		manager = fixtures.viewer(org.managerA());
		receiver = new Receiver();
		objections = rows.capability("Objection handling " + org.suffix(), "Sales", fixtures.admin().id());
		rows.target(org.teamA(), objections, 1, 2, org.managerA());
		rows.holds(org.learnerA(), objections, 1, null);
		Ritual ritual = rituals.declare(manager, org.teamA(), new RitualDraft("PIPELINE_CALL", null, "WEEKLY",
				LocalDate.now(clock).plusDays(1).toString(), "09:00", "UTC", "45", "10", "", ""));
		var next = rituals.get(manager, ritual.id()).meetings().get(0);
		session = sessions.open(manager, ritual.id(), next.startsAt()).id();
	}

	@AfterEach
	void tearDown() {
		subscriptions.forEach(id -> webhooks.remove(fixtures.admin(), id));
		receiver.close();
	}

	@Test
	void theRhythmsNewEventsAreRegisteredForSubscriptions() {
		assertThat(List.of(WebhookEvent.values())).extracting(WebhookEvent::type)
			.contains("rhythm.intervention-closed", "rhythm.proposal-answered", "rhythm.session-held",
					"rhythm.hours-allocated");
	}

	@Test
	void aClosedInterventionIsDeliveredWithItsStatusAndWhoClosedIt() {
		Webhooks.NewSubscription sub = subscribe("/closed", WebhookEvent.INTERVENTION_CLOSED);
		Intervention pair = interventions.record(manager, session, draft("PAIR_OR_SHADOW", org.learnerA().value(), null));
		Intervention dropped = interventions.record(manager, session, draft("COMMISSION_MODULE", null, null));
		interventions.close(fixtures.viewer(org.learnerSubA()), pair.id(), pair.revision(), "DONE");
		interventions.close(manager, dropped.id(), dropped.revision(), "DROPPED");

		deliverer.deliverDue();

		List<JsonNode> got = bodies("/closed", sub);
		assertThat(got).extracting(b -> b.get("type").asString()).containsOnly("rhythm.intervention-closed");
		assertThat(got).extracting(b -> b.get("data").get("interventionId").asString())
			.containsExactly(pair.id().value(), dropped.id().value());
		JsonNode done = got.get(0).get("data");
		assertThat(done.get("status").asString()).isEqualTo("DONE");
		assertThat(done.get("kind").asString()).isEqualTo("PAIR_OR_SHADOW");
		assertThat(done.get("teamId").asString()).isEqualTo(org.teamA().value());
		assertThat(done.get("sessionId").asString()).isEqualTo(session.value());
		assertThat(done.get("capabilityId").asString()).isEqualTo(objections.value());
		assertThat(done.get("ownerId").asString()).isEqualTo(org.learnerSubA().value());
		assertThat(done.get("personId").asString()).isEqualTo(org.learnerA().value());
		assertThat(done.get("closedBy").asString()).isEqualTo(org.learnerSubA().value());
		assertThat(got.get(1).get("data").get("status").asString()).isEqualTo("DROPPED");
	}

	@Test
	void aProposalTakenOrLeftIsDeliveredWithTheAnswer() {
		Webhooks.NewSubscription sub = subscribe("/answered", WebhookEvent.PROPOSAL_ANSWERED);
		Intervention taken = interventions.record(manager, session, draft("PROPOSE_CYCLE_GOAL",
				org.learnerSubA().value(), null));
		Intervention left = interventions.record(manager, session, draft("PROPOSE_CYCLE_GOAL",
				org.learnerA().value(), null));
		interventions.answer(fixtures.viewer(org.learnerSubA()), taken.id(), true);
		interventions.answer(fixtures.viewer(org.learnerA()), left.id(), false);

		deliverer.deliverDue();

		List<JsonNode> got = bodies("/answered", sub);
		assertThat(got).hasSize(2);
		JsonNode first = got.get(0).get("data");
		assertThat(first.get("interventionId").asString()).isEqualTo(taken.id().value());
		assertThat(first.get("answer").asString()).isEqualTo("TAKEN");
		assertThat(first.get("status").asString()).isEqualTo("DONE");
		assertThat(first.get("personId").asString()).isEqualTo(org.learnerSubA().value());
		assertThat(first.get("teamId").asString()).isEqualTo(org.teamA().value());
		assertThat(first.get("capabilityId").asString()).isEqualTo(objections.value());
		JsonNode second = got.get(1).get("data");
		assertThat(second.get("answer").asString()).isEqualTo("LEFT");
		assertThat(second.get("status").asString()).isEqualTo("DROPPED");
		// leaving a suggestion is the person's own business: neither who left it nor what it said goes out
		assertThat(second.hasNonNull("personId")).isFalse();
		assertThat(second.hasNonNull("description")).isFalse();
		assertThat(first.hasNonNull("description")).isTrue();
	}

	@Test
	void aSessionMarkedHeldIsDeliveredOnceWithWhatItRecorded() {
		Webhooks.NewSubscription sub = subscribe("/held", WebhookEvent.SESSION_HELD);
		sessions.recordGap(manager, session, objections.value(), "Short", List.of());
		interventions.record(manager, session, draft("COMMISSION_MODULE", null, null));
		clock.advance(Duration.ofDays(2));
		sessions.update(manager, session, "We met.", "HELD");
		sessions.update(manager, session, "We met; notes added.", "HELD");

		deliverer.deliverDue();

		assertThat(bodies("/held", sub)).singleElement().satisfies(b -> {
			JsonNode data = b.get("data");
			assertThat(b.get("type").asString()).isEqualTo("rhythm.session-held");
			assertThat(data.get("sessionId").asString()).isEqualTo(session.value());
			assertThat(data.get("teamId").asString()).isEqualTo(org.teamA().value());
			assertThat(data.get("status").asString()).isEqualTo("HELD");
			assertThat(data.get("gaps").asInt()).isEqualTo(1);
			assertThat(data.get("interventions").asInt()).isEqualTo(1);
			assertThat(data.get("heldBy").asString()).isEqualTo(org.managerA().value());
		});
	}

	@Test
	void hoursAllocatedInPlanningOrByAnInterventionAreDelivered() {
		Webhooks.NewSubscription sub = subscribe("/hours", WebhookEvent.HOURS_ALLOCATED);
		LocalDate today = LocalDate.now(clock);
		LearningPeriod sprint = hours.createPeriod(manager, org.teamA(), new LearningHours.PeriodDraft("Sprint",
				today.toString(), today.plusDays(13).toString()));
		hours.allocate(manager, org.teamA(), sprint.id(), sprint.revision(),
				List.of(new LearningHours.Allocation(org.learnerA().value(), "4")));
		Intervention given = interventions.record(manager, session, draft("ALLOCATE_HOURS", org.learnerA().value(),
				"2.5"));

		deliverer.deliverDue();

		List<JsonNode> got = bodies("/hours", sub);
		assertThat(got).hasSize(2);
		JsonNode planned = got.get(0).get("data");
		assertThat(planned.get("periodId").asString()).isEqualTo(sprint.id());
		assertThat(planned.get("teamId").asString()).isEqualTo(org.teamA().value());
		assertThat(planned.get("personId").asString()).isEqualTo(org.learnerA().value());
		assertThat(planned.get("hoursBefore").isNull()).isTrue();
		assertThat(planned.get("hours").decimalValue()).isEqualByComparingTo("4");
		assertThat(planned.get("interventionId").isNull()).isTrue();
		JsonNode byIntervention = got.get(1).get("data");
		assertThat(byIntervention.get("hoursBefore").decimalValue()).isEqualByComparingTo("4");
		assertThat(byIntervention.get("hours").decimalValue()).isEqualByComparingTo("6.5");
		assertThat(byIntervention.get("interventionId").asString()).isEqualTo(given.id().value());
		assertThat(byIntervention.get("capabilityId").asString()).isEqualTo(objections.value());
		assertThat(byIntervention.get("allocatedBy").asString()).isEqualTo(org.managerA().value());
	}

	private InterventionDraft draft(String kind, String person, String hours) {
		return new InterventionDraft(kind, objections.value(), org.learnerSubA().value(),
				LocalDate.now(clock).plusDays(7).toString(), null, "Do it " + kind, null, person, hours, null);
	}

	/** The bodies received at the path, each checked against the subscription's signature. */
	private List<JsonNode> bodies(String path, Webhooks.NewSubscription sub) {
		return receiver.at(path).stream().map(r -> {
			String signature = r.header("Stride-Signature");
			long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
			assertThat(signature.substring(signature.indexOf("v1=") + 3))
				.isEqualTo(Signatures.sign(sub.secret(), t, r.body()));
			return json.readTree(r.body());
		}).toList();
	}

	private Webhooks.NewSubscription subscribe(String path, WebhookEvent type) {
		Webhooks.NewSubscription sub = webhooks.subscribe(fixtures.admin(), receiver.url(path), List.of(type.type()),
				"Test " + org.suffix());
		subscriptions.add(sub.subscription().id());
		return sub;
	}
}
