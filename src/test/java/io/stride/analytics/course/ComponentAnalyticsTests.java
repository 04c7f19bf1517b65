package io.stride.analytics.course;

import java.util.List;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Verb;
import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.RiskTier;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.ItemAnalysisSettings;
import io.stride.support.ReuseFixtures;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A component's figures follow it into the courses that reuse it. Maya's source course has lessons "Spot it",
 * "Report it"; a linked course (by author A) and a copied one (by learner B, who also authors) reuse "Spot it" and
 * the quiz question "Report within?".
 *
 * <pre>
 * "Spot it"        source: P1 reads it and the next, P2 stops       reached 2, went on 1, drop-off 0.5
 *                  linked: P3, P4 read it and the next, P5 stops    reached 3, went on 2, drop-off 1/3
 *                  copied: P6 reads it and stops                    reached 1, went on 0, drop-off 1
 *                  pooled                                           reached 6, went on 3, drop-off 0.5
 * "Report within?" source: first attempts right/right, wrong/wrong, right/wrong: facility 2/3, discrimination 1/2
 *                  linked: right/right, wrong/wrong: facility 1/2, discrimination 1
 *                  pooled: 5 attempts, facility 3/5, discrimination (3 × 1/2 + 2 × 1) / 5 = 0.7
 * </pre>
 */
@SpringBootTest
@AutoConfigureMockMvc
class ComponentAnalyticsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ReuseFixtures reuse;

	@Autowired
	Authoring authoring;

	@Autowired
	Assessment assessment;

	@Autowired
	LearningRecord record;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ItemAnalysisSettings settings;

	@Autowired
	io.stride.assessment.KnowledgeChecks checks;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	Org org;

	Course source;

	Course linked;

	Course copied;

	String spot;

	String within;

	@BeforeEach
	void aLessonAndAQuestionReusedInTwoCourses() {
		settings.defaults();
		org = fixtures.organization();
		source = reuse.source(fixtures.viewer(org.managerB()), "Running an EBR " + org.suffix());
		spot = source.lessons().get(0).id();
		within = source.quiz().questions().get(0).id();
		linked = publish(reuse.reusing(fixtures.viewer(org.managerA()), source, "Linked " + org.suffix(), RiskTier.LOW));
		copied = publish(reuse.reusing(fixtures.viewer(org.learnerB()), source, "Copied " + org.suffix(), RiskTier.LOW));
		jdbc.sql("UPDATE element_origins SET mode = 'COPIED' WHERE course_id = ?").param(copied.id().value()).update();

		read(learner("p1"), source, 0, 1);
		read(learner("p2"), source, 0);
		read(learner("p3"), linked, 1, 2);
		read(learner("p4"), linked, 1, 2);
		read(learner("p5"), linked, 1);
		read(learner("p6"), copied, 1);

		String otherSource = source.quiz().questions().get(1).id();
		take(org.learnerA(), source, within, 0, otherSource, List.of(0, 1));
		take(org.learnerSubA(), source, within, 1, otherSource, List.of(0, 2));
		take(org.learnerB(), source, within, 0, otherSource, List.of(2));
		String own = linked.quiz().questions().get(1).id();
		take(org.learnerA(), linked, linked.quiz().questions().get(0).id(), 0, own, List.of(0));
		take(org.learnerB(), linked, linked.quiz().questions().get(0).id(), 1, own, List.of(1));
	}

	@Test
	void aLessonsReachAndDropOffInEveryCourseUsingItAndPooled() throws Exception {
		mvc.perform(get("/api/v1/components/" + spot + "/analytics").header("Authorization", admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.componentId").value(spot))
			.andExpect(jsonPath("$.kind").value("LESSON"))
			.andExpect(jsonPath("$.title").value("Spot it"))
			.andExpect(jsonPath("$.courses", hasSize(3)))
			.andExpect(jsonPath("$.courses[0].courseId").value(source.id().value()))
			.andExpect(jsonPath("$.courses[0].mode").value("SOURCE"))
			.andExpect(jsonPath("$.courses[0].reached").value(2))
			.andExpect(jsonPath("$.courses[0].continued").value(1))
			.andExpect(jsonPath("$.courses[0].dropOff").value(closeTo(0.5, 1e-9)))
			.andExpect(jsonPath("$.courses[0].attempts").doesNotExist())
			.andExpect(jsonPath("$.courses[1].courseId").value(linked.id().value()))
			.andExpect(jsonPath("$.courses[1].title").value(linked.title()))
			.andExpect(jsonPath("$.courses[1].mode").value("LINKED"))
			.andExpect(jsonPath("$.courses[1].reached").value(3))
			.andExpect(jsonPath("$.courses[1].continued").value(2))
			.andExpect(jsonPath("$.courses[1].dropOff").value(closeTo(0.3333, 1e-9)))
			.andExpect(jsonPath("$.courses[2].mode").value("COPIED"))
			.andExpect(jsonPath("$.courses[2].reached").value(1))
			.andExpect(jsonPath("$.courses[2].continued").value(0))
			.andExpect(jsonPath("$.courses[2].dropOff").value(closeTo(1.0, 1e-9)))
			.andExpect(jsonPath("$.pooled.reached").value(6))
			.andExpect(jsonPath("$.pooled.continued").value(3))
			.andExpect(jsonPath("$.pooled.dropOff").value(closeTo(0.5, 1e-9)));
		// the id of a reused copy names the same component
		mvc.perform(get("/api/v1/components/" + linked.lessons().get(1).id() + "/analytics").header("Authorization", admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.componentId").value(spot))
			.andExpect(jsonPath("$.courses", hasSize(3)));
	}

	@Test
	void aQuestionsItemStatisticsInEveryCourseUsingItAndPooled() throws Exception {
		mvc.perform(get("/api/v1/components/" + within + "/analytics").header("Authorization", admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("QUESTION"))
			.andExpect(jsonPath("$.title").value("Report within?"))
			.andExpect(jsonPath("$.courses", hasSize(3)))
			.andExpect(jsonPath("$.courses[0].attempts").value(3))
			.andExpect(jsonPath("$.courses[0].facility").value(closeTo(2.0 / 3, 1e-9)))
			.andExpect(jsonPath("$.courses[0].discriminationIndex").value(closeTo(0.5, 1e-9)))
			.andExpect(jsonPath("$.courses[0].reached").doesNotExist())
			.andExpect(jsonPath("$.courses[1].mode").value("LINKED"))
			.andExpect(jsonPath("$.courses[1].attempts").value(2))
			.andExpect(jsonPath("$.courses[1].facility").value(closeTo(0.5, 1e-9)))
			.andExpect(jsonPath("$.courses[1].discriminationIndex").value(closeTo(1.0, 1e-9)))
			.andExpect(jsonPath("$.courses[2].mode").value("COPIED"))
			.andExpect(jsonPath("$.courses[2].attempts").value(0))
			.andExpect(jsonPath("$.pooled.attempts").value(5))
			.andExpect(jsonPath("$.pooled.facility").value(closeTo(0.6, 1e-9)))
			.andExpect(jsonPath("$.pooled.discriminationIndex").value(closeTo(0.7, 1e-9)));
	}

	@Test
	void eachAuthorSeesTheRowsOfTheCoursesTheyMayAnalyse() throws Exception {
		// Maya wrote the source only; A the linked course; B the copy
		mvc.perform(get("/api/v1/components/" + spot + "/analytics").header("Authorization", bearer(org.managerB())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.courses", hasSize(1)))
			.andExpect(jsonPath("$.courses[0].mode").value("SOURCE"))
			.andExpect(jsonPath("$.pooled.reached").value(2));
		mvc.perform(get("/api/v1/components/" + spot + "/analytics").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.courses", hasSize(1)))
			.andExpect(jsonPath("$.courses[0].courseId").value(linked.id().value()))
			.andExpect(jsonPath("$.pooled.reached").value(3));
		// L&D sees every course
		PersonId ld = fixtures.person(fixtures.admin(), "Lee LD " + org.suffix(), "lee-ld", org.suffix(), java.util.Set.of(),
				java.util.Set.of(), Role.REVIEWER);
		mvc.perform(get("/api/v1/components/" + spot + "/analytics").header("Authorization", bearer(ld)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.courses", hasSize(3)));
	}

	@Test
	void nobodyElseFindsTheComponent() throws Exception {
		mvc.perform(get("/api/v1/components/" + spot + "/analytics")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/components/" + spot + "/analytics").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/components/not-a-component/analytics").header("Authorization", admin()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/components/" + java.util.UUID.randomUUID() + "/analytics").header("Authorization", admin()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/analytics/components/" + spot).with(SignedIn.as(fixtures.viewerPerson(org.learnerA()))))
			.andExpect(status().isNotFound());
	}

	@Test
	void thePageShowsATablePerCourseWithThePooledRow() throws Exception {
		Document page = page(spot);
		assertThat(page.select("h1").text()).isEqualTo("Lesson across courses: Spot it");
		assertThat(page.select("#component-figures caption").text()).isEqualTo("Reach and drop-off per course");
		assertThat(page.select("#component-figures tbody tr")).hasSize(3);
		assertThat(page.select("#course-" + linked.id().value()).text()).isEqualTo(linked.title() + " linked 3 2 33%");
		assertThat(page.select("#course-" + copied.id().value()).text()).isEqualTo(copied.title() + " copied 1 0 100%");
		assertThat(page.select("#pooled").text()).isEqualTo("All courses shown pooled 6 3 50%");
		assertThat(page.select("#not-used, #not-reused")).isEmpty();
		Document question = page(within);
		assertThat(question.select("#pooled").text()).isEqualTo("All courses shown pooled 5 0.60 0.70");
		// five attempts, ten before the figures say much
		assertThat(question.select("#too-few").text()).startsWith("Too few attempts to read much into: 5 so far");
	}

	@Test
	void theSourcesAuthorIsToldOfTheCoursesReusingItWhoseFiguresTheyMayNotSee() throws Exception {
		Document page = page(org.managerB(), spot);
		assertThat(page.select("#component-figures tbody tr")).hasSize(1);
		assertThat(page.select("#not-reused")).isEmpty();
		assertThat(page.select("#hidden-courses").text()).isEqualTo("2 other courses use it; you may not see their figures.");
		// the author of the linked course sees their row, and that one other course (the source) uses it too
		assertThat(page(org.managerA(), spot).select("#hidden-courses").text())
			.isEqualTo("2 other courses use it; you may not see their figures.");
		assertThat(page(fixtures.admin().id(), spot).select("#hidden-courses")).isEmpty();
	}

	@Test
	void theLibraryLinksToTheFiguresOnlyForWhoMayReadThem() throws Exception {
		String link = "#figures-link";
		assertThat(libraryPage(org.managerB(), spot).select(link).attr("href")).isEqualTo("/analytics/components/" + spot);
		assertThat(libraryPage(org.learnerA(), spot).select(link)).isEmpty();
		assertThat(libraryPage(org.learnerA(), spot).select("#uses")).isNotEmpty();
		Course other = reuse.source(fixtures.viewer(org.managerB()), "Other " + org.suffix());
		assertThat(libraryPage(org.managerA(), other.lessons().get(0).id()).select(link)).isEmpty();
	}

	@Test
	void aComponentNobodyUsedYetSaysSo() throws Exception {
		Course fresh = reuse.source(fixtures.viewer(org.managerB()), "Fresh " + org.suffix());
		Document page = page(fresh.lessons().get(0).id());
		assertThat(page.select("#not-used h2").text()).isEqualTo("Not used yet");
		assertThat(page.select("#not-reused").text()).startsWith("Only its own course uses it so far");
		Document question = page(fresh.quiz().questions().get(0).id());
		assertThat(question.select("#not-used h2").text()).isEqualTo("No attempts yet");
		assertThat(question.select("#too-few")).isEmpty();
	}

	@Test
	void aKnowledgeChecksFacilityFromEachLearnersFirstAnswerWithoutADiscriminationIndex() throws Exception {
		Viewer maya = fixtures.viewer(org.managerB());
		io.stride.authoring.Question check = new io.stride.authoring.Question(null, io.stride.authoring.QuestionKind.TRUE_FALSE,
				"Numbers come first?", List.of("True", "False"), List.of(0), "They do.");
		Course withCheck = publish(authoring.create(maya, new io.stride.authoring.CourseContent("Checks " + org.suffix(), "",
				List.of(new io.stride.authoring.Lesson(null, "Numbers", "Numbers first.").withKnowledgeChecks(List.of(check))),
				null)));
		String checkId = withCheck.knowledgeChecks().get(0).id();
		Course copy = authoring.create(fixtures.viewer(org.managerA()), new io.stride.authoring.CourseContent(
				"Check copy " + org.suffix(), "", List.of(new io.stride.authoring.Lesson(null, "Numbers", "Numbers first.")
					.withKnowledgeChecks(List.of(check))), null));
		reuse.origin(copy, copy.knowledgeChecks().get(0).id(), "KNOWLEDGE_CHECK", withCheck, checkId, "COPIED",
				org.managerA());
		copy = publish(authoring.course(fixtures.viewer(org.managerA()), copy.id()));
		// in the source: A right then wrong (the first counts), B wrong; in the copy: A right
		answer(org.learnerA(), withCheck, checkId, 0);
		answer(org.learnerA(), withCheck, checkId, 1);
		answer(org.learnerB(), withCheck, checkId, 1);
		answer(org.learnerA(), copy, copy.knowledgeChecks().get(0).id(), 0);
		mvc.perform(get("/api/v1/components/" + checkId + "/analytics").header("Authorization", admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("KNOWLEDGE_CHECK"))
			.andExpect(jsonPath("$.courses", hasSize(2)))
			.andExpect(jsonPath("$.courses[0].attempts").value(2))
			.andExpect(jsonPath("$.courses[0].facility").value(closeTo(0.5, 1e-9)))
			.andExpect(jsonPath("$.courses[0].discriminationIndex").doesNotExist())
			.andExpect(jsonPath("$.courses[1].mode").value("COPIED"))
			.andExpect(jsonPath("$.courses[1].attempts").value(1))
			.andExpect(jsonPath("$.courses[1].facility").value(closeTo(1.0, 1e-9)))
			.andExpect(jsonPath("$.pooled.attempts").value(3))
			.andExpect(jsonPath("$.pooled.facility").value(closeTo(2.0 / 3, 1e-4)));
	}

	@Test
	void theEndpointIsInTheOpenApiDocument() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("/api/v1/components/{id}/analytics", "ComponentCourseFigures", "discriminationIndex");
	}

	private void answer(PersonId learner, Course course, String checkId, int pick) {
		checks.answer(fixtures.viewer(learner), course.id(), checkId, new Answer(checkId, List.of(pick)));
	}

	private Course publish(Course draft) {
		Viewer author = fixtures.viewer(draft.authorId());
		return authoring.publish(author, draft.id(), draft.revision());
	}

	private PersonId learner(String handle) {
		return fixtures.person(fixtures.admin(), "Learner " + handle + " " + org.suffix(), handle, org.suffix(),
				java.util.Set.of(org.teamA()), java.util.Set.of());
	}

	/** The learner reads these lessons of the course (by position), as the lesson player records it. */
	private void read(PersonId learner, Course course, int... positions) {
		for (int position : positions) {
			var lesson = course.lessons().get(position);
			// the learning record writes within the lesson player's transaction
			new org.springframework.transaction.support.TransactionTemplate(transactions)
				.executeWithoutResult(tx -> record.record(new LearningAction(learner, "Learner", Verb.EXPERIENCED,
						ActivityType.LESSON, lesson.id(), lesson.title(), course.id().value(), null)));
		}
	}

	private void take(PersonId learner, Course course, String first, int pick, String second, List<Integer> picks) {
		assessment.submit(fixtures.viewer(learner), course.id(),
				List.of(new Answer(first, List.of(pick)), new Answer(second, picks)), null);
	}

	private Document page(String id) throws Exception {
		return page(fixtures.admin().id(), id);
	}

	private Document libraryPage(PersonId person, String id) throws Exception {
		return Jsoup.parse(mvc.perform(get("/library/components/" + id).with(SignedIn.as(fixtures.viewerPerson(person))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private Document page(PersonId person, String id) throws Exception {
		return Jsoup.parse(mvc.perform(get("/analytics/components/" + id).with(SignedIn.as(fixtures.viewerPerson(person))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private String admin() {
		return "Bearer " + fixtures.token(fixtures.admin().id());
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
