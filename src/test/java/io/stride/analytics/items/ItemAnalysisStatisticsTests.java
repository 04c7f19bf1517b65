package io.stride.analytics.items;

import java.util.List;
import java.util.Map;

import io.stride.analytics.items.ItemAnalysisFlag.Kind;
import io.stride.analytics.items.ItemAnalysisStatistics.Answered;
import io.stride.analytics.items.ItemAnalysisStatistics.Attempt;
import io.stride.authoring.CourseId;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The statistics on a small fixed data set, every expected value worked out by hand below. Five attempts at three
 * right/wrong questions (1 = right, 0 = wrong); T is the attempt's total.
 *
 * <pre>
 *          Q1  Q2  Q3   T   picks Q1 / Q2 / Q3
 *   a1      1   1   1   3   0 / 1 / 0
 *   a2      1   1   0   2   0 / 1 / 1
 *   a3      1   0   1   2   0 / 2 / 0
 *   a4      0   1   0   1   1 / 1 / 1
 *   a5      0   0   0   0   1 / 0 / 1
 * </pre>
 * Q1: single choice, options 1 hour (right), 24 hours, 1 week, Never. Q2: single choice, Stop, Report (right), Ignore.
 * Q3: true/false, True (right), False.
 */
class ItemAnalysisStatisticsTests {

	static final double E = 1e-6;

	/** The default thresholds, flagging from the first attempt: the data sets here are small. */
	static final ItemAnalysisThresholds FROM_ONE = new ItemAnalysisThresholds(0.90, 0.30, 0.25, 1, 1);

	static final Question Q1 = new Question("q1", QuestionKind.SINGLE_CHOICE, "Report within?",
			List.of("1 hour", "24 hours", "1 week", "Never"), List.of(0), "");

	static final Question Q2 = new Question("q2", QuestionKind.SINGLE_CHOICE, "The first step?",
			List.of("Stop", "Report", "Ignore"), List.of(1), "");

	static final Question Q3 = new Question("q3", QuestionKind.TRUE_FALSE, "Anyone may report?",
			List.of("True", "False"), List.of(0), "");

	static final List<Attempt> ATTEMPTS = List.of(attempt("a1", 1, "0", 1, "1", 1, "0"),
			attempt("a2", 1, "0", 1, "1", 0, "1"), attempt("a3", 1, "0", 0, "2", 1, "0"),
			attempt("a4", 0, "1", 1, "1", 0, "1"), attempt("a5", 0, "1", 0, "0", 0, "1"));

	ItemAnalysisReport report = ItemAnalysisStatistics.report(new CourseId("c"), "Incidents", false,
			List.of(Q1, Q2, Q3), ATTEMPTS, FROM_ONE);

	@Test
	void theQuizsMeanMedianAndStandardDeviationAreFractionsOfTheMarks() {
		// totals 3, 2, 2, 1, 0 out of 3: fractions 1, 2/3, 2/3, 1/3, 0
		// mean = (1 + 2/3 + 2/3 + 1/3 + 0) / 5 = (8/3) / 5 = 8/15 = 0.533333
		// median = the middle of 0, 1/3, 2/3, 2/3, 1 = 2/3
		// SD: totals' mean 1.6, deviations 1.4, 0.4, 0.4, -0.6, -1.6, squares 1.96 + 0.16 + 0.16 + 0.36 + 2.56 = 5.2,
		// variance 5.2 / (5 - 1) = 1.3, SD = √1.3 = 1.140175 marks, as a fraction of 3 marks 0.380058
		assertThat(report.attempts()).isEqualTo(5);
		assertThat(report.meanScore()).isCloseTo(8.0 / 15, within(E));
		assertThat(report.medianScore()).isCloseTo(2.0 / 3, within(E));
		assertThat(report.standardDeviation()).isCloseTo(0.380058, within(E));
	}

	@Test
	void cronbachsAlphaIsKr20ForRightOrWrongQuestions() {
		// each question's marks have variance 0.3 (worked out per question below): Σ = 0.9; totals' variance 1.3
		// alpha = k/(k-1) × (1 - Σ item variances / total variance) = 3/2 × (1 - 0.9/1.3) = 1.5 × 0.307692 = 0.461538
		// KR-20 (population variances): p = 0.6, 0.6, 0.4, Σpq = 0.24 × 3 = 0.72, totals' variance 5.2/5 = 1.04,
		// 3/2 × (1 - 0.72/1.04) = 1.5 × 0.307692 = 0.461538: the same
		assertThat(report.cronbachAlpha()).isCloseTo(0.461538, within(E));
	}

	@Test
	void questionOneDiscriminatesPerfectly() {
		// marks 1, 1, 1, 0, 0: facility 3/5 = 0.6; deviations 0.4 ×3, -0.6 ×2, squares 0.48 + 0.72 = 1.2,
		// variance 1.2/4 = 0.3, SD √0.3 = 0.547723
		// rest of test (T - mark) 2, 1, 1, 1, 0: mean 1, deviations 1, 0, 0, 0, -1, variance 2/4 = 0.5
		// covariance (0.4×1 + 0.4×0 + 0.4×0 + -0.6×0 + -0.6×-1)/4 = 1.0/4 = 0.25
		// discrimination index 0.25 / √(0.3 × 0.5) = 0.25 / 0.387298 = 0.645497
		// sorted and paired: marks 0, 0, 1, 1, 1 with rest 0, 1, 1, 1, 2: (-0.6×-1 + -0.6×0 + 0 + 0 + 0.4×1)/4 = 0.25,
		// so the efficiency is 0.25 / 0.25 = 1
		ItemAnalysisQuestion q1 = report.questions().get(0);
		assertThat(q1.attempts()).isEqualTo(5);
		assertThat(q1.facility()).isCloseTo(0.6, within(E));
		assertThat(q1.standardDeviation()).isCloseTo(0.547723, within(E));
		assertThat(q1.discriminationIndex()).isCloseTo(0.645497, within(E));
		assertThat(q1.discriminativeEfficiency()).isCloseTo(1.0, within(E));
		assertThat(q1.optionCounts()).containsExactly(3, 2, 0, 0);
	}

	@Test
	void questionTwoDoesNotDiscriminate() {
		// marks 1, 1, 0, 1, 0: facility 0.6, SD √0.3 = 0.547723; deviations 0.4, 0.4, -0.6, 0.4, -0.6
		// rest 2, 1, 2, 0, 0: mean 1, deviations 1, 0, 1, -1, -1
		// covariance (0.4 + 0 - 0.6 - 0.4 + 0.6)/4 = 0: discrimination index 0, efficiency 0
		// (largest covariance: marks 0, 0, 1, 1, 1 with rest 0, 0, 1, 2, 2: (0.6 + 0.6 + 0 + 0.4 + 0.4)/4 = 0.5)
		ItemAnalysisQuestion q2 = report.questions().get(1);
		assertThat(q2.facility()).isCloseTo(0.6, within(E));
		assertThat(q2.standardDeviation()).isCloseTo(0.547723, within(E));
		assertThat(q2.discriminationIndex()).isCloseTo(0.0, within(E));
		assertThat(q2.discriminativeEfficiency()).isCloseTo(0.0, within(E));
		assertThat(q2.optionCounts()).containsExactly(1, 3, 1);
	}

	@Test
	void questionThreeDiscriminatesSomewhat() {
		// marks 1, 0, 1, 0, 0: facility 0.4; deviations 0.6, -0.4, 0.6, -0.4, -0.4, squares 0.72 + 0.48 = 1.2,
		// variance 0.3, SD 0.547723
		// rest 2, 2, 1, 1, 0: mean 1.2, deviations 0.8, 0.8, -0.2, -0.2, -1.2, squares 0.64+0.64+0.04+0.04+1.44 = 2.8,
		// variance 0.7
		// covariance (0.48 - 0.32 - 0.12 + 0.08 + 0.48)/4 = 0.6/4 = 0.15
		// discrimination index 0.15 / √(0.3 × 0.7) = 0.15 / 0.458258 = 0.327327
		// sorted: marks 0, 0, 0, 1, 1 (-0.4 ×3, 0.6 ×2) with rest 0, 1, 1, 2, 2 (-1.2, -0.2, -0.2, 0.8, 0.8):
		// (0.48 + 0.08 + 0.08 + 0.48 + 0.48)/4 = 1.6/4 = 0.4; efficiency 0.15 / 0.4 = 0.375
		ItemAnalysisQuestion q3 = report.questions().get(2);
		assertThat(q3.facility()).isCloseTo(0.4, within(E));
		assertThat(q3.standardDeviation()).isCloseTo(0.547723, within(E));
		assertThat(q3.discriminationIndex()).isCloseTo(0.327327, within(E));
		assertThat(q3.discriminativeEfficiency()).isCloseTo(0.375, within(E));
		assertThat(q3.optionCounts()).containsExactly(2, 3);
	}

	@Test
	void theDefaultThresholdsFlagUnusedDistractorsAndWeakDiscrimination() {
		// Q1: nobody picked "1 week" or "Never"; Q2: index 0 < 0.25; Q3: facility 0.4 and index 0.33 pass
		assertThat(report.questions().get(0).flags()).extracting(ItemAnalysisFlag::kind, ItemAnalysisFlag::option)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.UNUSED_DISTRACTOR, 2),
					org.assertj.core.groups.Tuple.tuple(Kind.UNUSED_DISTRACTOR, 3));
		assertThat(report.questions().get(0).flags().get(0).message()).contains("“1 week”");
		assertThat(report.questions().get(1).flags()).extracting(ItemAnalysisFlag::kind)
			.containsExactly(Kind.WEAK_DISCRIMINATION);
		assertThat(report.questions().get(2).flags()).isEmpty();
		assertThat(report.flaggedQuestions()).isEqualTo(2);
	}

	@Test
	void theStrongGroupIsTheTop27PercentWithTies() {
		// 27% of 5 is 1.35, rounded up 2; the second best total is 2, and a2 and a3 share it, so both are in
		assertThat(ItemAnalysisStatistics.strongGroup(ATTEMPTS)).containsExactlyInAnyOrder("a1", "a2", "a3");
		// their picks: Q2 a1 Report, a2 Report, a3 Ignore
		assertThat(report.questions().get(1).strongGroupCounts()).containsExactly(0, 2, 1);
	}

	@Test
	void aDistractorTheStrongGroupPrefersToTheRightAnswerIsFlagged() {
		List<ItemAnalysisFlag> flags = ItemAnalysisStatistics.flags(Q2, 10, 0.5, 0.4, List.of(2, 5, 3),
				List.of(0, 1, 2), FROM_ONE);
		assertThat(flags).extracting(ItemAnalysisFlag::kind, ItemAnalysisFlag::option)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.STRONG_GROUP_DISTRACTOR, 2));
		assertThat(flags.get(0).message()).contains("“Ignore”").contains("(2)").contains("(1)");
	}

	@Test
	void facilityOutsideTheThresholdsIsTooEasyOrTooHard() {
		assertThat(ItemAnalysisStatistics.flags(Q3, 10, 0.95, 0.5, List.of(9, 1), List.of(3, 0),
				FROM_ONE)).extracting(ItemAnalysisFlag::kind).containsExactly(Kind.TOO_EASY);
		assertThat(ItemAnalysisStatistics.flags(Q3, 10, 0.2, 0.5, List.of(2, 8), List.of(1, 1),
				FROM_ONE)).extracting(ItemAnalysisFlag::kind).containsExactly(Kind.TOO_HARD);
		// exactly on a threshold is not beyond it
		assertThat(ItemAnalysisStatistics.flags(Q3, 10, 0.9, 0.25, List.of(9, 1), List.of(3, 0),
				FROM_ONE)).isEmpty();
	}

	@Test
	void anAdminsThresholdsChangeWhatIsFlagged() {
		ItemAnalysisThresholds strict = new ItemAnalysisThresholds(0.5, 0.45, 0.7, 1, 2);
		ItemAnalysisReport strictReport = ItemAnalysisStatistics.report(new CourseId("c"), "Incidents", false,
				List.of(Q1, Q2, Q3), ATTEMPTS, strict);
		assertThat(strictReport.questions().get(0).flags()).extracting(ItemAnalysisFlag::kind)
			.contains(Kind.TOO_EASY, Kind.WEAK_DISCRIMINATION);
		assertThat(strictReport.questions().get(2).flags()).extracting(ItemAnalysisFlag::kind)
			.containsExactly(Kind.TOO_HARD, Kind.WEAK_DISCRIMINATION);
	}

	@Test
	void withOneAttemptOnlyTheMeansAreComputable() {
		ItemAnalysisReport one = ItemAnalysisStatistics.report(new CourseId("c"), "Incidents", false,
				List.of(Q1, Q2, Q3), List.of(ATTEMPTS.get(0)), FROM_ONE);
		assertThat(one.meanScore()).isEqualTo(1.0);
		assertThat(one.medianScore()).isEqualTo(1.0);
		assertThat(one.standardDeviation()).isNull();
		assertThat(one.cronbachAlpha()).isNull();
		assertThat(one.questions().get(0).standardDeviation()).isNull();
		assertThat(one.questions().get(0).discriminationIndex()).isNull();
		assertThat(one.questions().get(0).discriminativeEfficiency()).isNull();
	}

	@Test
	void alphaIsNotComputableWhenEveryoneScoresAlike() {
		ItemAnalysisReport same = ItemAnalysisStatistics.report(new CourseId("c"), "Incidents", false,
				List.of(Q1, Q2, Q3), List.of(ATTEMPTS.get(0), attempt("b", 1, "0", 1, "1", 1, "0")),
				FROM_ONE);
		assertThat(same.cronbachAlpha()).isNull();
		assertThat(same.standardDeviation()).isEqualTo(0.0);
		assertThat(same.questions().get(0).discriminationIndex()).isNull();
	}

	@Test
	void partialCreditWithNoRealSpreadGivesNoFigureRatherThanRoundingNoise() {
		// Q1 right/wrong 1, 1, 0, 1, 0; everyone earns 1/3 on Q2 and 0.2 on Q3: Q1's rest of test is 1/3 + 0.2 for
		// every attempt, exactly no spread, so Q1 has no discrimination index or efficiency (and no flag for one);
		// Q2 and Q3 do not vary themselves, so neither do theirs
		List<Attempt> constantRest = List.of(attempt("p1", 0, "1", 1.0 / 3, "1", 0.2, "0"),
				attempt("p2", 1, "0", 1.0 / 3, "1", 0.2, "0"), attempt("p3", 1, "0", 1.0 / 3, "1", 0.2, "0"),
				attempt("p4", 0, "1", 1.0 / 3, "1", 0.2, "0"), attempt("p5", 1, "0", 1.0 / 3, "1", 0.2, "0"));
		ItemAnalysisReport partial = ItemAnalysisStatistics.report(new CourseId("c"), "Incidents", false,
				List.of(Q1, Q2, Q3), constantRest, FROM_ONE);
		assertThat(partial.questions().get(0).discriminationIndex()).isNull();
		assertThat(partial.questions().get(0).discriminativeEfficiency()).isNull();
		assertThat(partial.questions().get(0).flags()).extracting(ItemAnalysisFlag::kind)
			.doesNotContain(Kind.WEAK_DISCRIMINATION);
		assertThat(partial.questions().get(1).discriminationIndex()).isNull();
		assertThat(partial.questions().get(2).discriminationIndex()).isNull();

		// totals 0.2 + 0.7 + 1 = 1.9 and 0.7 + 0.2 + 1 = 1.9: no spread, so no alpha
		ItemAnalysisReport sameTotals = ItemAnalysisStatistics.report(new CourseId("c"), "Incidents", false,
				List.of(Q1, Q2, Q3), List.of(attempt("s1", 0.2, "1", 0.7, "1", 1, "0"),
						attempt("s2", 0.7, "0", 0.2, "1", 1, "0")),
				FROM_ONE);
		assertThat(sameTotals.cronbachAlpha()).isNull();
		assertThat(sameTotals.standardDeviation()).isCloseTo(0.0, within(E));
	}

	@Test
	void partialCreditIsCountedAsTheCreditEarned() {
		// Q2 earns 0.5, 1, 0 across three attempts; Q1 and Q3 are right/wrong
		//          Q1   Q2   Q3    T
		//   c1      1   0.5   1   2.5
		//   c2      1   1     0   2
		//   c3      0   0     0   0
		// Q2: facility 1.5/3 = 0.5; deviations 0, 0.5, -0.5, variance 0.5/2 = 0.25, SD 0.5
		// Q2 rest of test 2, 1, 0: mean 1, deviations 1, 0, -1, variance 2/2 = 1
		// covariance (0×1 + 0.5×0 + -0.5×-1)/2 = 0.25, discrimination 0.25 / √(0.25 × 1) = 0.5
		// sorted: marks 0, 0.5, 1 with rest 0, 1, 2: covariance (-0.5×-1 + 0 + 0.5×1)/2 = 0.5, efficiency 0.25/0.5 = 0.5
		ItemAnalysisReport partial = ItemAnalysisStatistics.report(new CourseId("c"), "Incidents", false,
				List.of(Q1, Q2, Q3), List.of(attempt("c1", 1, "0", 0.5, "1", 1, "0"),
						attempt("c2", 1, "0", 1, "1", 0, "1"), attempt("c3", 0, "1", 0, "0", 0, "1")),
				FROM_ONE);
		ItemAnalysisQuestion q2 = partial.questions().get(1);
		assertThat(q2.facility()).isCloseTo(0.5, within(E));
		assertThat(q2.standardDeviation()).isCloseTo(0.5, within(E));
		assertThat(q2.discriminationIndex()).isCloseTo(0.5, within(E));
		assertThat(q2.discriminativeEfficiency()).isCloseTo(0.5, within(E));
	}

	@Test
	void theStrongGroupComparesScoresAsAFractionOfTheQuestionsAsked() {
		// d1 was asked one question and got it right (1 of 1); d2, d3, d4 were asked all three and got 2 of 3 each:
		// by total d1 would rank last, by fraction it ranks first; 27% of 5 attempts, rounded up, is 2, so d1 and every attempt tied with the
		// second (2/3) are strong
		List<Attempt> mixed = List.of(new Attempt("d1", Map.of("q1", new Answered(1, "0"))),
				attempt("d2", 1, "0", 1, "1", 0, "1"), attempt("d3", 1, "0", 0, "0", 1, "0"),
				attempt("d4", 0, "1", 1, "1", 1, "0"), attempt("d5", 0, "1", 0, "0", 0, "1"));
		assertThat(ItemAnalysisStatistics.strongGroup(mixed)).containsExactlyInAnyOrder("d1", "d2", "d3", "d4");
	}

	@Test
	void withTheDefaultsAQuestionIsFlaggedOnlyFromTenAttempts() {
		// the five attempts above flag question 2 with the first attempt counting; by default they are too few
		ItemAnalysisReport five = ItemAnalysisStatistics.report(new CourseId("c"), "Incidents", false,
				List.of(Q1, Q2, Q3), ATTEMPTS, ItemAnalysisThresholds.DEFAULTS);
		assertThat(five.questions()).allSatisfy(q -> assertThat(q.flags()).isEmpty());
		// the figures are the same: only the flags wait
		assertThat(five.questions().get(1).discriminationIndex()).isEqualTo(report.questions().get(1).discriminationIndex());
		// the same five attempts twice over: ten, and question 2's flags are back
		List<Attempt> ten = new java.util.ArrayList<>(ATTEMPTS);
		ATTEMPTS.forEach(a -> ten.add(new Attempt(a.id() + "-again", a.answers())));
		ItemAnalysisReport flagged = ItemAnalysisStatistics.report(new CourseId("c"), "Incidents", false,
				List.of(Q1, Q2, Q3), ten, ItemAnalysisThresholds.DEFAULTS);
		assertThat(flagged.questions().get(1).flags()).extracting(ItemAnalysisFlag::kind)
			.contains(Kind.WEAK_DISCRIMINATION);
	}

	@Test
	void multipleSelectResponsesCountEveryPickAndOddResponsesNone() {
		assertThat(ItemAnalysisStatistics.picks("0[,]2", 3)).containsExactly(0, 2);
		assertThat(ItemAnalysisStatistics.picks("", 3)).isEmpty();
		assertThat(ItemAnalysisStatistics.picks("7[,]x[,]1", 3)).containsExactly(1);
	}

	@Test
	void thresholdsOutOfRangeAreRefusedFieldByField() {
		assertThat(new ItemAnalysisThresholds.Change(0.9, 0.3, 0.25, 10, 1).errors()).isEmpty();
		// left out, the minimum attempts keeps its saved value
		assertThat(new ItemAnalysisThresholds.Change(0.9, 0.3, 0.25, null, 1).errors()).isEmpty();
		assertThat(new ItemAnalysisThresholds.Change(0.9, 0.3, 0.25, 0, 1).errors()).containsOnlyKeys("minimumAttempts");
		assertThat(new ItemAnalysisThresholds.Change(0.9, 0.3, 0.25, 1001, 1).errors()).containsOnlyKeys("minimumAttempts");
		assertThat(new ItemAnalysisThresholds.Change(1.5, 0.3, 2.0, 10, 1).errors()).containsOnlyKeys("tooEasy",
				"weakDiscrimination");
		assertThat(new ItemAnalysisThresholds.Change(0.4, 0.6, 0.2, 10, 1).errors()).containsOnlyKeys("tooHard");
		assertThat(new ItemAnalysisThresholds.Change(null, null, null, null, null).errors()).containsOnlyKeys("tooEasy",
				"tooHard", "weakDiscrimination", "revision");
	}

	static Attempt attempt(String id, double s1, String r1, double s2, String r2, double s3, String r3) {
		return new Attempt(id, Map.of("q1", new Answered(s1, r1), "q2", new Answered(s2, r2), "q3",
				new Answered(s3, r3)));
	}
}
