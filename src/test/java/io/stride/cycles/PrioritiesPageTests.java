package io.stride.cycles;

import java.time.LocalDate;

import io.stride.capability.CapabilityId;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The priorities pages as a signed-in browser gets them: the organization's for everyone, a team's beside its
 * learning needs, forms that refuse with the message next to the field, and another team's page answering 404.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class PrioritiesPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows rows;

	@Autowired
	Priorities priorities;

	@Autowired
	MovableClock clock;

	Org org;

	CapabilityId escalations;

	String period;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		escalations = rows.capability("Complex escalations " + org.suffix(), "Support", fixtures.admin().id());
		rows.target(org.teamA(), escalations, 2, 1, org.managerA());
		period = "2027 H1 " + org.suffix();
	}

	@Test
	void anAdminPublishesFromThePageAndEveryoneSeesItUnderItsKind() throws Exception {
		PersonId admin = fixtures.admin().id();
		String refused = mvc.perform(post("/priorities").with(as(admin)).with(csrf()).param("period", period)
				.param("startsOn", today().minusDays(1).toString()).param("endsOn", today().minusDays(5).toString())
				.param("kind", "STRATEGY").param("title", "").param("text", "Kept as typed"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"title-error\"", "Give the priority a title.", "id=\"endsOn-error\"",
				"aria-invalid=\"true\"", "Kept as typed");

		mvc.perform(post("/priorities").with(as(admin)).with(csrf()).param("period", period)
				.param("startsOn", today().minusDays(1).toString()).param("endsOn", today().plusDays(180).toString())
				.param("kind", "STRATEGY").param("title", "Apply AI in customer support")
				.param("capabilityIds", escalations.value()))
			.andExpect(status().is3xxRedirection());

		String seen = mvc.perform(get("/priorities").param("period", period).with(as(org.learnerB())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(seen).contains("<main id=\"main\"", "Organization priorities", "Strategy",
				"Apply AI in customer support", "Complex escalations " + org.suffix(), "id=\"period-switcher\"")
			.doesNotContain("id=\"priority-form\"", "Edit or retire");
		assertThat(mvc.perform(get("/priorities").param("period", period).with(as(admin)))
			.andReturn().getResponse().getContentAsString()).contains("id=\"priority-form\"", "Edit or retire",
					"name=\"_csrf\"", "<label for=\"startsOn\">");
	}

	@Test
	void aTeamMemberSeesTheTeamsPrioritiesBesideItsLearningNeeds() throws Exception {
		priorities.publish(fixtures.viewer(org.managerA()), org.teamA(), period, today().toString(),
				today().plusDays(90).toString(), new PriorityContent(PriorityKind.PRIORITY, "Escalations answered within a day",
						"", java.util.List.of()));
		String page = mvc.perform(get("/teams/" + org.teamA().value() + "/priorities").param("period", period)
				.with(as(org.learnerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Current priority", "Escalations answered within a day", "Suggested learning needs",
				"Complex escalations " + org.suffix(), "<td>Short</td>")
			.doesNotContain("id=\"priority-form\"");
		mvc.perform(get("/teams/" + org.teamA().value() + "/priorities").with(as(org.learnerB())))
			.andExpect(status().isNotFound());
	}

	@Test
	void aManagerEditsATeamPriorityAndAStaleFormIsRefused() throws Exception {
		Priority p = priorities.publish(fixtures.viewer(org.managerA()), org.teamA(), period, today().toString(),
				today().plusDays(90).toString(), new PriorityContent(PriorityKind.SUCCESS, "Calm escalations", "",
						java.util.List.of()));
		String edit = "/priorities/" + p.id().value() + "/edit";
		assertThat(mvc.perform(get(edit).with(as(org.managerA()))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("<label for=\"title\">", "Calm escalations");
		mvc.perform(post(edit).with(as(org.managerA())).with(csrf()).param("revision", "1").param("kind", "SUCCESS")
				.param("title", "Calm, quick escalations"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/teams/" + org.teamA().value() + "/priorities?period="
					+ java.net.URLEncoder.encode(period, java.nio.charset.StandardCharsets.UTF_8)));
		String stale = mvc.perform(post(edit).with(as(org.managerA())).with(csrf()).param("revision", "1")
				.param("kind", "SUCCESS").param("title", "An older edit"))
			.andExpect(status().isConflict())
			.andReturn().getResponse().getContentAsString();
		assertThat(stale).contains("changed elsewhere", "An older edit");
		mvc.perform(post("/priorities/" + p.id().value() + "/retire").with(as(org.learnerA())).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get(edit).with(as(org.learnerA()))).andExpect(status().isForbidden());
		mvc.perform(get(edit).with(as(org.learnerB()))).andExpect(status().isNotFound());
	}

	@Test
	void theTeamProgressPageLinksToTheTeamsPriorities() throws Exception {
		assertThat(mvc.perform(get("/teams/" + org.teamA().value()).with(as(org.managerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString())
			.contains("href=\"/teams/" + org.teamA().value() + "/priorities\"");
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private RequestPostProcessor as(PersonId who) {
		return SignedIn.as(fixtures.viewerPerson(who));
	}
}
