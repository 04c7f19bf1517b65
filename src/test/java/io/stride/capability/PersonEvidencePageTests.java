package io.stride.capability;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The absence and evidence pages as a signed-in browser gets them: labelled fields, refusals next to the field,
 * a redirect after each saved form, and 404 for pages that are not the viewer's.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class PersonEvidencePageTests {

	private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

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
		capability = rows.capability("Forecast a pipeline " + org.suffix());
		today = LocalDate.now(clock);
	}

	@Test
	void aPersonAddsAnAbsenceAndSeesAClashNextToTheField() throws Exception {
		String page = html("/profile/absences", org.learnerA());
		assertThat(page).contains("<h1>My absences</h1>", "<label for=\"startsOn\">First day away</label>",
				"<label for=\"endsOn\">Last day away</label>", "<label for=\"kind\">Kind</label>", "No absences planned.");

		mvc.perform(post("/profile/absences").with(as(org.learnerA())).with(csrf())
				.param("startsOn", today.plusDays(3).toString()).param("endsOn", today.plusDays(5).toString()).param("kind", "LEAVE"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/profile/absences"));
		String clash = mvc.perform(post("/profile/absences").with(as(org.learnerA())).with(csrf())
				.param("startsOn", today.plusDays(5).toString()).param("endsOn", today.plusDays(4).toString()).param("kind", "TRAINING"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(clash).contains("id=\"endsOn-error\"", "The last day cannot be before the first day.",
				"aria-describedby=\"endsOn-error\"", "value=\"" + today.plusDays(5) + "\"");
		String overlap = mvc.perform(post("/profile/absences").with(as(org.learnerA())).with(csrf())
				.param("startsOn", today.plusDays(4).toString()).param("endsOn", today.plusDays(8).toString()).param("kind", "TRAINING"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(overlap).contains("id=\"startsOn-error\"", "Overlaps the absence already recorded from " + today.plusDays(3));

		assertThat(html("/profile/absences", org.learnerA())).contains(today.plusDays(3).toString(), "on leave");
	}

	@Test
	void aManagerRemovesATeamMembersAbsenceAfterConfirming() throws Exception {
		mvc.perform(post("/people/" + org.learnerSubA().value() + "/absences").with(as(org.managerA())).with(csrf())
				.param("startsOn", today.plusDays(1).toString()).param("endsOn", today.plusDays(1).toString()).param("kind", "OTHER"))
			.andExpect(redirectedUrl("/people/" + org.learnerSubA().value() + "/absences"));
		String absence = jdbc.sql("SELECT id FROM absences WHERE person_id = ?").param(org.learnerSubA().value())
			.query(String.class).single();
		String remove = "/people/" + org.learnerSubA().value() + "/absences/" + absence + "/remove";

		assertThat(html(remove, org.managerA())).contains("<h1>Remove an absence</h1>", "Keep it");
		mvc.perform(get(remove).with(as(org.managerB()))).andExpect(status().isNotFound());
		mvc.perform(get("/people/" + org.learnerSubA().value() + "/absences").with(as(org.learnerB()))).andExpect(status().isNotFound());
		mvc.perform(post(remove).with(as(org.managerA())).with(csrf()))
			.andExpect(redirectedUrl("/people/" + org.learnerSubA().value() + "/absences"));
		assertThat(rows.absencesOf(org.learnerSubA())).isZero();
	}

	@Test
	void anAdminImportsAFileAndSeesEachBadLine() throws Exception {
		PersonId admin = fixtures.admin().id();
		assertThat(html("/admin/absences", admin)).contains("<h1>Import absences</h1>",
				"<label for=\"file\">Absence file (.csv or .ics)</label>", "aria-current=\"page\">Absences</a>");
		// the admin pages' own guard answers first
		mvc.perform(get("/admin/absences").with(as(org.managerA()))).andExpect(status().isForbidden());

		String bad = "email,starts_on,ends_on,kind\n" + org.email("learner-a") + "," + today.plusDays(1) + "," + today.plusDays(2)
				+ ",LEAVE\nnobody@stride.test," + today + "," + today + ",LEAVE\n";
		String page = mvc.perform(multipart("/admin/absences/import").file(csv(bad)).with(as(admin)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Nothing was imported", "<strong>Line 3</strong>", "No active person has the email nobody@stride.test.");
		assertThat(rows.absencesOf(org.learnerA())).isZero();

		String good = "email,starts_on,ends_on,kind\n" + org.email("learner-a") + "," + today.plusDays(1) + "," + today.plusDays(2) + ",LEAVE\n";
		mvc.perform(multipart("/admin/absences/import").file(csv(good)).with(as(admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/absences"));
		assertThat(rows.absencesOf(org.learnerA())).isEqualTo(1);
	}

	@Test
	void aPersonUploadsACertificateAndTheirManagerConfirmsIt() throws Exception {
		String form = "/capabilities/" + capability + "/certificates/new";
		assertThat(html(form, org.learnerA())).contains("<label for=\"name\">Certificate name</label>",
				"<label for=\"issuer\">Issued by</label>", "<label for=\"issuedOn\">Issued on</label>",
				"<label for=\"file\">Certificate file (PDF, PNG or JPEG)</label>", "enctype=\"multipart/form-data\"");

		String refused = mvc.perform(multipart(form).file(new MockMultipartFile("file", "cert.gif", "image/gif", "GIF89a".getBytes()))
				.param("name", "Forecasting").param("issuer", "").param("issuedOn", today.toString())
				.with(as(org.learnerA())).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"file-error\"", "Upload a PDF, PNG or JPEG.", "id=\"issuer-error\"",
				"value=\"Forecasting\"");

		mvc.perform(multipart(form).file(new MockMultipartFile("file", "cert.pdf", "application/pdf", PDF))
				.param("name", "Forecasting").param("issuer", "Sales Academy").param("issuedOn", today.toString())
				.with(as(org.learnerA())).with(csrf()))
			.andExpect(redirectedUrl("/people/" + org.learnerA().value() + "/capabilities"));

		String pending = html("/certificates", org.managerA());
		assertThat(pending).contains("<h1>Certificates to confirm</h1>", "Learner A", "Forecasting", "Download cert.pdf");
		mvc.perform(get("/certificates").with(as(org.learnerB()))).andExpect(status().isNotFound());
		String certificate = jdbc.sql("SELECT id FROM capability_certificates WHERE person_id = ?")
			.param(org.learnerA().value()).query(String.class).single();
		mvc.perform(get("/certificates/" + certificate + "/file").with(as(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		mvc.perform(post("/certificates/" + certificate + "/decision").with(as(org.managerA())).with(csrf())
				.param("decision", "confirm").param("note", "Checked with the academy."))
			.andExpect(redirectedUrl("/certificates"));
		assertThat(jdbc.sql("SELECT status FROM capability_certificates WHERE id = ?").param(certificate)
			.query(String.class).single()).isEqualTo("CONFIRMED");
		assertThat(html("/certificates", org.managerA())).doesNotContain("Download cert.pdf");
	}

	@Test
	void aColleagueValidatesAndAPersonAssessesThemselves() throws Exception {
		String validate = "/people/" + org.learnerA().value() + "/capabilities/" + capability + "/validate";
		assertThat(html(validate, org.learnerB())).contains("<label for=\"level\">Level you validate</label>",
				"<label for=\"note\">What you saw</label>", "Can do it alone");
		mvc.perform(get("/people/" + org.learnerA().value() + "/capabilities/" + capability + "/validate").with(as(org.learnerA())))
			.andExpect(status().isForbidden());

		String noNote = mvc.perform(post(validate).with(as(org.learnerB())).with(csrf()).param("level", "2").param("note", ""))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(noNote).contains("id=\"note-error\"", "Say what you saw Learner A do at this level.");
		mvc.perform(post(validate).with(as(org.learnerB())).with(csrf()).param("level", "2").param("note", "Forecast Q3 alone."))
			.andExpect(status().isForbidden());
		rows.holds(org.learnerB(), capability, 2, null);
		mvc.perform(post(validate).with(as(org.learnerB())).with(csrf()).param("level", "2").param("note", "Forecast Q3 alone."))
			.andExpect(redirectedUrl("/people/" + org.learnerA().value() + "/capabilities"));

		String self = "/profile/capabilities/" + capability + "/self-assessment";
		assertThat(html(self, org.learnerA())).contains("<label for=\"level\">My level</label>", "<label for=\"note\">Why (optional)</label>");
		mvc.perform(post(self).with(as(org.learnerA())).with(csrf()).param("level", "1").param("note", "Still learning."))
			.andExpect(redirectedUrl("/people/" + org.learnerA().value() + "/capabilities"));
		assertThat(html(self, org.learnerA())).contains("Still learning.", "<option value=\"1\" selected=\"selected\">");
	}

	private static MockMultipartFile csv(String content) {
		return new MockMultipartFile("file", "absences.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
	}

	private String html(String path, PersonId who) throws Exception {
		return mvc.perform(get(path).with(as(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private RequestPostProcessor as(PersonId who) {
		return SignedIn.as(fixtures.viewerPerson(who));
	}
}
