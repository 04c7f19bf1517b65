package io.stride.capability;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Absence files through the API: CSV and iCalendar, all or nothing, a problem per line or event, DTEND exclusive.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class AbsenceImportTests {

	private static final DateTimeFormatter ICAL_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PersonEvidenceFixtures rows;

	@Autowired
	MovableClock clock;

	Org org;

	LocalDate day;

	String adminToken;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		day = LocalDate.now(clock).plusDays(20);
		adminToken = "Bearer " + fixtures.token(fixtures.admin().id());
	}

	@Test
	void aGoodCsvFileAddsEveryAbsence() throws Exception {
		String csv = "email,starts_on,ends_on,kind\r\n"
				+ org.email("learner-a") + "," + day + "," + day.plusDays(4) + ",leave\r\n"
				+ org.email("learner-a") + "," + day.plusDays(10) + "," + day.plusDays(10) + ",\r\n"
				+ "\"" + org.email("learner-b") + "\"," + day + "," + day.plusDays(1) + ",Training\r\n";
		upload("absences.csv", "text/csv", csv)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.added").value(3))
			.andExpect(jsonPath("$.people").value(2));

		mvc.perform(get("/api/v1/people/" + org.learnerA().value() + "/absences").header("Authorization", adminToken))
			.andExpect(jsonPath("$[0].startsOn").value(day.toString()))
			.andExpect(jsonPath("$[0].kind").value("LEAVE"))
			.andExpect(jsonPath("$[0].source").value("CSV"))
			.andExpect(jsonPath("$[1].kind").value("OTHER"));
		mvc.perform(get("/api/v1/people/" + org.learnerB().value() + "/absences").header("Authorization", adminToken))
			.andExpect(jsonPath("$[0].kind").value("TRAINING"));
	}

	@Test
	void aCsvFileWithBadLinesSavesNothingAndNamesEachLine() throws Exception {
		String csv = "email,starts_on,ends_on,kind\n"
				+ org.email("learner-a") + "," + day + "," + day.plusDays(4) + ",LEAVE\n"
				+ "nobody-" + org.suffix() + "@stride.test," + day + "," + day + ",LEAVE\n"
				+ org.email("learner-b") + "," + day + ",14/01/2027,LEAVE\n"
				+ org.email("learner-b") + "," + day.plusDays(3) + "," + day + ",LEAVE\n"
				+ org.email("learner-b") + "," + day + "," + day + ",SABBATICAL\n"
				+ org.email("learner-a") + "," + day.plusDays(4) + "," + day.plusDays(5) + ",LEAVE\n";
		upload("absences.csv", "text/csv", csv)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['line 2']").doesNotExist())
			.andExpect(jsonPath("$.errors['line 3']").value("No active person has the email nobody-" + org.suffix() + "@stride.test."))
			.andExpect(jsonPath("$.errors['line 4']").value(containsString("is not a date like")))
			.andExpect(jsonPath("$.errors['line 5']").value("The last day cannot be before the first day."))
			.andExpect(jsonPath("$.errors['line 6']").value(containsString("not one of LEAVE, TRAINING, PARENTAL, OTHER")))
			.andExpect(jsonPath("$.errors['line 7']").value(containsString("Overlaps another absence of the same person in this file")));
		assertThat(rows.absencesOf(org.learnerA())).as("nothing of a bad file is saved").isZero();
		assertThat(rows.absencesOf(org.learnerB())).isZero();
	}

	@Test
	void anImportedAbsenceMayNotOverlapASavedOne() throws Exception {
		upload("a.csv", "text/csv", "email,starts_on,ends_on,kind\n" + org.email("learner-a") + "," + day + "," + day.plusDays(2) + ",LEAVE\n")
			.andExpect(status().isOk());
		upload("b.csv", "text/csv", "email,starts_on,ends_on,kind\n" + org.email("learner-b") + "," + day + "," + day + ",LEAVE\n"
				+ org.email("learner-a") + "," + day.plusDays(2) + "," + day.plusDays(3) + ",LEAVE\n")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['line 3']").value("Overlaps the absence already recorded from " + day + " to " + day.plusDays(2) + "."));
		assertThat(rows.absencesOf(org.learnerB())).isZero();
	}

	@Test
	void aFileWithManyBadLinesListsTheFirstHundredAndCountsTheRest() throws Exception {
		StringBuilder csv = new StringBuilder("email,starts_on,ends_on,kind\n");
		for (int i = 0; i < 150; i++) {
			csv.append("ghost-").append(i).append("@stride.test,").append(day).append(',').append(day).append(",LEAVE\n");
		}
		upload("ghosts.csv", "text/csv", csv.toString())
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['line 101']").exists())
			.andExpect(jsonPath("$.errors['line 102']").doesNotExist())
			.andExpect(jsonPath("$.errors.file").value("And 50 more with problems; only the first 100 are listed."));
	}

	@Test
	void aFileWithoutTheHeaderIsRefusedWhole() throws Exception {
		upload("absences.csv", "text/csv", org.email("learner-a") + "," + day + "," + day + ",LEAVE\n")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.file").value("The first line must be the header email,starts_on,ends_on,kind."));
	}

	@Test
	void onlyAdminsImportOthersGetNotFound() throws Exception {
		String csv = "email,starts_on,ends_on,kind\n" + org.email("learner-a") + "," + day + "," + day + ",LEAVE\n";
		mvc.perform(multipart("/api/v1/absences/import").file(file("a.csv", "text/csv", csv))
				.header("Authorization", "Bearer " + fixtures.token(org.managerA())))
			.andExpect(status().isNotFound());
		assertThat(rows.absencesOf(org.learnerA())).isZero();
	}

	@Test
	void aCalendarGivesEachEventItsPersonKindAndLastDay() throws Exception {
		String ics = calendar(
				event("1", "DTSTART;VALUE=DATE:" + ical(day), "DTEND;VALUE=DATE:" + ical(day.plusDays(5)),
						"SUMMARY:Summer vacation", "ATTENDEE;CN=Learner A:mailto:" + org.email("learner-a")),
				event("2", "DTSTART:" + ical(day.plusDays(10)) + "T090000Z", "DTEND:" + ical(day.plusDays(12)) + "T170000Z",
						"SUMMARY:Negotiation course", "ORGANIZER:mailto:" + org.email("learner-b")),
				event("3", "DTSTART;VALUE=DATE:" + ical(day.plusDays(30)), "DTEND;VALUE=DATE:" + ical(day.plusDays(31)),
						"CATEGORIES:Parental leave", "SUMMARY:Away", "ORGANIZER:mailto:" + org.email("learner-b")));
		upload("leave.ics", "text/calendar", ics)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.added").value(3))
			.andExpect(jsonPath("$.people").value(2));

		// DTEND is exclusive: an all-day event to day+5 ends on day+4
		mvc.perform(get("/api/v1/people/" + org.learnerA().value() + "/absences").header("Authorization", adminToken))
			.andExpect(jsonPath("$[0].startsOn").value(day.toString()))
			.andExpect(jsonPath("$[0].endsOn").value(day.plusDays(4).toString()))
			.andExpect(jsonPath("$[0].kind").value("LEAVE"))
			.andExpect(jsonPath("$[0].source").value("ICALENDAR"));
		mvc.perform(get("/api/v1/people/" + org.learnerB().value() + "/absences").header("Authorization", adminToken))
			.andExpect(jsonPath("$[0].startsOn").value(day.plusDays(10).toString()))
			.andExpect(jsonPath("$[0].endsOn").value(day.plusDays(12).toString()))
			.andExpect(jsonPath("$[0].kind").value("TRAINING"))
			.andExpect(jsonPath("$[1].startsOn").value(day.plusDays(30).toString()))
			.andExpect(jsonPath("$[1].endsOn").value(day.plusDays(30).toString()))
			.andExpect(jsonPath("$[1].kind").value("PARENTAL"));
	}

	@Test
	void aCalendarWithABadEventSavesNothingAndNamesTheEvent() throws Exception {
		String ics = calendar(
				event("1", "DTSTART;VALUE=DATE:" + ical(day), "DTEND;VALUE=DATE:" + ical(day.plusDays(2)),
						"SUMMARY:Holiday", "ORGANIZER:mailto:" + org.email("learner-a")),
				event("2", "DTSTART;VALUE=DATE:" + ical(day), "DTEND;VALUE=DATE:" + ical(day.plusDays(1)),
						"SUMMARY:Holiday", "ORGANIZER:mailto:ghost-" + org.suffix() + "@stride.test"),
				event("3", "DTSTART;VALUE=DATE:" + ical(day), "DTEND;VALUE=DATE:" + ical(day.plusDays(1)), "SUMMARY:Holiday"));
		// sent without a name or type: recognised by its first line
		upload(null, null, ics)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['event 1']").doesNotExist())
			.andExpect(jsonPath("$.errors['event 2']").value("No active person has the email ghost-" + org.suffix() + "@stride.test."))
			.andExpect(jsonPath("$.errors['event 3']").value(containsString("ATTENDEE or ORGANIZER")));
		assertThat(rows.absencesOf(org.learnerA())).isZero();
	}

	@Test
	void aFileAboveTwoMegabytesIsRefusedAsTooLarge() throws Exception {
		byte[] big = new byte[2 * 1024 * 1024 + 1];
		java.util.Arrays.fill(big, (byte) 'a');
		mvc.perform(multipart("/api/v1/absences/import").file(new MockMultipartFile("file", "big.csv", "text/csv", big))
				.header("Authorization", adminToken))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.detail").value(containsString("larger than 2 MB")));
	}

	private ResultActions upload(String name, String type, String content) throws Exception {
		return mvc.perform(multipart("/api/v1/absences/import").file(file(name, type, content)).header("Authorization", adminToken));
	}

	private static MockMultipartFile file(String name, String type, String content) {
		return new MockMultipartFile("file", name, type, content.getBytes(StandardCharsets.UTF_8));
	}

	private static String ical(LocalDate date) {
		return date.format(ICAL_DATE);
	}

	private static String calendar(String... events) {
		return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Stride tests//EN\r\n" + String.join("", events) + "END:VCALENDAR\r\n";
	}

	private static String event(String uid, String... lines) {
		return "BEGIN:VEVENT\r\nUID:" + uid + "@stride.test\r\nDTSTAMP:20261201T120000Z\r\n" + String.join("\r\n", lines)
				+ "\r\nEND:VEVENT\r\n";
	}
}
