package io.stride.journey;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager who also administers Stride reads the capability pages: coverage (today and a day of the forecast),
 * targets, the matrix and its printable view, a person's capabilities and the risk report. Each passes axe-core and
 * fits a phone; in the matrix the arrow keys move from cell to cell.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagerReadsCapabilityCoverageOnAPhoneAndByKeyboardJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows rows;

	Org org;

	CapabilityId escalations;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		fixtures.person(fixtures.admin(), "Alexandra Administrator-Longname", "all-roles", org.suffix(), Set.of(org.teamA()),
				Set.of(org.teamA()), Role.ADMIN, Role.REVIEWER);
		LocalDate today = LocalDate.now();
		escalations = rows.capability("Handle a complex escalation " + org.suffix(), "Customer Success " + org.suffix(),
				org.managerA());
		CapabilityId reviews = rows.capability("Run an executive business review " + org.suffix(),
				"Customer Success " + org.suffix(), org.managerA());
		rows.holds(org.learnerA(), escalations, 2, null);
		rows.holds(org.learnerSubA(), escalations, 2, today.plusDays(30));
		rows.holds(org.learnerA(), reviews, 3, null);
		rows.target(org.teamA(), escalations, 2, 2, org.managerA());
		rows.target(org.teamA(), reviews, 2, 2, org.managerA());
		rows.absence(org.learnerA(), today.plusDays(10), today.plusDays(20), "LEAVE");
		rows.selfAssessment(org.learnerSubA(), reviews, 2, "I ran two this quarter.");
		browser = Browser.open(port, "capability-pages");
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
	void everyCapabilityPagePassesAxeAndFitsAPhone() throws Exception {
		String team = "/teams/" + org.teamA().value();
		for (String page : List.of(team + "/coverage", team + "/coverage?on=" + LocalDate.now().plusDays(12),
				team + "/capability-targets", team + "/capability-matrix", team + "/capability-matrix/print",
				"/people/" + org.learnerA().value() + "/capabilities", "/profile/capabilities", "/analytics/capability-risk")) {
			browser.go(page);
			assertThat(browser.title()).as(page).doesNotContain("Error").doesNotContain("Not found");
			browser.screenshot(page.replaceAll("[^a-z0-9]+", "-"));
			browser.checkAccessibility();
		}
		browser.go(team + "/coverage");
		assertThat(browser.text()).contains("short from", "(Learner on leave)", "! At risk");
	}

	@Test
	void theArrowKeysMoveFromCellToCellInTheMatrix() throws Exception {
		browser.go("/teams/" + org.teamA().value() + "/capability-matrix");
		var start = browser.find("#capability-matrix td[tabindex='0']");
		((JavascriptExecutor) browserDriver()).executeScript("arguments[0].focus();", start);
		assertThat(position()).isEqualTo(List.of(1L, 1L));
		active().sendKeys(Keys.ARROW_RIGHT);
		assertThat(position()).isEqualTo(List.of(1L, 2L));
		active().sendKeys(Keys.ARROW_DOWN);
		assertThat(position()).isEqualTo(List.of(2L, 2L));
		active().sendKeys(Keys.HOME);
		assertThat(position()).isEqualTo(List.of(2L, 0L));
		active().sendKeys(Keys.ARROW_UP);
		active().sendKeys(Keys.ARROW_UP);
		assertThat(position()).as("the header row").isEqualTo(List.of(0L, 0L));
		assertThat(browser.all("#capability-matrix [tabindex='0']")).as("one cell in the tab order at a time").hasSize(1);
		browser.windowSize(390, 844);
		browser.checkFitsWidth();
		browser.screenshot("matrix-390");
	}

	private org.openqa.selenium.WebDriver browserDriver() {
		return ((org.openqa.selenium.WrapsDriver) browser.find("body")).getWrappedDriver();
	}

	private org.openqa.selenium.WebElement active() {
		return browserDriver().switchTo().activeElement();
	}

	@SuppressWarnings("unchecked")
	private List<Long> position() {
		return (List<Long>) ((JavascriptExecutor) browserDriver()).executeScript(
				"const c = document.activeElement; return [c.parentElement.rowIndex, c.cellIndex];");
	}
}
