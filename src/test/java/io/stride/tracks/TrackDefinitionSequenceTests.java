package io.stride.tracks;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules a sequence of steps keeps: no circle of prerequisites, nothing before what it requires, no early date. */
class TrackDefinitionSequenceTests {

	@Test
	void aCircleOfPrerequisitesIsNamedByItsSteps() {
		List<TrackStep> steps = List.of(step("a", "Discovery call", Set.of("c")), step("b", "Plan", Set.of("a")),
				step("c", "Renewal", Set.of("b")), step("d", "Unrelated", Set.of()));

		assertThat(TrackSequence.cycle(steps)).hasValueSatisfying(message -> assertThat(message)
			.contains("“Discovery call” → “Renewal” → “Plan” → “Discovery call”"));
	}

	@Test
	void aStepRequiringItselfIsACircleToo() {
		assertThat(TrackSequence.cycle(List.of(step("a", "Alone", Set.of("a"))))).isPresent();
	}

	@Test
	void prerequisitesWithoutACircleAreFine() {
		List<TrackStep> steps = List.of(step("a", "A", Set.of()), step("b", "B", Set.of("a")),
				step("c", "C", Set.of("a", "b")));

		assertThat(TrackSequence.cycle(steps)).isEmpty();
		assertThat(TrackSequence.outOfOrder(steps)).isEmpty();
	}

	@Test
	void aStepCannotComeBeforeWhatItRequires() {
		List<TrackStep> steps = List.of(step("b", "Plan", Set.of("a")), step("a", "Discovery call", Set.of()));

		assertThat(TrackSequence.outOfOrder(steps)).hasValueSatisfying(message -> assertThat(message)
			.contains("“Plan” (step 1) requires “Discovery call” (step 2)"));
	}

	@Test
	void aFixedDateBeforeAPrerequisitesFixedDateIsRefused() {
		TrackStep first = step("a", "Workshop", Set.of()).placed(0, fixed(2027, 3, 1));
		TrackStep early = step("b", "Exam", Set.of("a")).placed(1, fixed(2027, 2, 1));
		TrackStep sameDay = step("c", "Debrief", Set.of("a")).placed(2, fixed(2027, 3, 1));
		TrackStep paced = step("d", "Practice", Set.of("a")).placed(3, new Pacing(PacingRule.AFTER_PREVIOUS, 7, null));

		Map<String, String> found = TrackSequence.releasedBeforePrerequisite(List.of(first, early, sameDay, paced));

		assertThat(found).containsOnlyKeys("b");
		assertThat(found.get("b")).contains("released before its prerequisite “Workshop”").contains("(released on 1 March 2027); choose 1 March 2027 or later.");
	}

	@Test
	void aTeamOrderMustNameEveryStepOnce() {
		List<TrackStep> steps = List.of(step("a", "A", Set.of()), step("b", "B", Set.of()));

		for (List<String> wrong : List.of(List.of("a"), List.of("a", "a"), List.of("a", "x"), List.of("a", "b", "b"))) {
			assertThatThrownBy(() -> TrackDefinitions.ordered(steps, wrong, "stepOrder"))
				.isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.fieldErrors()).containsKey("stepOrder"));
		}
		assertThat(TrackDefinitions.ordered(steps, List.of("b", "a"), "stepOrder")).extracting(TrackStep::id)
			.containsExactly("b", "a");
	}

	@Test
	void differencesSayWhatMovedAndHowPacingChanged() {
		TrackStep a = step("a", "A", Set.of()).placed(0, new Pacing(PacingRule.AFTER_PREVIOUS, 7, null));
		TrackStep b = step("b", "B", Set.of()).placed(1, Pacing.ON_ENROLMENT);
		TrackStep c = step("c", "C", Set.of()).placed(2, Pacing.ON_ENROLMENT);

		Map<String, List<String>> differences = TeamOverrides.differences(List.of(a, b, c),
				List.of(c.placed(0, c.pacing()), a.placed(1, new Pacing(PacingRule.AFTER_PREVIOUS, 14, null)),
						b.placed(2, b.pacing())));

		assertThat(differences.get("c")).containsExactly("moved from 3 to 1");
		assertThat(differences.get("a")).containsExactly("moved from 1 to 2", "14 days after the previous step instead of 7");
		assertThat(differences.get("b")).containsExactly("moved from 2 to 3");
		assertThat(TrackDefinitions.moves(List.of(a, b, c), List.of(c, a, b))).contains("“C” moved from 3 to 1");
	}

	@Test
	void pacingReadsAsASentence() {
		assertThat(TrackSequence.describe(Pacing.ON_ENROLMENT)).isEqualTo("on enrolment");
		assertThat(TrackSequence.describe(new Pacing(PacingRule.AFTER_ENROLMENT, 1, null))).isEqualTo("1 day after enrolment");
		assertThat(TrackSequence.describe(fixed(2027, 1, 5))).isEqualTo("on 5 January 2027");
	}

	private static Pacing fixed(int year, int month, int day) {
		return new Pacing(PacingRule.FIXED_DATE, null, LocalDate.of(year, month, day));
	}

	private static TrackStep step(String id, String title, Set<String> prerequisites) {
		return new TrackStep(id, 0, StepKind.OBSERVED_TASK, title, "", null, null, null, null, null, null,
				Confirmation.MANAGER, Pacing.ON_ENROLMENT, prerequisites, false);
	}
}
