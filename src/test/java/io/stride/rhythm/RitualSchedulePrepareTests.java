package io.stride.rhythm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.shared.Retry;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Preparing a ritual's meeting stores its session once, and only for a time the ritual meets. */
@SpringBootTest
@Import(MovableClock.Config.class)
class RitualSchedulePrepareTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Rituals rituals;

	@Autowired
	RitualSchedule schedule;

	@Autowired
	MovableClock clock;

	@Test
	void preparingTheSameMeetingTwiceGivesTheSameSession() {
		clock.reset();
		Org org = fixtures.organization();
		LocalDate day = LocalDate.now(clock).plusDays(3);
		Ritual call = rituals.declare(fixtures.viewer(org.managerA()), org.teamA(), new RitualDraft("PIPELINE_CALL", null,
				"WEEKLY", day.toString(), "08:15", "America/New_York", "45", "10", "", "12"));
		Instant second = day.plusWeeks(1).atTime(8, 15).atZone(ZoneId.of("America/New_York")).toInstant();

		SessionId first = Retry.onDuplicateKey(() -> schedule.prepare(call.id(), second));
		assertThat(Retry.onDuplicateKey(() -> schedule.prepare(call.id(), second))).isEqualTo(first);
		assertThat(schedule.between(java.util.Set.of(org.teamA()), second, second.plusSeconds(1)))
			.singleElement()
			.satisfies(o -> assertThat(o.session()).isEqualTo(first));

		assertThatThrownBy(() -> schedule.prepare(call.id(), second.plusSeconds(60)))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("startsAt"));
		assertThatThrownBy(() -> schedule.prepare(new RitualId(io.stride.shared.Ids.newId()), second))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void aRetiredRitualIsNotPreparedAfterItsRetirement() {
		clock.reset();
		Org org = fixtures.organization();
		LocalDate day = LocalDate.now(clock).plusDays(2);
		Ritual retro = rituals.declare(fixtures.viewer(org.managerA()), org.teamA(), new RitualDraft("RETROSPECTIVE", null,
				"EVERY_TWO_WEEKS", day.toString(), "16:00", "", "60", "", "", ""));
		assertThat(retro.agendaMinutes()).isEqualTo(Rituals.DEFAULT_AGENDA_MINUTES);
		assertThat(retro.timeZone()).isEqualTo("UTC");
		rituals.retire(fixtures.viewer(org.managerA()), retro.id());
		assertThatThrownBy(() -> schedule.prepare(retro.id(), day.atTime(16, 0).toInstant(java.time.ZoneOffset.UTC)))
			.isInstanceOf(InvalidInputException.class);
	}
}
