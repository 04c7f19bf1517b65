package io.stride.shared;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.stride.cycles.Kudos;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node killed while a listener ran leaves its publication incomplete; a live node delivers it again, once, and
 * leaves alone what another node is processing right now (issue 20). The thanks a colleague gives becomes a
 * notification through the registry: the crash is played by taking the notification back (the dead node's listener
 * transaction never committed) and putting the publication back as the dead node left it.
 */
@SpringBootTest(properties = { "spring.modulith.events.staleness.published=1m",
		"spring.modulith.events.staleness.processing=1m", "spring.modulith.events.staleness.resubmitted=1m",
		"spring.modulith.events.staleness.check-interval=1s", "stride.events.resubmit-every=1s" })
class EventResubmissionTests {

	@Autowired
	Kudos kudos;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPublicationLeftByAKilledNodeReachesItsListenerOnceMore() {
		String message = thankedAndNotified();

		leftIncomplete(message, "PROCESSING", Instant.now().minus(Duration.ofMinutes(5)));

		await().atMost(Duration.ofSeconds(20)).until(() -> notificationsFor(message) == 1 && status(message).equals("COMPLETED"));
		await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> notificationsFor(message) == 1);
	}

	@Test
	void aPublicationAnotherNodeIsProcessingIsLeftToIt() {
		String message = thankedAndNotified();

		leftIncomplete(message, "PROCESSING", Instant.now());

		await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> notificationsFor(message) == 0);
		assertThat(status(message)).isEqualTo("PROCESSING");
	}

	private String thankedAndNotified() {
		Org org = fixtures.organization();
		String message = "Thanks, resubmission " + UUID.randomUUID();
		kudos.give(fixtures.viewer(org.learnerB()), org.learnerA(), message, null);
		await().atMost(Duration.ofSeconds(10)).until(() -> notificationsFor(message) == 1 && status(message).equals("COMPLETED"));
		return message;
	}

	private void leftIncomplete(String message, String status, Instant published) {
		jdbc.sql("DELETE FROM notifications WHERE body = ?").param(message).update();
		jdbc.sql("""
				UPDATE event_publication SET status = ?, completion_date = NULL, publication_date = ?
				WHERE serialized_event LIKE ? AND listener_id LIKE '%NotificationRules%'""")
			.params(status, Timestamp.from(published), "%" + message + "%")
			.update();
	}

	private int notificationsFor(String message) {
		return jdbc.sql("SELECT count(*) FROM notifications WHERE body = ?").param(message).query(Integer.class).single();
	}

	private String status(String message) {
		return jdbc.sql("""
				SELECT status FROM event_publication
				WHERE serialized_event LIKE ? AND listener_id LIKE '%NotificationRules%'""")
			.param("%" + message + "%")
			.query(String.class)
			.single();
	}
}
