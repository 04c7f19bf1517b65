package io.stride.rhythm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.jayway.jsonpath.JsonPath;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.Ids;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Commissions through the API: making one, who sees it, drafting from it, its closing by publication, refusals. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class CommissionsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	Authoring authoring;

	@Autowired
	JdbcClient jdbc;

	Org org;

	String due;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		due = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(30).toString();
	}

	@Autowired
	Budgets budgets;

	@Test
	void managerCommissionsAModuleAndTheAuthorGetsItAsATask() throws Exception {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		budgets.give(fixtures.admin(), org.teamA(), today, today.plusDays(30), new java.math.BigDecimal("2000"), "EUR");
		String id = create(org.managerA(), "{\"teamId\":\"" + org.teamA().value() + "\",\"authorId\":\""
				+ org.learnerA().value() + "\",\"problem\":\"A new competitor threat in the pipeline\","
				+ "\"audience\":\"Account executives\",\"dueOn\":\"" + due + "\",\"internalHours\":12}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.authorName").value("Learner A"))
			.andExpect(jsonPath("$.commissionedByName").value("Manager A"))
			.andExpect(jsonPath("$.costKind").value("INTERNAL"))
			.andExpect(jsonPath("$.cost").value(900.0))
			.andExpect(jsonPath("$.timeToPublication").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.transform(json -> JsonPath.read(json, "$.id"));

		mvc.perform(get("/api/v1/commissions?tab=author").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem(id)));
		mvc.perform(get("/api/v1/commissions?tab=commissioned").header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$[*].id", hasItem(id)));
		mvc.perform(get("/api/v1/commissions?tab=all").header("Authorization", bearer(org.managerB())))
			.andExpect(jsonPath("$[*].id", not(hasItem(id))));
		mvc.perform(get("/api/v1/commissions/" + id).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.problem").value("A new competitor threat in the pipeline"));
		for (PersonId outsider : new PersonId[] { org.learnerB(), org.managerB(), org.learnerSubA() }) {
			mvc.perform(get("/api/v1/commissions/" + id).header("Authorization", bearer(outsider)))
				.andExpect(status().isNotFound());
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> notifications(org.learnerA(), "/commissions/" + id) == 1);
	}

	@Test
	void aCommissionWithoutAuthorOrProblemIsRefusedAtTheField() throws Exception {
		create(org.managerA(), "{\"teamId\":\"" + org.teamA().value() + "\",\"problem\":\" \",\"dueOn\":\"" + due + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors.authorId").value(containsString("Choose who writes the module")))
			.andExpect(jsonPath("$.errors.problem").value("Say what problem the module solves."));
		create(org.managerA(), "{\"teamId\":\"" + org.teamA().value() + "\",\"authorId\":\"" + org.learnerA().value()
				+ "\",\"problem\":\"Objections\",\"dueOn\":\"2000-01-01\",\"internalHours\":-1}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.dueOn").value("Give a due date from today on."))
			.andExpect(jsonPath("$.errors.internalHours").value(containsString("cannot be negative")));
		create(org.managerA(), "{\"teamId\":\"" + org.teamA().value() + "\",\"authorId\":\"" + org.learnerA().value()
				+ "\",\"problem\":\"Objections\",\"dueOn\":\"" + due + "\",\"externalPrice\":-5}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.externalPrice").value(containsString("cannot be negative")));
		create(org.managerA(), "{\"teamId\":\"" + org.teamA().value() + "\",\"authorId\":\"nobody\","
				+ "\"problem\":\"Objections\",\"dueOn\":\"next week\",\"extendsCourseId\":\"" + Ids.newId() + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.dueOn").exists());
		create(org.managerA(), "{\"teamId\":\"" + org.teamA().value() + "\",\"authorId\":\"nobody\","
				+ "\"problem\":\"Objections\",\"dueOn\":\"" + due + "\",\"extendsCourseId\":\"" + Ids.newId() + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.authorId").value("Choose an active person of the organization as the author."))
			.andExpect(jsonPath("$.errors.extendsCourseId").exists());
		// numbers whose rounding would take hours (10^700000000) are refused at once
		create(org.managerA(), "{\"teamId\":\"" + org.teamA().value() + "\",\"authorId\":\"" + org.learnerA().value()
				+ "\",\"problem\":\"Objections\",\"dueOn\":\"" + due + "\",\"externalPrice\":1e-700000000}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.externalPrice").value(containsString("two decimals")));
		create(org.managerA(), "{\"teamId\":\"" + org.teamA().value() + "\",\"authorId\":\"" + org.learnerA().value()
				+ "\",\"problem\":\"Objections\",\"dueOn\":\"" + due + "\",\"internalHours\":1e-700000000}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.internalHours").value(containsString("one decimal")));
		// a team outside the manager's tree, and a learner: not found
		create(org.managerA(), body(org.teamB().value(), org.learnerB())).andExpect(status().isNotFound());
		create(org.learnerA(), body(org.teamA().value(), org.learnerA())).andExpect(status().isNotFound());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM commissions WHERE commissioned_by = ?")
			.param(org.managerA().value())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void onlyTheCourseMadeFromTheDraftStartedFromTheCommissionClosesItAndTheManagerHearsHowLongItTook() throws Exception {
		String id = idOf(create(org.managerA(), body(org.teamA().value(), org.learnerA())));
		mvc.perform(post("/api/v1/commissions/" + id + "/draft").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.brief").value(containsString("Problem it solves: Objection handling misses the new competitor")))
			.andExpect(jsonPath("$.draftUrl").value("/drafts/new?commission=" + id));
		mvc.perform(post("/api/v1/commissions/" + id + "/draft").header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isNotFound());

		// the author happens to write another course meanwhile: it does not answer the commission
		Viewer author = fixtures.viewer(org.learnerA());
		Course unrelated = authoring.create(author, Fixtures.sampleCourse("Unrelated " + org.suffix()));
		clock.advance(Duration.ofDays(3));
		String draft = JsonPath.read(mvc.perform(multipart("/api/v1/drafts")
			.file(new MockMultipartFile("files", "expense-policy.md", "text/markdown",
					Files.readAllBytes(Path.of("src/test/resources/corpus/expense-policy.md"))))
			.file(new MockMultipartFile("commission", "", "text/plain", id.getBytes(StandardCharsets.UTF_8)))
			.header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		authoring.publish(author, unrelated.id(), unrelated.revision());
		String course = JsonPath.read(mvc.perform(post("/api/v1/drafts/" + draft + "/courses")
			.header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.courses[0].id");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> course.equals(jdbc.sql("SELECT course_id FROM commissions WHERE id = ?")
				.param(id)
				.query(String.class)
				.optional()
				.orElse(null)));
		mvc.perform(get("/api/v1/commissions/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.status").value("OPEN"));

		clock.advance(Duration.ofDays(2));
		Course drafted = authoring.course(author, new io.stride.authoring.CourseId(course));
		authoring.publish(author, drafted.id(), drafted.revision());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> mvc.perform(get("/api/v1/commissions/" + id).header("Authorization", bearer(org.managerA())))
				.andExpect(jsonPath("$.status").value("PUBLISHED"))
				.andExpect(jsonPath("$.courseId").value(course))
				.andExpect(jsonPath("$.courseTitle").value(drafted.title()))
				.andExpect(jsonPath("$.timeToPublication").value("PT120H"))
				.andExpect(jsonPath("$.daysToPublication").value(5)));
		await().atMost(Duration.ofSeconds(10)).until(() -> notifications(org.managerA(), "/commissions/" + id) == 1);
		mvc.perform(post("/api/v1/commissions/" + id + "/cancel").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isConflict());
	}

	@Test
	void aDraftSomeoneElseStartsFromTheCommissionDoesNotAnswerIt() throws Exception {
		String id = idOf(create(org.managerA(), body(org.teamA().value(), org.learnerA())));
		// the manager may read the brief, but a course they make from it is not the author's answer
		String draft = JsonPath.read(mvc.perform(multipart("/api/v1/drafts")
			.file(new MockMultipartFile("text", "", "text/plain", ("Objections from the new competitor.\n\n"
					+ "Ask what the customer compares. Name the cost of switching. Offer the pilot.").getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("commission", "", "text/plain", id.getBytes(StandardCharsets.UTF_8)))
			.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM commission_drafts WHERE draft_id = ?").param(draft)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void aNewVersionOfTheExtendedCourseClosesTheCommissionAndALinkedPublishedCourseClosesItAtOnce() throws Exception {
		Viewer author = fixtures.viewer(org.learnerA());
		Course extended = fixtures.publishedCourse(author, "Objection handling " + org.suffix());
		String extending = idOf(create(org.managerA(), "{\"teamId\":\"" + org.teamA().value() + "\",\"authorId\":\""
				+ org.learnerA().value() + "\",\"problem\":\"Cover the new competitor\",\"dueOn\":\"" + due
				+ "\",\"extendsCourseId\":\"" + extended.id().value() + "\"}"));
		clock.advance(Duration.ofHours(1));
		Course next = authoring.startVersion(author, extended.id(), extended.revision());
		authoring.publish(author, next.id(), next.revision());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> mvc
			.perform(get("/api/v1/commissions/" + extending).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.courseId").value(extended.id().value())));

		String linked = idOf(create(org.managerA(), body(org.teamA().value(), org.learnerA())));
		Course own = fixtures.publishedCourse(author, "Pricing pushback " + org.suffix());
		Course someoneElses = fixtures.publishedCourse(fixtures.viewer(org.learnerB()), "Other " + org.suffix());
		link(org.managerA(), linked, own.id().value()).andExpect(status().isForbidden());
		link(org.learnerA(), linked, someoneElses.id().value())
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.courseId").value("Choose one of the author's courses."));
		link(org.learnerA(), linked, own.id().value())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.courseTitle").value(own.title()));
	}

	@Test
	void aCommissionCarriesOutTheSessionsInterventionOnce() throws Exception {
		String intervention = intervention(org.teamA().value(), "COMMISSION_MODULE");
		mvc.perform(get("/api/v1/commissions/" + Ids.newId()).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
		String id = idOf(create(org.managerA(), "{\"interventionId\":\"" + intervention + "\",\"authorId\":\""
				+ org.learnerA().value() + "\",\"problem\":\"Objections\"}")
			.andExpect(jsonPath("$.teamId").value(org.teamA().value()))
			.andExpect(jsonPath("$.dueOn").value(due))
			.andExpect(jsonPath("$.interventionId").value(intervention)));
		assertThat(jdbc.sql("SELECT commission_id FROM interventions WHERE id = ?").param(intervention)
			.query(String.class).single()).isEqualTo(id);
		create(org.managerA(), "{\"interventionId\":\"" + intervention + "\",\"authorId\":\"" + org.learnerA().value()
				+ "\",\"problem\":\"Again\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.interventionId").value("Another commission carries out this intervention already."));
		// cancelled, it no longer carries it out: the intervention may be commissioned again
		mvc.perform(post("/api/v1/commissions/" + id + "/cancel").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk());
		String again = idOf(create(org.managerA(), "{\"interventionId\":\"" + intervention + "\",\"authorId\":\""
				+ org.learnerA().value() + "\",\"problem\":\"Objections, second try\"}"));
		assertThat(jdbc.sql("SELECT commission_id FROM interventions WHERE id = ?").param(intervention)
			.query(String.class).single()).isEqualTo(again);
		create(org.managerB(), "{\"interventionId\":\"" + intervention(org.teamA().value(), "COMMISSION_MODULE")
				+ "\",\"authorId\":\"" + org.learnerB().value() + "\",\"problem\":\"Not mine\"}")
			.andExpect(status().isNotFound());
		create(org.managerA(), "{\"interventionId\":\"" + intervention(org.teamA().value(), "ASSIGN_COURSE")
				+ "\",\"authorId\":\"" + org.learnerA().value() + "\",\"problem\":\"Wrong kind\"}")
			.andExpect(status().isNotFound());
	}

	@Test
	void whoCommissionedItCancelsItButTheAuthorCannot() throws Exception {
		String id = idOf(create(org.managerA(), body(org.subTeamA().value(), org.learnerB())));
		mvc.perform(post("/api/v1/commissions/" + id + "/cancel").header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/commissions/" + id + "/cancel").header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/commissions/" + id + "/cancel").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"));
		mvc.perform(post("/api/v1/commissions/" + id + "/cancel").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isConflict());
		await().atMost(Duration.ofSeconds(10)).until(() -> notifications(org.learnerB(), "/commissions/" + id) == 2);
	}

	@Test
	void everyEndpointIsDocumentedInOpenApi() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("\"Commissions\"", "/api/v1/commissions", "/api/v1/commissions/{id}",
				"/api/v1/commissions/{id}/draft", "/api/v1/commissions/{id}/course", "/api/v1/commissions/{id}/cancel",
				"CommissionBody", "CommissionView");
	}

	private String intervention(String team, String kind) {
		String id = Ids.newId();
		LocalDate dueOn = LocalDate.parse(due);
		jdbc.sql("INSERT INTO interventions (id, session_id, team_id, position, kind, capability_id, owner_id, due_on, "
				+ "description, status, revision, created_by, created_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, 'OPEN', 1, ?, ?)")
			.params(id, Ids.newId(), team, kind, Ids.newId(), org.managerA().value(), Date.valueOf(dueOn),
					"A module on the new competitor", org.managerA().value(), Timestamp.from(clock.instant()))
			.update();
		return id;
	}

	private String body(String team, PersonId author) {
		return "{\"teamId\":\"" + team + "\",\"authorId\":\"" + author.value()
				+ "\",\"problem\":\"Objection handling misses the new competitor\",\"dueOn\":\"" + due + "\"}";
	}

	private ResultActions create(PersonId who, String body) throws Exception {
		return mvc.perform(post("/api/v1/commissions").header("Authorization", bearer(who))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private ResultActions link(PersonId who, String id, String course) throws Exception {
		return mvc.perform(post("/api/v1/commissions/" + id + "/course").header("Authorization", bearer(who))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"courseId\":\"" + course + "\"}"));
	}

	private String idOf(ResultActions result) throws Exception {
		return JsonPath.read(result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
	}

	private int notifications(PersonId person, String link) {
		return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE person_id = ? AND link = ?")
			.params(person.value(), link)
			.query(Integer.class)
			.single();
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}

}
