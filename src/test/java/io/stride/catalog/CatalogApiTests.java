package io.stride.catalog;

import io.stride.authoring.Course;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/v1/catalogue}: the page of courses, paging, refusals at the field and its OpenAPI description. */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	Org org;

	String word;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		word = "kw" + org.suffix().replace("-", "x");
	}

	@Test
	void aLearnerGetsThePublishedCoursesWithWhatTheCatalogueShows() throws Exception {
		Course course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Incidents " + word);

		mvc.perform(as(org.learnerB(), get("/api/v1/catalogue").param("q", word)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.pages").value(1))
			.andExpect(jsonPath("$.items[0].id").value(course.id().value()))
			.andExpect(jsonPath("$.items[0].title").value("Incidents " + word))
			.andExpect(jsonPath("$.items[0].authorName").value("Manager A"))
			.andExpect(jsonPath("$.items[0].authorTeams[0]").value("Team A " + org.suffix()))
			.andExpect(jsonPath("$.items[0].lessons").value(2))
			.andExpect(jsonPath("$.items[0].learners").value(0))
			.andExpect(jsonPath("$.items[0].startUrl").value("/learning/courses/" + course.id().value()));
	}

	@Test
	void twentyOneCoursesMakeTwoPagesAndAPagePastTheLastGivesTheLast() throws Exception {
		Viewer author = fixtures.viewer(org.managerA());
		for (int i = 0; i < 21; i++) {
			fixtures.publishedCourse(author, "Course " + (char) ('a' + i) + " " + word);
		}

		mvc.perform(as(org.learnerB(), get("/api/v1/catalogue").param("q", word)))
			.andExpect(jsonPath("$.items", hasSize(20)))
			.andExpect(jsonPath("$.items[0].title").value("Course a " + word))
			.andExpect(jsonPath("$.pages").value(2))
			.andExpect(jsonPath("$.total").value(21));
		mvc.perform(as(org.learnerB(), get("/api/v1/catalogue").param("q", word).param("page", "2")))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].title").value("Course u " + word))
			.andExpect(jsonPath("$.page").value(2));
		mvc.perform(as(org.learnerB(), get("/api/v1/catalogue").param("q", word).param("page", "9")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(2));
	}

	@Test
	void aBadPageLengthOrScoreIsRefusedWithTheField() throws Exception {
		mvc.perform(as(org.learnerB(), get("/api/v1/catalogue").param("page", "0")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors.page").exists());
		mvc.perform(as(org.learnerB(), get("/api/v1/catalogue").param("page", "two")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.page").exists());
		mvc.perform(as(org.learnerB(), get("/api/v1/catalogue").param("length", "forever")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length").value("Choose one of: short, medium, long."));
		mvc.perform(as(org.learnerB(), get("/api/v1/catalogue").param("minScore", "-101")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.minScore").exists());
	}

	@Test
	void withoutSigningInTheCatalogueIsRefused() throws Exception {
		int status = mvc.perform(get("/api/v1/catalogue")).andReturn().getResponse().getStatus();
		assertThat(status).isEqualTo(401);
	}

	@Test
	void theCatalogueIsDocumentedInOpenApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"/api/v1/catalogue\"")))
			.andExpect(content().string(containsString("\"name\":\"Catalogue\"")));
	}

	private MockHttpServletRequestBuilder as(PersonId who, MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + fixtures.token(who));
	}
}
