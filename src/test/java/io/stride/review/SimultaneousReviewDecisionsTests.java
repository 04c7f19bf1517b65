package io.stride.review;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseStatus;
import io.stride.authoring.RiskTier;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approve, reject and request-changes sent at the same moment to one case, over real HTTP so that each runs in its
 * own request and transaction: exactly one decision counts, and everything that follows from a decision (publication,
 * the audit entry, the author's notification) follows from that one only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimultaneousReviewDecisionsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int ROUNDS = 10;

	private static final Map<String, String> AUDITED_AS = Map.of("approve", "REVIEW_STEP_APPROVED", "reject",
			"REVIEW_REJECTED", "request-changes", "CHANGES_REQUESTED");

	private static final Map<String, String> CASE_STATUS_AFTER = Map.of("approve", "APPROVED", "reject", "REJECTED",
			"request-changes", "CHANGES_REQUESTED");

	private static final Map<String, String> AUTHOR_TOLD = Map.of("approve", "Approved and published: ", "reject",
			"Rejected: ", "request-changes", "Changes requested: ");

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Reviews reviews;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	ExecutorService pool;

	Org org;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		pool = Executors.newFixedThreadPool(3);
	}

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	@Test
	void approveRejectAndRequestChangesAtOnceCountOnlyTheFirstDecision() throws Exception {
		Viewer author = fixtures.viewer(org.managerA());
		String approver = bearer(reviewer("Ann Approver"));
		String rejecter = bearer(reviewer("Rex Rejecter"));
		String asker = bearer(reviewer("Cam Changes"));
		Map<String, Integer> wins = new java.util.TreeMap<>();
		for (int round = 0; round < ROUNDS; round++) {
			String title = "Simultaneous " + round + " " + org.suffix();
			Course course = authoring.create(author, Fixtures.sampleCourse(title).withTier(RiskTier.MEDIUM, null));
			authoring.requestPublication(author, course.id(), course.revision());
			String caseId = reviews.latestFor(course.id()).orElseThrow().id();

			CountDownLatch start = new CountDownLatch(1);
			Future<Outcome> approve = send(start, approver, caseId, "approve", "{\"comment\":\"Fine.\"}");
			Future<Outcome> reject = send(start, rejecter, caseId, "reject", "{\"reason\":\"Duplicate.\"}");
			Future<Outcome> changes = send(start, asker, caseId, "request-changes", "{\"comment\":\"Shorter.\"}");
			start.countDown();
			List<Outcome> outcomes = List.of(approve.get(), reject.get(), changes.get());

			List<Outcome> counted = outcomes.stream().filter(o -> o.status() == 200).toList();
			assertThat(counted).as("round %d: %s", round, outcomes).hasSize(1);
			String winner = counted.get(0).decision();
			wins.merge(winner, 1, Integer::sum);
			String finalStatus = CASE_STATUS_AFTER.get(winner);
			assertThat(counted.get(0).body().get("status").asString()).isEqualTo(finalStatus);
			for (Outcome lost : outcomes.stream().filter(o -> o.status() != 200).toList()) {
				assertThat(lost.status()).as("round %d: %s", round, lost).isEqualTo(409);
				assertThat(lost.body().get("caseStatus").asString()).as("round %d: %s", round, lost).isEqualTo(finalStatus);
			}

			assertThat(jdbc.sql("SELECT action FROM audit_events WHERE subject_id = ? AND action IN "
					+ "('REVIEW_STEP_APPROVED', 'REVIEW_REJECTED', 'CHANGES_REQUESTED')")
				.param(course.id().value()).query(String.class).list())
				.as("round %d: decisions in the audit log", round).containsExactly(AUDITED_AS.get(winner));
			assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE subject_id = ? AND action = 'COURSE_PUBLISHED'")
				.param(course.id().value()).query(Integer.class).single())
				.as("round %d: publications", round).isEqualTo("approve".equals(winner) ? 1 : 0);
			assertThat(authoring.forReview(course.id()).status())
				.isEqualTo("approve".equals(winner) ? CourseStatus.PUBLISHED : CourseStatus.DRAFT);
			assertThat(reviews.reviewCase(fixtures.admin(), caseId).steps())
				.singleElement().satisfies(step -> assertThat(step.pending()).isFalse());

			awaitListenersOf(caseId);
			assertThat(jdbc.sql("SELECT subject FROM notifications WHERE person_id = ? AND subject LIKE ?")
				.params(org.managerA().value(), "%" + title).query(String.class).list())
				.as("round %d: what the author was told", round).containsExactly(AUTHOR_TOLD.get(winner) + title);
		}
		System.out.println("Simultaneous review decisions, winners over " + ROUNDS + " rounds: " + wins);
	}

	private Future<Outcome> send(CountDownLatch start, String bearer, String caseId, String decision, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reviews/" + caseId
				+ "/" + decision))
			.header("Authorization", bearer)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return pool.submit(() -> {
			start.await();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Outcome(decision, response.statusCode(), JSON.readTree(response.body()));
		});
	}

	/** Notifications are written after the commit, by listeners of the events the decision raised. */
	private void awaitListenersOf(String caseId) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(20));
		while (Instant.now().isBefore(until)) {
			int unfinished = jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ? "
					+ "AND completion_date IS NULL")
				.param("%" + caseId + "%").query(Integer.class).single();
			if (unfinished == 0) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("Listeners of case " + caseId + " did not finish within 20 s");
	}

	private PersonId reviewer(String name) {
		return fixtures.person(fixtures.admin(), name + " " + org.suffix(), name.toLowerCase().replace(' ', '-'),
				org.suffix(), Set.of(), Set.of(), Role.REVIEWER);
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}

	record Outcome(String decision, int status, JsonNode body) {
	}
}
