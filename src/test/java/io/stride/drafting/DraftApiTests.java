package io.stride.drafting;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.shared.ControlCharacters;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class DraftApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Drafting drafting;

	@Autowired
	io.stride.delivery.Delivery delivery;

	Org org;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
	}

	@Test
	void filesAndTextBecomeACourseDraftWithCitations() throws Exception {
		mvc.perform(multipart("/api/v1/drafts")
				.file(corpus("expense-policy.md"))
				.file(new MockMultipartFile("text", "", "text/plain",
						"Remember: the travel desk books all flights within 2 working days.".getBytes(StandardCharsets.UTF_8)))
				.header("Authorization", bearer()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.title").value("Acme Travel and Expense Policy"))
			.andExpect(jsonPath("$.engine").value("offline"))
			.andExpect(jsonPath("$.objectives.length()", greaterThanOrEqualTo(3)))
			.andExpect(jsonPath("$.modules[0].lessons[0].citations[0].source").value("expense-policy.md"))
			.andExpect(jsonPath("$.modules[*].knowledgeCheck[*].citation.text", everyItem(notNullValue())))
			.andExpect(jsonPath("$.quiz[0].explanation").isNotEmpty())
			.andExpect(jsonPath("$.glossary[0].term").isNotEmpty());
	}

	@Test
	void refusedFilesAreNamedWithTheReason() throws Exception {
		mvc.perform(multipart("/api/v1/drafts").file(new MockMultipartFile("files", "setup.exe", "application/octet-stream", new byte[] { 1, 2 }))
				.header("Authorization", bearer()))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.detail", containsString("\"setup.exe\" is a .exe file")));
		mvc.perform(multipart("/api/v1/drafts").file(new MockMultipartFile("files", "broken.pdf", "application/pdf",
				"%PDF-1.7 garbage".getBytes(StandardCharsets.UTF_8))).header("Authorization", bearer()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("\"broken.pdf\"")));
		mvc.perform(multipart("/api/v1/drafts").file(new MockMultipartFile("files", "big.txt", "text/plain", new byte[21 * 1024 * 1024]))
				.header("Authorization", bearer()))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.detail", containsString("\"big.txt\" is larger than 20 MB")));
		mvc.perform(multipart("/api/v1/drafts").header("Authorization", bearer()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("upload a file or paste some text")));
		mvc.perform(multipart("/api/v1/drafts").file(corpus("quick-note.txt"))).andExpect(status().isUnauthorized());
	}

	@Test
	void authorReviewsADraftAndTurnsItIntoACourseOthersCannotSeeIt() throws Exception {
		var author = SignedIn.as(fixtures.viewerPerson(org.managerA()));
		String job = mvc.perform(multipart("/drafts").file(corpus("incident-response-slides.md")).with(author).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(job + "/progress").with(SignedIn.as(fixtures.viewerPerson(org.managerB())))).andExpect(status().isNotFound());
		String location = draftOf(job, author);
		mvc.perform(get(location).with(author))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Reporting a Security Incident at Acme")))
			.andExpect(content().string(containsString("Quality panel")))
			.andExpect(content().string(containsString("incident-response-slides.md, paragraph")))
			// each question shows its score with the reason in words, and the panel lists what no question tests
			.andExpect(content().string(matchesPattern("(?s).*Quality [01]\\.\\d\\d</strong>: <span>Tests .*")))
			.andExpect(content().string(containsString("Not tested")));
		mvc.perform(get(location).with(SignedIn.as(fixtures.viewerPerson(org.managerB())))).andExpect(status().isNotFound());
		// a citation opens the source with the cited passage marked, for the author only
		String page = mvc.perform(get(location).with(author)).andReturn().getResponse().getContentAsString();
		String link = page.replaceAll("(?s).*?href=\"(/drafts/[^\"]+/source\\?[^\"]+)\".*", "$1").replace("&amp;", "&");
		mvc.perform(get(link).with(author))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<mark id=\"cited\">")));
		mvc.perform(get(link).with(SignedIn.as(fixtures.viewerPerson(org.managerB())))).andExpect(status().isNotFound());
		mvc.perform(post(location + "/course").with(SignedIn.as(fixtures.viewerPerson(org.managerB()))).with(csrf()))
			.andExpect(status().isNotFound());

		String builder = mvc.perform(post(location + "/course").with(author).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		Course course = authoring.course(fixtures.viewer(org.managerA()),
				new CourseId(builder.replaceAll(".*/courses/([^/]+)/edit", "$1")));
		assertThat(course.title()).isEqualTo("Reporting a Security Incident at Acme");
		assertThat(course.lessons()).hasSizeGreaterThanOrEqualTo(3);
		assertThat(course.quiz().questions()).hasSizeGreaterThanOrEqualTo(8)
			.allSatisfy(q -> assertThat(q.source().source()).isEqualTo("incident-response-slides.md"));
		assertThat(course.lessons().get(0).sources()).isNotEmpty();
		assertThat(course.lessons()).allSatisfy(lesson -> assertThat(lesson.module()).isNotBlank());
		assertThat(course.lessons().stream().map(Lesson::module).distinct().count()).isGreaterThan(1);
		// the editor shows each element's source beside it, and an edit keeps it
		mvc.perform(get(builder + "?element=" + course.quiz().questions().get(0).id()).with(author))
			.andExpect(content().string(containsString("Drafted from incident-response-slides.md, paragraph")));
		mvc.perform(get(builder).with(author))
			.andExpect(content().string(containsString("incident-response-slides.md, paragraph")));
		var me = fixtures.viewer(org.managerA());
		var edited = authoring.update(me, course.id(), course.revision(), new io.stride.authoring.CourseContent("Edited title",
				course.description(), course.lessons().stream().map(l -> new io.stride.authoring.Lesson(l.id(), l.title(), l.markdown())).toList(),
				new io.stride.authoring.Quiz(80, course.quiz().questions().stream().map(q -> new io.stride.authoring.Question(q.id(), q.kind(),
						q.prompt(), q.options(), q.correct(), q.explanation())).toList())));
		assertThat(edited.quiz().questions().get(0).source()).isEqualTo(course.quiz().questions().get(0).source());
		assertThat(edited.lessons().get(0).sources()).isEqualTo(course.lessons().get(0).sources());
	}

	@Test
	void draftedKnowledgeChecksStayUnderTheirLessonsWhenTheCourseIsCreated() throws Exception {
		var author = SignedIn.as(fixtures.viewerPerson(org.managerA()));
		String job = mvc.perform(multipart("/drafts").file(corpus("incident-response-slides.md")).with(author).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		String location = draftOf(job, author);
		CourseDraft draft = drafting.kept(fixtures.viewer(org.managerA()), location.substring("/drafts/".length())).draft();
		assertThat(draft.modules()).allSatisfy(module -> assertThat(module.knowledgeCheck()).isNotEmpty());

		String builder = mvc.perform(post(location + "/course").with(author).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		var me = fixtures.viewer(org.managerA());
		Course course = authoring.course(me, new CourseId(builder.replaceAll(".*/courses/([^/]+)/edit", "$1")));
		assertThat(course.quiz().questions()).extracting(io.stride.authoring.Question::prompt)
			.containsExactlyElementsOf(draft.quiz().stream().map(DraftQuestion::prompt).toList());
		// each module's check follows the module's last lesson, as the draft shows it
		for (DraftModule module : draft.modules()) {
			Lesson last = course.lessons().stream().filter(l -> module.title().equals(l.module())).reduce((a, b) -> b).orElseThrow();
			assertThat(last.knowledgeChecks()).extracting(io.stride.authoring.Question::prompt)
				.containsExactlyElementsOf(module.knowledgeCheck().stream().map(DraftQuestion::prompt).toList());
		}
		// the template check counts them: the course has as many questions as the draft had
		mvc.perform(get("/api/v1/courses/" + course.id().value() + "/template-check").header("Authorization", bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.findings[*].message", everyItem(not(containsString("knowledge check")))));
		// learners find them under their lessons
		Course published = authoring.publish(me, course.id(), course.revision());
		delivery.assign(me, published.id(), org.teamA(), java.time.LocalDate.now().plusDays(7));
		String learner = "Bearer " + fixtures.token(org.learnerA());
		mvc.perform(get("/api/v1/courses/" + course.id().value() + "/knowledge-checks").header("Authorization", learner))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(draft.modules().stream().mapToInt(m -> m.knowledgeCheck().size()).sum()))
			.andExpect(jsonPath("$[0].lessonId").value(course.lessons().stream()
				.filter(l -> !l.knowledgeChecks().isEmpty()).findFirst().orElseThrow().id()));
	}

	@Test
	void aRefusedUploadKeepsThePastedText() throws Exception {
		var author = SignedIn.as(fixtures.viewerPerson(org.managerA()));
		mvc.perform(multipart("/drafts").file(new MockMultipartFile("files", "scan.exe", "application/octet-stream", new byte[] { 1 }))
				.param("text", "My carefully written notes about refunds.").with(author).with(csrf()))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().string(containsString("&quot;scan.exe&quot; is a .exe file")))
			.andExpect(content().string(containsString("My carefully written notes about refunds.")));
	}

	@Test
	void adminsKeepTheTermListAndThePanelAppliesIt() throws Exception {
		var admin = SignedIn.as(fixtures.viewerPerson(fixtures.admin().id()));
		mvc.perform(post("/admin/terms").with(admin).with(csrf()).param("term", "Expensio portal " + org.suffix()).param("preferred", "expense tool"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/terms").with(SignedIn.as(fixtures.viewerPerson(org.managerA()))).with(csrf()).param("term", "x"))
			.andExpect(status().isForbidden());
		var author = SignedIn.as(fixtures.viewerPerson(org.managerA()));
		String job = mvc.perform(multipart("/drafts").param("text",
				"# Claims\n\nUse the Expensio portal " + org.suffix() + " for claims. Read the rules [click here](https://example.org/rules).\n\n![](https://example.org/chart.png)")
				.with(author).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		String location = draftOf(job, author);
		String builder = mvc.perform(post(location + "/course").with(author).with(csrf())).andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(builder).with(author))
			.andExpect(content().string(containsString("Quality of this lesson")))
			.andExpect(content().string(containsString("write &quot;expense tool&quot; instead")));
		mvc.perform(get(location).with(author))
			.andExpect(content().string(containsString("write &quot;expense tool&quot; instead")))
			.andExpect(content().string(containsString("Link text &quot;click here&quot;")))
			.andExpect(content().string(containsString("has no alternative text")));
	}

	@Test
	void pastedTextWithANulIsRefusedNamingTheTextAndNothingIsDrafted() throws Exception {
		String notes = "Report every incident\u0000 within one hour to the security desk.";
		mvc.perform(multipart("/api/v1/drafts")
				.file(new MockMultipartFile("text", "", "text/plain", notes.getBytes(StandardCharsets.UTF_8)))
				.header("Authorization", bearer()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.text", containsString("control character")))
			.andExpect(jsonPath("$.errors.length()").value(1));
		var author = SignedIn.as(fixtures.viewerPerson(org.managerA()));
		mvc.perform(multipart("/drafts").param("text", notes).with(author).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("control character")))
			.andExpect(content().string(containsString("within one hour to the security desk.")));
		assertThat(drafting.keptBy(fixtures.viewer(org.managerA()))).isEmpty();
	}

	@Test
	void controlCharactersInAnUploadedDocumentAreDroppedAndTheDraftIsKept() throws Exception {
		var author = SignedIn.as(fixtures.viewerPerson(org.managerA()));
		String text = "Incident reporting\n\nReport every incident within one hour.\f\u0000Call the security desk "
				+ "first.\u0001 Write down what you saw, when and where.\n";
		String job = mvc.perform(multipart("/drafts")
				.file(new MockMultipartFile("files", "notes.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8)))
				.with(author).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		String draftId = draftOf(job, author).substring("/drafts/".length());
		String kept = drafting.source(fixtures.viewer(org.managerA()), draftId, "notes.txt", 0, 0).after();
		assertThat(kept).contains("Call the security desk first.");
		assertThat(ControlCharacters.in(kept)).as("control characters in %s", kept).isFalse();
	}

	@Test
	void draftPageShowsEachMatchingItemWithItsMatchAndANumericAnswerWithItsUnit() throws Exception {
		var author = SignedIn.as(fixtures.viewerPerson(org.managerA()));
		String job = mvc.perform(multipart("/drafts").file(corpus("expense-policy.md")).with(author).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		CourseDraft draft = drafting.kept(fixtures.viewer(org.managerA()), draftOf(job, author).substring("/drafts/".length())).draft();
		DraftQuestion matching = draft.allQuestions().stream().filter(q -> q.kind().equals("MATCHING")).findFirst().orElseThrow();
		DraftQuestion numeric = draft.allQuestions().stream().filter(q -> q.kind().equals("NUMERIC")).findFirst().orElseThrow();
		String page = mvc.perform(get(draftOf(job, author)).with(author)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		// each item in a row header, its own match beside it
		String item = matching.options().get(0);
		String match = matching.matches().get(matching.correct().get(0));
		assertThat(page.replaceAll("\\s+", " ")).contains("<th scope=\"row\">" + escaped(item) + "</th> <td>" + escaped(match) + "</td>");
		assertThat(page).contains("<th scope=\"col\">Item</th>");
		assertThat(page.replaceAll("\\s+", " ")).contains("Answer: <strong>" + numeric.numeric().value().toPlainString() + " "
				+ numeric.numeric().unit() + "</strong>");
	}

	private static String escaped(String text) {
		return HtmlUtils.htmlEscape(text);
	}

	/** Follows the background job, as the progress page does, until the draft is there. */
	private String draftOf(String job, org.springframework.test.web.servlet.request.RequestPostProcessor author) throws Exception {
		for (int i = 0; i < 300; i++) {
			String json = mvc.perform(get(job + "/progress").with(author)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			if (json.contains("\"done\":true")) {
				return "/drafts/" + json.replaceAll(".*\"draftId\":\"([^\"]+)\".*", "$1");
			}
			assertThat(json).doesNotContain("\"failed\":true");
			Thread.sleep(100);
		}
		throw new AssertionError("drafting did not finish in 30 s");
	}

	private String bearer() {
		return "Bearer " + fixtures.token(org.managerA());
	}

	private static MockMultipartFile corpus(String name) throws Exception {
		return new MockMultipartFile("files", name, "application/octet-stream",
				Files.readAllBytes(Path.of("src/test/resources/corpus", name)));
	}
}
