package io.stride.xapi;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.stride.StrideApplication;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Quiz;
import io.stride.capability.CapabilityId;
import io.stride.catalog.Catalog;
import io.stride.catalog.CatalogChoice;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Stride nodes on one database (the test's application is node A, a second application is node B): what one node
 * keeps in memory is never stale after a change made on the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CachesAcrossNodesTests {

	private static ConfigurableApplicationContext nodeB;

	@LocalServerPort
	int nodeA;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	CapabilityRows rows;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startNodeB() {
		// node B keeps the catalogue's filter choices for a minute, as in production (the tests' own node keeps none)
		nodeB = new SpringApplicationBuilder(StrideApplication.class).run("--server.port=0", "--stride.catalog.choices-cache=60s");
	}

	@AfterAll
	static void stopNodeB() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@Test
	void aCoursePublishedOnOneNodeIsAChoiceOfTheCatalogueOnTheOtherAtOnce() {
		var org = fixtures.organization();
		Viewer author = fixtures.viewer(org.managerA());
		Catalog onB = nodeB.getBean(Catalog.class);
		// node B has read and kept the filter's choices (for a minute by default)
		List<CatalogChoice> before = onB.capabilities();
		CapabilityId capability = rows.capability("Calms callers " + org.suffix(), "Support " + org.suffix(),
				org.managerA());
		Course draft = authoring.create(author, new CourseContent("Calm callers " + org.suffix(), "About calm.",
				List.of(new Lesson(null, "The lesson", "Listen first.")), new Quiz(80, List.of())));
		rows.courseRule(capability, 1, draft.id().value());
		assertThat(onB.capabilities()).isEqualTo(before);

		authoring.publish(author, draft.id(), draft.revision());

		assertThat(onB.capabilities()).extracting(CatalogChoice::id).contains(capability.value());
	}

	@Test
	void aPersonCreatedOnOneNodeIsLinkedToTheirStatementsOnTheOtherAtOnce() throws Exception {
		var org = fixtures.organization();
		String email = "new-hire-" + org.suffix() + "@stride.test";
		Lrs onB = Lrs.client(port(nodeB), fixtures.token(fixtures.admin().id()), "Simulator", "statements/write");
		String first = UUID.randomUUID().toString();
		assertThat(onB.post("/xapi/statements", StatementsTests.statement(first, email,
				"http://adlnet.gov/expapi/verbs/experienced", "http://sim.example/" + org.suffix())).statusCode())
			.isEqualTo(200);
		assertThat(personOf(first)).isEqualTo("nobody");

		PersonId hired = fixtures.person(fixtures.admin(), "New Hire", "new-hire", org.suffix(), Set.of(org.teamA()),
				Set.of());
		String second = UUID.randomUUID().toString();
		assertThat(onB.post("/xapi/statements", StatementsTests.statement(second, email,
				"http://adlnet.gov/expapi/verbs/experienced", "http://sim.example/" + org.suffix())).statusCode())
			.isEqualTo(200);
		assertThat(personOf(second)).isEqualTo(hired.value());

		// deactivated (as SCIM or an admin on node A would)
		jdbc.sql("UPDATE people SET active = FALSE WHERE id = ?").param(hired.value()).update();
		String third = UUID.randomUUID().toString();
		assertThat(onB.post("/xapi/statements", StatementsTests.statement(third, email,
				"http://adlnet.gov/expapi/verbs/experienced", "http://sim.example/" + org.suffix())).statusCode())
			.isEqualTo(200);
		assertThat(personOf(third)).isEqualTo("nobody");
	}

	private String personOf(String statementId) {
		return jdbc.sql("SELECT COALESCE(actor_id, 'nobody') FROM statements WHERE id = ?").param(statementId)
			.query(String.class)
			.single();
	}

	private static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}
}
