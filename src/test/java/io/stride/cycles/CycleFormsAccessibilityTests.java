package io.stride.cycles;

import java.util.List;

import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A refused cycle or goal form marks the inputs themselves as invalid and points them at the error (screen readers
 * announce neither on a fieldset), not the fieldset around them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class CycleFormsAccessibilityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LearningCycles cycles;

	@Autowired
	MovableClock clock;

	Org org;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
	}

	@Test
	void aRefusedAudienceAndNamedPeopleMarkTheRadiosAndTheEmailInput() throws Exception {
		Document badAudience = refused(post("/cycles").param("days", "45").param("title", "Spring")
			.param("visibility", "SECRET").param("from", "blank"));
		assertThat(badAudience.getElementById("visibility-error")).isNotNull();
		assertThat(badAudience.getElementById("visibility-choices").hasAttr("aria-invalid")).isFalse();
		assertThat(badAudience.select("input[name=visibility]")).isNotEmpty().allSatisfy(radio -> {
			assertThat(radio.attr("aria-invalid")).isEqualTo("true");
			assertThat(radio.attr("aria-describedby")).isEqualTo("visibility-error visibility-note");
		});

		Document nobodyNamed = refused(post("/cycles").param("days", "45").param("title", "Spring")
			.param("visibility", "NAMED").param("viewerEmails", "").param("from", "blank"));
		assertThat(nobodyNamed.getElementById("viewers-error")).isNotNull();
		assertThat(nobodyNamed.getElementById("visibility-TEAM").hasAttr("aria-invalid")).isFalse();
		assertThat(nobodyNamed.getElementById("visibility-TEAM").attr("aria-describedby")).isEqualTo("visibility-note");
		Element emails = nobodyNamed.getElementById("viewerEmails");
		assertThat(emails.attr("aria-invalid")).isEqualTo("true");
		assertThat(emails.attr("aria-describedby")).isEqualTo("viewers-error");
	}

	@Test
	void aRefusedGoalMarksItsResourceInputsAndWhatItServesNotTheirFieldsets() throws Exception {
		LearningCycle cycle = cycles.start(fixtures.viewer(org.learnerA()),
				new NewCycle("Mine", null, null, Visibility.TEAM, List.of(), null, null, null));

		Document goal = refused(post("/cycles/" + cycle.id().value() + "/goals").param("action", "save")
			.param("what", "Run workshops").param("resourceTitle", "A book").param("resourceUrl", "ftp://nope"));

		assertThat(goal.getElementById("resources-error")).isNotNull();
		assertThat(goal.getElementById("why-error")).isNotNull();
		assertThat(goal.select("fieldset[aria-invalid]")).isEmpty();
		for (String id : List.of("resourceTitle-0", "resourceUrl-0")) {
			Element input = goal.getElementById(id);
			assertThat(input.attr("aria-invalid")).as(id).isEqualTo("true");
			assertThat(input.attr("aria-describedby")).as(id).isEqualTo("resources-error");
		}
		Element self = goal.getElementById("servesSelf");
		assertThat(self.attr("aria-invalid")).isEqualTo("true");
		assertThat(self.attr("aria-describedby")).isEqualTo("why-error why-help");
	}

	private Document refused(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		String html = mvc.perform(request.with(as(org.learnerA())).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	private RequestPostProcessor as(PersonId who) {
		return SignedIn.as(fixtures.viewerPerson(who));
	}
}
