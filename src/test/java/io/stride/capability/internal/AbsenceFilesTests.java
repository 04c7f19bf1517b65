package io.stride.capability.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.stride.capability.AbsenceKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading absence files as exported by spreadsheets and calendars, without a database. */
class AbsenceFilesTests {

	@Test
	void aSpreadsheetsCsvWithAByteOrderMarkAndNoKindColumnReads() {
		List<AbsenceFiles.Entry> entries = AbsenceFiles.csv(bytes("\uFEFFEmail,Starts_On,Ends_On\r\n"
				+ " ana@acme.test , 2027-01-14 , 2027-01-28 \r\n\r\n\"ben@acme.test\",2027-02-01,2027-02-01\r\n"));
		assertThat(entries).extracting(AbsenceFiles.Entry::label).containsExactly("line 2", "line 4");
		assertThat(entries.get(0)).isEqualTo(new AbsenceFiles.Entry("line 2", "ana@acme.test", LocalDate.of(2027, 1, 14),
				LocalDate.of(2027, 1, 28), AbsenceKind.OTHER, null));
		assertThat(entries.get(1).email()).isEqualTo("ben@acme.test");
	}

	@Test
	void aLineWithTooFewValuesIsNamedNotGuessed() {
		List<AbsenceFiles.Entry> entries = AbsenceFiles.csv(bytes("email,starts_on,ends_on,kind\nana@acme.test,2027-01-14\n"));
		assertThat(entries.get(0).problem()).isEqualTo("Give four values: email, starts_on, ends_on, kind.");
	}

	@Test
	void aFileThatIsNotCsvOrHasNoRowsIsUnreadable() {
		assertThatThrownBy(() -> AbsenceFiles.csv(bytes("email,starts_on,ends_on,kind\n"))).isInstanceOf(AbsenceFiles.Unreadable.class)
			.hasMessage("The file has no absences under its header.");
		assertThatThrownBy(() -> AbsenceFiles.csv(bytes("email,starts_on,ends_on,kind\n\"ana@acme.test,2027-01-14,2027-01-15,LEAVE\n")))
			.isInstanceOf(AbsenceFiles.Unreadable.class);
		StringBuilder many = new StringBuilder("email,starts_on,ends_on,kind\n");
		for (int i = 0; i <= AbsenceFiles.MAX_ENTRIES; i++) {
			many.append("a@acme.test,2027-01-14,2027-01-14,LEAVE\n");
		}
		assertThatThrownBy(() -> AbsenceFiles.csv(bytes(many.toString()))).hasMessageContaining("more than 10000 rows");
	}

	@Test
	void calendarTimesInAZoneEndingAtMidnightOrWithoutAnEndGiveTheirDays() {
		List<AbsenceFiles.Entry> entries = AbsenceFiles.calendar(bytes(calendar(
				event("DTSTART;TZID=Europe/Berlin:20270110T090000", "DTEND;TZID=Europe/Berlin:20270112T180000",
						"SUMMARY:Maternity leave", "ORGANIZER;CN=Ana:MAILTO:ana@acme.test"),
				event("DTSTART:20270201T000000", "DTEND:20270203T000000", "SUMMARY:Offsite", "ATTENDEE:mailto:ben@acme.test"),
				event("DTSTART;VALUE=DATE:20270301", "SUMMARY:Public holiday", "ORGANIZER:mailto:ana@acme.test"),
				event("DTSTART;VALUE=DATE:20270401", "DTEND;VALUE=DATE:20270402", "RRULE:FREQ=WEEKLY;COUNT=3",
						"ORGANIZER:mailto:ana@acme.test"))));
		assertThat(entries.get(0)).isEqualTo(new AbsenceFiles.Entry("event 1", "ana@acme.test", LocalDate.of(2027, 1, 10),
				LocalDate.of(2027, 1, 12), AbsenceKind.PARENTAL, null));
		assertThat(entries.get(1)).isEqualTo(new AbsenceFiles.Entry("event 2", "ben@acme.test", LocalDate.of(2027, 2, 1),
				LocalDate.of(2027, 2, 2), AbsenceKind.OTHER, null));
		assertThat(entries.get(2)).isEqualTo(new AbsenceFiles.Entry("event 3", "ana@acme.test", LocalDate.of(2027, 3, 1),
				LocalDate.of(2027, 3, 1), AbsenceKind.LEAVE, null));
		assertThat(entries.get(3).problem()).contains("Repeating events are not imported");
	}

	@Test
	void kindsFromWordsPreferTheNarrowerOne() {
		assertThat(AbsenceFiles.kindOf("Parental leave")).isEqualTo(AbsenceKind.PARENTAL);
		assertThat(AbsenceFiles.kindOf("Paternity")).isEqualTo(AbsenceKind.PARENTAL);
		assertThat(AbsenceFiles.kindOf("Sales course (2 days)")).isEqualTo(AbsenceKind.TRAINING);
		assertThat(AbsenceFiles.kindOf("VACATION")).isEqualTo(AbsenceKind.LEAVE);
		assertThat(AbsenceFiles.kindOf("Dentist")).isEqualTo(AbsenceKind.OTHER);
	}

	@Test
	void aFileThatIsNoCalendarIsUnreadable() {
		assertThatThrownBy(() -> AbsenceFiles.calendar(bytes("email,starts_on\n"))).isInstanceOf(AbsenceFiles.Unreadable.class)
			.hasMessageStartingWith("The file is not a valid iCalendar file");
		assertThatThrownBy(() -> AbsenceFiles.calendar(bytes(calendar()))).hasMessage("The calendar has no events.");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String calendar(String... events) {
		return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Stride tests//EN\r\n" + String.join("", events) + "END:VCALENDAR\r\n";
	}

	private static String event(String... lines) {
		return "BEGIN:VEVENT\r\nUID:" + java.util.UUID.randomUUID() + "\r\nDTSTAMP:20261201T120000Z\r\n"
				+ String.join("\r\n", lines) + "\r\nEND:VEVENT\r\n";
	}
}
