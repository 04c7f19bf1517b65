package io.stride.identity;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import io.stride.analytics.course.CourseAnalytics;
import io.stride.analytics.course.CourseAnalyticsFilter;
import io.stride.analytics.course.CourseAnalyticsReport;
import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.authoring.Course;
import io.stride.capability.AbsenceKind;
import io.stride.capability.Absences;
import io.stride.capability.CapabilityId;
import io.stride.capability.CapabilityProfiles;
import io.stride.cycles.Kudos;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.NewCycle;
import io.stride.delivery.Delivery;
import io.stride.scim.internal.ScimTokens;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An admin exports everything about a person and erases them: the export gathers every module's rows and nobody
 * else's; after the erasure no text column of any table holds their name or email, the course's figures are the
 * same, and the audit log names the pseudonym.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PersonalDataTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows capabilityRows;

	@Autowired
	Assessment assessment;

	@Autowired
	Delivery delivery;

	@Autowired
	Kudos kudos;

	@Autowired
	LearningCycles cycles;

	@Autowired
	CapabilityProfiles profiles;

	@Autowired
	Absences absences;

	@Autowired
	CourseAnalytics analytics;

	@Autowired
	PersonalDataRequests requests;

	@Autowired
	ScimTokens scimTokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	Org org;

	PersonId wren;

	String name;

	String email;

	Course course;

	@BeforeEach
	void wrenTakesACourseKeepsACycleAndIsThanked() {
		org = fixtures.organization();
		name = "Wren Okonkwo-Lindqvist " + org.suffix();
		email = "wren-okonkwo-" + org.suffix() + "@stride.test";
		wren = fixtures.person(fixtures.admin(), name, "wren-okonkwo", org.suffix(), Set.of(org.teamA()), Set.of());
		course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Incidents " + org.suffix());
		for (PersonId learner : List.of(wren, org.learnerB())) {
			Viewer viewer = fixtures.viewer(learner);
			delivery.open(viewer, course.id());
			course.lessons().forEach(lesson -> delivery.readLesson(viewer, course.id(), lesson.id()));
			assessment.submit(viewer, course.id(), List.of(new Answer(course.quiz().questions().get(0).id(), List.of(0), null),
					new Answer(course.quiz().questions().get(1).id(), List.of(0, 1), null)), "attempt-" + learner);
			cycles.start(viewer, NewCycle.blank("Getting better at incidents"));
		}
		kudos.give(fixtures.viewer(wren), org.learnerA(), "Thanks from " + name + ", write to " + email, course.id());
		kudos.give(fixtures.viewer(org.learnerA()), wren, "Thank you Wren", course.id());
		CapabilityId capability = capabilityRows.capability("Triage " + org.suffix(), "Operations", org.managerA());
		profiles.selfAssess(fixtures.viewer(wren), capability, 2, "I, " + name + ", triage well");
		absences.add(fixtures.admin(), wren, LocalDate.now().plusDays(10), LocalDate.now().plusDays(12),
				AbsenceKind.values()[0]);
		await().atMost(Duration.ofSeconds(20)).until(() -> count("notifications", "person_id", wren) > 0);
	}

	@Test
	void exportHoldsThePersonsDataFromEveryModuleAndNobodyElses() throws Exception {
		String json = mvc.perform(get("/api/v1/people/" + wren.value() + "/export?format=json").header("Authorization",
				admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.person.email").value(email))
			.andExpect(jsonPath("$.modules.delivery.progress[0].course_id").value(course.id().value()))
			.andExpect(jsonPath("$.modules.assessment.attempts[0].person_id").value(wren.value()))
			.andExpect(jsonPath("$.modules.activity.statements[0].actor_id").value(wren.value()))
			.andExpect(jsonPath("$.modules.cycles.learning_cycles[0].title").value("Getting better at incidents"))
			.andExpect(jsonPath("$.modules.cycles.kudos.length()").value(2))
			.andExpect(jsonPath("$.modules.capability.capability_self_assessments[0].note").value("I, " + name + ", triage well"))
			.andExpect(jsonPath("$.modules.capability.absences[0].person_id").value(wren.value()))
			.andExpect(jsonPath("$.modules.notification.notifications[0].person_id").value(wren.value()))
			.andExpect(jsonPath("$.modules.identity.team_members[0].team_id").value(org.teamA().value()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json).doesNotContain(org.learnerB().value(), org.email("learner-b"), "(withheld)x")
			.contains("\"password_hash\":\"(withheld)\"");

		byte[] zip = mvc.perform(get("/api/v1/people/" + wren.value() + "/export?format=csv").header("Authorization",
				admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<String> files = new ArrayList<>();
		String statements = null;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				files.add(entry.getName());
				String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
				assertThat(text).doesNotContain(org.learnerB().value());
				if (entry.getName().equals("activity/statements.csv")) {
					statements = text;
				}
			}
		}
		assertThat(files).contains("person.csv", "delivery/progress.csv", "assessment/attempts.csv",
				"cycles/learning_cycles.csv", "capability/absences.csv", "notification/notifications.csv");
		assertThat(statements).startsWith("\"id\",\"actor_id\",\"verb\"").contains(wren.value());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'PERSONAL_DATA_EXPORTED' AND subject_id = ?")
			.param(wren.value()).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void erasureLeavesNoNameOrEmailAnywhereKeepsTheFiguresAndAuditsThePseudonym() throws Exception {
		CourseAnalyticsReport before = analytics.report(fixtures.admin(), course.id(), CourseAnalyticsFilter.EVERYTHING);
		int attempts = count("attempts", "person_id", wren);
		int statements = count("statements", "actor_id", wren);
		int auditAboutWren = count("audit_events", "subject_id", wren);
		assertThat(textColumnsHolding(email)).isNotEmpty();

		String pseudonym = Erasure.Pseudonym.of(wren).name();
		mvc.perform(post("/api/v1/people/" + wren.value() + "/erasure").header("Authorization", admin())
				.contentType(MediaType.APPLICATION_JSON).content("{\"confirmation\":\"" + email.toUpperCase(Locale.ROOT) + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pseudonym").value(pseudonym));

		assertThat(textColumnsHolding(email)).isEmpty();
		assertThat(textColumnsHolding(name)).isEmpty();
		assertThat(analytics.report(fixtures.admin(), course.id(), CourseAnalyticsFilter.EVERYTHING)).isEqualTo(before);
		assertThat(count("attempts", "person_id", wren)).isEqualTo(attempts);
		assertThat(count("statements", "actor_id", wren)).isEqualTo(statements);
		assertThat(jdbc.sql("SELECT DISTINCT subject_name FROM audit_events WHERE subject_id = ?").param(wren.value())
			.query(String.class).list()).containsExactly(pseudonym);
		assertThat(count("audit_events", "subject_id", wren)).isEqualTo(auditAboutWren + 1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE subject_id = ? AND action = 'PERSON_ERASED'")
			.param(wren.value()).query(Integer.class).single()).isOne();

		mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"" + email + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}"))
			.andExpect(status().isUnauthorized());
		String scim = scimTokens.create(fixtures.admin(), "Okta " + org.suffix()).token();
		String again = mvc.perform(post("/scim/v2/Users").header("Authorization", "Bearer " + scim)
				.contentType("application/scim+json")
				.content("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + email
						+ "\",\"displayName\":\"" + name + "\",\"active\":true}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		assertThat(again).doesNotContain(wren.value());
		assertThat(fixtures.viewerPerson(wren).name()).isEqualTo(pseudonym);
		assertThat(fixtures.viewerPerson(wren).active()).isFalse();
	}

	@Test
	void onlyAdminsExportOrEraseAndNeverThemselvesOrAnUnknownPerson() throws Exception {
		String learner = "Bearer " + fixtures.token(org.learnerA());
		mvc.perform(get("/api/v1/people/" + wren.value() + "/export").header("Authorization", learner))
			.andExpect(status().isForbidden());
		mvc.perform(erasure(wren, email).header("Authorization", learner)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/people/nobody-at-all/export").header("Authorization", admin()))
			.andExpect(status().isNotFound());
		mvc.perform(erasure(new PersonId("nobody-at-all"), email).header("Authorization", admin()))
			.andExpect(status().isNotFound());
		mvc.perform(erasure(fixtures.admin().id(), Fixtures.ADMIN_EMAIL).header("Authorization", admin()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("You cannot erase yourself: another admin can."));
		mvc.perform(erasure(wren, "someone-else@stride.test").header("Authorization", admin()))
			.andExpect(status().isUnprocessableEntity());
		assertThat(fixtures.viewerPerson(wren).name()).isEqualTo(name);
	}

	@Test
	void adminDownloadsFromThePersonsPageAndErasesAfterTypingTheirEmail() throws Exception {
		var admin = SignedIn.as(fixtures.viewerPerson(fixtures.admin().id()));
		String page = mvc.perform(get("/admin/people/" + wren.value()).with(admin))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Download everything about " + name + " (JSON)",
				"/admin/people/" + wren.value() + "/export?format=csv", "/admin/people/" + wren.value() + "/erasure");
		mvc.perform(get("/admin/people/" + wren.value() + "/export?format=csv").with(admin))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/zip"));
		String confirm = mvc.perform(get("/admin/people/" + wren.value() + "/erasure").with(admin))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(confirm).contains("Erase " + name + "?", "Type <strong>" + email + "</strong> to confirm",
				"can no longer sign in", "stay under the pseudonym");
		mvc.perform(post("/admin/people/" + wren.value() + "/erasure").param("confirmation", "wrong@stride.test")
				.with(admin).with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("Type " + email + " to confirm.")));
		assertThat(fixtures.viewerPerson(wren).name()).isEqualTo(name);
		mvc.perform(post("/admin/people/" + wren.value() + "/erasure").param("confirmation", email)
				.with(admin).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", containsString(Erasure.Pseudonym.of(wren).name())));
		assertThat(fixtures.viewerPerson(wren).name()).isEqualTo(Erasure.Pseudonym.of(wren).name());
		mvc.perform(get("/admin/people/" + wren.value() + "/erasure").with(SignedIn.as(fixtures.viewerPerson(org.learnerA()))))
			.andExpect(status().isForbidden());
	}

	@Test
	void theOpenApiDocumentDescribesBothRequests() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/people/{id}/export'].get.summary")
				.value("Everything Stride holds about a person (admins)"))
			.andExpect(jsonPath("$.paths['/api/v1/people/{id}/erasure'].post.summary").value("Erase a person (admins)"));
	}

	@Test
	void theLastActiveAdminIsNeverErased() {
		Person last = new Person(new PersonId("last"), "Last Admin", "last@stride.test", true, EnumSet.of(Role.ADMIN),
				Set.of(), Set.of());
		Viewer other = fixtures.admin();
		assertThat(PersonalDataRequests.refusal(other, last, 1))
			.contains("The organization's last active admin cannot be erased.");
		assertThat(PersonalDataRequests.refusal(other, last, 2)).isEmpty();
	}

	@Test
	void everyTableWithAPersonColumnBelongsToAModulesPersonalData() throws Exception {
		Set<String> covered = new HashSet<>(requests.tablesCovered());
		Set<String> withPeople = new HashSet<>();
		try (Connection connection = dataSource.getConnection()) {
			try (ResultSet columns = connection.getMetaData().getColumns(null, null, "%", "%")) {
				while (columns.next()) {
					String column = columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
					if (publicSchema(columns) && Set.of("person_id", "actor_id", "author_id", "owner_id", "from_person",
							"to_person", "helper_id", "validator_id", "requester_id", "signed_by", "filed_by", "mentor_id")
						.contains(column)) {
						withPeople.add(columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		assertThat(covered).containsAll(withPeople);
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder erasure(PersonId person,
			String confirmation) {
		return post("/api/v1/people/" + person.value() + "/erasure").contentType(MediaType.APPLICATION_JSON)
			.content("{\"confirmation\":\"" + confirmation + "\"}");
	}

	private String admin() {
		return "Bearer " + fixtures.token(fixtures.admin().id());
	}

	private int count(String table, String column, PersonId person) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?").param(person.value())
			.query(Integer.class).single();
	}

	/** Every text column of every table that holds the text somewhere, as table.column. */
	private List<String> textColumnsHolding(String text) throws Exception {
		List<String> found = new ArrayList<>();
		List<String[]> textColumns = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			try (ResultSet columns = meta.getColumns(null, null, "%", "%")) {
				while (columns.next()) {
					int type = columns.getInt("DATA_TYPE");
					String typeName = columns.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
					boolean isText = type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR
							|| type == Types.CLOB || type == Types.NVARCHAR || type == Types.NCLOB
							|| typeName.equals("text") || typeName.startsWith("json");
					if (publicSchema(columns) && isText) {
						textColumns.add(new String[] { columns.getString("TABLE_NAME"), columns.getString("COLUMN_NAME") });
					}
				}
			}
		}
		assertThat(textColumns).hasSizeGreaterThan(300);
		for (String[] c : textColumns) {
			// quoted as the catalogue spells them: H2 keeps Flyway's own table in lower case, ours in upper case
			String table = "\"" + c[0] + "\"";
			String column = "\"" + c[1] + "\"";
			Integer hits = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE LOWER(CAST(" + column + " AS VARCHAR(1000000))) LIKE ?")
				.param("%" + text.toLowerCase(Locale.ROOT) + "%")
				.query(Integer.class)
				.single();
			if (hits > 0) {
				found.add(c[0] + "." + c[1]);
			}
		}
		return found;
	}

	private static boolean publicSchema(ResultSet columns) throws java.sql.SQLException {
		String schema = columns.getString("TABLE_SCHEM");
		return schema != null && schema.equalsIgnoreCase("public");
	}
}
