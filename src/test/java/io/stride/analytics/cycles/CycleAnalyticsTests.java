package io.stride.analytics.cycles;

import java.util.List;

import io.stride.analytics.cycles.CycleAnalyticsFixtures.Story;
import io.stride.analytics.cycles.CycleAnalyticsReport.Figures;
import io.stride.analytics.cycles.CycleAnalyticsReport.Month;
import io.stride.analytics.cycles.CycleAnalyticsReport.TeamFigures;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.support.Fixtures;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Learning-cycle figures from contracts written the real way: who had an active cycle when, what goals serve,
 * validations and help, per team and month; and who may see them.
 */
// the story's teams have one to three people: figures for groups of any size (CycleAnalyticsMinimumGroupTests
// checks that groups of fewer than five are withheld by default)
@SpringBootTest(properties = "stride.analytics.cycles.minimum-group=1")
@Import(MovableClock.Config.class)
class CycleAnalyticsTests {

	@Autowired
	CycleAnalytics analytics;

	@Autowired
	CycleAnalyticsFixtures fixture;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	io.stride.cycles.LearningCycles cycles;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Story s;

	@BeforeEach
	void story() {
		clock.reset();
		s = fixture.story();
	}

	@Test
	void aManagerSeesTheirTeamsOverTheLastSixMonths() {
		CycleAnalyticsReport r = analytics.report(fixtures.viewer(s.org().managerA()), CycleAnalyticsFilter.DEFAULT);

		assertThat(r.everyone()).isFalse();
		assertThat(r.from()).isEqualTo(s.month().minusMonths(5).atDay(1));
		assertThat(r.to()).isEqualTo(s.today());
		assertThat(r.teams()).extracting(TeamFigures::id, TeamFigures::depth)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(s.org().teamA(), 0),
					org.assertj.core.groups.Tuple.tuple(s.org().subTeamA(), 1));
		// Manager A, Learner A and Learner A1; Learner A's cycle runs today, Learner A1's closed last month
		Figures total = r.total();
		assertThat(total.people()).isEqualTo(3);
		assertThat(total.withActiveCycle()).isEqualTo(1);
		assertThat(total.shareActive()).isEqualTo(0.3333);
		assertThat(total.hadCycle()).isEqualTo(2);
		assertThat(total.goals()).isEqualTo(4);
		assertThat(total.servesOrganization()).isEqualTo(1);
		assertThat(total.servesTeam()).isEqualTo(1);
		assertThat(total.servesSelf()).isEqualTo(3);
		// Manager A's "not yet" and Learner A1's validation of Learner B's goal; declining is no validation
		assertThat(total.validationsGiven()).isEqualTo(2);
		// goal 1: validated after 2 days, "not yet" after 4
		assertThat(total.validationsReceived()).isEqualTo(2);
		assertThat(total.medianDaysToValidate()).isEqualTo(3.0);
		// goals 1 and 3 look for help; goal 1 got an offer, goal 2's offer was withdrawn and it never asked
		assertThat(total.helpRequests()).isEqualTo(2);
		assertThat(total.helpAnswered()).isEqualTo(1);
		assertThat(total.shareHelpAnswered()).isEqualTo(0.5);
		assertThat(r.teams().get(0).period()).isEqualTo(total);

		Figures sub = r.teams().get(1).period();
		assertThat(List.of(sub.people(), sub.withActiveCycle(), sub.hadCycle(), sub.goals(), sub.servesSelf(),
				sub.validationsGiven(), sub.validationsReceived(), sub.helpRequests()))
			.containsExactly(1, 0, 1, 1, 1, 1, 0, 0);
		assertThat(sub.medianDaysToValidate()).isNull();
		assertThat(sub.shareHelpAnswered()).isNull();
	}

	@Test
	void monthByMonthCountsWhoHadACycleRunningAtEachMonthsEnd() {
		CycleAnalyticsReport r = analytics.report(fixtures.viewer(s.org().managerA()), CycleAnalyticsFilter.DEFAULT);

		assertThat(r.trend()).extracting(Month::month)
			.containsExactly(s.month().minusMonths(5), s.month().minusMonths(4), s.month().minusMonths(3),
					s.month().minusMonths(2), s.month().minusMonths(1), s.month());
		Month twoAgo = r.trend().get(3);
		Month lastMonth = r.trend().get(4);
		Month thisMonth = r.trend().get(5);
		assertThat(twoAgo.activeOn()).isEqualTo(s.month().minusMonths(2).atEndOfMonth());
		assertThat(twoAgo.figures().withActiveCycle()).isEqualTo(1);
		assertThat(twoAgo.figures().goals()).isEqualTo(1);
		// closed on the 15th: it ran last month, but not at its end
		assertThat(lastMonth.figures().withActiveCycle()).isZero();
		assertThat(lastMonth.figures().hadCycle()).isEqualTo(1);
		assertThat(thisMonth.activeOn()).isEqualTo(s.today());
		assertThat(thisMonth.figures().withActiveCycle()).isEqualTo(1);
		assertThat(thisMonth.figures().goals()).isEqualTo(3);
		assertThat(thisMonth.figures().validationsReceived()).isEqualTo(2);
		assertThat(r.trend().get(0).figures().hasActivity()).isFalse();
		// per team too: team A1 had its only active month-end two months ago
		assertThat(r.teams().get(1).months()).extracting(m -> m.figures().withActiveCycle())
			.containsExactly(0, 0, 0, 1, 0, 0);

		CycleAnalyticsReport past = analytics.report(fixtures.viewer(s.org().managerA()), new CycleAnalyticsFilter(null,
				s.month().minusMonths(2).atDay(1), s.month().minusMonths(2).atEndOfMonth()));
		assertThat(past.trend()).hasSize(1);
		assertThat(past.activeOn()).isEqualTo(s.month().minusMonths(2).atEndOfMonth());
		assertThat(past.total().withActiveCycle()).isEqualTo(1);
		assertThat(past.total().goals()).isEqualTo(1);
		assertThat(past.total().validationsGiven()).isZero();
	}

	@Test
	void adminsSeeEveryTeamAndFilterByOne() {
		Viewer admin = fixtures.admin();
		assertThat(analytics.teams(admin)).extracting(t -> t.id())
			.contains(s.org().teamA(), s.org().subTeamA(), s.org().teamB());
		CycleAnalyticsReport b = analytics.report(admin, new CycleAnalyticsFilter(s.org().teamB(), null, null));

		assertThat(b.everyone()).isTrue();
		assertThat(b.teamName()).startsWith("Team B");
		assertThat(b.teams()).extracting(TeamFigures::id).containsExactly(s.org().teamB());
		Figures f = b.total();
		assertThat(List.of(f.people(), f.withActiveCycle(), f.goals(), f.servesSelf(), f.validationsGiven(),
				f.validationsReceived(), f.helpRequests())).containsExactly(2, 1, 1, 1, 1, 1, 0);
		assertThat(f.medianDaysToValidate()).isEqualTo(1.0);
		assertThat(f.shareActive()).isEqualTo(0.5);
	}

	@Test
	void learnersAndOtherManagersTeamsAreNotFoundAndBadFiltersAreRefusedAtTheField() {
		assertThatThrownBy(() -> analytics.report(fixtures.viewer(s.org().learnerA()), CycleAnalyticsFilter.DEFAULT))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> analytics.teams(fixtures.viewer(s.org().learnerA())))
			.isInstanceOf(NotFoundException.class);
		Viewer managerA = fixtures.viewer(s.org().managerA());
		assertThatThrownBy(() -> analytics.report(managerA, new CycleAnalyticsFilter(s.org().teamB(), null, null)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> analytics.report(managerA, new CycleAnalyticsFilter(new TeamId("no-such-team"), null,
				null))).isInstanceOf(NotFoundException.class);
		assertThat(analytics.teams(managerA)).extracting(t -> t.id())
			.containsExactly(s.org().teamA(), s.org().subTeamA());

		assertThatThrownBy(() -> analytics.report(fixtures.admin(), new CycleAnalyticsFilter(new TeamId("no-such-team"),
				null, null))).isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.fieldErrors()).containsOnlyKeys("team"));
		assertThatThrownBy(() -> analytics.report(managerA, new CycleAnalyticsFilter(null, s.today().minusYears(3),
				s.today()))).isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.fieldErrors()).containsOnlyKeys("from"));
		assertThatThrownBy(() -> CycleAnalyticsFilter.parse(null, "2026-03-10", "2026-03-01"))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("to"));
		assertThatThrownBy(() -> CycleAnalyticsFilter.parse(null, "last week", null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("from"));
	}

	@Test
	void aTeamWithoutCyclesIsEmpty() {
		Viewer managerB = fixtures.viewer(s.org().managerB());
		CycleAnalyticsReport r = analytics.report(managerB, new CycleAnalyticsFilter(null,
				s.month().minusMonths(3).atDay(1), s.month().minusMonths(3).atEndOfMonth()));
		assertThat(r.isEmpty()).isTrue();
		assertThat(r.total().people()).isEqualTo(2);
		assertThat(r.total().shareActive()).isEqualTo(0.0);
	}

	@Test
	void aRemovedGoalIsNotCountedAndACycleIsActiveOnlyUntilItsEnd() {
		Viewer ana = fixtures.viewer(s.org().learnerA());
		cycles.removeGoal(ana, s.goal3());
		Figures a = analytics.report(fixtures.viewer(s.org().managerA()),
				new CycleAnalyticsFilter(s.org().teamA(), null, null)).total();
		assertThat(a.goals()).isEqualTo(3);
		assertThat(a.servesSelf()).isEqualTo(2);
		assertThat(a.helpRequests()).isEqualTo(1);
		assertThat(a.helpAnswered()).isEqualTo(1);

		// Learner A1's cycle, had it not been closed, would have run to its end date, 60 days after the start
		jdbc.sql("UPDATE learning_cycles SET status = 'ACTIVE', closed_at = NULL WHERE person_id = ?")
			.param(s.org().learnerSubA().value())
			.update();
		java.time.LocalDate end = s.month().minusMonths(2).atDay(1).plusDays(60);
		Figures onTheDay = analytics.report(fixtures.viewer(s.org().managerA()),
				new CycleAnalyticsFilter(s.org().subTeamA(), end, end)).total();
		Figures dayAfter = analytics.report(fixtures.viewer(s.org().managerA()),
				new CycleAnalyticsFilter(s.org().subTeamA(), end.plusDays(1), end.plusDays(1))).total();
		assertThat(onTheDay.withActiveCycle()).isEqualTo(1);
		assertThat(dayAfter.withActiveCycle()).isZero();
		assertThat(dayAfter.hadCycle()).isZero();
	}

	@Test
	void theMedianTakesTheMiddleOrTheMeanOfTheTwoMiddles() {
		assertThat(CycleAnalytics.median(List.of())).isNull();
		assertThat(CycleAnalytics.median(List.of(5.0, 1.0, 2.0))).isEqualTo(2.0);
		assertThat(CycleAnalytics.median(List.of(4.0, 1.0, 2.0, 10.0))).isEqualTo(3.0);
		assertThat(CycleAnalytics.median(List.of(0.04))).isEqualTo(0.0);
	}
}
