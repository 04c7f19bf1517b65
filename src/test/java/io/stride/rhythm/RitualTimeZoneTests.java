package io.stride.rhythm;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A ritual's times as its team meets: in the ritual's time zone with the zone's abbreviation, on the ritual, rituals,
 * session and pre-read pages, in the pre-read's Markdown and on the manager's home; never the UTC time.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class RitualTimeZoneTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	Rituals rituals;

	@Autowired
	RitualSchedule schedule;

	Org org;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
	}

	@Test
	void aNewYorkRitualShowsItsMeetingsAndPreReadsInNewYorkTimeEverywhere() throws Exception {
		LocalDate day = LocalDate.now(clock).plusDays(2);
		Ritual ritual = rituals.declare(fixtures.viewer(org.managerA()), org.teamA(), new RitualDraft("PIPELINE_CALL",
				"Pipeline " + org.suffix(), "WEEKLY", day.toString(), "09:00", "America/New_York", "60", "15", "", "24"));
		ZonedDateTime starts = ZonedDateTime.of(day, LocalTime.of(9, 0), NEW_YORK);
		String zone = starts.format(DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH)); // EST or EDT
		assertThat(zone).isIn("EST", "EDT");
		String local = day + " 09:00 " + zone;
		String utc = starts.withZoneSameInstant(ZoneId.of("UTC")).toLocalTime().toString(); // 14:00 or 13:00

		String ritualPage = page("/rituals/" + ritual.id().value(), org.managerA());
		assertThat(ritualPage).contains(local, "Recent and upcoming meetings (America/New_York)",
				// its pre-read, 24 hours before
				day.minusDays(1) + " 09:00 " + zone);
		assertThat(ritualPage).doesNotContain(day + " " + utc);
		assertThat(page("/teams/" + org.teamA().value() + "/rituals", org.managerA())).contains(local);

		SessionId session = schedule.prepare(ritual.id(), starts.toInstant());
		String sessionPage = page("/sessions/" + session.value(), org.managerA());
		assertThat(sessionPage).contains("Pipeline " + org.suffix() + ", " + local).doesNotContain(day + " " + utc);
		assertThat(page("/sessions/" + session.value() + "/pre-read", org.managerA())).contains(local);
		assertThat(page("/sessions/" + session.value() + "/pre-read.md", org.managerA()))
			.startsWith("# Pre-read: Pipeline " + org.suffix() + ", " + local);

		String spoken = starts.format(DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH));
		assertThat(page("/home", org.managerA())).contains(spoken);
	}

	private String page(String path, PersonId who) throws Exception {
		return mvc.perform(get(path).with(SignedIn.as(fixtures.viewerPerson(who))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}
}
