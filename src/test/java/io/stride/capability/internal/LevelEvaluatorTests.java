package io.stride.capability.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.stride.authoring.CourseId;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.CapabilityStatus;
import io.stride.capability.EvidenceRule;
import io.stride.capability.Level;
import io.stride.capability.RuleKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's level from evidence: the highest level whose rules all hold, evidence that stops counting on the day it
 * expires, the Nth newest review or validation deciding how long a counted rule holds, and certificates' own dates.
 */
class LevelEvaluatorTests {

	static final CourseId EBR = new CourseId("course-ebr");

	static final CourseId ESCALATIONS = new CourseId("course-escalations");

	static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

	static final CapabilityId ID = new CapabilityId("cap-1");

	static Capability capability(Integer validityMonths, EvidenceRule... rules) {
		return new Capability(ID, "Run an executive business review", "", "Customer Success", null, null,
				validityMonths, CapabilityStatus.ACTIVE, null, 1,
				List.of(new Level(1, "Learning"), new Level(2, "Can do it alone"), new Level(3, "Can teach it")),
				List.of(rules));
	}

	static EvidenceRule mastered(int level, CourseId course, boolean current) {
		return new EvidenceRule("r-m-" + level + course.value(), level, RuleKind.COURSE_MASTERED, course, current, null,
				null, null, null);
	}

	static EvidenceRule task(int level, String task) {
		return new EvidenceRule("r-t-" + level, level, RuleKind.TASK_SIGNED_OFF, null, false, task, null, null, null);
	}

	static EvidenceRule reviews(int level, CourseId course, int count) {
		return new EvidenceRule("r-r-" + level, level, RuleKind.SPACED_REVIEWS, course, false, null, count, null, null);
	}

	static EvidenceRule validations(int level, int count) {
		return new EvidenceRule("r-v-" + level, level, RuleKind.VALIDATIONS, null, false, null, count, null, null);
	}

	static EvidenceRule certificate(int level, String name) {
		return new EvidenceRule("r-c-" + level, level, RuleKind.CERTIFICATE, null, false, null, null, name, null);
	}

	static Facts facts(Map<CourseId, Facts.Mastered> mastered, Map<String, Facts.SignedOff> signOffs) {
		return new Facts(mastered, signOffs, Map.of(), Map.of(), Map.of(), Facts.Names.NONE);
	}

	@Test
	void theLevelIsTheHighestWhoseRulesAllHold() {
		Capability c = capability(null, mastered(1, EBR, false), mastered(2, EBR, false), task(2, "t-ebr"),
				validations(3, 2));
		Facts onlyCourse = facts(Map.of(EBR, new Facts.Mastered(TODAY.minusDays(3), true, 1)), Map.of());
		assertThat(LevelEvaluator.evaluate(c, onlyCourse, TODAY).heldRank()).isEqualTo(1);

		Facts courseAndTask = facts(Map.of(EBR, new Facts.Mastered(TODAY.minusDays(3), true, 1)),
				Map.of("t-ebr", new Facts.SignedOff(TODAY.minusDays(1), "Maya Manager")));
		LevelEvaluator.Evaluation evaluation = LevelEvaluator.evaluate(c, courseAndTask, TODAY);
		assertThat(evaluation.heldRank()).isEqualTo(2);
		assertThat(evaluation.holding()).extracting(l -> l.level().rank()).containsExactly(1, 2);
		assertThat(evaluation.levels().get(2).rules().get(0).description()).isEqualTo("0 of 2 validations");
		assertThat(evaluation.levels().get(2).rules().get(0).missing().action()).isEqualTo("VALIDATION");

		assertThat(LevelEvaluator.evaluate(c, Facts.NONE, TODAY).heldRank()).isNull();
	}

	@Test
	void aLevelWithoutRulesIsNeverHeld() {
		Capability c = capability(null, mastered(2, EBR, false));
		Facts f = facts(Map.of(EBR, new Facts.Mastered(TODAY, true, 1)), Map.of());
		LevelEvaluator.Evaluation evaluation = LevelEvaluator.evaluate(c, f, TODAY);
		assertThat(evaluation.heldRank()).isEqualTo(2);
		assertThat(evaluation.levels().get(0).holds()).isFalse();
	}

	@Test
	void evidenceStopsCountingOnTheDayItExpires() {
		Capability c = capability(12, mastered(2, EBR, false));
		LocalDate mastered = LocalDate.of(2025, 12, 10);
		Facts f = facts(Map.of(EBR, new Facts.Mastered(mastered, true, 1)), Map.of());

		LevelEvaluator.LevelResult before = LevelEvaluator.evaluate(c, f, TODAY).held();
		assertThat(before.validUntil()).isEqualTo(LocalDate.of(2026, 12, 10));
		assertThat(LevelEvaluator.expiresInDays(before.validUntil(), TODAY)).isEqualTo(4);
		assertThat(LevelEvaluator.evaluate(c, f, LocalDate.of(2026, 12, 9)).heldRank()).isEqualTo(2);
		assertThat(LevelEvaluator.evaluate(c, f, LocalDate.of(2026, 12, 10)).heldRank()).isNull();
		assertThat(LevelEvaluator.evaluate(c, f, LocalDate.of(2026, 12, 10)).levels().get(1).rules().get(0).description())
			.contains("expired on 10 Dec 2026");
		// shown from 60 days ahead only
		assertThat(LevelEvaluator.expiresInDays(LocalDate.of(2027, 3, 1), TODAY)).isNull();
	}

	@Test
	void aLevelHoldsUntilItsFirstRuleStopsHolding() {
		Capability c = capability(12, mastered(2, EBR, false), task(2, "t-ebr"));
		Facts f = facts(Map.of(EBR, new Facts.Mastered(LocalDate.of(2026, 3, 1), true, 1)),
				Map.of("t-ebr", new Facts.SignedOff(LocalDate.of(2026, 1, 15), "Maya Manager")));
		assertThat(LevelEvaluator.evaluate(c, f, TODAY).held().validUntil()).isEqualTo(LocalDate.of(2027, 1, 15));
	}

	@Test
	void theCurrentVersionRuleRefusesAnEarlierVersion() {
		Capability c = capability(null, mastered(2, EBR, true));
		Facts earlier = facts(Map.of(EBR, new Facts.Mastered(TODAY.minusDays(40), false, 1)), Map.of());
		LevelEvaluator.Evaluation evaluation = LevelEvaluator.evaluate(c, earlier, TODAY);
		assertThat(evaluation.heldRank()).isNull();
		assertThat(evaluation.levels().get(1).rules().get(0).description()).contains("earlier version");
		assertThat(LevelEvaluator.evaluate(capability(null, mastered(2, EBR, false)), earlier, TODAY).heldRank()).isEqualTo(2);
	}

	@Test
	void theNthNewestReviewDecidesHowLongAReviewRuleHolds() {
		Capability c = capability(6, reviews(1, ESCALATIONS, 3));
		Facts f = new Facts(Map.of(), Map.of(), Map.of(ESCALATIONS, List.of(LocalDate.of(2026, 12, 1),
				LocalDate.of(2026, 11, 20), LocalDate.of(2026, 8, 1), LocalDate.of(2026, 5, 1))), Map.of(), Map.of(),
				Facts.Names.NONE);
		// the newest three are 1 Dec, 20 Nov and 1 Aug: the rule holds until 1 Aug + 6 months
		assertThat(LevelEvaluator.evaluate(c, f, TODAY).held().validUntil()).isEqualTo(LocalDate.of(2027, 2, 1));
		Facts two = new Facts(Map.of(), Map.of(), Map.of(ESCALATIONS, List.of(LocalDate.of(2026, 12, 1),
				LocalDate.of(2026, 11, 20), LocalDate.of(2026, 5, 1))), Map.of(), Map.of(), Facts.Names.NONE);
		LevelEvaluator.Evaluation expired = LevelEvaluator.evaluate(c, two, TODAY);
		assertThat(expired.heldRank()).isNull();
		assertThat(expired.levels().get(0).rules().get(0).description()).startsWith("2 of 3").contains("older ones expired");
	}

	@Test
	void validationsCountFromTheLevelUpAndExpire() {
		Capability c = capability(12, validations(2, 2));
		Facts f = new Facts(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(ID, List.of(
				new Facts.Validation(3, "Priya Patel", LocalDate.of(2026, 10, 1)),
				new Facts.Validation(2, "Leo Learner", LocalDate.of(2026, 2, 1)),
				new Facts.Validation(1, "Omar Osei", LocalDate.of(2026, 11, 1)))), Facts.Names.NONE);
		LevelEvaluator.LevelResult held = LevelEvaluator.evaluate(c, f, TODAY).held();
		assertThat(held.level().rank()).isEqualTo(2);
		assertThat(held.validUntil()).isEqualTo(LocalDate.of(2027, 2, 1));
		assertThat(held.rules().get(0).description()).contains("Priya Patel", "Leo Learner").doesNotContain("Omar");
	}

	@Test
	void aCertificateCountsUntilItsOwnExpiryAndMustMatchANamedKind() {
		Capability c = capability(null, certificate(2, "ITIL"));
		Facts f = new Facts(Map.of(), Map.of(), Map.of(), Map.of(ID, List.of(
				new Facts.Certificate("First aid", "Red Cross", LocalDate.of(2026, 1, 1), null),
				new Facts.Certificate("ITIL 4 Foundation", "Axelos", LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1)))),
				Map.of(), Facts.Names.NONE);
		LevelEvaluator.LevelResult held = LevelEvaluator.evaluate(c, f, TODAY).held();
		assertThat(held.validUntil()).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(held.rules().get(0).description()).contains("ITIL 4 Foundation");
		assertThat(LevelEvaluator.evaluate(c, f, LocalDate.of(2027, 1, 1)).heldRank()).isNull();
	}
}
