package io.stride.cycles;

import java.util.List;
import java.util.Set;

import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The pages: asking colleagues to validate, the validator's inbox, a goal's help page, a team's help requests. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class ValidationPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ValidationFixtures rows;

	@Autowired
	PeerValidation validation;

	@Autowired
	MovableClock clock;

	Org org;

	Viewer ana;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		ana = fixtures.viewer(org.learnerA());
	}

	@Test
	void theOwnerAsksASuggestedColleagueWhoAnswersFromTheInbox() throws Exception {
		CapabilityId capability = rows.validatedCapability("Workshops " + org.suffix(), 1);
		rows.holds(org.learnerB(), capability, 2);
		Goal goal = rows.goal(ana, Visibility.MANAGER, "Run <b>customer</b> workshops", capability, 2, List.of());
		rows.produced(goal, "Workshop recording", "https://video.example.com/w1");
		String page = "/goals/" + goal.id().value() + "/validation";

		String form = mvc.perform(get(page).with(as(org.learnerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(form).contains("<h1>Validation of your goal</h1>", "Run &lt;b&gt;customer&lt;/b&gt; workshops",
				"<legend>Suggested colleagues</legend>", "Learner B", "Holds “Can do it alone” in Workshops",
				"<label for=\"message\">", "name=\"_csrf\"", "id=\"no-requests\"");
		assertThat(form).doesNotContain("id=\"share-back\"");

		mvc.perform(post(page).with(as(org.learnerA())).with(csrf()).param("validators", org.learnerA().value()))
			.andExpect(status().isUnprocessableContent());
		String refused = mvc.perform(post(page).with(as(org.learnerA())).with(csrf()).param("other", org.learnerA().value())
			.param("message", "Kept message"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"validators-error\"", "Nobody validates their own goal", "Kept message",
				"aria-invalid=\"true\"");

		mvc.perform(post(page).with(as(org.learnerB())).with(csrf()).param("validators", org.managerB().value()))
			.andExpect(status().isNotFound());
		mvc.perform(post(page).with(as(org.learnerA())).with(csrf()).param("validators", org.learnerB().value())
			.param("message", "You saw both"))
			.andExpect(redirectedUrl(page));

		String inbox = mvc.perform(get("/validations").with(as(org.learnerB())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(inbox).contains("<h1>Validations</h1>", "Waiting for you (1)", "Learner A: Run &lt;b&gt;customer&lt;/b&gt; workshops",
				"You saw both", "href=\"https://video.example.com/w1\"", "Workshop recording",
				"Your validation also counts toward Workshops " + org.suffix() + " at “Can do it alone”.", "<legend>Your answer</legend>");
		String requestId = validation.inbox(fixtures.viewer(org.learnerB())).get(0).id();

		String missing = mvc.perform(post("/validations/" + requestId + "/answer").with(as(org.learnerB())).with(csrf())
			.param("answer", "VALIDATED").param("note", " "))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(missing).contains("id=\"note-error-" + requestId + "\"", "Say what you saw");
		mvc.perform(post("/validations/" + requestId + "/answer").with(as(org.learnerB())).with(csrf())
			.param("answer", "VALIDATED").param("note", "Both ran well"))
			.andExpect(redirectedUrl("/validations"));
		mvc.perform(post("/validations/" + requestId + "/answer").with(as(org.learnerB())).with(csrf())
			.param("answer", "NOT_YET").param("note", "Second thoughts"))
			.andExpect(status().isUnprocessableContent());

		String after = mvc.perform(get(page).with(as(org.learnerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(after).contains("1 colleague validated this goal.", "Both ran well",
				"Counts toward Workshops " + org.suffix() + " at “Can do it alone”.");
	}

	@Test
	void aReaderOfTheContractMayNotAskForItsValidation() throws Exception {
		PersonId teammate = fixtures.person(fixtures.admin(), "Teammate", "teammate", org.suffix(), Set.of(org.teamA()),
				Set.of());
		Goal goal = rows.goal(ana, Visibility.TEAM, "Run customer workshops", null, null, List.of());

		mvc.perform(get("/goals/" + goal.id().value() + "/validation").with(as(teammate))).andExpect(status().isForbidden());
		mvc.perform(get("/goals/" + goal.id().value() + "/validation").with(as(org.learnerB())))
			.andExpect(status().isNotFound());
	}

	@Test
	void aTeammateOffersHelpFromTheTeamsHelpRequests() throws Exception {
		PersonId teammate = fixtures.person(fixtures.admin(), "Teammate", "teammate", org.suffix(), Set.of(org.teamA()),
				Set.of());
		Goal goal = rows.goal(ana, Visibility.TEAM, "Negotiate renewals", null, null, List.of());
		String page = "/goals/" + goal.id().value() + "/help";
		String owners = mvc.perform(get(page).with(as(org.learnerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(owners).contains("<h1>Help with your goal</h1>", "Your goal is not looking for help.",
				"I’m looking for help");
		mvc.perform(post(page).with(as(org.learnerA())).with(csrf()).param("looking", "true"))
			.andExpect(redirectedUrl(page));

		String list = mvc.perform(get("/teams/" + org.teamA().value() + "/help-requests").with(as(teammate)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(list).contains("Help requests: Team A", "Learner A", "href=\"" + page + "\"", "Negotiate renewals");
		mvc.perform(get("/teams/" + org.teamA().value() + "/help-requests").with(as(org.learnerB())))
			.andExpect(status().isNotFound());

		String help = mvc.perform(get(page).with(as(teammate)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(help).contains("<h1>Help Learner A</h1>", "id=\"offer-form\"", "<label for=\"message\">");
		String tooLong = mvc.perform(post("/goals/" + goal.id().value() + "/help-offers").with(as(teammate)).with(csrf())
			.param("message", "x".repeat(1001)))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(tooLong).contains("id=\"message-error\"");
		mvc.perform(post("/goals/" + goal.id().value() + "/help-offers").with(as(teammate)).with(csrf())
			.param("message", "Happy to <script>help</script>"))
			.andExpect(redirectedUrl(page));

		String seen = mvc.perform(get(page).with(as(org.learnerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(seen).contains("Teammate", "Happy to &lt;script&gt;help&lt;/script&gt;", "Remove");
	}

	@Test
	void theShareBackButtonOpensTheDraft() throws Exception {
		Goal goal = rows.goal(ana, Visibility.TEAM, "Run customer workshops", null, null, List.of());
		rows.close(goal, GoalOutcome.LEARNED, "Short exercises work best");

		String page = mvc.perform(get("/goals/" + goal.id().value() + "/help").with(as(org.learnerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"share-back\"", "Turn what I learned into a course");
		mvc.perform(post("/goals/" + goal.id().value() + "/course-draft").with(as(org.learnerA())).with(csrf()))
			.andExpect(redirectedUrlPattern("/drafts/*"));
		mvc.perform(post("/goals/" + goal.id().value() + "/course-draft").with(as(org.learnerA())))
			.andExpect(status().isForbidden());
	}

	private RequestPostProcessor as(PersonId who) {
		return SignedIn.as(fixtures.viewerPerson(who));
	}
}
