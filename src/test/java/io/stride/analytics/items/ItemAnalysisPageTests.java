package io.stride.analytics.items;

import java.util.List;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The item analysis page an author reaches from their course, its CSV export, and the admin page for thresholds.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ItemAnalysisPageTests {

	/** A prompt a spreadsheet would run as a formula if it were exported as it is. */
	static final String FORMULA = "=HYPERLINK(\"http://evil.test\",\"Report within?\")";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Assessment assessment;

	@Autowired
	ItemAnalysis analysis;

	@Autowired
	io.stride.support.ItemAnalysisSettings settings;

	Org org;

	Course course;

	@BeforeEach
	void courseByManagerA() {
		settings.flagFromFirstAttempt();
		org = fixtures.organization();
		var author = fixtures.viewer(org.managerA());
		Course draft = authoring.create(author, new CourseContent("Incidents " + org.suffix(), "Reporting.",
				Fixtures.sampleCourse("x").lessons(),
				new Quiz(50, List.of(
						new Question(null, QuestionKind.SINGLE_CHOICE, FORMULA, List.of("1 hour", "24 hours", "1 week"),
								List.of(0), "1 hour."),
						new Question(null, QuestionKind.TRUE_FALSE, "Anyone may report?", List.of("True", "False"),
								List.of(0), "Yes.")))));
		course = authoring.publish(author, draft.id(), draft.revision());
	}

	@AfterEach
	void defaultThresholdsAgain() {
		settings.defaults();
	}

	@Test
	void beforeAnyAttemptTheAuthorSeesNoAttemptsYet() throws Exception {
		Document page = page("/courses/" + course.id() + "/item-analysis", org.managerA());
		assertThat(page.select("#no-attempts h2").text()).isEqualTo("No attempts yet");
		assertThat(page.select("#item-analysis")).isEmpty();
	}

	@Test
	void theAuthorFindsItFromTheirCourseAndReadsATableWithFlagsInWords() throws Exception {
		Document coursePage = page("/courses/" + course.id() + "/assign", org.managerA());
		assertThat(coursePage.select("#item-analysis-link").attr("href")).isEqualTo("/courses/" + course.id() + "/item-analysis");
		takeQuiz();

		Document page = page("/courses/" + course.id() + "/item-analysis", org.managerA());
		assertThat(page.select("h1").text()).contains(course.title());
		assertThat(page.select("#summary-attempts").text()).isEqualTo("3");
		var table = page.select("table#item-analysis");
		assertThat(table.select("caption").text()).contains("first attempt");
		assertThat(table.select("thead th[scope=col]").eachText()).containsExactly("Question", "Attempts", "Facility",
				"Standard deviation", "Discrimination index", "Discriminative efficiency", "Picks per option", "Flags");
		assertThat(table.select("tbody tr")).hasSize(2);
		assertThat(table.select("tbody th[scope=row]").first().text()).contains("1. " + FORMULA);
		// Q1 marks 1, 1, 0: facility 0.67; nobody picked "1 week", and the flag says so in words
		assertThat(page.select("#question-1 td").get(1).text()).isEqualTo("0.67");
		assertThat(page.select("#question-1 .option-counts li").eachText()).containsExactly("1 hour (right answer): 2",
				"24 hours: 1", "1 week: 0");
		assertThat(page.select("#question-1 .flags").text()).contains("Distractor nobody picks").contains("“1 week”");
		assertThat(page.select("#all-attempts").attr("href")).endsWith("attempts=all");
	}

	@Test
	void theTableDownloadsAsCsvWithFormulasDefused() throws Exception {
		takeQuiz();
		for (String url : List.of("/courses/" + course.id() + "/item-analysis.csv",
				"/courses/" + course.id() + "/item-analysis?format=csv")) {
			MockHttpServletResponse csv = mvc.perform(get(url).with(as(org.managerA())))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse();
			assertThat(csv.getContentType()).startsWith("text/csv");
			assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment")
				.contains("item-analysis-incidents-" + org.suffix() + ".csv");
			String[] lines = csv.getContentAsString().split("\r\n");
			assertThat(lines[0]).startsWith("Position,Question,Kind,Attempts,Facility");
			assertThat(lines).hasSize(3);
			// the prompt starts with an apostrophe, so a spreadsheet shows it as text; inner quotes are doubled
			assertThat(lines[1]).startsWith("1,\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"Report within?\"\")\",")
				.contains(",3,0.6667,");
		}
	}

	@Test
	void learnersAndOtherAuthorsFindNoSuchPage() throws Exception {
		takeQuiz();
		for (PersonId outsider : List.of(org.learnerA(), org.managerB())) {
			mvc.perform(get("/courses/" + course.id() + "/item-analysis").with(as(outsider))).andExpect(status().isNotFound());
			mvc.perform(get("/courses/" + course.id() + "/item-analysis.csv").with(as(outsider)))
				.andExpect(status().isNotFound());
		}
	}

	@Test
	void anAdminChangesTheThresholdsOnTheAdminPageAndMistakesAreShownByTheField() throws Exception {
		PersonId admin = fixtures.admin().id();
		Document form = page("/admin/item-analysis", admin);
		assertThat(form.select("label[for=tooEasy]").text()).contains("Too easy");
		assertThat(form.select("#tooEasy").val()).isEqualTo("0.90");
		assertThat(form.select("label[for=minimumAttempts]").text()).contains("at least this many attempts");
		assertThat(form.select("#minimumAttempts").val()).isEqualTo("1");
		assertThat(form.select("nav[aria-label=Admin] a[aria-current=page]").text()).isEqualTo("Item analysis");
		String revision = form.select("input[name=revision]").val();

		MockHttpServletResponse refused = mvc.perform(post("/admin/item-analysis").param("tooEasy", "0.9")
			.param("tooHard", "0.95")
			.param("weakDiscrimination", "lots")
			.param("minimumAttempts", "ten")
			.param("revision", revision)
			.with(as(admin))
			.with(csrf())).andExpect(status().isUnprocessableContent()).andReturn().getResponse();
		Document again = Jsoup.parse(refused.getContentAsString());
		assertThat(again.select("#tooHard-error").text()).contains("below “too easy”");
		assertThat(again.select("#tooHard").attr("aria-describedby")).isEqualTo("tooHard-error");
		assertThat(again.select("#weakDiscrimination-error").text()).contains("-1 to 1");
		assertThat(again.select("#weakDiscrimination").val()).isEqualTo("lots");
		assertThat(again.select("#tooEasy-error")).isEmpty();
		assertThat(again.select("#minimumAttempts-error").text()).contains("whole number of attempts from 1");
		assertThat(again.select("#minimumAttempts").val()).isEqualTo("ten");

		mvc.perform(post("/admin/item-analysis").param("tooEasy", "0,8")
			.param("tooHard", "0.2")
			.param("weakDiscrimination", "0.3")
			.param("minimumAttempts", " 12 ")
			.param("revision", revision)
			.with(as(admin))
			.with(csrf())).andExpect(redirectedUrl("/admin/item-analysis"));
		assertThat(analysis.thresholds().tooEasy()).isEqualTo(0.8);
		assertThat(analysis.thresholds().weakDiscrimination()).isEqualTo(0.3);
		assertThat(analysis.thresholds().minimumAttempts()).isEqualTo(12);
	}

	/** Q1 (1 hour right): A 1 hour, A1 1 hour, B 24 hours; Q2 (True right): A True, A1 False, B True. */
	private void takeQuiz() {
		String q1 = course.quiz().questions().get(0).id();
		String q2 = course.quiz().questions().get(1).id();
		take(org.learnerA(), q1, 0, q2, 0);
		take(org.learnerSubA(), q1, 0, q2, 1);
		take(org.learnerB(), q1, 1, q2, 0);
	}

	private void take(PersonId learner, String q1, int pick1, String q2, int pick2) {
		assessment.submit(fixtures.viewer(learner), course.id(),
				List.of(new Answer(q1, List.of(pick1)), new Answer(q2, List.of(pick2))), null);
	}

	private Document page(String path, PersonId person) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(as(person)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private RequestPostProcessor as(PersonId person) {
		return SignedIn.as(fixtures.viewerPerson(person));
	}
}
