package io.stride.standards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Quiz;
import io.stride.shared.Ids;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class TemplateTests {

	static final String STRIDE_STANDARD = "00000000-0000-4000-8000-000000000001";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Templates templates;

	@Autowired
	Authoring authoring;

	@Autowired
	JsonMapper json;

	Org org;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
	}

	@Test
	void strideStandardShipsAsTheDefault() throws Exception {
		CourseTemplate standard = templates.find(STRIDE_STANDARD);
		assertThat(standard.name()).isEqualTo("Stride standard");
		assertThat(standard.isDefault()).isTrue();
		assertThat(templates.defaultTemplate().id()).isEqualTo(STRIDE_STANDARD);
		assertThat(standard.requiredParts()).containsExactly(RequiredPart.OBJECTIVES, RequiredPart.SUMMARY,
				RequiredPart.KNOWLEDGE_CHECK);
		assertThat(standard.minQuestions()).isEqualTo(1);
		assertThat(standard.maxLessonWords()).isEqualTo(600);
		assertThat(standard.maxCourseWords()).isEqualTo(6000);
		assertThat(standard.toneTerms()).contains(new ToneTerm("utilize", "use"), new ToneTerm("leverage", "use"),
				new ToneTerm("in order to", "to"));
		assertThat(standard.accessibilityRules()).containsExactlyInAnyOrder(AccessibilityRule.values());
		// every signed-in person may read the templates, to pick one
		mvc.perform(get("/api/v1/templates").header("Authorization", bearer(org.learnerA().value())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + STRIDE_STANDARD + "')].name").value(hasItem("Stride standard")))
			.andExpect(jsonPath("$[?(@.id == '" + STRIDE_STANDARD + "')].isDefault").value(hasItem(true)));
		mvc.perform(get("/api/v1/templates")).andExpect(status().isUnauthorized());
	}

	@Test
	void adminsCreateChangeAndDeleteTemplatesThroughTheApi() throws Exception {
		String admin = adminBearer();
		String body = mvc.perform(json(post("/api/v1/templates"), admin, template("Short courses " + org.suffix())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("Short courses " + org.suffix()))
			.andExpect(jsonPath("$.requiredParts[0]").value("OBJECTIVES"))
			.andExpect(jsonPath("$.toneTerms[0].term").value("synergy"))
			.andExpect(jsonPath("$.isDefault").value(false))
			.andExpect(jsonPath("$.revision").value(1))
			.andReturn().getResponse().getContentAsString();
		String id = json.readTree(body).get("id").asString();
		mvc.perform(get("/api/v1/templates/" + id).header("Authorization", bearer(org.learnerA().value())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.maxLessonWords").value(300));

		Map<String, Object> changed = template("Shorter courses " + org.suffix());
		changed.put("maxLessonWords", 200);
		changed.put("revision", 1);
		mvc.perform(json(put("/api/v1/templates/" + id), admin, changed))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Shorter courses " + org.suffix()))
			.andExpect(jsonPath("$.maxLessonWords").value(200))
			.andExpect(jsonPath("$.revision").value(2));
		// a second admin still holding revision 1 does not overwrite the change
		mvc.perform(json(put("/api/v1/templates/" + id), admin, changed))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("Your changes were not saved")));
		changed.remove("revision");
		mvc.perform(json(put("/api/v1/templates/" + id), admin, changed))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.revision").exists());

		mvc.perform(delete("/api/v1/templates/" + id).header("Authorization", admin)).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/templates/" + id).header("Authorization", admin)).andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/templates/" + id).header("Authorization", admin)).andExpect(status().isNotFound());
	}

	@Test
	void aRetriedCreateGetsTheTemplateItCreatedTheFirstTime() throws Exception {
		String id = Ids.newId();
		Map<String, Object> body = template("Retried " + org.suffix());
		body.put("id", id);
		mvc.perform(json(post("/api/v1/templates"), adminBearer(), body)).andExpect(status().isCreated());
		mvc.perform(json(post("/api/v1/templates"), adminBearer(), body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(id));
		assertThat(templates.all()).filteredOn(t -> t.name().equals("Retried " + org.suffix())).hasSize(1);
	}

	@Test
	void learnersMayReadTemplatesButNotChangeThem() throws Exception {
		String learner = bearer(org.learnerA().value());
		CourseTemplate template = templates.create(fixtures.admin(), null, plain("Learners can't " + org.suffix()));
		mvc.perform(json(post("/api/v1/templates"), learner, template("By a learner " + org.suffix())))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Only admins change course templates."));
		Map<String, Object> changed = template("Changed by a learner " + org.suffix());
		changed.put("revision", template.revision());
		mvc.perform(json(put("/api/v1/templates/" + template.id()), learner, changed)).andExpect(status().isForbidden());
		mvc.perform(delete("/api/v1/templates/" + template.id()).header("Authorization", learner)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/templates/" + template.id() + "/default").header("Authorization", learner))
			.andExpect(status().isForbidden());
		assertThat(templates.find(template.id())).isEqualTo(template);
	}

	@Test
	void unknownTemplatesAreNotFound() throws Exception {
		String admin = adminBearer();
		Map<String, Object> body = template("Nowhere " + org.suffix());
		body.put("revision", 1);
		for (String id : List.of(Ids.newId(), "not-an-id")) {
			mvc.perform(get("/api/v1/templates/" + id).header("Authorization", admin)).andExpect(status().isNotFound());
			mvc.perform(json(put("/api/v1/templates/" + id), admin, body)).andExpect(status().isNotFound());
			mvc.perform(delete("/api/v1/templates/" + id).header("Authorization", admin)).andExpect(status().isNotFound());
			mvc.perform(post("/api/v1/templates/" + id + "/default").header("Authorization", admin)).andExpect(status().isNotFound());
		}
	}

	@Test
	void invalidTemplatesAreRefusedWithTheFieldsNamed() throws Exception {
		String admin = adminBearer();
		Map<String, Object> bad = template(" ");
		bad.put("maxLessonWords", 0);
		bad.put("minQuestions", 5);
		bad.put("maxQuestions", 2);
		bad.put("toneTerms", List.of(Map.of("term", "synergy"), Map.of("term", "Synergy", "preferred", "teamwork")));
		mvc.perform(json(post("/api/v1/templates"), admin, bad))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors.name").value("Give the template a name of at most 120 characters."))
			.andExpect(jsonPath("$.errors.maxLessonWords").value(
					"The lesson limit is a number of words from 1 to 100000, or empty for no limit."))
			.andExpect(jsonPath("$.errors.maxQuestions").value("The maximum can't be below the minimum (5)."))
			.andExpect(jsonPath("$.errors.toneTerms").value("Term 2: \"Synergy\" is on the list already."));
		Map<String, Object> unknownRule = template("Unknown rule " + org.suffix());
		unknownRule.put("accessibilityRules", List.of("BLINKING_TEXT"));
		mvc.perform(json(post("/api/v1/templates"), admin, unknownRule))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.accessibilityRules", containsString("Unknown value \"BLINKING_TEXT\"")));
		Map<String, Object> sameName = template("stride STANDARD");
		mvc.perform(json(post("/api/v1/templates"), admin, sameName))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.name").value("A template named \"stride STANDARD\" exists already."));
		Map<String, Object> minimumWithoutQuiz = template("No quiz " + org.suffix());
		minimumWithoutQuiz.put("requiredParts", List.of("OBJECTIVES"));
		mvc.perform(json(post("/api/v1/templates"), admin, minimumWithoutQuiz))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.minQuestions", containsString("needs the knowledge check to be required")));
		assertThat(templates.all()).noneMatch(t -> t.name().endsWith(org.suffix()));
	}

	@Test
	void theDefaultTemplateCannotBeDeletedAndAnotherCanTakeItsPlace() throws Exception {
		String admin = adminBearer();
		mvc.perform(delete("/api/v1/templates/" + STRIDE_STANDARD).header("Authorization", admin))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("\"Stride standard\" is the default template and can't be deleted. "
					+ "Make another template the default first."));
		CourseTemplate other = templates.create(fixtures.admin(), null, plain("Next default " + org.suffix()));
		try {
			mvc.perform(post("/api/v1/templates/" + other.id() + "/default").header("Authorization", admin))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.isDefault").value(true));
			assertThat(templates.find(STRIDE_STANDARD).isDefault()).isFalse();
			assertThat(templates.all()).filteredOn(CourseTemplate::isDefault).extracting(CourseTemplate::id).containsExactly(other.id());
			mvc.perform(delete("/api/v1/templates/" + other.id()).header("Authorization", admin)).andExpect(status().isConflict());
		}
		finally {
			templates.makeDefault(fixtures.admin(), STRIDE_STANDARD);
		}
		assertThat(templates.defaultTemplate().id()).isEqualTo(STRIDE_STANDARD);
		templates.delete(fixtures.admin(), other.id());
	}

	@Test
	void adminsManageTemplatesOnTheAdminPages() throws Exception {
		RequestPostProcessor admin = SignedIn.as(fixtures.viewerPerson(fixtures.admin().id()));
		mvc.perform(get("/admin/templates").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Stride standard")))
			.andExpect(content().string(containsString("href=\"/admin/templates\" aria-current=\"page\"")));
		mvc.perform(get("/admin/terms").with(admin)).andExpect(content().string(containsString("href=\"/admin/templates\"")));
		mvc.perform(get("/admin/templates/new").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<label for=\"maxLessonWords\">")));
		String name = "Page template " + org.suffix();
		mvc.perform(post("/admin/templates").with(admin).with(csrf()).param("name", name).param("maxLessonWords", "12a")
				.param("requiredParts", "OBJECTIVES").param("toneTerms", "utilize = use"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"maxLessonWords-error\"")))
			.andExpect(content().string(containsString("Enter a whole number, or leave it empty.")))
			.andExpect(content().string(containsString("utilize = use")));
		mvc.perform(post("/admin/templates").with(admin).with(csrf()).param("name", name).param("maxLessonWords", "400")
				.param("requiredParts", "OBJECTIVES", "KNOWLEDGE_CHECK").param("minQuestions", "2")
				.param("accessibilityRules", "IMAGES_NEED_ALT_TEXT").param("toneTerms", "utilize = use\n\nsynergy\nprior to -> before"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/templates"));
		CourseTemplate created = byName(name);
		assertThat(created.requiredParts()).containsExactly(RequiredPart.OBJECTIVES, RequiredPart.KNOWLEDGE_CHECK);
		assertThat(created.accessibilityRules()).containsExactly(AccessibilityRule.IMAGES_NEED_ALT_TEXT);
		assertThat(created.toneTerms()).containsExactly(new ToneTerm("utilize", "use"), new ToneTerm("synergy", ""),
				new ToneTerm("prior to", "before"));
		assertThat(created.maxCourseWords()).isNull();

		mvc.perform(get("/admin/templates/" + created.id()).with(admin))
			.andExpect(content().string(containsString("utilize = use\nsynergy\nprior to = before")));
		mvc.perform(post("/admin/templates/" + created.id()).with(admin).with(csrf()).param("revision", "1")
				.param("name", name).param("maxCourseWords", "3000"))
			.andExpect(status().is3xxRedirection());
		assertThat(templates.find(created.id()).maxCourseWords()).isEqualTo(3000);
		mvc.perform(post("/admin/templates/" + created.id()).with(admin).with(csrf()).param("revision", "1").param("name", name))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Open the latest saved version")));

		mvc.perform(get("/admin/templates/" + created.id() + "/delete").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No course chose this template.")));
		mvc.perform(post("/admin/templates/" + created.id() + "/delete").with(admin).with(csrf()))
			.andExpect(flash().attribute("notice", "Deleted the template \"" + name + "\"."));
		mvc.perform(post("/admin/templates/" + STRIDE_STANDARD + "/delete").with(admin).with(csrf()))
			.andExpect(flash().attribute("problem", containsString("is the default template and can't be deleted")));

		RequestPostProcessor learner = SignedIn.as(fixtures.viewerPerson(org.learnerA()));
		mvc.perform(get("/admin/templates").with(learner)).andExpect(status().isForbidden());
		mvc.perform(post("/admin/templates").with(learner).with(csrf()).param("name", "x")).andExpect(status().isForbidden());
	}

	@Test
	void theEditorChecksTheCourseAgainstTheChosenTemplateAndKeepsTheChoice() throws Exception {
		CourseTemplate strict = templates.create(fixtures.admin(), null, new TemplateContent("Strict " + org.suffix(), "",
				java.util.Set.of(RequiredPart.OBJECTIVES), 5, null, 0, null, List.of(new ToneTerm("report", "tell")),
				java.util.Set.of(AccessibilityRule.NO_SKIPPED_HEADING_LEVELS)));
		RequestPostProcessor author = SignedIn.as(fixtures.viewerPerson(org.managerA()));
		Course course = authoring.create(fixtures.viewer(org.managerA()), Fixtures.sampleCourse("Incidents " + org.suffix()));
		assertThat(templates.templateFor(course.id().value()).id()).isEqualTo(STRIDE_STANDARD);
		mvc.perform(get("/courses/" + course.id() + "/edit").with(author))
			.andExpect(content().string(containsString(html("Checked against the template “Stride standard”"))))
			.andExpect(content().string(containsString(html("Missing required part: objectives"))));

		// in the editor: the lesson in the main area, the template in the settings panel
		mvc.perform(post("/courses/" + course.id() + "/outline/elements/" + course.lessons().get(0).id()).with(author).with(csrf())
				.param("type", "lesson").param("revision", "1")
				.param("title", "Spot it").param("markdown", "# Spot it\n\n### Then report it at once"))
			.andExpect(status().isOk());
		mvc.perform(post("/courses/" + course.id() + "/outline/elements/" + course.lessons().get(1).id() + "/remove").with(author)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		String settingsRevision = Jsoup.parse(mvc.perform(get("/courses/" + course.id() + "/edit").with(author))
			.andReturn().getResponse().getContentAsString()).select("input[name=settingsRevision]").val();
		mvc.perform(post("/courses/" + course.id() + "/outline/settings").with(author).with(csrf())
				.param("settingsRevision", settingsRevision)
				.param("title", course.title()).param("description", course.description()).param("passMark", "80")
				.param("answersShown", "AFTER_EACH_ATTEMPT").param("templateId", strict.id()))
			.andExpect(status().is3xxRedirection());
		assertThat(templates.templateFor(course.id().value()).id()).isEqualTo(strict.id());

		String page = mvc.perform(get("/courses/" + course.id() + "/edit").with(author))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains(html("Checked against the template “Strict " + org.suffix() + "”"),
				html("Missing required part: objectives"), html("Lesson 'Spot it' has 7 words; the template allows 5"),
				html("The summary says 'report': write 'tell'"),
				html("Lesson 'Spot it' says 'report': write 'tell'"),
				html("Lesson 'Spot it': heading level jumps from 1 to 3"))
			.contains("<option value=\"" + strict.id() + "\" selected=\"selected\">")
			.doesNotContain(html("Missing required part: summary"));

		// someone else's draft course can't be checked or given a template
		mvc.perform(get("/api/v1/courses/" + course.id() + "/template-check").header("Authorization", bearer(org.managerB().value())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/courses/" + course.id() + "/template-check").header("Authorization", bearer(org.managerA().value())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.template.name").value("Strict " + org.suffix()))
			.andExpect(jsonPath("$.findings[0].where").value("COURSE"))
			.andExpect(jsonPath("$.findings[0].message").value("Missing required part: objectives"))
			.andExpect(jsonPath("$.findings[1].message").value("The summary says 'report': write 'tell'"))
			.andExpect(jsonPath("$.findings[2].where").value("LESSON"))
			.andExpect(jsonPath("$.findings[2].lesson").value(0))
			.andExpect(jsonPath("$.findings[2].lessonTitle").value("Spot it"))
			.andExpect(jsonPath("$.findings[2].message").value("Lesson 'Spot it' has 7 words; the template allows 5"));

		// a deleted template leaves the course with the default
		templates.delete(fixtures.admin(), strict.id());
		assertThat(templates.templateFor(course.id().value()).id()).isEqualTo(STRIDE_STANDARD);
	}

	@Test
	void aNewCourseKeepsTheTemplateChosenWhenCreatedAndAnUnknownOneIsRefused() throws Exception {
		CourseTemplate lax = templates.create(fixtures.admin(), null, plain("Lax " + org.suffix()));
		RequestPostProcessor author = SignedIn.as(fixtures.viewerPerson(org.managerA()));
		mvc.perform(get("/courses/new").with(author))
			.andExpect(content().string(containsString("<option value=\"" + STRIDE_STANDARD + "\" selected=\"selected\">Stride standard (default)</option>")));
		MockHttpServletRequestBuilder create = post("/courses").with(author).with(csrf()).param("title", "Lax course " + org.suffix())
			.param("passMark", "80").param("lessons[0].title", "One").param("lessons[0].markdown", "Text.");
		mvc.perform(create.param("templateId", Ids.newId()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("That template no longer exists; choose another.")));
		String edit = mvc.perform(post("/courses").with(author).with(csrf()).param("title", "Lax course " + org.suffix())
				.param("passMark", "80").param("lessons[0].title", "One").param("lessons[0].markdown", "Text.")
				.param("templateId", lax.id()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		String courseId = edit.replaceAll(".*/courses/([^/]+)/edit", "$1");
		assertThat(templates.templateFor(courseId).id()).isEqualTo(lax.id());
		mvc.perform(get(edit).with(author)).andExpect(content().string(containsString(html("Checked against the template “Lax "))));
	}

	@Test
	void theTemplateChosenWhenDraftingGoesWithTheCourse() throws Exception {
		CourseTemplate chosen = templates.create(fixtures.admin(), null, plain("For drafts " + org.suffix()));
		RequestPostProcessor author = SignedIn.as(fixtures.viewerPerson(org.managerA()));
		mvc.perform(get("/drafts/new").with(author))
			.andExpect(content().string(containsString("<label for=\"template\">")))
			.andExpect(content().string(containsString(chosen.name())));
		String job = mvc.perform(multipart("/drafts").param("text", "# Claims\n\nSubmit claims within 30 days. "
				+ "Attach the receipt to every claim. Managers approve claims every Friday.")
				.param("template", chosen.id()).with(author).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		String draft = draftOf(job, author);
		mvc.perform(get(draft).with(author))
			.andExpect(content().string(containsString("<option value=\"" + chosen.id() + "\" selected=\"selected\">")))
			.andExpect(content().string(containsString(html("Checked against the template “For drafts " + org.suffix() + "”"))));
		String builder = mvc.perform(post(draft + "/course").with(author).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		String courseId = builder.replaceAll(".*/courses/([^/]+)/edit", "$1");
		assertThat(templates.templateFor(courseId).id()).isEqualTo(chosen.id());
		// on the draft's page the author may still pick another one for the course
		String second = mvc.perform(post(draft + "/course").with(author).with(csrf()).param("template", STRIDE_STANDARD))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(templates.templateFor(second.replaceAll(".*/courses/([^/]+)/edit", "$1")).id()).isEqualTo(STRIDE_STANDARD);
		mvc.perform(multipart("/drafts").param("text", "Some notes.").param("template", Ids.newId()).with(author).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("that template no longer exists")))
			.andExpect(content().string(containsString("Some notes.")));
	}

	@Test
	void aPublishedCoursesCheckIsOpenToEveryone() throws Exception {
		Course published = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Published " + org.suffix());
		mvc.perform(get("/api/v1/courses/" + published.id() + "/template-check").header("Authorization", bearer(org.learnerB().value())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.template.id").value(STRIDE_STANDARD))
			.andExpect(jsonPath("$.findings[*].message").value(hasItem("Missing required part: objectives")))
			.andExpect(jsonPath("$.findings[*].message").value(not(hasItem("Missing required part: summary"))));
		mvc.perform(get("/api/v1/courses/" + Ids.newId() + "/template-check").header("Authorization", bearer(org.learnerB().value())))
			.andExpect(status().isNotFound());
	}

	private CourseTemplate byName(String name) {
		return templates.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
	}

	private static TemplateContent plain(String name) {
		return new TemplateContent(name, "", java.util.Set.of(), null, null, 0, null, List.of(), java.util.Set.of());
	}

	private static Map<String, Object> template(String name) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("description", "For short how-tos.");
		body.put("requiredParts", List.of("OBJECTIVES", "KNOWLEDGE_CHECK"));
		body.put("maxLessonWords", 300);
		body.put("maxCourseWords", 1500);
		body.put("minQuestions", 1);
		body.put("toneTerms", List.of(Map.of("term", "synergy", "preferred", "working together")));
		body.put("accessibilityRules", List.of("IMAGES_NEED_ALT_TEXT", "TABLES_NEED_HEADER_ROW"));
		return body;
	}

	private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String bearer, Object body) {
		return request.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
	}

	private String adminBearer() {
		return "Bearer " + fixtures.token(fixtures.admin().id());
	}

	private String bearer(String personId) {
		return "Bearer " + fixtures.token(new io.stride.identity.PersonId(personId));
	}

	private static String html(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	/** Follows the background job, as the progress page does, until the draft is there. */
	private String draftOf(String job, RequestPostProcessor author) throws Exception {
		for (int i = 0; i < 300; i++) {
			String progress = mvc.perform(get(job + "/progress").with(author)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			if (progress.contains("\"done\":true")) {
				return "/drafts/" + progress.replaceAll(".*\"draftId\":\"([^\"]+)\".*", "$1");
			}
			assertThat(progress).doesNotContain("\"failed\":true");
			Thread.sleep(100);
		}
		throw new AssertionError("drafting did not finish in 30 s");
	}
}
