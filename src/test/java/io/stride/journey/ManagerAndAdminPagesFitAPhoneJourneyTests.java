package io.stride.journey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.QuizSettings;
import io.stride.authoring.RiskTier;
import io.stride.delivery.Delivery;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.review.Reviews;
import io.stride.support.EveryKind;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone who manages a team, reviews and administers Stride opens every manager, reviewer and admin page on a
 * phone (390 px): nothing is wider than the screen, and on a desktop (1280 px) the navigation keeps to one line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagerAndAdminPagesFitAPhoneJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Delivery delivery;

	@Autowired
	Reviews reviews;

	Org org;

	Browser browser;

	List<String> pages = new ArrayList<>();

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		PersonId everything = fixtures.person(fixtures.admin(), "Alexandra Administrator-Longname", "all-roles", org.suffix(),
				Set.of(org.teamA()), Set.of(org.teamA()), Role.ADMIN, Role.REVIEWER);
		var me = fixtures.viewer(everything);
		Course everyKind = authoring.create(me, EveryKind.course("Every question kind " + org.suffix(), QuizSettings.NONE));
		everyKind = authoring.publish(me, everyKind.id(), everyKind.revision());
		delivery.assign(me, everyKind.id(), org.teamA(), LocalDate.now().plusDays(7));
		Course draft = authoring.create(me, Fixtures.sampleCourse("A draft with a rather long title for a phone " + org.suffix()));
		var author = fixtures.viewer(org.managerA());
		Course inReview = authoring.create(author, Fixtures.sampleCourse("Customer refunds " + org.suffix()).withTier(RiskTier.MEDIUM, null));
		authoring.requestPublication(author, inReview.id(), inReview.revision());
		String caseId = reviews.latestFor(inReview.id()).orElseThrow().id();
		String c = "/courses/" + everyKind.id().value();
		String team = "/teams/" + org.teamA().value();
		pages.addAll(List.of("/home", "/learning", "/practice", "/mastery", "/courses", "/courses/new", "/drafts/new",
				"/courses/" + draft.id().value() + "/edit", c + "/assign", c + "/analytics", c + "/item-analysis",
				c + "/improvement-requests", "/learning" + c, "/learning" + c + "/quiz", "/teams", team + "/progress",
				team + "/mastery", team + "/retention", "/reviews", "/reviews/" + caseId, "/improvement-requests",
				"/analytics/needs-attention", "/analytics/library", "/lifecycle/proposals", "/notifications", "/profile",
				"/admin/people", "/admin/people/new", "/admin/teams", "/admin/terms", "/admin/templates",
				"/admin/templates/new", "/admin/review-policies", "/admin/mastery", "/admin/item-analysis",
				"/admin/lifecycle", "/admin/audit", "/admin/scim"));
		browser = Browser.open(port, "pages-fit");
		browser.go("/login");
		browser.type("#email", org.email("all-roles"));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void everyManagerReviewerAndAdminPageFitsAPhone() throws Exception {
		browser.windowSize(390, 844);
		for (String page : pages) {
			browser.go(page);
			assertThat(browser.title()).as(page).doesNotContain("Error");
			browser.screenshot("390" + page.replaceAll("[^a-z0-9]+", "-"));
			browser.checkFitsWidth();
			if (browser.scrollTo("main table")) {
				browser.screenshot("390-table" + page.replaceAll("[^a-z0-9]+", "-"));
			}
		}
		browser.go(pages.stream().filter(page -> page.endsWith("/quiz")).findFirst().orElseThrow());
		browser.scrollTo("select[id*='-match-']");
		browser.screenshot("390-matching");
	}

	@Test
	void theNavigationKeepsToOneLineOnADesktop() throws Exception {
		browser.windowSize(1280, 900);
		for (String page : List.of("/admin/people", "/courses", "/notifications")) {
			browser.go(page);
			browser.screenshot("1280" + page.replaceAll("[^a-z0-9]+", "-"));
			browser.checkNavigationOnOneLine();
			browser.checkFitsWidth();
		}
	}
}
