package io.stride.rhythm;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.identity.PersonId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.review.Reviews;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The commission, learning need and budget pages as people use them in the browser. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class CommissionPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	Commissions commissions;

	@Autowired
	Reviews reviews;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Authoring authoring;

	Org org;

	String due;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		due = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(14).toString();
	}

	@Test
	void aManagerCommissionsFromTheFormAndTheAuthorDraftsFromItsBrief() throws Exception {
		mvc.perform(get("/commissions").with(as(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nobody commissioned a module from you yet")))
			.andExpect(content().string(not(containsString("id=\"new-commission\""))));
		mvc.perform(get("/commissions/new").with(as(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Learner A1")));
		mvc.perform(post("/commissions").with(as(org.managerA())).with(csrf())
			.param("teamId", org.teamA().value())
			.param("problem", "")
			.param("dueOn", due))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"authorId-error\"")))
			.andExpect(content().string(containsString("Say what problem the module solves.")));
		budgets.give(fixtures.admin(), org.teamA(), LocalDate.parse(due).minusDays(20), LocalDate.parse(due),
				new java.math.BigDecimal("1000"), "EUR");
		String location = mvc.perform(post("/commissions").with(as(org.managerA())).with(csrf())
			.param("teamId", org.teamA().value())
			.param("authorEmail", org.email("learner-a"))
			.param("problem", "Renewal objections from the new competitor")
			.param("dueOn", due)
			.param("internalHours", "8"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String id = location.substring("/commissions/".length());

		mvc.perform(get(location).with(as(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Renewal objections from the new competitor")))
			.andExpect(content().string(containsString("id=\"draft-from-commission\"")))
			.andExpect(content().string(not(containsString("id=\"cancel-commission\""))));
		mvc.perform(get(location).with(as(org.managerA())))
			.andExpect(content().string(containsString("id=\"cancel-commission\"")))
			.andExpect(content().string(not(containsString("id=\"draft-from-commission\""))));
		mvc.perform(get(location).with(as(org.learnerB()))).andExpect(status().isNotFound());

		mvc.perform(post(location + "/draft").with(as(org.learnerA())).with(csrf()))
			.andExpect(redirectedUrl("/drafts/new?commission=" + id));
		mvc.perform(get("/drafts/new?commission=" + id).with(as(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"draft-brief\"")))
			.andExpect(content().string(containsString("Problem it solves: Renewal objections from the new competitor")));
		// someone who may not read the commission drafts from an empty form
		mvc.perform(get("/drafts/new?commission=" + id).with(as(org.learnerB())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Renewal objections"))));
		assertThat(jdbc.sql("SELECT draft_started_at FROM commissions WHERE id = ?").param(id).query(Object.class)
			.optional()).isPresent();

		mvc.perform(post(location + "/cancel").with(as(org.managerA())).with(csrf())).andExpect(redirectedUrl(location));
		mvc.perform(get(location).with(as(org.managerA()))).andExpect(content().string(containsString("Cancelled")));
	}

	@Autowired
	Budgets budgets;

	@Test
	void aCommissionWaitingForFundingSaysWhoDecidesAndSinceWhenAndLearningAndDevelopmentFundsItFromItsPage() throws Exception {
		Viewer admin = fixtures.admin();
		PersonId lea = fixtures.person(admin, "L&D Lea", "lea", org.suffix(), Set.of(), Set.of(), Role.REVIEWER);
		reviews.setUp(admin, lea, "", true, false);
		// no budget holds today: a priced commission waits for L&D
		Commission waiting = commissions.create(fixtures.viewer(org.managerA()), new CommissionDraft(org.teamA(),
				org.learnerA(), "Discount questions " + org.suffix(), "Sales", LocalDate.parse(due), null, null, null,
				null, new java.math.BigDecimal("400"), true));
		String page = "/commissions/" + waiting.id().value();
		Document manager = Jsoup.parse(mvc.perform(get(page).with(as(org.managerA())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(manager.select("#commission-status").text()).isEqualTo("Waiting for funding");
		assertThat(manager.select("#commission-funding").text())
			.contains("Waiting for L&D to fund it", "no learning budget for the period", "L&D (", "decides",
					"Learner A gets it as a task once it is funded")
			.contains(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
				.format(waiting.spend().createdAt().atZone(ZoneOffset.UTC)) + " UTC");
		assertThat(manager.select("#funding-form")).isEmpty();
		// its author has no task yet: not in their list, no drafting from it
		Document author = Jsoup.parse(mvc.perform(get(page).with(as(org.learnerA())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(author.select("#commission-funding")).hasSize(1);
		assertThat(author.select("#draft-from-commission")).isEmpty();
		mvc.perform(get("/commissions").with(as(org.learnerA())))
			.andExpect(content().string(not(containsString("Discount questions " + org.suffix()))));
		mvc.perform(post(page + "/draft").with(as(org.learnerA())).with(csrf())).andExpect(status().isConflict());
		mvc.perform(get("/commissions?tab=commissioned").with(as(org.managerA())))
			.andExpect(content().string(containsString("Waiting for L&amp;D to fund it")));
		// the manager cannot fund it; L&D does, from the commission's page
		mvc.perform(post(page + "/funding/approve").with(as(org.managerA())).with(csrf())).andExpect(status().isForbidden());
		Document ld = Jsoup.parse(mvc.perform(get(page).with(as(lea)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(ld.select("#funding-form #fund-commission")).hasSize(1);
		assertThat(ld.select("#funding-form #decline-funding")).hasSize(1);
		mvc.perform(post(page + "/funding/approve").with(as(lea)).with(csrf()).param("note", "Needed for the QBR"))
			.andExpect(redirectedUrl(page));
		mvc.perform(get(page).with(as(org.learnerA())))
			.andExpect(content().string(not(containsString("id=\"commission-funding\""))))
			.andExpect(content().string(containsString("id=\"draft-from-commission\"")));
		mvc.perform(get("/commissions").with(as(org.learnerA())))
			.andExpect(content().string(containsString("Discount questions " + org.suffix())));
	}

	@Test
	void theCourseThatAnswersACommissionOpensFromItsPageWhileOpenForItsAuthorAndOncePublishedForTheManager()
			throws Exception {
		Viewer author = fixtures.viewer(org.learnerA());
		Commission made = commissions.create(fixtures.viewer(org.managerA()), new CommissionDraft(org.teamA(),
				org.learnerA(), "Renewal objections from the new competitor", "", LocalDate.parse(due), null, null, null,
				null, null, false));
		String location = "/commissions/" + made.id().value();
		Course draft = authoring.create(author, Fixtures.sampleCourse("Renewal objections " + org.suffix()));
		commissions.link(author, made.id(), draft.id());

		Element forAuthor = Jsoup.parse(mvc.perform(get(location).with(as(org.learnerA())))
			.andReturn().getResponse().getContentAsString()).selectFirst("#commission-course a");
		assertThat(forAuthor.attr("href")).isEqualTo("/courses/" + draft.id().value() + "/edit");
		Element forManager = Jsoup.parse(mvc.perform(get(location).with(as(org.managerA())))
			.andReturn().getResponse().getContentAsString()).selectFirst("#commission-course");
		assertThat(forManager.select("a")).isEmpty();
		assertThat(forManager.text()).isEqualTo("Renewal objections " + org.suffix() + " (not published yet)");

		authoring.publish(author, draft.id(), draft.revision());
		await().atMost(Duration.ofSeconds(15)).until(() -> commissions.get(author, made.id()).status()
				== Commission.Status.PUBLISHED);
		String link = Jsoup.parse(mvc.perform(get(location).with(as(org.managerA())))
			.andReturn().getResponse().getContentAsString()).selectFirst("#commission-course a").attr("href");
		// it opened /courses/{id}, which has no page; the course's own page (to assign it), not My learning, which
		// would have started the course for the manager who only looked at it
		assertThat(link).isEqualTo("/courses/" + draft.id().value() + "/assign");
		mvc.perform(get(link).with(as(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Renewal objections " + org.suffix())));
	}

	@Test
	void aNeedIsFiledOnTheBoardVoicedAndTurnedIntoAPrefilledCommission() throws Exception {
		mvc.perform(post("/learning-needs").with(as(org.learnerA())).with(csrf()).param("what", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"what-error\"")));
		String location = mvc.perform(post("/learning-needs").with(as(org.learnerA())).with(csrf())
			.param("what", "Handling the discount question " + org.suffix())
			.param("teamId", org.teamA().value()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(post(location + "/voices").with(as(org.learnerB())).with(csrf()).param("note", "Every call"))
			.andExpect(redirectedUrl(location));
		mvc.perform(get("/learning-needs?q=" + org.suffix()).with(as(org.learnerB())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Handling the discount question")))
			.andExpect(content().string(containsString("1 voice")));
		mvc.perform(get(location).with(as(org.learnerB())))
			.andExpect(content().string(containsString("id=\"withdraw-voice\"")))
			.andExpect(content().string(not(containsString("id=\"commission-need\""))));
		mvc.perform(get(location).with(as(org.managerA())))
			.andExpect(content().string(containsString("id=\"commission-need\"")));
		String need = location.substring("/learning-needs/".length());
		mvc.perform(get("/commissions/new?need=" + need).with(as(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Handling the discount question " + org.suffix() + "</textarea>")))
			.andExpect(content().string(containsString("id=\"from-need\"")));
		mvc.perform(get("/commissions/new?need=" + need).with(as(org.managerB()))).andExpect(status().isForbidden());
	}

	@Test
	void theBudgetPageShowsWhatIsLeftAndOnlyLearningAndDevelopmentGivesOne() throws Exception {
		Viewer admin = fixtures.admin();
		PersonId lea = fixtures.person(admin, "L&D Lea", "lea", org.suffix(), Set.of(), Set.of(), Role.REVIEWER);
		reviews.setUp(admin, lea, "", true, false);
		String page = "/teams/" + org.teamA().value() + "/budget";
		mvc.perform(get(page).with(as(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ask L&amp;D to give it one")))
			.andExpect(content().string(not(containsString("id=\"budget-form\""))));
		mvc.perform(get(page).with(as(org.managerB()))).andExpect(status().isNotFound());
		mvc.perform(post(page).with(as(lea)).with(csrf()).param("startsOn", due).param("endsOn", due).param("amount", "-3"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"amount-error\"")));
		mvc.perform(post(page).with(as(lea)).with(csrf())
			.param("startsOn", LocalDate.parse(due).minusDays(20).toString())
			.param("endsOn", due)
			.param("amount", "1500")
			.param("currency", "EUR"))
			.andExpect(redirectedUrl(page));
		commissions.create(fixtures.viewer(org.managerA()), new CommissionDraft(org.teamA(), org.learnerA(),
				"Discount questions", "", LocalDate.parse(due), null, null, null, null, new java.math.BigDecimal("400"),
				false));
		mvc.perform(get(page).with(as(org.managerA())))
			.andExpect(content().string(containsString("EUR 1500.00")))
			.andExpect(content().string(containsString("EUR 400.00")))
			.andExpect(content().string(containsString("EUR 1100.00")))
			.andExpect(content().string(containsString("Commission: Discount questions")))
			// one table of the period's spends; none of spends without a budget (there are none)
			.andExpect(content().string(containsString("<caption>Spends</caption>")))
			.andExpect(content().string(not(containsString("Spends without a budget period"))));
	}

	@Test
	void everyPageHasOneHeadingInOrderAndALabelForEveryField() throws Exception {
		Viewer admin = fixtures.admin();
		PersonId lea = fixtures.person(admin, "L&D Lea", "lea", org.suffix(), Set.of(), Set.of(), Role.REVIEWER);
		reviews.setUp(admin, lea, "", true, false);
		String budget = "/teams/" + org.teamA().value() + "/budget";
		mvc.perform(post(budget).with(as(lea)).with(csrf()).param("startsOn", LocalDate.parse(due).minusDays(20).toString())
			.param("endsOn", due).param("amount", "100").param("currency", "EUR"));
		Commission commission = commissions.create(fixtures.viewer(org.managerA()), new CommissionDraft(org.teamA(),
				org.learnerA(), "Discount questions", "Sales", LocalDate.parse(due), null, null, null, null,
				new java.math.BigDecimal("400"), true));
		String need = mvc.perform(post("/learning-needs").with(as(org.learnerA())).with(csrf()).param("what", "Pricing"))
			.andReturn().getResponse().getRedirectedUrl();
		Object[][] pages = { { "/commissions", org.learnerA() }, { "/commissions?tab=all", org.managerA() },
				{ "/commissions/new", org.managerA() }, { "/commissions/" + commission.id().value(), org.learnerA() },
				{ "/learning-needs", org.learnerB() }, { need, org.managerA() }, { budget, lea }, { budget, org.managerA() },
				{ "/commissions/" + commission.id().value(), lea } };
		for (Object[] page : pages) {
			String html = mvc.perform(get((String) page[0]).with(as((PersonId) page[1])))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			Document doc = Jsoup.parse(html);
			assertThat(doc.select("main h1")).as(page[0] + ": one h1").hasSize(1);
			int previous = 1;
			for (Element heading : doc.select("main h1, main h2, main h3, main h4")) {
				int level = Integer.parseInt(heading.tagName().substring(1));
				assertThat(level).as(page[0] + ": " + heading.text() + " follows h" + previous).isLessThanOrEqualTo(previous + 1);
				previous = level;
			}
			for (Element field : doc.select("main input:not([type=hidden]), main select, main textarea")) {
				boolean labelled = !field.id().isEmpty() && !doc.select("label[for=" + field.id() + "]").isEmpty()
						|| field.closest("label") != null;
				assertThat(labelled).as(page[0] + ": a label for " + field.attr("name")).isTrue();
			}
			assertThat(doc.select("main form[method=post]")).allSatisfy(
					form -> assertThat(form.select("input[name=_csrf]")).as(page[0] + ": CSRF").isNotEmpty());
		}
	}

	private RequestPostProcessor as(PersonId who) {
		return SignedIn.as(fixtures.viewerPerson(who));
	}
}
