package io.stride.analytics.redrafts;

import java.util.List;
import java.util.Set;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.authoring.RiskTier;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The redraft page an author reaches from a flagged question on the item analysis page: alternatives, the picked one
 * in an edit form, errors next to their fields, and the saved question back on the item analysis page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RedraftPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Assessment assessment;

	Org org;

	Course course;

	Question first;

	@Autowired
	io.stride.support.ItemAnalysisSettings settings;

	@BeforeEach
	void flaggedQuestion() throws Exception {
		settings.flagFromFirstAttempt();
		org = fixtures.organization();
		var author = fixtures.viewer(org.managerA());
		course = fixtures.publishedDraftedCourse(author, RiskTier.LOW, "An internal how-to.");
		first = course.quiz().questions().get(0);
		// one learner gets every question right: each question is too easy
		assessment.submit(fixtures.viewer(org.learnerA()), course.id(),
				course.quiz().questions().stream().map(q -> new Answer(q.id(), q.correct())).toList(), null);
	}

	@org.junit.jupiter.api.AfterEach
	void defaultThresholdsAgain() {
		settings.defaults();
	}

	@Test
	void aFlaggedQuestionIsRedraftedFromAnAlternativeTheAuthorEdits() throws Exception {
		Document items = page("/courses/" + course.id() + "/item-analysis", org.managerA());
		Element link = items.selectFirst("#redraft-1");
		assertThat(link.attr("aria-label")).isEqualTo("Redraft question 1");
		assertThat(link.attr("href")).isEqualTo(redraftPath());

		Document redraft = page(redraftPath(), org.managerA());
		assertThat(redraft.select("#current-prompt").text()).contains(first.prompt());
		assertThat(redraft.select("#current-flags").text()).contains("Too easy");
		assertThat(redraft.select("#source-passage").text()).isEqualTo(first.source().text());
		assertThat(redraft.select(".alternatives > li")).hasSizeBetween(1, 3);

		// picking fills the edit form with the alternative
		Element pick = redraft.selectFirst("#alternative-1 form");
		MockHttpServletRequestBuilder picked = post(pick.attr("action")).with(csrf()).with(me(org.managerA()));
		pick.select("input[type=hidden]").forEach(i -> picked.param(i.attr("name"), i.attr("value")));
		Document edit = Jsoup.parse(mvc.perform(picked).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		String prompt = pick.selectFirst("input[name=prompt]").attr("value");
		assertThat(edit.select("#prompt").text()).isEqualTo(prompt);
		assertThat(edit.select("label[for=prompt]").text()).isEqualTo("Question");
		assertThat(edit.select("input[name=correct][checked]")).hasSize(1);

		// an empty prompt is refused, with the message beside the field
		Document refused = Jsoup.parse(mvc.perform(save(edit, " "))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString());
		assertThat(refused.select("#prompt-error").text()).isEqualTo("Write the question.");
		assertThat(refused.select("#prompt").attr("aria-describedby")).isEqualTo("prompt-error");

		mvc.perform(save(edit, prompt + " Choose one."))
			.andExpect(redirectedUrl("/courses/" + course.id() + "/item-analysis#redrafts"))
			.andExpect(flash().attribute("notice", startsWith("Saved")));
		Document after = page("/courses/" + course.id() + "/item-analysis", org.managerA());
		assertThat(after.select("#redrafts-course-status").text()).isEqualTo("Draft of version 2; version 1 is published");
		assertThat(after.select("#redraft-row-1 td").get(0).text()).isEqualTo(prompt + " Choose one.");
		assertThat(after.select("#redraft-row-1 .redraft-state").text()).startsWith("Draft of version 2");
		assertThat(after.select("#submit-redrafts").text()).isEqualTo("Publish / submit for review");
		assertThat(after.select("#redraft-1")).isEmpty();
		assertThat(after.select("#redrafted-1").text()).isEqualTo("Redrafted: see below");

		// low risk: published at once
		mvc.perform(post("/courses/" + course.id() + "/item-analysis/publish").with(csrf()).with(me(org.managerA()))
			.param("revision", after.selectFirst("#redrafts input[name=revision]").attr("value")))
			.andExpect(flash().attribute("notice", "Published: version 2 is what learners take now."));
		Document live = page("/courses/" + course.id() + "/item-analysis", org.managerA());
		assertThat(live.select("#redraft-row-1 .redraft-state").text()).isEqualTo("Published in version 2");
		assertThat(live.select("#redraft-row-1 .attempts-needed").text()).isEqualTo("10 more first attempts needed");
		assertThat(live.select("#submit-redrafts")).isEmpty();
	}

	@Test
	void aSaveAfterSomeoneElseSavedIsAConflictAndKeepsWhatWasTyped() throws Exception {
		Document edit = Jsoup.parse(mvc.perform(post(redraftPath() + "/edit").with(csrf()).with(me(org.managerA()))
			.param("kind", "TRUE_FALSE").param("prompt", "Receipts are always needed.").param("option-0", "True")
			.param("option-1", "False").param("correct", "0")).andReturn().getResponse().getContentAsString());
		var author = fixtures.viewer(org.managerA());
		authoring.startVersion(author, course.id(), course.revision());
		Document conflict = Jsoup.parse(mvc.perform(save(edit, null)).andExpect(status().isConflict())
			.andReturn().getResponse().getContentAsString());
		assertThat(conflict.select(".problem").text()).contains("saved elsewhere");
		assertThat(conflict.select("#prompt").text()).isEqualTo("Receipts are always needed.");
	}

	@Test
	void withNothingToDraftFromThePageSaysToWriteOneByHand() throws Exception {
		var author = fixtures.viewer(org.managerA());
		Course small = authoring.create(author, new CourseContent("Tiny " + org.suffix(), "", List.of(new Lesson(null, "L", "Hi.")),
				new Quiz(50, List.of(new Question(null, QuestionKind.TRUE_FALSE, "Hi?", List.of("True", "False"), List.of(0), "")))));
		Document page = page("/courses/" + small.id() + "/item-analysis/questions/" + small.quiz().questions().get(0).id()
				+ "/redraft", org.managerA());
		assertThat(page.select("#no-alternatives").text()).contains("No alternative could be drafted", "open the course builder");
		assertThat(page.select("#builder-link").attr("href")).isEqualTo("/courses/" + small.id() + "/edit");
		assertThat(page.select("#edit-current")).hasSize(1);
	}

	@Test
	void anOrderingAlternativeIsEditedAsItsStepsInTheRightOrder() throws Exception {
		// drafted as shown B, A, C with the right order A (1), B (0), C (2)
		Document edit = Jsoup.parse(mvc.perform(post(redraftPath() + "/edit").with(csrf()).with(me(org.managerA()))
			.param("kind", "ORDERING").param("prompt", "Put the steps in order.").param("option-0", "Book")
			.param("option-1", "Ask").param("option-2", "Claim").param("correct", "1").param("correct", "0")
			.param("correct", "2")).andReturn().getResponse().getContentAsString());
		assertThat(edit.select("#option-0").attr("value")).isEqualTo("Ask");
		assertThat(edit.select("#option-1").attr("value")).isEqualTo("Book");
		assertThat(edit.select("#option-2").attr("value")).isEqualTo("Claim");
		assertThat(edit.select("input[name=correct]")).isEmpty();
		mvc.perform(save(edit, null)).andExpect(redirectedUrl("/courses/" + course.id() + "/item-analysis#redrafts"));
		Question saved = authoring.course(fixtures.viewer(org.managerA()), course.id()).quiz().questions().get(0);
		assertThat(saved.kind()).isEqualTo(QuestionKind.ORDERING);
		assertThat(saved.options()).containsExactly("Ask", "Book", "Claim");
		assertThat(saved.correct()).containsExactly(0, 1, 2);
	}

	@Test
	void kindsTheFormCannotHoldAreLeftToTheBuilder() throws Exception {
		var author = fixtures.viewer(org.managerA());
		Course typed = authoring.create(author, new CourseContent("Typed " + org.suffix(), "", List.of(new Lesson(null, "L", "Hi.")),
				new Quiz(50, List.of(Question.shortAnswer(null, "Who approves?", List.of("The manager"), null, "")))));
		String url = "/courses/" + typed.id() + "/item-analysis/questions/" + typed.quiz().questions().get(0).id() + "/redraft";
		assertThat(page(url, org.managerA()).select("#edit-current")).isEmpty();
		mvc.perform(post(url + "/edit").with(csrf()).with(me(org.managerA()))
			.param("kind", "SHORT_ANSWER").param("prompt", "Who approves?"))
			.andExpect(redirectedUrl(url))
			.andExpect(flash().attribute("problem", "Edit this kind of question in the course builder."));
	}

	@Test
	void reviewersSeeNoRedraftActionAndOthersFindNoCourse() throws Exception {
		PersonId reviewer = fixtures.person(fixtures.admin(), "Rita Reviewer", "rita", org.suffix(), Set.of(), Set.of(),
				Role.REVIEWER);
		assertThat(page("/courses/" + course.id() + "/item-analysis", reviewer).select("#redraft-1")).isEmpty();
		mvc.perform(get(redraftPath()).with(me(reviewer))).andExpect(status().isForbidden());
		mvc.perform(get(redraftPath()).with(me(org.managerB()))).andExpect(status().isNotFound());
		mvc.perform(post(redraftPath()).with(csrf()).with(me(org.learnerA())).param("prompt", "x"))
			.andExpect(status().isNotFound());
	}

	@Test
	void everyOptionPostedIsKeptBeyondTheSixFieldsTheFormShows() throws Exception {
		Document redraft = page(redraftPath(), org.managerA());
		Element pick = redraft.selectFirst("#alternative-1 form");
		MockHttpServletRequestBuilder picked = post(pick.attr("action")).with(csrf()).with(me(org.managerA()));
		pick.select("input[type=hidden]").forEach(i -> picked.param(i.attr("name"), i.attr("value")));
		Document edit = Jsoup.parse(mvc.perform(picked).andReturn().getResponse().getContentAsString());
		Element form = edit.selectFirst("form:has(#save-redraft)");
		MockHttpServletRequestBuilder save = post(form.attr("action")).with(csrf()).with(me(org.managerA()));
		form.select("input[type=hidden]").forEach(i -> save.param(i.attr("name"), i.attr("value")));
		// eight options, the right one the eighth, as a question written in the builder may have
		save.param("kind", "SINGLE_CHOICE").param("prompt", "Which form is used for a refund?").param("explanation", "");
		for (int i = 0; i < 8; i++) {
			save.param("option-" + i, "Form " + (char) ('A' + i));
		}
		save.param("correct", "7");
		mvc.perform(save).andExpect(status().is3xxRedirection());
		Question saved = authoring.editable(fixtures.viewer(org.managerA()), course.id()).quiz().questions().get(0);
		assertThat(saved.prompt()).isEqualTo("Which form is used for a refund?");
		assertThat(saved.options()).hasSize(8).endsWith("Form H");
		assertThat(saved.correct()).containsExactly(7);
	}

	/** The edit form as the page would post it, with another prompt unless {@code prompt} is null. */
	private MockHttpServletRequestBuilder save(Document edit, String prompt) {
		Element form = edit.selectFirst("form:has(#save-redraft)");
		MockHttpServletRequestBuilder save = post(form.attr("action")).with(csrf()).with(me(org.managerA()));
		form.select("input[type=hidden], input[type=text], textarea")
			.stream()
			.filter(i -> prompt == null || !i.attr("name").equals("prompt"))
			.forEach(i -> save.param(i.attr("name"), i.tagName().equals("textarea") ? i.text() : i.attr("value")));
		if (prompt != null) {
			save.param("prompt", prompt);
		}
		form.select("input[name=correct][checked]").forEach(i -> save.param("correct", i.attr("value")));
		return save;
	}

	private String redraftPath() {
		return "/courses/" + course.id() + "/item-analysis/questions/" + first.id() + "/redraft";
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor me(PersonId person) {
		return SignedIn.as(fixtures.viewerPerson(person));
	}

	private Document page(String url, PersonId viewer) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(me(viewer))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}
}
