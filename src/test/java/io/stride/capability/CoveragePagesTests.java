package io.stride.capability;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.stride.authoring.Course;
import io.stride.identity.PersonId;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The capability pages as a signed-in browser gets them: a team's coverage with its forecast and one-click actions,
 * targets with errors next to the field, the matrix with its CSV and printable view, a person's capabilities and
 * the risk report; and 404 for everyone the pages are not for.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class CoveragePagesTests {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows rows;

	@Autowired
	MovableClock clock;

	Org org;

	LocalDate today;

	CapabilityId escalations;

	@BeforeEach
	void organization() {
		clock.reset();
		today = LocalDate.now(ZoneOffset.UTC);
		org = fixtures.organization();
		// team A's tree has three people (its manager, learner A and learner A1); two can handle an escalation alone
		escalations = rows.capability("Complex escalations " + org.suffix(), "Customer Success " + org.suffix(), org.managerA());
		rows.holds(org.learnerA(), escalations, 2, null);
		rows.holds(org.learnerSubA(), escalations, 2, today.plusDays(40));
		rows.target(org.teamA(), escalations, 2, 2, org.managerA());
		rows.absence(org.learnerA(), today.plusDays(10), today.plusDays(20), "LEAVE");
	}

	@Test
	void aManagerSeesTheTeamAtRiskAndWhenItFallsShortBecauseOfALeave() throws Exception {
		String page = html(coverage(), org.managerA());
		assertThat(page).contains("<main id=\"main\"", "Coverage in Team A " + org.suffix(), "Complex escalations " + org.suffix(),
				"2 of 3", "Learner A, Learner A1", "2 at Can do it alone or above", "! At risk", "1 at risk",
				"short from " + today.plusDays(10).format(DAY) + " to " + today.plusDays(20).format(DAY) + " (Learner on leave)",
				"href=\"/capabilities/" + escalations.value() + "\"", "/teams/" + org.teamA().value() + "/outcomes",
				"Take a snapshot now");
		assertThat(page).as("the bus factor: one absence breaks it").containsPattern("<td>0</td>");

		String onLeave = html(coverage() + "?on=" + today.plusDays(12), org.managerA());
		assertThat(onLeave).contains("Forecast for", "✗ Short", "id=\"today-link\"");

		String tooFar = mvc.perform(get(coverage() + "?on=" + today.plusDays(200)).with(as(org.managerA())))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(tooFar).contains("id=\"on-error\"", "aria-invalid=\"true\"");

		// the sub-team set nothing of its own: team A's target applies, and says so
		assertThat(html("/teams/" + org.subTeamA().value() + "/coverage", org.managerA()))
			.contains("2 at Can do it alone or above (from Team A " + org.suffix() + ")");

		mvc.perform(get(coverage()).with(as(org.learnerA()))).andExpect(status().isNotFound());
		mvc.perform(get(coverage()).with(as(org.managerB()))).andExpect(status().isNotFound());
		assertThat(html("/teams/" + org.teamA().value(), org.managerA())).as("the team's page links its coverage")
			.contains("href=\"" + coverage() + "\" id=\"team-coverage\"", "href=\"/profile/capabilities\"");
		assertThat(html("/teams/" + org.teamB().value() + "/coverage", org.managerB()))
			.contains("id=\"nobody-holds\"", "href=\"/capabilities\"", "/teams/" + org.teamB().value() + "/capability-targets");
	}

	@Test
	void aManagerAssignsTheMissingCourseInOneClickAndTakesASnapshot() throws Exception {
		Course course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Forecasting a pipeline " + org.suffix());
		CapabilityId forecasting = rows.capability("Forecast a pipeline " + org.suffix(), "Sales " + org.suffix(), org.managerA());
		rows.courseRule(forecasting, 2, course.id().value());
		rows.target(org.teamA(), forecasting, 2, 1, org.managerA());

		String page = html(coverage(), org.managerA());
		assertThat(page).contains("Closest to qualifying: Forecast a pipeline " + org.suffix(),
				"Assign “Forecasting a pipeline " + org.suffix() + "”", "✗ Short");
		mvc.perform(post(coverage() + "/assign").with(as(org.managerA())).with(csrf())
				.param("personId", org.learnerA().value()).param("capabilityId", forecasting.value())
				.param("courseId", course.id().value()).param("dueDate", ""))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(coverage()));
		assertThat(rows.personAssignments(org.learnerA(), course.id().value())).isEqualTo(1);

		mvc.perform(post(coverage() + "/snapshots").with(as(org.managerA())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(html(coverage(), org.managerA())).contains("id=\"trend-" + escalations.value() + "\"", "Taken on")
			.doesNotContain("No snapshot yet.");
	}

	@Test
	void targetsRefuseNoPeopleNextToTheFieldAndWarnAboveTheTeamsSize() throws Exception {
		String targets = "/teams/" + org.teamA().value() + "/capability-targets";
		assertThat(html(targets, org.managerA())).contains("Capability targets of Team A " + org.suffix(),
				"This team's own targets", "Complex escalations " + org.suffix(), "id=\"target-form\"");

		String refused = mvc.perform(post(targets).with(as(org.managerA())).with(csrf())
				.param("capabilityId", escalations.value()).param("level", "2").param("minPeople", "0"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"minPeople-error\"", "aria-describedby=\"minPeople-error\"", "aria-invalid=\"true\"");

		MvcResult saved = mvc.perform(post(targets).with(as(org.managerA())).with(csrf())
				.param("capabilityId", escalations.value()).param("level", "3").param("minPeople", "5"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(saved.getFlashMap().get("warning")).as("5 people asked of a team of 3").isNotNull();
		assertThat(html(targets, org.managerA())).contains("5 at Can teach it or above");

		String confirm = html(targets + "/" + escalations.value() + "/remove", org.managerA());
		assertThat(confirm).contains("Remove this target?", "5 at Can teach it or above");
		mvc.perform(post(targets + "/" + escalations.value() + "/remove").with(as(org.managerA())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(html(targets, org.managerA())).doesNotContain("This team's own targets");

		mvc.perform(get(targets).with(as(org.learnerA()))).andExpect(status().isNotFound());
		mvc.perform(get(targets).with(as(org.managerB()))).andExpect(status().isNotFound());
		mvc.perform(post(targets).with(as(org.managerB())).with(csrf()).param("capabilityId", escalations.value())
				.param("level", "2").param("minPeople", "1"))
			.andExpect(status().isNotFound());
	}

	@Test
	void theMatrixShowsLevelsInWordsSelfAssessmentsApartAndDownloadsAndPrints() throws Exception {
		rows.selfAssessment(org.learnerA(), escalations, 3, "I trained the new starters.");
		String matrix = "/teams/" + org.teamA().value() + "/capability-matrix";
		String page = html(matrix, org.managerA());
		assertThat(page).contains("Capability matrix of Team A " + org.suffix(), "class=\"matrix-scroll\" tabindex=\"0\"",
				"aria-label=\"Capability matrix", "Can do it alone", "says: Can teach it", "expires in 40 days",
				"/js/matrix", "id=\"matrix-filters\"");

		MvcResult csv = mvc.perform(get(matrix + ".csv").with(as(org.managerA())))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
		String body = csv.getResponse().getContentAsString();
		assertThat(body.lines().findFirst().orElseThrow()).startsWith("\"person\",")
			.contains("\"Complex escalations " + org.suffix() + "\"");
		assertThat(body).contains("\"Learner A\",\"Can do it alone\"");

		String print = html(matrix + "/print", org.managerA());
		assertThat(print).contains("/css/capabilities-print", "Learner A1", "Can do it alone").doesNotContain("aria-label=\"Main\"");

		mvc.perform(get(matrix).with(as(org.learnerA()))).andExpect(status().isNotFound());
		mvc.perform(get(matrix + ".csv").with(as(org.managerB()))).andExpect(status().isNotFound());
	}

	@Test
	void aLearnerSeesTheirOwnCapabilitiesAndTheirManagerMayValidate() throws Exception {
		rows.selfAssessment(org.learnerA(), escalations, 3, "I trained the new starters.");
		mvc.perform(get("/profile/capabilities").with(as(org.learnerA())))
			.andExpect(redirectedUrl("/people/" + org.learnerA().value() + "/capabilities"));
		String mine = html("/people/" + org.learnerA().value() + "/capabilities", org.learnerA());
		assertThat(mine).contains("My capabilities", "Complex escalations " + org.suffix(), "Holds: Can do it alone",
				"✓ Met:", "Practitioner certificate, Stride Academy", "confirmed", "Self-assessment (not counted)",
				"Can teach it", "Add a certificate", "/profile/capabilities/" + escalations.value() + "/self-assessment",
				"/profile/absences", "href=\"/capabilities\"");
		String managers = html("/people/" + org.learnerA().value() + "/capabilities", org.managerA());
		assertThat(managers).contains("Capabilities of Learner A", "Validate", "/people/" + org.learnerA().value() + "/absences")
			.doesNotContain("Add a certificate");
		mvc.perform(get("/people/" + org.learnerA().value() + "/capabilities").with(as(org.learnerB())))
			.andExpect(status().isNotFound());
		assertThat(html("/people/" + org.learnerB().value() + "/capabilities", org.learnerB()))
			.contains("You hold no capability yet.", "href=\"/capabilities\"");
		mvc.perform(get("/people/" + org.learnerA().value() + "/capabilities").with(as(org.managerB())))
			.andExpect(status().isNotFound());
	}

	@Test
	void theRiskReportIsForAdminsWithACsvRowPerTeamAndCapability() throws Exception {
		PersonId admin = fixtures.admin().id();
		String page = html("/analytics/capability-risk", admin);
		assertThat(page).contains("<h1>Capability risk</h1>", "Complex escalations " + org.suffix(), "Team A " + org.suffix());
		MvcResult csv = mvc.perform(get("/analytics/capability-risk.csv").with(as(admin))).andExpect(status().isOk()).andReturn();
		assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
		assertThat(csv.getResponse().getContentAsString()).startsWith("capability,category,team,status,qualified,target")
			.contains("\"Complex escalations " + org.suffix() + "\",\"Customer Success " + org.suffix() + "\",\"Team A " + org.suffix() + "\"");
		mvc.perform(get("/analytics/capability-risk").with(as(org.managerA()))).andExpect(status().isNotFound());
		mvc.perform(get("/analytics/capability-risk.csv").with(as(org.learnerA()))).andExpect(status().isNotFound());
	}

	private String coverage() {
		return "/teams/" + org.teamA().value() + "/coverage";
	}

	private String html(String path, PersonId who) throws Exception {
		return mvc.perform(get(path).with(as(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private RequestPostProcessor as(PersonId who) {
		return SignedIn.as(fixtures.viewerPerson(who));
	}
}
