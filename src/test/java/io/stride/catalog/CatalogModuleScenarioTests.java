package io.stride.catalog;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.delivery.Delivery;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.ModuleTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue as a module (with the modules it depends on, not the whole application): it keeps its own table of
 * live courses from authoring's {@code CoursePublished} and {@code CourseRetired} and delivery's
 * {@code LearnerStarted}, so what learners find follows those events. Each test searches for a word only its own
 * course holds, since the database is shared between tests.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "shared")
@Import(ModuleTestContext.class)
class CatalogModuleScenarioTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Delivery delivery;

	@Autowired
	Catalog catalog;

	Org org;

	Viewer author;

	Viewer learner;

	String word;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		author = fixtures.viewer(org.managerA());
		learner = fixtures.viewer(org.learnerB());
		word = "kw" + org.suffix().replace("-", "x");
	}

	@Test
	void aPublishedCourseIsFoundInTheCatalogueUntilItIsRetired(Scenario scenario) {
		Course draft = authoring.create(author, Fixtures.sampleCourse("Incident reports " + word));
		// a draft is not in the catalogue
		assertThat(search().total()).isZero();

		scenario.stimulate(() -> authoring.publish(author, draft.id(), draft.revision()))
			.andWaitForStateChange(this::search, page -> page.total() > 0)
			.andVerify(page -> assertThat(page.items()).singleElement().satisfies(entry -> {
				assertThat(entry.id()).isEqualTo(draft.id());
				assertThat(entry.title()).isEqualTo("Incident reports " + word);
				assertThat(entry.authorName()).isEqualTo("Manager A");
				assertThat(entry.lessons()).isEqualTo(2);
				assertThat(entry.learners()).isZero();
			}));

		scenario.stimulate(() -> authoring.retire(author, draft.id()))
			.andWaitForStateChange(this::search, page -> page.total() == 0)
			.andVerify(page -> assertThat(page.items()).isEmpty());
	}

	@Test
	void aLearnerStartingACourseIsCountedAmongItsLearners(Scenario scenario) {
		Course course = fixtures.publishedCourse(author, "Escalations " + word);
		assertThat(search().items()).singleElement().extracting(CatalogEntry::learners).isEqualTo(0);

		scenario.stimulate(() -> delivery.open(learner, course.id()))
			.andWaitForStateChange(() -> search().items().getFirst().learners(), learners -> learners > 0)
			.andVerify(learners -> assertThat(learners).isEqualTo(1));
	}

	private CatalogPage search() {
		return catalog.search(learner, new CatalogQuery(word, null, null, null, null, null, 1));
	}
}
