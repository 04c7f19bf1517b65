package io.stride.tracks;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pacing arithmetic: each rule, prerequisites, steps done out of order, the pace and the words people read. */
class TrackProgressRulesTests {

	static final LocalDate ENROLLED = LocalDate.of(2027, 1, 4);

	static TrackStep step(String id, Pacing pacing, String... prerequisites) {
		return new TrackStep(id, 0, StepKind.EXTERNAL, "Step " + id, "", null, null, null, null, null,
				"https://example.org", Confirmation.SELF, pacing, Set.of(prerequisites), false);
	}

	@Test
	void onEnrolmentOpensOnTheDayOfEnrolment() {
		assertThat(TrackProgressRules.releaseOn(step("a", Pacing.ON_ENROLMENT), null, Map.of(), ENROLLED)).isEqualTo(ENROLLED);
	}

	@Test
	void afterEnrolmentCountsDaysFromEnrolmentWhateverIsDone() {
		TrackStep a = step("a", Pacing.ON_ENROLMENT);
		TrackStep b = step("b", new Pacing(PacingRule.AFTER_ENROLMENT, 10, null));
		assertThat(TrackProgressRules.releaseOn(b, a, Map.of(), ENROLLED)).isEqualTo(ENROLLED.plusDays(10));
	}

	@Test
	void afterPreviousWaitsForThePreviousStepThenCountsFromTheDayItWasDone() {
		TrackStep a = step("a", Pacing.ON_ENROLMENT);
		TrackStep b = step("b", new Pacing(PacingRule.AFTER_PREVIOUS, 7, null));
		assertThat(TrackProgressRules.releaseOn(b, a, Map.of(), ENROLLED)).isNull();
		LocalDate aDone = LocalDate.of(2027, 1, 9);
		assertThat(TrackProgressRules.releaseOn(b, a, Map.of("a", aDone), ENROLLED)).isEqualTo(LocalDate.of(2027, 1, 16));
	}

	@Test
	void afterPreviousZeroDaysOpensTheDayThePreviousIsDoneAndTheFirstStepCountsFromEnrolment() {
		TrackStep a = step("a", new Pacing(PacingRule.AFTER_PREVIOUS, 3, null));
		TrackStep b = step("b", new Pacing(PacingRule.AFTER_PREVIOUS, 0, null));
		Map<String, LocalDate> dates = TrackProgressRules.releaseDates(List.of(a, b), Map.of("a", ENROLLED.plusDays(1)), ENROLLED);
		assertThat(dates.get("a")).isEqualTo(ENROLLED.plusDays(3));
		assertThat(dates.get("b")).isEqualTo(ENROLLED.plusDays(1));
	}

	@Test
	void fixedDateIsTheSameForTheWholeCohort() {
		LocalDate cohort = LocalDate.of(2027, 3, 1);
		TrackStep a = step("a", new Pacing(PacingRule.FIXED_DATE, null, cohort));
		assertThat(TrackProgressRules.releaseOn(a, null, Map.of(), ENROLLED)).isEqualTo(cohort);
		assertThat(TrackProgressRules.releaseOn(a, null, Map.of(), ENROLLED.plusDays(40))).isEqualTo(cohort);
	}

	@Test
	void aStepWaitsForEveryPrerequisiteWhateverItsPacing() {
		TrackStep a = step("a", Pacing.ON_ENROLMENT);
		TrackStep b = step("b", Pacing.ON_ENROLMENT);
		TrackStep c = step("c", new Pacing(PacingRule.AFTER_ENROLMENT, 2, null), "a", "b");
		assertThat(TrackProgressRules.releaseOn(c, b, Map.of("a", ENROLLED), ENROLLED)).isNull();
		assertThat(TrackProgressRules.releaseOn(c, b, Map.of("a", ENROLLED, "b", ENROLLED.plusDays(5)), ENROLLED))
			.isEqualTo(ENROLLED.plusDays(2));
	}

	@Test
	void aStepDoneOutOfOrderCountsForWhatFollowsIt() {
		// c was done before it opened (out of order); d follows c and opens from the day c was done
		TrackStep a = step("a", Pacing.ON_ENROLMENT);
		TrackStep c = step("c", new Pacing(PacingRule.AFTER_PREVIOUS, 30, null), "a");
		TrackStep d = step("d", new Pacing(PacingRule.AFTER_PREVIOUS, 1, null), "c");
		Map<String, LocalDate> dates = TrackProgressRules.releaseDates(List.of(a, c, d), Map.of("c", ENROLLED), ENROLLED);
		assertThat(dates.get("c")).isNull();
		assertThat(dates.get("d")).isEqualTo(ENROLLED.plusDays(1));
	}

	@Test
	void paceIsBehindWhenAStepStaysOpenTooLongAndAheadWhenOneWasDoneBeforeItOpened() {
		LocalDate today = LocalDate.of(2027, 2, 1);
		assertThat(TrackProgressRules.pace(0, today.minusDays(15), today, 14)).isEqualTo(TrackProgressRules.Pace.BEHIND);
		assertThat(TrackProgressRules.pace(0, today.minusDays(14), today, 14)).isEqualTo(TrackProgressRules.Pace.ON_PACE);
		assertThat(TrackProgressRules.pace(1, null, today, 14)).isEqualTo(TrackProgressRules.Pace.AHEAD);
		assertThat(TrackProgressRules.pace(0, null, today, 14)).isEqualTo(TrackProgressRules.Pace.ON_PACE);
	}

	@Test
	void pacingReadsAsASentence() {
		assertThat(TrackProgressRules.inWords(new Pacing(PacingRule.AFTER_PREVIOUS, 7, null), "Discovery calls"))
			.isEqualTo("opens 7 days after you finish “Discovery calls”");
		assertThat(TrackProgressRules.inWords(new Pacing(PacingRule.AFTER_PREVIOUS, 0, null), "Discovery calls"))
			.isEqualTo("opens as soon as you finish “Discovery calls”");
		assertThat(TrackProgressRules.inWords(new Pacing(PacingRule.AFTER_ENROLMENT, 1, null), null))
			.isEqualTo("opens 1 day after you enrol");
		assertThat(TrackProgressRules.inWords(new Pacing(PacingRule.FIXED_DATE, null, LocalDate.of(2027, 1, 14)), null))
			.isEqualTo("opens on 14 January 2027 for everyone");
		assertThat(TrackProgressRules.inWords(Pacing.ON_ENROLMENT, "x")).isEqualTo("opens when you enrol");
	}

	@Test
	void theCurrentStepIsTheFirstOpenStepNotDoneElseTheFirstNotDone() {
		// each step as "state": D done, O open, S scheduled
		List<String> states = List.of("D", "S", "O", "O");
		assertThat(TrackProgressRules.current(List.of(0, 1, 2, 3), i -> states.get(i).equals("D"),
				i -> states.get(i).equals("O"))).isEqualTo(2);
		List<String> noneOpen = List.of("D", "S", "S");
		assertThat(TrackProgressRules.current(List.of(0, 1, 2), i -> noneOpen.get(i).equals("D"),
				i -> noneOpen.get(i).equals("O"))).isEqualTo(1);
		assertThat(TrackProgressRules.current(List.of(0), i -> true, i -> false)).isNull();
	}
}
