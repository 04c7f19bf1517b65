package io.stride.capability;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

import io.stride.identity.PersonId;
import io.stride.identity.Role;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Certificates, validations and self-assessments through the API: what is accepted, who decides, who downloads,
 * and every refusal.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class PersonEvidenceApiTests {

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PersonEvidenceFixtures rows;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	Org org;

	CapabilityId capability;

	LocalDate today;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		capability = rows.capability("Handle a complex escalation " + org.suffix());
		today = LocalDate.now(clock);
	}

	@Test
	void aManagerConfirmsAnUploadedCertificateAndItsFileDownloadsAsAnAttachment() throws Exception {
		String id = id(upload(org.learnerA(), "../../etc/Escalation\u0007 cert.pdf", PDF, today.minusDays(30), today.plusYears(2))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.fileName").value("Escalation cert.pdf")));

		mvc.perform(get("/api/v1/certificates/pending").header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$[?(@.certificate.id == '" + id + "')].personName").value("Learner A"));
		mvc.perform(get("/api/v1/certificates/pending").header("Authorization", bearer(org.managerB())))
			.andExpect(jsonPath("$", hasSize(0)));

		// the person cannot decide their own; a manager of another team does not see it
		decide(id, org.learnerA(), true).andExpect(status().isNotFound());
		decide(id, org.managerB(), true).andExpect(status().isNotFound());
		decide(id, org.managerA(), true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONFIRMED"))
			.andExpect(jsonPath("$.decisionNote").value("Seen the original."));
		decide(id, org.managerA(), false).andExpect(status().isConflict());

		mvc.perform(get("/api/v1/certificates/" + id + "/file").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().bytes(PDF));
		PersonId reviewer = fixtures.person(fixtures.admin(), "L&D", "ld", org.suffix(), Set.of(org.teamB()), Set.of(), Role.REVIEWER);
		mvc.perform(get("/api/v1/certificates/" + id + "/file").header("Authorization", bearer(reviewer)))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/certificates/" + id + "/file").header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isNotFound());
	}

	@Test
	void aManagerWhoUploadsTheirOwnCannotConfirmIt() throws Exception {
		String id = id(upload(org.managerA(), "mine.png", PNG, today, null).andExpect(status().isCreated()));
		decide(id, org.managerA(), true)
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("your own certificate")));
		decide(id, fixtures.admin().id(), false).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));
	}

	@Test
	void onlyPdfPngOrJpegUpToFiveMegabytesIsTaken() throws Exception {
		upload(org.learnerA(), "cert.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), today, null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.file").value("Upload a PDF, PNG or JPEG."));
		byte[] big = new byte[CapabilityProfiles.MAX_CERTIFICATE_BYTES + 1];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		upload(org.learnerA(), "big.pdf", big, today, null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.file").value(containsString("larger than 5 MB")));
		upload(org.learnerA(), "future.pdf", PDF, today.plusDays(1), null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.issuedOn").value("The issue date cannot be in the future."));
		upload(org.learnerA(), "expired.pdf", PDF, today, today)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.expiresOn").exists());
		mvc.perform(multipart("/api/v1/people/" + org.learnerA().value() + "/capabilities/" + capability + "/certificates")
				.file(new MockMultipartFile("file", "c.pdf", "application/pdf", PDF))
				.header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.name").exists())
			.andExpect(jsonPath("$.errors.issuer").exists())
			.andExpect(jsonPath("$.errors.issuedOn").exists());
		// for someone else
		mvc.perform(multipart("/api/v1/people/" + org.learnerA().value() + "/capabilities/" + capability + "/certificates")
				.file(new MockMultipartFile("file", "c.pdf", "application/pdf", PDF))
				.param("name", "X").param("issuer", "Y").param("issuedOn", today.toString())
				.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM capability_certificates WHERE capability_id = ?").param(capability.value())
			.query(Long.class).single()).isZero();
	}

	@Test
	void aColleagueWhoHoldsTheLevelValidatesOnceAndNeverThemselves() throws Exception {
		validate(org.learnerA(), org.learnerA(), 2, "I did it.").andExpect(status().isForbidden());
		validate(org.learnerB(), org.learnerA(), 2, "Ran the escalation with the CFO.")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("Only someone who holds Can do it alone")));

		// a colleague from another team who holds a higher level
		rows.holds(org.learnerB(), capability, 3, null);
		validate(org.learnerB(), org.learnerA(), 4, "x").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.level").exists());
		validate(org.learnerB(), org.learnerA(), 2, "  ").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.note").exists());
		validate(org.learnerB(), org.learnerA(), 2, "Ran the escalation with the CFO.")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.validatorName").value("Learner B"))
			.andExpect(jsonPath("$.level").value(2))
			.andExpect(jsonPath("$.validatedOn").value(today.toString()));
		validate(org.learnerB(), org.learnerA(), 2, "Again.").andExpect(status().isConflict());

		// a level that expired yesterday is not held
		rows.holds(org.managerB(), capability, 3, today);
		validate(org.managerB(), org.learnerA(), 2, "Saw it.").andExpect(status().isForbidden());
	}

	@Test
	void aPersonSetsAndClearsTheirOwnSelfAssessmentOnly() throws Exception {
		selfAssess(org.learnerA(), org.learnerA(), "{\"level\":2,\"note\":\"I run these monthly.\"}").andExpect(status().isNoContent());
		selfAssess(org.learnerA(), org.learnerA(), "{\"level\":3,\"note\":\"Now I teach it.\"}").andExpect(status().isNoContent());
		assertThat(jdbc.sql("SELECT level_rank FROM capability_self_assessments WHERE person_id = ? AND capability_id = ?")
			.params(org.learnerA().value(), capability.value()).query(Integer.class).list()).containsExactly(3);

		selfAssess(org.learnerA(), org.learnerA(), "{\"level\":9}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.level").exists());
		selfAssess(org.learnerA(), org.learnerA(), "{\"level\":1,\"note\":\"" + "x".repeat(1001) + "\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.note").exists());
		selfAssess(org.managerA(), org.learnerA(), "{\"level\":1}").andExpect(status().isNotFound());

		selfAssess(org.learnerA(), org.learnerA(), "{\"level\":null}").andExpect(status().isNoContent());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM capability_self_assessments WHERE person_id = ?")
			.param(org.learnerA().value()).query(Long.class).single()).isZero();
	}

	@Test
	void theEndpointsAreDocumented() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("/api/v1/people/{id}/absences", "/api/v1/people/{id}/absences/{absenceId}",
				"/api/v1/absences/import", "/api/v1/people/{id}/capabilities/{capabilityId}/self-assessment",
				"/api/v1/people/{id}/capabilities/{capabilityId}/validations",
				"/api/v1/people/{id}/capabilities/{capabilityId}/certificates", "/api/v1/certificates/{id}/decision",
				"/api/v1/certificates/{id}/file", "\"Absences\"", "\"Capability evidence\"");
	}

	private ResultActions upload(PersonId who, String fileName, byte[] content, LocalDate issuedOn, LocalDate expiresOn)
			throws Exception {
		var request = multipart("/api/v1/people/" + who.value() + "/capabilities/" + capability + "/certificates")
			.file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
			.param("name", "Escalation handling")
			.param("issuer", "Support Institute")
			.param("issuedOn", issuedOn.toString())
			.header("Authorization", bearer(who));
		if (expiresOn != null) {
			request.param("expiresOn", expiresOn.toString());
		}
		return mvc.perform(request);
	}

	private ResultActions decide(String certificate, PersonId who, boolean confirm) throws Exception {
		return mvc.perform(json(post("/api/v1/certificates/" + certificate + "/decision"), who,
				"{\"confirm\":" + confirm + ",\"note\":\"Seen the original.\"}"));
	}

	private ResultActions validate(PersonId who, PersonId person, int level, String note) throws Exception {
		return mvc.perform(json(post("/api/v1/people/" + person.value() + "/capabilities/" + capability + "/validations"),
				who, "{\"level\":" + level + ",\"note\":\"" + note + "\"}"));
	}

	private ResultActions selfAssess(PersonId who, PersonId person, String body) throws Exception {
		return mvc.perform(json(put("/api/v1/people/" + person.value() + "/capabilities/" + capability + "/self-assessment"),
				who, body));
	}

	private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, PersonId who, String body) {
		return request.header("Authorization", bearer(who)).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}

	private static String id(ResultActions result) throws Exception {
		return JsonMapper.builder().build().readTree(result.andReturn().getResponse().getContentAsString()).get("id").asString();
	}
}
