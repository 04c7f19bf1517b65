package io.stride.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.stride.analytics.attention.internal.NeedsAttentionQueries;
import io.stride.analytics.course.CourseAnalytics;
import io.stride.analytics.course.CourseAnalyticsFilter;
import io.stride.analytics.course.CourseAnalyticsFixtures;
import io.stride.analytics.course.CourseAnalyticsFixtures.History;
import io.stride.analytics.course.CourseAnalyticsReport;
import io.stride.analytics.course.internal.CourseAnalyticsQueries;
import io.stride.analytics.course.internal.CourseAnalyticsSlice;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team tree of a large organization is passed to the queries as its members: more of them than PostgreSQL's
 * driver takes as parameters of one statement (65,535) must still give the team's figures.
 */
@SpringBootTest
class LargeTeamQueriesTests {

	@Autowired
	CourseAnalyticsFixtures story;

	@Autowired
	CourseAnalytics analytics;

	@Autowired
	CourseAnalyticsQueries queries;

	@Autowired
	NeedsAttentionQueries needsAttention;

	@Autowired
	Fixtures fixtures;

	@Autowired
	com.zaxxer.hikari.HikariDataSource pool;

	@Test
	void seventyThousandMembersGiveTheFiguresOfTheFewWhoLearned() {
		History h = story.history("Large team");
		String course = h.course().id().value();
		// the history's learners, then people who never opened anything: 70,000 on PostgreSQL; H2, the embedded database
		// for trying Stride out, holds at most 65,536 values in an array, so 60,000 there
		int nobodies = pool.getJdbcUrl().startsWith("jdbc:postgresql:") ? 70_000 : 60_000;
		List<String> members = new ArrayList<>();
		for (PersonId p : List.of(h.p1(), h.p2(), h.p3(), h.p4(), h.p5(), h.p6())) {
			members.add(p.value());
		}
		for (int i = 0; i < nobodies; i++) {
			members.add("nobody-" + i);
		}
		queries.catchUp();
		CourseAnalyticsSlice allTime = new CourseAnalyticsSlice(course, null, null, members);
		CourseAnalyticsSlice period = new CourseAnalyticsSlice(course, Instant.parse("2020-01-01T00:00:00Z"),
				Instant.parse("2030-01-01T00:00:00Z"), members);
		// the six learners of the history are every learner of the course: the course's own figures
		CourseAnalyticsReport everyone = analytics.report(fixtures.viewer(h.author()), h.course().id(),
				CourseAnalyticsFilter.EVERYTHING);
		assertThat(queries.totals(allTime).opened()).isEqualTo(everyone.opened()).isEqualTo(6);
		assertThat(queries.totals(period).opened()).isEqualTo(6);
		assertThat(queries.timesToComplete(allTime)).hasSize(everyone.completed());
		assertThat(queries.timesToComplete(period)).hasSize(everyone.completed());
		assertThat(queries.reachedByLesson(allTime)).containsValue(5);
		assertThat(needsAttention.coursesTakenBy(members)).contains(course);
		assertThat(needsAttention.startedLearners(List.of(course), members)).containsEntry(course, everyone.started());
		// and a filter by one of the history's teams still counts only its members
		CourseAnalyticsReport teamA = analytics.report(fixtures.viewer(h.author()), h.course().id(),
				new CourseAnalyticsFilter(h.org().teamA(), null, null));
		assertThat(teamA.opened()).isLessThan(everyone.opened());
	}
}
