package io.stride.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.ReuseFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The author (and reviewers) read what the version being written changes, part by part, before submitting it. */
@SpringBootTest
@AutoConfigureMockMvc
class CourseChangesApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ReuseFixtures reuse;

	@Autowired
	Authoring authoring;

	Org org;

	Viewer author;

	Course course;

	@BeforeEach
	void aPublishedCourseReusingALessonWithADraftOfItsNextVersion() {
		org = fixtures.organization();
		author = fixtures.viewer(org.managerA());
		Course source = reuse.source(fixtures.viewer(org.managerB()), "Running an EBR " + org.suffix());
		Course draft = reuse.reusing(author, source, "Incidents, our way " + org.suffix(), RiskTier.LOW);
		Course v1 = authoring.publish(author, draft.id(), draft.revision());
		Course next = authoring.startVersion(author, v1.id(), v1.revision());
		// a knowledge check is added after the first lesson
		List<Lesson> lessons = new ArrayList<>(next.lessons());
		lessons.set(0, lessons.get(0).withKnowledgeChecks(List.of(new Question(null, QuestionKind.TRUE_FALSE,
				"Numbers come first?", List.of("True", "False"), List.of(0), "They do."))));
		course = authoring.update(author, next.id(), next.revision(), next.content().with(lessons, next.quiz()));
	}

	@Test
	void theAuthorReadsEachPartsState() throws Exception {
		mvc.perform(get(path()).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.courseId").value(course.id().value()))
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.comparedWith").value(1))
			.andExpect(jsonPath("$.total").value(7))
			.andExpect(jsonPath("$.newOrChanged").value(1))
			.andExpect(jsonPath("$.parts", hasSize(7)))
			.andExpect(jsonPath("$.parts[2].kind").value("KNOWLEDGE_CHECK"))
			.andExpect(jsonPath("$.parts[2].state").value("NEW"))
			.andExpect(jsonPath("$.parts[2].diff[1].text").value("Question: Numbers come first?"))
			.andExpect(jsonPath("$.parts[2].diff[1].change").value("ADDED"))
			.andExpect(jsonPath("$.parts[3].state").value("UNCHANGED"))
			.andExpect(jsonPath("$.parts[3].source.mode").value("LINKED"))
			.andExpect(jsonPath("$.parts[3].diff").doesNotExist());
		// a reviewer may read it too, as the review diff
		PersonId reviewer = fixtures.person(fixtures.admin(), "Rita " + org.suffix(), "rita", org.suffix(), Set.of(), Set.of(),
				Role.REVIEWER);
		mvc.perform(get(path()).header("Authorization", bearer(reviewer))).andExpect(status().isOk());
	}

	@Test
	void nobodyElseFindsTheCourse() throws Exception {
		mvc.perform(get(path())).andExpect(status().isUnauthorized());
		mvc.perform(get(path()).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/courses/not-a-course/changes").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
	}

	@Test
	void theEndpointIsInTheOpenApiDocument() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("/api/v1/courses/{id}/changes", "CourseChangedPart");
	}

	private String path() {
		return "/api/v1/courses/" + course.id().value() + "/changes";
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
