package io.stride.analytics.lifecycle;

import io.stride.analytics.lifecycle.LifecycleFixtures.Library;
import io.stride.analytics.lifecycle.LifecycleProposal.Kind;
import io.stride.authoring.Authoring;
import io.stride.authoring.CourseStatus;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.MovableClock;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Proposals for my courses" and the admin's lifecycle settings page, on the fixed library of
 * {@link LifecycleFixtures}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class LifecyclePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	LifecycleFixtures fixtures;

	@Autowired
	Fixtures people;

	@Autowired
	Lifecycle lifecycle;

	@Autowired
	Authoring authoring;

	@Autowired
	MovableClock clock;

	Library lib;

	@BeforeEach
	void libraryWithProposals() {
		lib = fixtures.library(clock);
		lifecycle.proposeNew();
	}

	@AfterEach
	void defaultsAndRealTimeAgain() {
		clock.reset();
		var d = LifecycleSettings.DEFAULTS;
		lifecycle.changeSettings(people.admin(), new LifecycleSettings.Change(d.idleDays(), d.popularLearners(),
				d.weakCompletionRate(), d.weakPassRate(), d.weakReactionScore(), lifecycle.settings().revision()));
	}

	@Test
	void theOwnerSeesWhyEachCourseIsProposed() throws Exception {
		Document page = page("/lifecycle/proposals", lib.author());
		assertThat(page.select("table#proposals caption").text()).isEqualTo("Open proposals, newest first");
		assertThat(page.select("table#proposals tbody tr")).hasSize(3);
		assertThat(row(page, lib.never().id().value(), Kind.ARCHIVE).text()).contains("Archive", "Never opened by a learner.");
		assertThat(row(page, lib.idle91().id().value(), Kind.ARCHIVE).text()).contains("Not opened since");
		var refine = row(page, lib.popular().id().value(), Kind.REFINE);
		assertThat(refine.text()).contains("Refine", "20 learners opened it; weak completion rate.", "Completion 40%.",
				"Pass rate 83%.");
		assertThat(refine.select("a").eachAttr("href")).contains("/courses/" + lib.popular().id().value() + "/analytics",
				"/courses/" + lib.popular().id().value() + "/edit");
		assertThat(refine.select("th[scope=row]")).hasSize(1);
		// a stranger has none, and can't decide the owner's
		Document theirs = page("/lifecycle/proposals", lib.org().learnerA());
		assertThat(theirs.select("#no-proposals").text()).contains("No open proposals");
		mvc.perform(post("/lifecycle/proposals/" + proposalId(lib.never().id().value(), Kind.ARCHIVE) + "/accept")
			.with(as(lib.org().learnerA()))
			.with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void archivingAsksForConfirmationThenRetiresTheCourse() throws Exception {
		String id = proposalId(lib.never().id().value(), Kind.ARCHIVE);
		Document confirm = page("/lifecycle/proposals/" + id + "/archive", lib.author());
		assertThat(confirm.select("h1").text()).isEqualTo("Archive “" + lib.never().title() + "”?");
		assertThat(confirm.select("main form").attr("action")).isEqualTo("/lifecycle/proposals/" + id + "/accept");
		assertThat(authoring.course(people.viewer(lib.author()), lib.never().id()).status()).isEqualTo(CourseStatus.PUBLISHED);
		mvc.perform(post("/lifecycle/proposals/" + id + "/accept").with(as(lib.author())).with(csrf()))
			.andExpect(redirectedUrl("/lifecycle/proposals"))
			.andExpect(flash().attribute("notice", "“" + lib.never().title()
					+ "” is archived: new learners and assignments no longer get it."));
		assertThat(authoring.course(people.viewer(lib.author()), lib.never().id()).status()).isEqualTo(CourseStatus.RETIRED);
		// a second click finds it decided
		mvc.perform(post("/lifecycle/proposals/" + id + "/accept").with(as(lib.author())).with(csrf()))
			.andExpect(flash().attribute("problem", "This proposal was already accepted."));
		Document all = page("/lifecycle/proposals?status=all", lib.author());
		assertThat(all.select("tr#proposal-" + id).text()).contains("Archived on");
	}

	@Test
	void keepingACourseDismissesItsProposal() throws Exception {
		String id = proposalId(lib.idle91().id().value(), Kind.ARCHIVE);
		mvc.perform(post("/lifecycle/proposals/" + id + "/dismiss").with(as(lib.author())).with(csrf()))
			.andExpect(redirectedUrl("/lifecycle/proposals"))
			.andExpect(flash().attribute("notice", "“" + lib.idle91().title()
					+ "” stays as it is; this is not proposed again for 90 days."));
		assertThat(page("/lifecycle/proposals", lib.author()).select("tr#proposal-" + id)).isEmpty();
		assertThat(authoring.course(people.viewer(lib.author()), lib.idle91().id()).status()).isEqualTo(CourseStatus.PUBLISHED);
	}

	@Test
	void anAdminChangesTheSettingsOnTheirPage() throws Exception {
		PersonId admin = people.admin().id();
		Document form = page("/admin/lifecycle", admin);
		assertThat(form.select("label[for=idleDays]").text()).contains("Idle period");
		assertThat(form.select("#idleDays").val()).isEqualTo("90");
		assertThat(form.select("#weakCompletionRate").val()).isEqualTo("0.50");
		assertThat(form.select("nav[aria-label=Admin] a[aria-current=page]").text()).isEqualTo("Content lifecycle");
		String revision = form.select("input[name=revision]").val();

		MockHttpServletResponse refused = mvc.perform(post("/admin/lifecycle").param("idleDays", "a while")
			.param("popularLearners", "20")
			.param("weakCompletionRate", "2")
			.param("weakPassRate", "0.5")
			.param("weakReactionScore", "0")
			.param("revision", revision)
			.with(as(admin))
			.with(csrf())).andExpect(status().isUnprocessableContent()).andReturn().getResponse();
		Document again = Jsoup.parse(refused.getContentAsString());
		assertThat(again.select("#idleDays-error").text()).contains("7 to 3650");
		assertThat(again.select("#idleDays").attr("aria-describedby")).isEqualTo("idleDays-error");
		assertThat(again.select("#idleDays").val()).isEqualTo("a while");
		assertThat(again.select("#weakCompletionRate-error").text()).contains("0 to 1");
		assertThat(again.select("#popularLearners-error")).isEmpty();

		mvc.perform(post("/admin/lifecycle").param("idleDays", "60")
			.param("popularLearners", "25")
			.param("weakCompletionRate", "0,6")
			.param("weakPassRate", "0.5")
			.param("weakReactionScore", "-10")
			.param("revision", revision)
			.with(as(admin))
			.with(csrf())).andExpect(redirectedUrl("/admin/lifecycle"));
		assertThat(lifecycle.settings().idleDays()).isEqualTo(60);
		assertThat(lifecycle.settings().weakCompletionRate()).isEqualTo(0.6);
		// the revision read before the save is stale now
		mvc.perform(post("/admin/lifecycle").param("idleDays", "90")
			.param("popularLearners", "20")
			.param("weakCompletionRate", "0.5")
			.param("weakPassRate", "0.5")
			.param("weakReactionScore", "0")
			.param("revision", revision)
			.with(as(admin))
			.with(csrf())).andExpect(status().isConflict());

		mvc.perform(post("/admin/lifecycle/run").with(as(admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/lifecycle"));
		mvc.perform(get("/admin/lifecycle").with(as(lib.author()))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/lifecycle/run").with(as(lib.author())).with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void myCoursesAndNeedsAttentionLinkToTheProposalsAndTheLibraryHealth() throws Exception {
		Document courses = page("/courses", lib.author());
		assertThat(courses.select("#lifecycle-proposals").attr("href")).isEqualTo("/lifecycle/proposals");
		assertThat(courses.select("#library-health").attr("href")).isEqualTo("/analytics/library");
		Document needsAttention = page("/analytics/needs-attention", lib.author());
		assertThat(needsAttention.select("#library-health-link").attr("href")).isEqualTo("/analytics/library");
	}

	private org.jsoup.nodes.Element row(Document page, String courseId, Kind kind) {
		return page.select("tr#proposal-" + proposalId(courseId, kind)).first();
	}

	private String proposalId(String courseId, Kind kind) {
		return lifecycle.proposals(people.viewer(lib.author()), false)
			.stream()
			.filter(p -> p.courseId().value().equals(courseId) && p.kind() == kind)
			.findFirst()
			.orElseThrow()
			.id();
	}

	private Document page(String path, PersonId person) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(as(person)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private RequestPostProcessor as(PersonId person) {
		return SignedIn.as(people.viewerPerson(person));
	}
}
