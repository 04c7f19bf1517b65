package io.stride.catalog;

import io.stride.authoring.Course;
import io.stride.identity.Person;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalogue page as a signed-in browser gets it: a labelled search form, the results with "Start", and a course
 * nobody assigned that, once started, is in My learning as chosen by the learner.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	Org org;

	Person learner;

	String word;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		learner = fixtures.viewerPerson(org.learnerB());
		word = "kw" + org.suffix().replace("-", "x");
	}

	@Test
	void everyFieldOfTheSearchFormHasALabel() throws Exception {
		Document page = page("/catalogue");
		assertThat(page.select("h1").text()).isEqualTo("Catalogue");
		assertThat(page.select("form#catalogue-search").attr("method")).isEqualTo("get");
		for (Element field : page.select("form#catalogue-search input, form#catalogue-search select")) {
			assertThat(page.select("label[for=" + field.id() + "]")).as(field.id()).hasSize(1);
		}
		assertThat(page.select("#q, #capability, #team, #length, #minScore, #sort")).hasSize(6);
	}

	@Test
	void anUnassignedCourseIsStartedFromTheCatalogueAndIsThenInMyLearningAsChosen() throws Exception {
		Course course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Safety walk " + word);

		Document results = page("/catalogue?q=" + word);
		assertThat(results.select("#results-heading").text()).isEqualTo("1 course");
		Element start = results.selectFirst(".catalogue-item a.start");
		assertThat(start.attr("href")).isEqualTo("/learning/courses/" + course.id().value());
		assertThat(page("/learning").select("#catalogue-link a").attr("href")).isEqualTo("/catalogue");

		mvc.perform(get(start.attr("href")).with(SignedIn.as(learner))).andExpect(status().isOk());

		Document myLearning = page("/learning");
		assertThat(myLearning.select("#assigned h3").text()).doesNotContain("Safety walk " + word);
		Element item = myLearning.select("#in-progress .learning-item").stream()
			.filter(li -> li.select("h3").text().equals("Safety walk " + word))
			.findFirst()
			.orElseThrow();
		assertThat(item.select(".self-chosen").text()).isEqualTo("Chosen by you (not assigned)");
	}

	@Test
	void nothingFoundSaysSoAndABadScoreIsShownNextToItsField() throws Exception {
		assertThat(page("/catalogue?q=" + word).select("#no-courses").text()).startsWith("No published course matches.");

		var response = mvc.perform(get("/catalogue?minScore=500").with(SignedIn.as(learner)))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse();
		Document page = Jsoup.parse(response.getContentAsString());
		assertThat(page.select("#minScore-error").text()).isEqualTo("The minimum reaction score is from −100 to 100.");
		assertThat(page.select("#minScore").attr("aria-invalid")).isEqualTo("true");
	}

	@Test
	void resultsPageWithLinksThatKeepTheSearch() throws Exception {
		var author = fixtures.viewer(org.managerA());
		for (int i = 0; i < 21; i++) {
			fixtures.publishedCourse(author, "Walk " + (char) ('a' + i) + " " + word);
		}
		Document first = page("/catalogue?q=" + word + "&sort=most-used");
		assertThat(first.select(".catalogue-item")).hasSize(20);
		assertThat(first.select("#pages a[rel=next]").attr("href")).isEqualTo("/catalogue?q=" + word + "&sort=most-used&page=2");
		Document second = page(first.select("#pages a[rel=next]").attr("href"));
		assertThat(second.select(".catalogue-item h3").text()).isEqualTo("Walk u " + word);
		assertThat(second.select("#sort option[selected]").attr("value")).isEqualTo("most-used");
	}

	private Document page(String url) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(SignedIn.as(learner)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}
}
