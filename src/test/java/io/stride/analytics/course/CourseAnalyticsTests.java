package io.stride.analytics.course;

import java.time.LocalDate;
import java.util.List;

import io.stride.analytics.course.CourseAnalyticsFixtures.History;
import io.stride.analytics.course.CourseAnalyticsReport.LessonStep;
import io.stride.analytics.course.CourseAnalyticsReport.Week;
import io.stride.identity.TeamId;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every figure of the fixed history in {@link CourseAnalyticsFixtures}, worked out by hand.
 */
@SpringBootTest
class CourseAnalyticsTests {

	@Autowired
	CourseAnalytics analytics;

	@Autowired
	CourseAnalyticsFixtures story;

	@Autowired
	Fixtures fixtures;

	History h;

	@BeforeEach
	void history() {
		h = story.history("Complaints");
	}

	@Test
	void theAuthorSeesEveryLearnersFigures() {
		CourseAnalyticsReport r = report(null, null, null);
		// opened: P1..P6; started (read a lesson or attempted): P1..P5; completed: P1, P2, P5
		assertThat(r.opened()).isEqualTo(6);
		assertThat(r.started()).isEqualTo(5);
		assertThat(r.completed()).isEqualTo(3);
		// 3 / 5
		assertThat(r.completionRate()).isEqualTo(0.6);
		// times to complete 40, 90 and 60 minutes: sorted 40, 60, 90, the middle one is 60
		assertThat(r.medianMinutes()).isEqualTo(60.0);
		// ATTEMPTED: P1 twice, P2, P5 = 4; graded: P1 failed + passed, P2 passed, P5 passed = 4, of which 3 passed
		assertThat(r.attemptsStarted()).isEqualTo(4);
		assertThat(r.attempts()).isEqualTo(4);
		assertThat(r.passedAttempts()).isEqualTo(3);
		assertThat(r.passRate()).isEqualTo(0.75);
		assertThat(r.learnersPassed()).isEqualTo(3);
		// helpful 1, unclear 1, outdated 1: (1 − 1 − 1) / 3 × 100 = −33.3 → −33; P2's and P3's requests are open
		assertThat(r.reactionScore()).isEqualTo(-33);
		assertThat(r.openImprovementRequests()).isEqualTo(2);
	}

	@Test
	void theFunnelCountsLearnersPerLessonInLessonOrder() {
		List<LessonStep> funnel = report(null, null, null).funnel();
		// L1: P1, P2, P3, P4, P5 = 5; L2: P1, P2, P3, P5 = 4; L3: P1, P2, P5 = 3
		assertThat(funnel).extracting(LessonStep::lessonTitle).containsExactly("Listen", "Log it", "Follow up");
		assertThat(funnel).extracting(LessonStep::reached).containsExactly(5, 4, 3);
		// L2: (5 − 4) / 5 = 0.2; L3: (4 − 3) / 4 = 0.25; the first lesson has no previous one
		assertThat(funnel).extracting(LessonStep::dropOff).containsExactly(null, 0.2, 0.25);
		assertThat(funnel.get(0).lessonId()).isEqualTo(h.lesson(1));
	}

	@Test
	void theTrendCountsLearnersPerIsoWeek() {
		List<Week> trend = report(null, null, null).trend();
		// 2026-03-02 is the Monday of ISO week 10; week 10: opened P1, P2, P3, started the same three, completed P1, P2;
		// week 11 (from 2026-03-09): opened P4, P5, P6, started P4, P5, completed P5
		assertThat(trend).containsExactly(new Week("2026-W10", LocalDate.parse("2026-03-02"), 3, 3, 2),
				new Week("2026-W11", LocalDate.parse("2026-03-09"), 3, 2, 1));
	}

	@Test
	void aTeamFilterCountsTheTeamAndItsSubTeamsOnly() {
		CourseAnalyticsReport r = report(h.org().teamA().value(), null, null);
		// team A and A1: P1 (A), P2 (A1), P4 (A)
		assertThat(r.teamName()).startsWith("Team A ");
		assertThat(r.opened()).isEqualTo(3);
		assertThat(r.started()).isEqualTo(3);
		assertThat(r.completed()).isEqualTo(2);
		// 2 / 3 = 0.66666… → 0.6667
		assertThat(r.completionRate()).isEqualTo(0.6667);
		// 40 and 90 minutes: an even count takes the mean of the middle two, (40 + 90) / 2 = 65
		assertThat(r.medianMinutes()).isEqualTo(65.0);
		// L1: P1, P2, P4; L2: P1, P2; L3: P1, P2 → drop-off (3 − 2) / 3 = 0.3333, then (2 − 2) / 2 = 0
		assertThat(r.funnel()).extracting(LessonStep::reached).containsExactly(3, 2, 2);
		assertThat(r.funnel()).extracting(LessonStep::dropOff).containsExactly(null, 0.3333, 0.0);
		// graded attempts: P1 failed + passed, P2 passed: 2 / 3
		assertThat(r.attempts()).isEqualTo(3);
		assertThat(r.passRate()).isEqualTo(0.6667);
		// reactions of P1 (helpful) and P2 (unclear): (1 − 1) / 2 = 0; only P2's request is open
		assertThat(r.reactionScore()).isZero();
		assertThat(r.openImprovementRequests()).isEqualTo(1);
	}

	@Test
	void aPeriodFilterCountsWholeUtcDaysWithBothEndsIncluded() {
		CourseAnalyticsReport r = report(null, "2026-03-09", "2026-03-15");
		// week 11 only: opened P4, P5, P6; started P4, P5; completed P5
		assertThat(r.opened()).isEqualTo(3);
		assertThat(r.started()).isEqualTo(2);
		assertThat(r.completed()).isEqualTo(1);
		assertThat(r.completionRate()).isEqualTo(0.5);
		// P5: 07:00 → 08:00
		assertThat(r.medianMinutes()).isEqualTo(60.0);
		// L1: P4, P5; L2: P5; L3: P5
		assertThat(r.funnel()).extracting(LessonStep::reached).containsExactly(2, 1, 1);
		// P5's one graded attempt passed
		assertThat(r.attempts()).isEqualTo(1);
		assertThat(r.passRate()).isEqualTo(1.0);
		assertThat(r.trend()).containsExactly(new Week("2026-W11", LocalDate.parse("2026-03-09"), 3, 2, 1));
	}

	@Test
	void timeToCompleteStartsAtTheFirstOpenEvenBeforeThePeriod() {
		// Tuesday 2026-03-03 only: P2 opened at 10:00 and completed at 11:30 the same day → 90
		CourseAnalyticsReport tuesday = report(null, "2026-03-03", "2026-03-03");
		assertThat(tuesday.opened()).isEqualTo(1);
		assertThat(tuesday.medianMinutes()).isEqualTo(90.0);
		// a period with no completion has no median and no rates to divide
		CourseAnalyticsReport wednesday = report(null, "2026-03-04", "2026-03-04");
		assertThat(wednesday.completed()).isZero();
		assertThat(wednesday.medianMinutes()).isNull();
		assertThat(wednesday.passRate()).isNull();
	}

	@Test
	void aManagerSeesTheirOwnTeamTreeAndNothingElse() {
		var managerA = fixtures.viewer(h.org().managerA());
		// without a team: the teams they manage (A and A1), as in the team filter above
		CourseAnalyticsReport own = analytics.report(managerA, h.course().id(), CourseAnalyticsFilter.EVERYTHING);
		assertThat(own.opened()).isEqualTo(3);
		assertThat(own.completed()).isEqualTo(2);
		// a sub-team they manage through its parent: P2 only
		CourseAnalyticsReport sub = analytics.report(managerA, h.course().id(),
				new CourseAnalyticsFilter(h.org().subTeamA(), null, null));
		assertThat(sub.opened()).isEqualTo(1);
		assertThat(sub.medianMinutes()).isEqualTo(90.0);
		assertThatThrownBy(() -> analytics.report(managerA, h.course().id(),
				new CourseAnalyticsFilter(h.org().teamB(), null, null))).isInstanceOf(NotFoundException.class);
	}

	@Test
	void learnersGetNotFound() {
		assertThatThrownBy(() -> analytics.report(fixtures.viewer(h.p1()), h.course().id(), CourseAnalyticsFilter.EVERYTHING))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void badFiltersAreExplained() {
		assertThatThrownBy(() -> CourseAnalyticsFilter.parse(null, "2026-02-30", null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not applied")
			.satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors().get("from")).contains("YYYY-MM-DD"));
		assertThatThrownBy(() -> CourseAnalyticsFilter.parse(null, "2026-03-10", "2026-03-01"))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors().get("to")).contains("before the start date"));
		assertThatThrownBy(() -> analytics.report(fixtures.viewer(h.author()), h.course().id(),
				new CourseAnalyticsFilter(new TeamId("no-such-team"), null, null)))
			.isInstanceOf(InvalidInputException.class);
	}

	private CourseAnalyticsReport report(String team, String from, String to) {
		return analytics.report(fixtures.viewer(h.author()), h.course().id(), CourseAnalyticsFilter.parse(team, from, to));
	}
}
