package io.stride.authoring.web;

import java.math.BigDecimal;

import io.stride.authoring.AnswersShown;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.QuizSettings;
import io.stride.authoring.Scoring;
import io.stride.support.EveryKind;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.stride.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outline editor writes every kind of question, the quiz settings and knowledge checks, and names each problem at
 * its field. (Ported from the one-page builder's tests: the same course is built one element at a time.)
 */
@SpringBootTest
@AutoConfigureMockMvc
class EditorQuestionKindsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	Org org;

	RequestPostProcessor manager;

	CourseId id;

	@BeforeEach
	void aNewCourseWithTwoLessons() throws Exception {
		org = fixtures.organization();
		manager = as(fixtures.viewerPerson(org.managerA()));
		String location = mvc.perform(post("/courses").with(manager).with(csrf()).param("title", "Every kind " + org.suffix()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		id = new CourseId(location.replaceAll(".*/courses/([^/]+)/edit", "$1"));
		String spot = add("LESSON", null);
		mvc.perform(element(spot, "lesson").param("title", "Spot it").param("markdown", "Report to the DPO."))
			.andExpect(status().isOk());
		String report = add("LESSON", spot);
		mvc.perform(element(report, "lesson").param("title", "Report it").param("markdown", "Use the form."))
			.andExpect(status().isOk());
	}

	@Test
	void aManagerWritesEveryKindSettingsAndAKnowledgeCheck() throws Exception {
		String spot = course().lessons().get(0).id();
		String check = addCheck(spot);
		mvc.perform(element(check, "question").param("kind", "SHORT_ANSWER").param("prompt", "Who gets the report?")
				.param("accepted", "DPO\r\nthe data protection officer\r\n").param("semantic", "true")
				.param("similarity", "0,9").param("explanation", "The DPO decides."))
			.andExpect(status().isOk());
		String numeric = add("QUESTION", null);
		mvc.perform(element(numeric, "question").param("kind", "NUMERIC").param("prompt", "How many kilograms?")
				.param("value", "1,5").param("tolerance", "0.1").param("unit", "kg"))
			.andExpect(status().isOk());
		String matching = add("QUESTION", null);
		mvc.perform(element(matching, "question").param("kind", "MATCHING").param("prompt", "Match the capitals")
				.param("scoring", "PARTIAL")
				.param("options[0].text", "France").param("options[0].match", "Paris")
				.param("options[1].text", "Spain").param("options[1].match", "Madrid")
				.param("options[2].text", "").param("options[2].match", "Rome"))
			.andExpect(status().isOk());
		String multiple = add("QUESTION", null);
		mvc.perform(element(multiple, "question").param("kind", "MULTIPLE_CHOICE").param("prompt", "Which are signs?")
				.param("scoring", "PARTIAL")
				.param("options[0].text", "Resets").param("options[0].correct", "true")
				.param("options[1].text", "Changed files").param("options[1].correct", "true")
				.param("options[2].text", "Lunch"))
			.andExpect(status().isOk());
		mvc.perform(settings("60").param("attemptLimit", "3").param("timeLimitMinutes", "20").param("drawCount", "3")
				.param("shuffleOptions", "true").param("answersShown", "NEVER"))
			.andExpect(status().is3xxRedirection());

		Course course = course();
		assertThat(course.quiz().settings()).isEqualTo(new QuizSettings(3, 20, 3, true, AnswersShown.NEVER));
		assertThat(course.quiz().passMark()).isEqualTo(60);
		assertThat(course.quiz().questions()).extracting(Question::kind)
			.containsExactly(QuestionKind.NUMERIC, QuestionKind.MATCHING, QuestionKind.MULTIPLE_CHOICE);
		Question knowledgeCheck = course.lessons().get(0).knowledgeChecks().get(0);
		assertThat(knowledgeCheck.accepted()).containsExactly("DPO", "the data protection officer");
		assertThat(knowledgeCheck.similarity()).isEqualTo(0.9);
		assertThat(course.lessons().get(1).knowledgeChecks()).isEmpty();
		Question number = course.quiz().questions().get(0);
		assertThat(number.numeric().value()).isEqualByComparingTo(new BigDecimal("1.5"));
		assertThat(number.numeric().unit()).isEqualTo("kg");
		Question pairs = course.quiz().questions().get(1);
		assertThat(pairs.matches()).containsExactly("Madrid", "Paris", "Rome");
		assertThat(pairs.correct()).containsExactly(1, 0);
		assertThat(pairs.scoring()).isEqualTo(Scoring.PARTIAL);
		assertThat(course.quiz().questions().get(2).correct()).containsExactly(0, 1);

		// each element comes back in the editor as it was written
		Document checkPage = page(check);
		assertThat(checkPage.select("#element-heading").text()).isEqualTo("Knowledge check after \u201cSpot it\u201d");
		assertThat(checkPage.select("#move-where option[selected]").text()).isEqualTo("Knowledge check after lesson 1: Spot it");
		assertThat(checkPage.select("#question-accepted").text()).contains("DPO").contains("the data protection officer");
		assertThat(checkPage.select("#question-semantic").hasAttr("checked")).isTrue();
		Document numericPage = page(numeric);
		assertThat(numericPage.select("#move-where option[selected]").val()).isEmpty();
		assertThat(numericPage.select("#question-value").val()).isEqualTo("1.5");
		assertThat(numericPage.select("#question-unit").val()).isEqualTo("kg");
		Document matchingPage = page(matching);
		assertThat(matchingPage.select("#option-0").val()).isEqualTo("France");
		assertThat(matchingPage.select("#option-0-match").val()).isEqualTo("Paris");
		assertThat(matchingPage.select("#option-2").val()).isEmpty();
		assertThat(matchingPage.select("#option-2-match").val()).isEqualTo("Rome");
		assertThat(matchingPage.select("#question-kind option").eachText()).contains("Matching (pairs)", "Short answer",
				"Numeric (a number within a tolerance)");
		assertThat(matchingPage.select("#attemptLimit").val()).isEqualTo("3");
		assertThat(matchingPage.select("#shuffleOptions").hasAttr("checked")).isTrue();
		assertThat(matchingPage.select("#answersShown option[selected]").val()).isEqualTo("NEVER");
		assertThat(matchingPage.select("label[for=answersShown]").text()).contains("Right answers");
	}

	@Test
	void theEditorHoldsEveryKindWithoutLosingAnything() {
		var author = fixtures.viewer(org.managerA());
		Course course = authoring.create(author, EveryKind.course("Round trip " + org.suffix(),
				new QuizSettings(2, 10, 5, true, AnswersShown.AFTER_EACH_ATTEMPT)));
		// the tier is Stride's suggestion (high: the text names the data protection officer), so the form leaves it
		// to Stride, and saving it keeps the tier Stride suggests
		assertThat(course.tierFollowsSuggestion()).isTrue();
		assertThat(CourseForm.of(course).toContent()).isEqualTo(course.content().withTier(null, null));
		course.quiz().questions().forEach(question -> {
			CourseForm.QuestionForm form = CourseForm.QuestionForm.of(question);
			form.pad();
			assertThat(form.toQuestion()).as(question.kind().name()).isEqualTo(question);
		});
	}

	@Test
	void aControlCharacterIsRefusedAtItsField() throws Exception {
		String report = course().lessons().get(1).id();
		mvc.perform(element(report, "lesson").param("title", "Report it").param("markdown", "Use the\u0000 form."))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.markdown").value(containsString("control character")));
		String question = add("QUESTION", null);
		mvc.perform(element(question, "question").param("kind", "SINGLE_CHOICE").param("prompt", "Fine\u0007?")
				.param("options[0].text", "Yes").param("options[0].correct", "true").param("options[1].text", "No"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.prompt").value(containsString("control character")));
		assertThat(course().lessons().get(1).markdown()).isEqualTo("Use the form.");
	}

	@Test
	void aPassMarkThatIsNotAWholeNumberIsShownAtItsField() throws Exception {
		Document fraction = Jsoup.parse(mvc.perform(settings("80.5").param("answersShown", "NEVER"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString());
		assertThat(fraction.select("#passMark-error").text()).isEqualTo("Enter a whole number.");
		assertThat(fraction.select("#passMark").attr("aria-describedby")).isEqualTo("passMark-error");
		assertThat(fraction.select("#settings-panel").hasAttr("open")).isTrue();
		Document zero = Jsoup.parse(mvc.perform(settings("60").param("attemptLimit", "0").param("answersShown", "NEVER"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString());
		assertThat(zero.select("#attemptLimit-error").text()).contains("Allow from 1");
		assertThat(course().quiz().passMark()).isEqualTo(80);
	}

	@Test
	void problemsShowAtTheirFieldWhereverTheQuestionIsAsked() throws Exception {
		String check = addCheck(course().lessons().get(1).id());
		mvc.perform(element(check, "question").param("kind", "SHORT_ANSWER").param("prompt", "Who?"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.accepted").value(containsString("at least one accepted answer")));
		mvc.perform(element(check, "question").param("kind", "SHORT_ANSWER").param("prompt", "").param("accepted", "x"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.prompt").value(containsString("Write the question")));
		String numeric = add("QUESTION", null);
		mvc.perform(element(numeric, "question").param("kind", "NUMERIC").param("prompt", "How much?").param("value", "lots"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.value").value(containsString("as a number")));
		String similar = add("QUESTION", null);
		mvc.perform(element(similar, "question").param("kind", "SHORT_ANSWER").param("prompt", "Who else?")
				.param("accepted", "DPO").param("semantic", "true").param("similarity", "high"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.similarity").value(containsString("from 0.5 to 1")));
		// the page names the field each answer points at
		Document page = page(numeric);
		assertThat(page.select("[data-error-for=value]")).hasSize(1);
		assertThat(page.select("[data-error-for=accepted]")).hasSize(1);
		assertThat(page.select("[data-error-for=similarity]")).hasSize(1);
	}

	@Test
	void knowledgeChecksStayWithTheirLessonWhenLessonsMoveAndComeBackWithIt() throws Exception {
		Course before = course();
		String spot = before.lessons().get(0).id();
		String check = addCheck(spot);
		mvc.perform(element(check, "question").param("kind", "TRUE_FALSE").param("prompt", "After spotting?")
				.param("options[0].text", "True").param("options[0].correct", "true").param("options[1].text", "False"))
			.andExpect(status().isOk());
		mvc.perform(post("/courses/" + id.value() + "/outline/move").with(manager).with(csrf()).param("elementId", spot)
				.param("direction", "down").param("outlineRevision", page(spot).select("main").attr("data-outline-revision")))
			.andExpect(status().is3xxRedirection());
		Course moved = course();
		assertThat(moved.lessons().get(1).title()).isEqualTo("Spot it");
		assertThat(moved.lessons().get(1).knowledgeChecks()).extracting(Question::prompt).containsExactly("After spotting?");
		assertThat(page(check).select("#move-where option[selected]").text()).isEqualTo("Knowledge check after lesson 2: Spot it");
		mvc.perform(post("/courses/" + id.value() + "/outline/elements/" + spot + "/remove").with(manager).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(course().lessons()).extracting(l -> l.title()).containsExactly("Report it");
		mvc.perform(post("/courses/" + id.value() + "/outline/elements/" + spot + "/restore").with(manager).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(course().lesson(spot).orElseThrow().knowledgeChecks()).extracting(Question::prompt)
			.containsExactly("After spotting?");
		// a check moved to the final quiz is asked there
		mvc.perform(post("/courses/" + id.value() + "/outline/move").with(manager).with(csrf()).param("elementId", check)
				.param("lessonId", "").param("outlineRevision", page(spot).select("main").attr("data-outline-revision")))
			.andExpect(status().is3xxRedirection());
		assertThat(course().quiz().questions()).extracting(Question::prompt).containsExactly("After spotting?");
	}

	private String add(String type, String afterId) throws Exception {
		MockHttpServletRequestBuilder add = post("/courses/" + id.value() + "/outline/add").with(manager).with(csrf())
			.param("type", type);
		if (afterId != null) {
			add.param("afterId", afterId);
		}
		return added(add);
	}

	private String addCheck(String lessonId) throws Exception {
		return added(post("/courses/" + id.value() + "/outline/add").with(manager).with(csrf())
			.param("type", "KNOWLEDGE_CHECK").param("lessonId", lessonId));
	}

	private String added(MockHttpServletRequestBuilder add) throws Exception {
		String location = mvc.perform(add).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		return location.replaceAll(".*element=([^&]+).*", "$1");
	}

	/** The element's autosave, as the page sends it: the current revision and the element's fields. */
	private MockHttpServletRequestBuilder element(String elementId, String type) throws Exception {
		String revision = page(elementId).select("#element-form input[name=revision]").val();
		return post("/courses/" + id.value() + "/outline/elements/" + elementId).with(manager).with(csrf())
			.param("type", type).param("revision", revision);
	}

	private MockHttpServletRequestBuilder settings(String passMark) throws Exception {
		Document page = page(null);
		return post("/courses/" + id.value() + "/outline/settings").with(manager).with(csrf())
			.param("settingsRevision", page.select("input[name=settingsRevision]").val())
			.param("title", page.select("#title").val())
			.param("passMark", passMark);
	}

	private Document page(String elementId) throws Exception {
		String url = "/courses/" + id.value() + "/edit" + (elementId == null ? "" : "?element=" + elementId);
		return Jsoup.parse(mvc.perform(get(url).with(manager)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
	}

	private Course course() {
		return authoring.editable(fixtures.viewer(org.managerA()), id);
	}
}
