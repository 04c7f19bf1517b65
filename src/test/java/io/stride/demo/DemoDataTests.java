package io.stride.demo;

import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.delivery.Delivery;
import io.stride.delivery.ProgressStatus;
import io.stride.delivery.TeamProgressRow;
import io.stride.drafting.Drafting;
import io.stride.identity.Organization;
import io.stride.identity.OrganizationAdministration;
import io.stride.identity.Team;
import io.stride.identity.Viewer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs on a database of its own, because seeding only happens into an empty one.
 */
@SpringBootTest(properties = { "stride.demo-data=true", "stride.admin.email=first-admin@acme.example",
		"stride.admin.password=first-admin-password" })
class DemoDataTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		String shared = System.getenv("STRIDE_TEST_DB_URL");
		registry.add("spring.datasource.url", () -> shared == null || shared.isBlank()
				? "jdbc:h2:mem:stride-demo-test;DB_CLOSE_DELAY=-1"
				: shared.replaceFirst("/[^/?]+(\\?.*)?$", "/stride_demo_test$1"));
	}

	@Autowired
	DemoData demoData;

	@Autowired
	OrganizationAdministration administration;

	@Autowired
	Organization organization;

	@Autowired
	Authoring authoring;

	@Autowired
	Delivery delivery;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Drafting drafting;

	@Test
	void firstStartSeedsAcmeWithTeamsPeopleCoursesAndProgress() {
		Viewer admin = administration.adminViewer("admin@acme.example");
		List<Team> teams = organization.allTeams();
		assertThat(teams).hasSizeGreaterThanOrEqualTo(3);
		assertThat(teams).anyMatch(team -> team.parentId() != null);
		// the 13 demo people and the installation's own first admin, created before the demo data
		assertThat(administration.people(admin, "", 1, 100).total()).isEqualTo(14);
		assertThat(administration.adminViewer("first-admin@acme.example").isAdmin()).isTrue();

		List<Course> published = authoring.publishedCourses();
		assertThat(published).hasSize(3);
		assertThat(published).allSatisfy(c -> assertThat(authoring.published(c.id()).quiz().questions()).isNotEmpty());

		Team customerSuccess = teams.stream().filter(t -> t.name().equals("Customer Success")).findFirst().orElseThrow();
		List<TeamProgressRow> progress = delivery.teamProgress(admin, customerSuccess.id());
		assertThat(progress).anyMatch(row -> row.name().equals("Leo Learner") && row.status() == ProgressStatus.PASSED);
		assertThat(progress).anyMatch(row -> row.status() == ProgressStatus.IN_PROGRESS);
		assertThat(progress).anyMatch(row -> row.status() == ProgressStatus.NOT_STARTED);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM statements").query(Long.class).single()).isGreaterThan(5);

		// Maya's drafts from a PDF and a slide deck wait on her drafting page, with questions to judge
		Viewer maya = organization.viewerOf(administration.people(admin, "maya@", 1, 10).people().get(0).id());
		List<Drafting.SavedDraft> drafts = drafting.keptBy(maya).stream().map(d -> drafting.kept(maya, d.id())).toList();
		assertThat(drafts).extracting(d -> d.draft().title())
			.containsExactlyInAnyOrder("Customer Refund Policy", "Welcome to the Eastfield Warehouse");
		assertThat(drafts).allSatisfy(d -> assertThat(d.draft().allQuestions()).hasSizeGreaterThanOrEqualTo(5));
	}

	@Test
	void aDatabaseWithDataIsNeverSeededAgain() throws Exception {
		demoData.run(null);
		assertThat(administration.people(administration.adminViewer("admin@acme.example"), "", 1, 100).total()).isEqualTo(14);
		assertThat(demoData.shouldSeed()).isFalse();
	}
}
