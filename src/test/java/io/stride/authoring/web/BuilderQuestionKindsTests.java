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
 * The builder writes every kind of question, the quiz settings and knowledge checks, and names each problem next to
 * its field.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BuilderQuestionKindsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	Org org;

	RequestPostProcessor manager;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		manager = as(fixtures.viewerPerson(org.managerA()));
	}

	private MockHttpServletRequestBuilder course(String path) {
		return course(path, "60", "Use the form.");
	}

	private MockHttpServletRequestBuilder course(String path, String passMark, String secondLesson) {
		return post(path).with(manager).with(csrf())
			.param("title", "Every kind " + org.suffix())
			.param("lessons[0].title", "Spot it").param("lessons[0].markdown", "Report to the DPO.")
			.param("lessons[1].title", "Report it").param("lessons[1].markdown", secondLesson)
			.param("passMark", passMark);
	}

	@Test
	void aTrueFalseQuestionComesBackWithItsTwoOptionsWithoutScript() throws Exception {
		var page = Jsoup.parse(mvc.perform(course("/courses")
				.param("questions[0].kind", "TRUE_FALSE").param("questions[0].prompt", "Wait for proof?")
				.param("action", "add-question"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		assertThat(page.select("#question-0-option-0").val()).isEqualTo("True");
		assertThat(page.select("#question-0-option-1").val()).isEqualTo("False");
		assertThat(page.select("#question-1-option-0").val()).isEmpty();
	}

	@Test
	void aManagerWritesEveryKindSettingsAndAKnowledgeCheck() throws Exception {
		String location = mvc.perform(course("/courses")
				.param("attemptLimit", "3").param("timeLimitMinutes", "20").param("drawCount", "3").param("shuffleOptions", "true")
				.param("answersShown", "NEVER")
				.param("questions[0].kind", "SHORT_ANSWER").param("questions[0].prompt", "Who gets the report?")
				.param("questions[0].accepted", "DPO\r\nthe data protection officer\r\n").param("questions[0].semantic", "true")
				.param("questions[0].similarity", "0,9").param("questions[0].afterLesson", "1")
				.param("questions[0].explanation", "The DPO decides.")
				.param("questions[1].kind", "NUMERIC").param("questions[1].prompt", "How many kilograms?")
				.param("questions[1].value", "1,5").param("questions[1].tolerance", "0.1").param("questions[1].unit", "kg")
				.param("questions[2].kind", "MATCHING").param("questions[2].prompt", "Match the capitals")
				.param("questions[2].scoring", "PARTIAL")
				.param("questions[2].options[0].text", "France").param("questions[2].options[0].match", "Paris")
				.param("questions[2].options[1].text", "Spain").param("questions[2].options[1].match", "Madrid")
				.param("questions[2].options[2].text", "").param("questions[2].options[2].match", "Rome")
				.param("questions[3].kind", "MULTIPLE_CHOICE").param("questions[3].prompt", "Which are signs?")
				.param("questions[3].scoring", "PARTIAL")
				.param("questions[3].options[0].text", "Resets").param("questions[3].options[0].correct", "true")
				.param("questions[3].options[1].text", "Changed files").param("questions[3].options[1].correct", "true")
				.param("questions[3].options[2].text", "Lunch")
				.param("action", "save"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		CourseId id = new CourseId(location.replaceAll(".*/courses/([^/]+)/edit", "$1"));
		Course course = authoring.editable(fixtures.viewer(org.managerA()), id);
		assertThat(course.quiz().settings()).isEqualTo(new QuizSettings(3, 20, 3, true, AnswersShown.NEVER));
		assertThat(course.quiz().questions()).extracting(Question::kind)
			.containsExactly(QuestionKind.NUMERIC, QuestionKind.MATCHING, QuestionKind.MULTIPLE_CHOICE);
		Question check = course.lessons().get(0).knowledgeChecks().get(0);
		assertThat(check.accepted()).containsExactly("DPO", "the data protection officer");
		assertThat(check.similarity()).isEqualTo(0.9);
		assertThat(course.lessons().get(1).knowledgeChecks()).isEmpty();
		Question numeric = course.quiz().questions().get(0);
		assertThat(numeric.numeric().value()).isEqualByComparingTo(new BigDecimal("1.5"));
		assertThat(numeric.numeric().unit()).isEqualTo("kg");
		Question matching = course.quiz().questions().get(1);
		assertThat(matching.matches()).containsExactly("Madrid", "Paris", "Rome");
		assertThat(matching.correct()).containsExactly(1, 0);
		assertThat(matching.scoring()).isEqualTo(Scoring.PARTIAL);
		assertThat(course.quiz().questions().get(2).correct()).containsExactly(0, 1);

		Document page = Jsoup.parse(mvc.perform(get(location).with(manager)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		// the knowledge check is listed after the quiz questions, saying where it is asked
		assertThat(page.select("#question-3-where option[selected]").val()).isEqualTo("1");
		assertThat(page.select("#question-3-where option[selected]").text()).isEqualTo("Knowledge check after lesson 1: Spot it");
		assertThat(page.select("#question-0-where option[selected]").val()).isEmpty();
		assertThat(page.select("#question-3-accepted").text()).contains("DPO").contains("the data protection officer");
		assertThat(page.select("#question-3-semantic").hasAttr("checked")).isTrue();
		assertThat(page.select("#question-0-value").val()).isEqualTo("1.5");
		assertThat(page.select("#question-1-option-0").val()).isEqualTo("France");
		assertThat(page.select("#question-1-option-0-match").val()).isEqualTo("Paris");
		assertThat(page.select("#question-1-option-2").val()).isEmpty();
		assertThat(page.select("#question-1-option-2-match").val()).isEqualTo("Rome");
		assertThat(page.select("#attemptLimit").val()).isEqualTo("3");
		assertThat(page.select("#shuffleOptions").hasAttr("checked")).isTrue();
		assertThat(page.select("#answersShown option[selected]").val()).isEqualTo("NEVER");
		assertThat(page.select("label[for=answersShown]").text()).contains("Right answers");
		assertThat(page.select("#question-1-kind option").eachText()).contains("Matching (pairs)", "Short answer",
				"Numeric (a number within a tolerance)");
	}

	@Test
	void theFormHoldsEveryKindWithoutLosingAnything() {
		var author = fixtures.viewer(org.managerA());
		Course course = authoring.create(author, EveryKind.course("Round trip " + org.suffix(),
				new QuizSettings(2, 10, 5, true, AnswersShown.AFTER_EACH_ATTEMPT)));
		assertThat(CourseForm.of(course).toContent()).isEqualTo(course.content());
	}

	@Test
	void aControlCharacterOutsideTheCourseContentIsRefusedNamingItsField() throws Exception {
		Document refused = Jsoup.parse(mvc.perform(course("/courses", "70", "Use the form.")
				.param("topic", "Safety\u0000").param("lessons[0].id", "x\u0001").param("action", "save"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString());
		assertThat(refused.select("main li").eachText()).hasSize(2)
			.anySatisfy(item -> assertThat(item).startsWith("topic:"))
			.anySatisfy(item -> assertThat(item).startsWith("lessons[0].id:"));
	}

	@Test
	void aPassMarkThatIsNotAWholeNumberAndAControlCharacterAreShownAtTheirFields() throws Exception {
		Document fraction = Jsoup.parse(mvc.perform(course("/courses", "80.5", "Use the form.").param("action", "save"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString());
		assertThat(fraction.select("#passMark-error").text()).isEqualTo("Enter a whole number.");
		assertThat(fraction.select("#passMark").attr("aria-describedby")).isEqualTo("passMark-error");

		Document control = Jsoup.parse(mvc.perform(course("/courses", "70", "Use the\u0000 form.")
				.param("questions[0].kind", "SINGLE_CHOICE").param("questions[0].prompt", "Fine\u0007?")
				.param("questions[0].options[0].text", "Yes").param("questions[0].options[0].correct", "true")
				.param("questions[0].options[1].text", "No")
				.param("action", "save"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString());
		assertThat(control.select("#lesson-1-markdown-error").text()).contains("control character");
		assertThat(control.select("#question-0-prompt-error").text()).contains("control character");
	}

	@Test
	void problemsShowNextToTheirFieldWhereverTheQuestionIsAsked() throws Exception {
		String html = mvc.perform(course("/courses").param("attemptLimit", "0")
				.param("questions[0].kind", "SINGLE_CHOICE").param("questions[0].prompt", "Fine?")
				.param("questions[0].options[0].text", "Yes").param("questions[0].options[0].correct", "true")
				.param("questions[0].options[1].text", "No")
				.param("questions[1].kind", "SHORT_ANSWER").param("questions[1].prompt", "Who?").param("questions[1].afterLesson", "2")
				.param("questions[2].kind", "NUMERIC").param("questions[2].prompt", "How much?").param("questions[2].value", "lots")
				.param("questions[3].kind", "SHORT_ANSWER").param("questions[3].prompt", "Who else?")
				.param("questions[3].accepted", "DPO").param("questions[3].semantic", "true").param("questions[3].similarity", "high")
				.param("questions[3].afterLesson", "1")
				.param("action", "save"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(page.select("#question-1-accepted-error").text()).contains("at least one accepted answer");
		assertThat(page.select("#question-1-accepted").attr("aria-describedby")).isEqualTo("question-1-accepted-error");
		assertThat(page.select("#question-2-value-error").text()).contains("as a number");
		assertThat(page.select("#question-3-similarity-error").text()).contains("from 0.5 to 1");
		assertThat(page.select("#attemptLimit-error").text()).contains("Allow from 1");
		assertThat(page.select("#question-2-value").val()).as("what was typed stays").isEqualTo("lots");
	}

	@Test
	void autosaveNamesTheFieldOfAKnowledgeCheckAsThePageDoes() throws Exception {
		var author = fixtures.viewer(org.managerA());
		Course draft = authoring.create(author, EveryKind.course("Autosave " + org.suffix(), QuizSettings.NONE));
		mvc.perform(course("/courses/" + draft.id() + "/autosave").param("revision", String.valueOf(draft.revision()))
				.param("questions[0].kind", "TRUE_FALSE").param("questions[0].prompt", "True?")
				.param("questions[0].options[0].text", "True").param("questions[0].options[0].correct", "true")
				.param("questions[0].options[1].text", "False")
				.param("questions[1].kind", "SHORT_ANSWER").param("questions[1].prompt", "").param("questions[1].accepted", "x")
				.param("questions[1].afterLesson", "2"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['questions[1].prompt']").value(containsString("Write the question")));
	}

	@Test
	void knowledgeChecksStayWithTheirLessonWhenLessonsMove() throws Exception {
		Document moved = Jsoup.parse(mvc.perform(course("/courses")
				.param("questions[0].kind", "TRUE_FALSE").param("questions[0].prompt", "After spotting?")
				.param("questions[0].afterLesson", "1").param("action", "lesson-down:0"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(moved.select("#lesson-1-title").val()).isEqualTo("Spot it");
		assertThat(moved.select("#question-0-where option[selected]").val()).isEqualTo("2");
		Document removed = Jsoup.parse(mvc.perform(course("/courses")
				.param("questions[0].kind", "TRUE_FALSE").param("questions[0].prompt", "After spotting?")
				.param("questions[0].afterLesson", "1").param("action", "remove-lesson:0"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(removed.select("#question-0-where option[selected]").val()).as("back in the final quiz").isEmpty();
	}
}
