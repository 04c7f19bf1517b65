package io.stride.capability.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.stride.capability.Capability;
import io.stride.capability.EvidenceRule;
import io.stride.capability.RuleKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outside activity rule on a day: the newest completion with enough score counts from its day for the capability's
 * validity, a completion without a score never meets a minimum, and the IRI must be absolute.
 */
class OutsideActivityRuleTests {

	static final String MOOC = "https://mooc.example/courses/negotiation";

	static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

	static EvidenceRule outside(Double minScore) {
		return new EvidenceRule("r-o", 1, RuleKind.OUTSIDE_ACTIVITY, null, false, null, null, null, null, MOOC,
				"Negotiation fundamentals", minScore);
	}

	static Facts completed(Facts.OutsideCompletion... completions) {
		return new Facts(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Facts.Names.NONE, Map.of(MOOC, List.of(completions)));
	}

	@Test
	void theNewestCompletionWithEnoughScoreDecidesHowLongItCounts() {
		Capability c = LevelEvaluatorTests.capability(12, outside(0.8));
		Facts facts = completed(new Facts.OutsideCompletion(LocalDate.of(2026, 1, 10), 0.9),
				new Facts.OutsideCompletion(LocalDate.of(2026, 6, 1), 0.5),
				new Facts.OutsideCompletion(LocalDate.of(2026, 3, 1), 0.8));
		LevelEvaluator.Evaluation on = LevelEvaluator.evaluate(c, facts, TODAY);
		assertThat(on.heldRank()).isEqualTo(1);
		assertThat(on.held().validUntil()).isEqualTo(LocalDate.of(2027, 3, 1));
		assertThat(on.held().rules().get(0).description()).isEqualTo(
				"Completed “Negotiation fundamentals” in an outside tool on 1 Mar 2026; counts until 28 Feb 2027");

		LevelEvaluator.RuleResult expired = LevelEvaluator.evaluate(c, facts, LocalDate.of(2027, 3, 1)).levels().get(0)
			.rules().get(0);
		assertThat(expired.met()).isFalse();
		assertThat(expired.description()).endsWith("expired on 1 Mar 2027");
		assertThat(expired.missing().description())
			.isEqualTo("Complete “Negotiation fundamentals” in the outside tool with a score of at least 80 %");
	}

	@Test
	void withAMinimumACompletionWithoutAScoreDoesNotCountWithoutOneItDoes() {
		Facts noScore = completed(new Facts.OutsideCompletion(LocalDate.of(2026, 11, 1), null));
		assertThat(LevelEvaluator.evaluate(LevelEvaluatorTests.capability(null, outside(0.5)), noScore, TODAY).heldRank())
			.isNull();
		assertThat(LevelEvaluator.evaluate(LevelEvaluatorTests.capability(null, outside(null)), noScore, TODAY).heldRank())
			.isEqualTo(1);
		assertThat(LevelEvaluator.evaluate(LevelEvaluatorTests.capability(null, outside(null)), Facts.NONE, TODAY)
			.levels().get(0).rules().get(0).description())
			.isEqualTo("“Negotiation fundamentals” not completed in an outside tool yet");
	}

	@Test
	void theActivityMustBeNamedByAnAbsoluteIriAndTheScoreBeAFraction() {
		assertThat(DraftCheck.outsideActivityProblem(MOOC, null, 0.8)).isNull();
		assertThat(DraftCheck.outsideActivityProblem("urn:mooc:negotiation", "Negotiation", 0.0)).isNull();
		assertThat(DraftCheck.outsideActivityProblem("", null, null)).startsWith("Give the outside activity's IRI");
		assertThat(DraftCheck.outsideActivityProblem("/courses/negotiation", null, null)).startsWith("The activity's IRI must be absolute");
		assertThat(DraftCheck.outsideActivityProblem("https://mooc.example/a b", null, null)).startsWith("The activity's IRI must be absolute");
		assertThat(DraftCheck.outsideActivityProblem(MOOC, null, 1.01)).startsWith("The lowest score that counts");
		assertThat(DraftCheck.outsideActivityProblem(MOOC, null, Double.NaN)).startsWith("The lowest score that counts");
		assertThat(DraftCheck.outsideActivityProblem(MOOC, "x".repeat(201), null)).isEqualTo("Keep the activity's name to 200 characters.");
	}
}
