package io.stride.authoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.stride.drafting.Drafting;
import io.stride.drafting.SourceFile;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

@SpringBootTest
@AutoConfigureMockMvc
class RegenerateQuestionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Drafting drafting;

	Org org;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
	}

	@Test
	void aQuestionIsDraftedAgainFromItsPassageAndUndoBringsTheOldOneBack() throws Exception {
		var me = fixtures.viewer(org.managerA());
		var draft = drafting.draft(List.of(new SourceFile("expense-policy.md",
				Files.readAllBytes(Path.of("src/test/resources/corpus/expense-policy.md")))), null);
		Course course = authoring.create(me, CourseFromDraft.content(draft));
		Question before = course.quiz().questions().get(0);

		mvc.perform(builderForm(course).param("action", "regenerate-question:0"))
			.andExpect(flash().attribute("notice", containsString("Question 1 was drafted again")));
		Course after = authoring.course(me, course.id());
		Question regenerated = after.quiz().questions().get(0);
		assertThat(regenerated.prompt()).isNotEqualTo(before.prompt());
		assertThat(regenerated.source()).isNotNull();
		assertThat(regenerated.correct()).isNotEmpty();
		assertThat(after.quiz().questions()).hasSameSizeAs(course.quiz().questions());
		assertThat(after.quiz().questions().subList(1, after.quiz().questions().size()))
			.extracting(Question::prompt)
			.isEqualTo(course.quiz().questions().subList(1, course.quiz().questions().size()).stream().map(Question::prompt).toList());

		mvc.perform(builderForm(after).param("action", "undo"));
		assertThat(authoring.course(me, course.id()).quiz().questions().get(0).prompt()).isEqualTo(before.prompt());
	}

	@Test
	void aModulesQuestionsAreDraftedAgainAndTheOthersStay() throws Exception {
		var me = fixtures.viewer(org.managerA());
		var draft = drafting.draft(List.of(new SourceFile("expense-policy.md",
				Files.readAllBytes(Path.of("src/test/resources/corpus/expense-policy.md")))), null);
		Course course = authoring.create(me, CourseFromDraft.content(draft));
		int first = 0;
		while (!"Deadlines".equals(course.lessons().get(first).module())) {
			first++;
		}
		List<String> before = course.quiz().questions().stream().map(Question::prompt).toList();
		mvc.perform(builderForm(course).param("action", "regenerate-module:" + first))
			.andExpect(flash().attribute("notice", containsString("module \"Deadlines\" were drafted again")));
		Course after = authoring.course(me, course.id());
		List<String> now = after.quiz().questions().stream().map(Question::prompt).toList();
		assertThat(now).isNotEqualTo(before);
		long kept = now.stream().filter(before::contains).count();
		assertThat(kept).as("questions of other modules stay").isGreaterThanOrEqualTo(before.size() - 4);
		// every question keeps what makes it right: a numeric one its value, the others their right options
		assertThat(after.quiz().questions()).allSatisfy(q -> assertThat(q.kind() == QuestionKind.NUMERIC
				? q.numeric().value() != null : !q.correct().isEmpty()).as(q.prompt()).isTrue());
	}

	@Test
	void withoutLessonTextThereIsNothingToDraftFrom() throws Exception {
		Course course = authoring.create(fixtures.viewer(org.managerA()), new CourseContent("Empty", "",
				List.of(new Lesson(null, "L", "")), new Quiz(50, List.of(new Question(null, QuestionKind.TRUE_FALSE, "Q?",
						List.of("True", "False"), List.of(0), "")))));
		mvc.perform(builderForm(course).param("action", "regenerate-question:0"))
			.andExpect(flash().attribute("problem", containsString("Not regenerated")));
	}

	/** The builder form as the page would post it for this course. */
	private MockHttpServletRequestBuilder builderForm(Course course) {
		MockHttpServletRequestBuilder form = post("/courses/" + course.id()).with(SignedIn.as(fixtures.viewerPerson(org.managerA())))
			.with(csrf())
			.param("revision", String.valueOf(course.revision()))
			.param("title", course.title())
			.param("description", course.description())
			.param("passMark", String.valueOf(course.quiz().passMark()));
		for (int i = 0; i < course.lessons().size(); i++) {
			Lesson lesson = course.lessons().get(i);
			form.param("lessons[" + i + "].id", lesson.id()).param("lessons[" + i + "].title", lesson.title())
				.param("lessons[" + i + "].markdown", lesson.markdown());
			if (lesson.module() != null) {
				form.param("lessons[" + i + "].module", lesson.module());
			}
		}
		for (int i = 0; i < course.quiz().questions().size(); i++) {
			Question q = course.quiz().questions().get(i);
			String p = "questions[" + i + "]";
			form.param(p + ".id", q.id()).param(p + ".kind", q.kind().name()).param(p + ".prompt", q.prompt())
				.param(p + ".explanation", q.explanation());
			if (q.kind() == QuestionKind.NUMERIC) {
				// drafts now hold numeric and matching questions too; the form sends them as the page does
				form.param(p + ".value", q.numeric().value().toPlainString())
					.param(p + ".tolerance", q.numeric().tolerance().toPlainString())
					.param(p + ".unit", q.numeric().unit() == null ? "" : q.numeric().unit());
				continue;
			}
			for (int o = 0; o < q.options().size(); o++) {
				form.param(p + ".options[" + o + "].text", q.options().get(o));
				if (q.kind() == QuestionKind.MATCHING) {
					form.param(p + ".options[" + o + "].match", q.matches().get(q.correct().get(o)));
				}
				else if (q.correct().contains(o)) {
					form.param(p + ".options[" + o + "].correct", "true");
				}
			}
		}
		return form;
	}
}
