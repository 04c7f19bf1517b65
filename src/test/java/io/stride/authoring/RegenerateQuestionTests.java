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

		mvc.perform(editor(course, "/elements/" + before.id() + "/regenerate"))
			.andExpect(flash().attribute("notice", containsString("The question was drafted again from its passage")));
		Course after = authoring.course(me, course.id());
		Question regenerated = after.quiz().questions().get(0);
		assertThat(regenerated.prompt()).isNotEqualTo(before.prompt());
		assertThat(regenerated.source()).isNotNull();
		assertThat(regenerated.correct()).isNotEmpty();
		assertThat(after.quiz().questions()).hasSameSizeAs(course.quiz().questions());
		assertThat(after.quiz().questions().subList(1, after.quiz().questions().size()))
			.extracting(Question::prompt)
			.isEqualTo(course.quiz().questions().subList(1, course.quiz().questions().size()).stream().map(Question::prompt).toList());

		// the editor offers to undo it at once
		mvc.perform(editor(after, "/undo-save").param("revision", String.valueOf(after.revision())))
			.andExpect(flash().attribute("notice", "Undone: the questions are back as they were."));
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
		mvc.perform(editor(course, "/regenerate-module").param("module", course.lessons().get(first).module()))
			.andExpect(flash().attribute("notice", containsString("module \u201cDeadlines\u201d were drafted again")));
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
		mvc.perform(editor(course, "/elements/" + course.quiz().questions().get(0).id() + "/regenerate"))
			.andExpect(flash().attribute("problem", containsString("Not regenerated")));
	}

	/** One of the outline editor's forms for this course, as the page posts it. */
	private MockHttpServletRequestBuilder editor(Course course, String action) {
		return post("/courses/" + course.id() + "/outline" + action)
			.with(SignedIn.as(fixtures.viewerPerson(org.managerA())))
			.with(csrf());
	}
}
