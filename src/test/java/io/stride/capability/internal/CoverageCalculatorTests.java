package io.stride.capability.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.stride.capability.Absence;
import io.stride.capability.AbsenceKind;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.CapabilityStatus;
import io.stride.capability.CoverageStatus;
import io.stride.capability.Level;
import io.stride.capability.PersonRef;
import io.stride.capability.Target;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage of a capability in a team: the status against the target, the bus factor, and the forecast's shortfalls
 * from planned absences and expiring evidence, told in one sentence.
 */
class CoverageCalculatorTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

	static final CapabilityId ESCALATIONS = new CapabilityId("cap-escalations");

	static final Capability CAPABILITY = new Capability(ESCALATIONS, "Complex escalations", "", "Support", null, null,
			null, CapabilityStatus.ACTIVE, null, 1,
			List.of(new Level(1, "Learning"), new Level(2, "Can do it alone"), new Level(3, "Can teach it")), List.of());

	static final PersonRef ANA = person("ana", "Ana Alves");

	static final PersonRef PRIYA = person("priya", "Priya Patel");

	static final List<PersonRef> TEAM = List.of(ANA, person("leo", "Leo Learner"), person("lina", "Lina Lopez"),
			person("maya", "Maya Manager"), person("omar", "Omar Osei"), PRIYA);

	static PersonRef person(String id, String name) {
		return new PersonRef(new PersonId(id), name);
	}

	static HoldingStore.Holding holds(PersonRef person, int level, LocalDate until) {
		return new HoldingStore.Holding(person.id(), ESCALATIONS, level, until);
	}

	static Target target(int people) {
		return new Target(ESCALATIONS, new TeamId("cs"), "Customer Success", 2, "Can do it alone", people, false);
	}

	static CoverageCalculator.Result calculate(Target target, Map<PersonId, List<HoldingStore.Holding>> holdings,
			Map<PersonId, List<Absence>> absences, LocalDate on, boolean showKinds) {
		return CoverageCalculator.calculate(new CoverageCalculator.Input(CAPABILITY, target, TEAM, holdings, absences,
				TODAY, on, 90, showKinds));
	}

	static Absence leave(PersonRef person, LocalDate from, LocalDate to) {
		return new Absence("a-" + person.id().value(), person.id(), person.name(), from, to, AbsenceKind.LEAVE, "MANUAL");
	}

	@Test
	void aPlannedAbsenceMakesTheTeamShortAndTheSentenceSaysWhenAndWhy() {
		Map<PersonId, List<HoldingStore.Holding>> holdings = Map.of(ANA.id(), List.of(holds(ANA, 1, null), holds(ANA, 2, null)),
				PRIYA.id(), List.of(holds(PRIYA, 3, null)));
		Map<PersonId, List<Absence>> absences = Map.of(ANA.id(),
				List.of(leave(ANA, LocalDate.of(2027, 1, 14), LocalDate.of(2027, 1, 28))));

		CoverageCalculator.Result today = calculate(target(2), holdings, absences, TODAY, true);

		assertThat(today.qualified()).extracting(PersonRef::name).containsExactly("Ana Alves", "Priya Patel");
		assertThat(today.status()).isEqualTo(CoverageStatus.AT_RISK);
		assertThat(today.busFactor()).isZero();
		assertThat(today.forecast()).singleElement().satisfies(f -> {
			assertThat(f.from()).isEqualTo(LocalDate.of(2027, 1, 14));
			assertThat(f.to()).isEqualTo(LocalDate.of(2027, 1, 28));
			assertThat(f.available()).isEqualTo(1);
		});
		assertThat(today.summary()).isEqualTo(
				"Complex escalations: 2 of 6 qualified, target 2, bus factor 0; short from 14 Jan to 28 Jan (Ana on leave).");

		CoverageCalculator.Result duringLeave = calculate(target(2), holdings, absences, LocalDate.of(2027, 1, 20), true);
		assertThat(duringLeave.status()).isEqualTo(CoverageStatus.SHORT);
		assertThat(duringLeave.away()).extracting(PersonRef::name).containsExactly("Ana Alves");

		// someone who may not see why people are away reads "away"
		assertThat(calculate(target(2), holdings, absences, TODAY, false).summary()).contains("(Ana away)");
	}

	@Test
	void expiringEvidenceShowsInTheForecastAndLowerLevelsDoNotCount() {
		Map<PersonId, List<HoldingStore.Holding>> holdings = Map.of(ANA.id(),
				List.of(holds(ANA, 2, LocalDate.of(2027, 2, 1)), holds(ANA, 1, null)), PRIYA.id(),
				List.of(holds(PRIYA, 2, null)), TEAM.get(1).id(), List.of(holds(TEAM.get(1), 1, null)));

		CoverageCalculator.Result result = calculate(target(2), holdings, Map.of(), TODAY, true);

		assertThat(result.qualified()).hasSize(2);
		assertThat(result.forecast()).singleElement().satisfies(f -> {
			assertThat(f.from()).isEqualTo(LocalDate.of(2027, 2, 1));
			assertThat(f.to()).isEqualTo(TODAY.plusDays(90));
			assertThat(f.reasons()).containsExactly("Ana’s evidence expired");
		});
		assertThat(result.summary()).endsWith("short from 1 Feb on (Ana’s evidence expired).");
	}

	@Test
	void anAbsenceAndAnExpiryTogetherMakeAShortfallOnlyWhereTheyOverlap() {
		PersonRef leo = TEAM.get(1);
		Map<PersonId, List<HoldingStore.Holding>> holdings = Map.of(ANA.id(), List.of(holds(ANA, 2, null)), PRIYA.id(),
				List.of(holds(PRIYA, 2, LocalDate.of(2027, 1, 20))), leo.id(), List.of(holds(leo, 3, null)));
		Map<PersonId, List<Absence>> absences = Map.of(ANA.id(),
				List.of(leave(ANA, LocalDate.of(2027, 1, 14), LocalDate.of(2027, 1, 28))));

		CoverageCalculator.Result result = calculate(target(2), holdings, absences, TODAY, true);

		assertThat(result.status()).isEqualTo(CoverageStatus.COVERED);
		assertThat(result.forecast()).singleElement().satisfies(f -> {
			assertThat(f.from()).isEqualTo(LocalDate.of(2027, 1, 20));
			assertThat(f.to()).isEqualTo(LocalDate.of(2027, 1, 28));
			assertThat(f.available()).isEqualTo(1);
			assertThat(f.reasons()).containsExactly("Ana on leave", "Priya’s evidence expired");
		});
	}

	@Test
	void theBusFactorIsHowManyCanBeAwayBeforeTheTeamIsShort() {
		Map<PersonId, List<HoldingStore.Holding>> holdings = Map.of(ANA.id(), List.of(holds(ANA, 2, null)), PRIYA.id(),
				List.of(holds(PRIYA, 2, null)), TEAM.get(1).id(), List.of(holds(TEAM.get(1), 3, null)),
				TEAM.get(2).id(), List.of(holds(TEAM.get(2), 2, null)));

		CoverageCalculator.Result covered = calculate(target(2), holdings, Map.of(), TODAY, true);
		assertThat(covered.status()).isEqualTo(CoverageStatus.COVERED);
		assertThat(covered.busFactor()).isEqualTo(2);
		assertThat(covered.summary()).endsWith("not short in the next 90 days.");

		CoverageCalculator.Result shortNow = calculate(target(5), holdings, Map.of(), TODAY, true);
		assertThat(shortNow.status()).isEqualTo(CoverageStatus.SHORT);
		assertThat(shortNow.busFactor()).isZero();
		assertThat(shortNow.summary()).endsWith("short for the next 90 days.");
	}

	@Test
	void withoutATargetTheFirstLevelIsCountedAndNothingIsShort() {
		CoverageCalculator.Result result = calculate(null, Map.of(ANA.id(), List.of(holds(ANA, 1, null))), Map.of(), TODAY,
				true);
		assertThat(result.status()).isEqualTo(CoverageStatus.NO_TARGET);
		assertThat(result.forecast()).isEmpty();
		assertThat(result.summary()).isEqualTo("Complex escalations: 1 of 6 qualified at Learning or above; no target.");
	}
}
