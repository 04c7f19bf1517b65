package io.stride.web;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.assessment.AttemptResult;
import io.stride.authoring.AnswersShown;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.authoring.QuizSettings;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The safety baseline of the pages: headers, CSRF, sanitized rendering, validation next to fields, optimistic
 * locking, and "not found" for what belongs to another team.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityBaselineTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Assessment assessment;

	@Autowired
	io.stride.identity.OrganizationAdministration administration;

	Org org;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
	}

	@Test
	void pagesSendStrictSecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("object-src 'none'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() throws Exception {
		mvc.perform(post("/courses").with(as(org.managerA())).param("title", "Forged").param("action", "save"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/profile/tokens").with(as(org.learnerA())).param("name", "forged"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/courses").with(as(org.managerA())).with(csrf()).param("title", "Real").param("action", "save"))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void scriptsInCourseTextLessonsAndAnswersNeverRenderRaw() throws Exception {
		var author = fixtures.viewer(org.managerA());
		String title = "Safety <script>alert('title')</script>";
		Course draft = authoring.create(author, new CourseContent(title, "<img src=x onerror=alert('desc')>",
				List.of(new Lesson(null, "L1 <svg onload=alert(1)>", """
						Hello <script>alert('lesson')</script>
						<img src=x onerror="alert('img')">
						[click me](javascript:alert('link'))
						<a href="javascript:alert('raw')">raw</a>
						**bold** stays
						""")),
				new Quiz(50, List.of(new Question(null, QuestionKind.SINGLE_CHOICE, "Pick <b onmouseover=alert(1)>one</b>",
						List.of("<script>alert('option')</script>", "javascript:alert(2)"), List.of(0),
						"<iframe src=javascript:alert(3)></iframe>")),
						// the explanation is shown after a failed attempt too, so that its page is checked
						new QuizSettings(null, null, null, false, AnswersShown.AFTER_EACH_ATTEMPT))));
		Course course = authoring.publish(author, draft.id(), draft.revision());
		String lessonId = course.lessons().get(0).id();
		RequestPostProcessor learner = as(org.learnerA());
		String quiz = "/learning/courses/" + course.id() + "/quiz";
		assertNoActiveContent(quiz, mvc.perform(get(quiz).with(learner)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString());
		AttemptResult attempt = assessment.submit(fixtures.viewer(org.learnerA()), course.id(),
				List.of(new Answer(course.quiz().questions().get(0).id(), List.of(1))), "xss-attempt");

		for (String page : List.of("/learning/courses/" + course.id(), "/learning/courses/" + course.id() + "/lessons/" + lessonId,
				"/learning/courses/" + course.id() + "/attempts/" + attempt.attemptId())) {
			String html = mvc.perform(get(page).with(learner)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
			assertNoActiveContent(page, html);
		}
		String lesson = mvc.perform(get("/learning/courses/" + course.id() + "/lessons/" + lessonId).with(learner))
			.andReturn().getResponse().getContentAsString();
		assertThat(lesson).contains("<strong>bold</strong>").contains("&lt;script&gt;");
		String editor = mvc.perform(get("/courses/" + draft.id() + "/edit").with(as(org.managerA()))).andReturn().getResponse()
			.getContentAsString();
		assertThat(editor).doesNotContain("<script>alert");
	}

	/** Parses the page as a browser would and looks for anything that could run. */
	static void assertNoActiveContent(String page, String html) {
		Document document = Jsoup.parse(html);
		for (Element element : document.getAllElements()) {
			for (Attribute attribute : element.attributes()) {
				assertThat(attribute.getKey()).as(page + ": event handler on <" + element.tagName() + ">").doesNotStartWith("on");
				assertThat(attribute.getValue().trim().toLowerCase()).as(page + ": " + attribute.getKey()).doesNotStartWith("javascript:");
			}
		}
		// only our own scripts (the page's and the media dialog's), with or without the content hash in their names
		assertThat(document.select("script").stream().map(s -> s.attr("src")).toList()).as(page)
			.isNotEmpty()
			.allMatch(src -> src.matches("/js/(stride|media|editor)(-[0-9a-f]{32})?\\.js"));
		assertThat(document.select("iframe, svg, img, object, embed")).as(page).isEmpty();
	}

	@Test
	void hostileTextPostedThroughTheEditorIsHarmlessOnEveryPage() throws Exception {
		String title = "Evil <script>alert('t')</script><img src=x onerror=alert('i')>";
		String courseId = mvc.perform(post("/courses").with(as(org.managerA())).with(csrf()).param("title", title))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl().replaceAll(".*/courses/([^/]+)/edit", "$1");
		String base = "/courses/" + courseId + "/outline";
		String lesson = added(post(base + "/add").with(as(org.managerA())).with(csrf()).param("type", "LESSON"));
		mvc.perform(post(base + "/elements/" + lesson).with(as(org.managerA())).with(csrf()).param("type", "lesson")
				.param("revision", "1").param("title", "<b onmouseover=alert(1)>L</b>")
				.param("markdown", "[x](javascript:alert(1)) <iframe src=javascript:alert(2)></iframe>"))
			.andExpect(status().isOk());
		String question = added(post(base + "/add").with(as(org.managerA())).with(csrf()).param("type", "QUESTION"));
		mvc.perform(post(base + "/elements/" + question).with(as(org.managerA())).with(csrf()).param("type", "question")
				.param("revision", "1").param("kind", "SINGLE_CHOICE").param("prompt", "<script>alert('q')</script>")
				.param("options[0].text", "<img src=x onerror=alert('o')>").param("options[0].correct", "true")
				.param("options[1].text", "javascript:alert(3)").param("explanation", "<script>alert('e')</script>"))
			.andExpect(status().isOk());
		String settingsRevision = Jsoup.parse(mvc.perform(get("/courses/" + courseId + "/edit").with(as(org.managerA())))
			.andReturn().getResponse().getContentAsString()).select("input[name=settingsRevision]").val();
		mvc.perform(post(base + "/settings").with(as(org.managerA())).with(csrf()).param("settingsRevision", settingsRevision)
				.param("title", title).param("description", "<svg onload=alert(1)>").param("passMark", "50")
				.param("answersShown", "AFTER_EACH_ATTEMPT"))
			.andExpect(status().is3xxRedirection());
		// the lesson's page in the editor, with its sanitized preview (a question's options are only field values there)
		String editor = mvc.perform(get("/courses/" + courseId + "/edit?element=" + lesson).with(as(org.managerA())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertNoActiveContent("editor", editor);
		assertThat(mvc.perform(get("/courses/" + courseId + "/edit?element=" + question).with(as(org.managerA())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).doesNotContain("<script>alert");
		mvc.perform(post(base + "/publish").with(as(org.managerA())).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/courses/" + courseId + "/assign"));
		mvc.perform(post("/courses/" + courseId + "/assignments").with(as(org.managerA())).with(csrf())
				.param("teamId", org.teamA().value()).param("dueDate", java.time.LocalDate.now().plusDays(30).toString()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/learning/courses/" + courseId).with(as(org.learnerA()))).andExpect(status().isOk());
		for (var page : List.of(
				List.of("/courses", org.managerA()), List.of("/courses/" + courseId + "/assign", org.managerA()),
				List.of("/teams/" + org.teamA().value(), org.managerA()), List.of("/learning", org.learnerA()),
				List.of("/learning/courses/" + courseId, org.learnerA()),
				List.of("/learning/courses/" + courseId + "/quiz", org.learnerA()))) {
			String html = mvc.perform(get((String) page.get(0)).with(as((PersonId) page.get(1))))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertNoActiveContent((String) page.get(0), html);
			assertThat(html).as((String) page.get(0)).contains("Evil &lt;script&gt;");
		}
		var draft = authoring.create(fixtures.viewer(org.managerA()), new CourseContent("Draft", "",
				List.of(new Lesson(null, "L", "<script>alert(1)</script> [a](javascript:alert(1))")), new Quiz(50, List.of())));
		String preview = mvc.perform(get("/courses/" + draft.id() + "/edit").with(as(org.managerA())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertNoActiveContent("editor preview", preview);
	}

	/** The element an editor form added, from the address it leads to. */
	private String added(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder add) throws Exception {
		return mvc.perform(add).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl()
			.replaceAll(".*element=([^&]+).*", "$1");
	}

	private String settingsRevision(Course course) throws Exception {
		return Jsoup.parse(mvc.perform(get("/courses/" + course.id() + "/edit").with(as(org.managerA())))
			.andReturn().getResponse().getContentAsString()).select("input[name=settingsRevision]").val();
	}

	@Test
	void anAdminWhoLosesTheRoleLosesAdminPagesAtOnce() throws Exception {
		var admin = fixtures.admin();
		PersonId former = fixtures.person(admin, "Former Admin", "former", org.suffix(), java.util.Set.of(), java.util.Set.of(),
				io.stride.identity.Role.ADMIN);
		var session = SignedIn.as(fixtures.viewerPerson(former));
		mvc.perform(get("/admin/people").with(session)).andExpect(status().isOk());
		administration.updatePerson(admin, former, new io.stride.identity.PersonChanges("Former Admin",
				org.email("former"), "", true, java.util.Set.of(), java.util.Set.of(), java.util.Set.of()));
		mvc.perform(get("/admin/people").with(session)).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/metrics").with(session)).andExpect(status().isForbidden());
	}

	@Test
	void objectivesAreSavedAndShownToLearners() throws Exception {
		var author = fixtures.viewer(org.managerA());
		Course draft = authoring.create(author, Fixtures.sampleCourse("With objectives"));
		mvc.perform(post("/courses/" + draft.id() + "/outline/settings").with(as(org.managerA())).with(csrf())
				.param("settingsRevision", settingsRevision(draft))
				.param("title", "With objectives")
				.param("objectives", "List the steps to report\n\nState the deadline\n")
				.param("passMark", "80").param("answersShown", "AFTER_EACH_ATTEMPT"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/courses/" + draft.id() + "/outline/publish").with(as(org.managerA())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(authoring.published(draft.id()).objectives()).containsExactly("List the steps to report", "State the deadline");
		mvc.perform(get("/learning/courses/" + draft.id()).with(as(org.learnerA())))
			.andExpect(content().string(containsString("You will be able to")))
			.andExpect(content().string(containsString("State the deadline")));
	}

	@Test
	void invalidFormsShowTheMessageNextToTheField() throws Exception {
		mvc.perform(post("/courses").with(as(org.managerA())).with(csrf()).param("title", "").param("topic", "Typed"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"title-error\"")))
			.andExpect(content().string(containsString("Give the course a title.")))
			.andExpect(content().string(containsString("aria-describedby=\"title-error\"")))
			// what the author typed is still there
			.andExpect(content().string(containsString("value=\"Typed\"")));
		mvc.perform(post("/courses").with(as(org.managerA())).with(csrf()).param("title", "x".repeat(201)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Use at most 200 characters")));
		Course draft = authoring.create(fixtures.viewer(org.managerA()), Fixtures.sampleCourse("Kept"));
		mvc.perform(post("/courses/" + draft.id() + "/outline/settings").with(as(org.managerA())).with(csrf())
				.param("settingsRevision", settingsRevision(draft)).param("title", "").param("description", "typed")
				.param("passMark", "150").param("answersShown", "AFTER_EACH_ATTEMPT"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"title-error\"")))
			.andExpect(content().string(containsString("id=\"passMark-error\"")))
			.andExpect(content().string(containsString(">typed</textarea>")));
		mvc.perform(post("/courses/" + draft.id() + "/outline/elements/" + draft.lessons().get(0).id()).with(as(org.managerA()))
				.with(csrf()).param("type", "lesson").param("revision", "1").param("title", "").param("markdown", "text"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give the lesson a title.")));
		assertThat(authoring.course(fixtures.viewer(org.managerA()), draft.id()).title()).isEqualTo("Kept");
	}

	@Test
	void twoTabsSavingTheSameElementConflictAndNothingIsOverwritten() throws Exception {
		var author = fixtures.viewer(org.managerA());
		Course draft = authoring.create(author, Fixtures.sampleCourse("Original"));
		String url = "/courses/" + draft.id() + "/outline/elements/" + draft.lessons().get(0).id();
		mvc.perform(post(url).with(as(org.managerA())).with(csrf()).param("type", "lesson").param("revision", "1")
				.param("title", "Tab one's title").param("markdown", "one"))
			.andExpect(status().isOk());
		mvc.perform(post(url).with(as(org.managerA())).with(csrf()).param("type", "lesson").param("revision", "1")
				.param("title", "Tab two's title").param("markdown", "two"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Tab one's title")))
			.andExpect(content().string(containsString("Tab two's title")));
		assertThat(authoring.course(author, draft.id()).lessons().get(0).title()).isEqualTo("Tab one's title");
	}

	@Test
	void pagesOfAnotherTeamAreNotFound() throws Exception {
		var managerA = fixtures.viewer(org.managerA());
		Course draft = authoring.create(managerA, Fixtures.sampleCourse("Draft of A"));
		Course published = fixtures.publishedCourse(managerA, "Published by A");
		AttemptResult attemptA = assessment.submit(fixtures.viewer(org.learnerA()), published.id(),
				List.of(new Answer(published.quiz().questions().get(0).id(), List.of(0))), "a-1");

		mvc.perform(get("/teams/" + org.teamA().value()).with(as(org.managerB()))).andExpect(status().isNotFound());
		mvc.perform(get("/teams/" + org.subTeamA().value()).with(as(org.managerB()))).andExpect(status().isNotFound());
		mvc.perform(get("/teams/" + org.subTeamA().value()).with(as(org.managerA()))).andExpect(status().isOk());
		mvc.perform(get("/courses/" + draft.id() + "/edit").with(as(org.managerB()))).andExpect(status().isNotFound());
		mvc.perform(get("/learning/courses/" + draft.id()).with(as(org.learnerA()))).andExpect(status().isNotFound());
		mvc.perform(get("/learning/courses/" + published.id() + "/attempts/" + attemptA.attemptId()).with(as(org.learnerB())))
			.andExpect(status().isNotFound());
		mvc.perform(post("/courses/" + published.id() + "/assignments").with(as(org.managerB())).with(csrf())
				.param("teamId", org.teamA().value()).param("dueDate", "2099-01-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose one of the teams you manage")));
		mvc.perform(get("/admin/people").with(as(org.managerA()))).andExpect(status().isForbidden())
			// a browser gets the error page; only token callers get a problem detail
			.andExpect(result -> assertThat(result.getResponse().getContentType()).as("not a problem detail")
				.isNotEqualTo("application/problem+json;charset=UTF-8"));
		mvc.perform(get("/actuator/metrics").with(as(org.managerA()))).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").with(as(org.managerA()))).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus").with(SignedIn.as(fixtures.viewerPerson(fixtures.admin().id()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("http_server_requests")));
	}

	private RequestPostProcessor as(PersonId id) {
		return SignedIn.as(fixtures.viewerPerson(id));
	}
}
