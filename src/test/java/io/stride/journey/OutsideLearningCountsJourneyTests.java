package io.stride.journey;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.stride.identity.Role;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.xapi.OutsideLearning;
import io.stride.xapi.OutsideStatementsStored;
import io.stride.xapi.XapiClient;
import io.stride.xapi.XapiClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin writes a capability whose rule counts a MOOC's course, is told at the rule that a course name is not an
 * IRI, fixes it; the MOOC's connector reports that a learner completed the course with 86 %, and the learner's
 * profile shows the level and the learning outside Stride. Every page passes axe-core at desktop and phone widths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutsideLearningCountsJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	XapiClients clients;

	@Autowired
	OutsideLearning outsideLearning;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Value("${stride.base-url}")
	String baseUrl;

	Org org;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		fixtures.person(fixtures.admin(), "Outside Admin", "outside-admin", org.suffix(), Set.of(), Set.of(), Role.ADMIN);
		browser = Browser.open(port, "outside-learning");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void anOutsideCourseCountsTowardsACapability() {
		String activity = "https://mooc.example/courses/negotiation-" + org.suffix();
		String capability = "Negotiate a renewal " + org.suffix();
		browser.go("/login");
		browser.type("#email", org.email("outside-admin"));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");

		browser.go("/capabilities/new");
		browser.type("#name", capability);
		browser.type("#category", "Sales");
		browser.select("#rule-0-kind", "Activity completed in an outside tool");
		browser.type("#rule-0-activity", "Negotiation fundamentals");
		browser.type("#rule-0-min-score", "80");
		browser.navigate("#save-capability");
		assertThat(browser.find("#rule-0-error").getText()).startsWith("The activity's IRI must be absolute");
		assertThat(browser.find("#rule-0-min-score").getDomProperty("value")).isEqualTo("80");
		browser.checkAccessibility();
		browser.checkFitsAPhone();

		browser.find("#rule-0-activity").clear();
		browser.type("#rule-0-activity", activity);
		browser.type("#rule-0-activity-name", "Negotiation fundamentals");
		browser.navigate("#save-capability");
		assertThat(browser.text()).contains("Completed “Negotiation fundamentals” in an outside tool (score ≥ 80 %)");
		browser.checkAccessibility();

		// the MOOC's connector reports the course; the LRS tells the record it stored it
		XapiClients.NewClient made = clients.create(fixtures.admin(), "MOOC connector " + org.suffix(),
				List.of("statements/write"));
		XapiClient mooc = new XapiClient(made.client().id(), made.client().name(), made.client().scopes());
		String statement = "{\"actor\":{\"account\":{\"homePage\":\"" + baseUrl + "\",\"name\":\"" + org.learnerA().value()
				+ "\"}},\"verb\":{\"id\":\"" + OutsideLearning.COMPLETED + "\",\"display\":{\"en-US\":\"completed\"}},"
				+ "\"object\":{\"id\":\"" + activity + "\",\"definition\":{\"name\":{\"en-US\":\"Negotiation fundamentals\"}}},"
				+ "\"result\":{\"score\":{\"scaled\":0.86},\"success\":true},\"timestamp\":\"" + Instant.now().minusSeconds(120)
				+ "\",\"id\":\"" + UUID.randomUUID() + "\"}";
		transaction.executeWithoutResult(t -> {
			String id = outsideLearning.storeAs(fixtures.admin(), mooc, List.of(statement)).get(0);
			events.publishEvent(new OutsideStatementsStored(List.of(new OutsideStatementsStored.Stored(id,
					OutsideLearning.COMPLETED, org.learnerA().value(), activity))));
		});

		browser.go("/people/" + org.learnerA().value() + "/capabilities");
		assertThat(browser.text()).contains(capability, "Holds: Learning", "Learning outside Stride",
				"Negotiation fundamentals", "MOOC connector " + org.suffix(), "Score 86 % · Passed");
		browser.checkAccessibility();
		browser.windowSize(390, 844);
		browser.checkAccessibility();
		browser.checkFitsWidth();

		browser.navigate("#all-outside-learning");
		assertThat(browser.find("h1").getText()).isEqualTo("Learning outside Stride: Learner A");
		assertThat(browser.find("#outside-count").getText()).isEqualTo("1 statement");
		browser.checkAccessibility();
		browser.checkFitsWidth();
		browser.windowSize(1280, 900);
		browser.checkAccessibility();
	}
}
