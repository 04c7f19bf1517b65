package io.stride.analytics.cycles;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.stride.analytics.cycles.CycleAnalyticsFixtures.Story;
import io.stride.cycles.CycleFacts;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of a division of 2,000 people in 20 teams come from a few set-based queries, quickly; and the facts of
 * a group larger than a statement's parameters (70,000 ids) are still read.
 */
// the story's teams have one to three people: figures for groups of any size (CycleAnalyticsMinimumGroupTests
// checks that groups of fewer than five are withheld by default)
@SpringBootTest(properties = "stride.analytics.cycles.minimum-group=1")
class CycleAnalyticsDivisionTests {

	@Autowired
	CycleAnalytics analytics;

	@Autowired
	CycleFacts facts;

	@Autowired
	CycleAnalyticsFixtures fixture;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	com.zaxxer.hikari.HikariDataSource pool;

	@Test
	void aDivisionOfTwoThousandPeopleIsCountedQuickly() {
		Story s = fixture.story();
		Instant now = Instant.now();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		List<Object[]> teams = new ArrayList<>();
		List<Object[]> people = new ArrayList<>();
		List<Object[]> members = new ArrayList<>();
		List<Object[]> cycles = new ArrayList<>();
		List<Object[]> goals = new ArrayList<>();
		List<Object[]> validations = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (int t = 0; t < 20; t++) {
			String team = UUID.randomUUID().toString();
			teams.add(new Object[] { team, "Division team " + t + " " + s.org().suffix(), s.org().teamA().value(),
					Timestamp.from(now) });
			for (int p = 0; p < 100; p++) {
				String person = UUID.randomUUID().toString();
				ids.add(person);
				people.add(new Object[] { person, "Person " + t + "-" + p, person + "@division.test", Timestamp.from(now) });
				members.add(new Object[] { team, person });
				if (p % 2 == 0) {
					String cycle = UUID.randomUUID().toString();
					cycles.add(new Object[] { cycle, person, Date.valueOf(today.minusDays(10)),
							Date.valueOf(today.plusDays(50)), Timestamp.from(now) });
					for (int g = 0; g < 2; g++) {
						String goal = UUID.randomUUID().toString();
						goals.add(new Object[] { goal, cycle, g, Timestamp.from(now) });
						if (g == 0 && p % 4 == 0) {
							validations.add(new Object[] { UUID.randomUUID().toString(), goal, person,
									s.org().managerA().value(), Timestamp.from(now.minus(Duration.ofDays(2))),
									Timestamp.from(now) });
						}
					}
				}
			}
		}
		jdbc.batchUpdate("INSERT INTO teams (id, name, parent_id, created_at) VALUES (?, ?, ?, ?)", teams);
		jdbc.batchUpdate("INSERT INTO people (id, name, email, active, created_at) VALUES (?, ?, ?, TRUE, ?)", people);
		jdbc.batchUpdate("INSERT INTO team_members (team_id, person_id) VALUES (?, ?)", members);
		jdbc.batchUpdate("INSERT INTO learning_cycles (id, person_id, title, starts_on, ends_on, status, visibility, "
				+ "revision, created_at, updated_at) VALUES (?, ?, 'Cycle', ?, ?, 'ACTIVE', 'TEAM', 0, ?, ?)",
				cycles.stream().map(c -> new Object[] { c[0], c[1], c[2], c[3], c[4], c[4] }).toList());
		jdbc.batchUpdate("INSERT INTO learning_goals (id, cycle_id, position, what, serves_self, looking_for_help, "
				+ "progress, minutes_logged, created_at, updated_at) VALUES (?, ?, ?, 'A goal', TRUE, FALSE, 0, 0, ?, ?)",
				goals.stream().map(g -> new Object[] { g[0], g[1], g[2], g[3], g[3] }).toList());
		jdbc.batchUpdate("INSERT INTO goal_validation_requests (id, goal_id, requester_id, validator_id, status, "
				+ "created_at, answered_at) VALUES (?, ?, ?, ?, 'VALIDATED', ?, ?)", validations);

		var manager = fixtures.viewer(s.org().managerA());
		analytics.report(manager, CycleAnalyticsFilter.DEFAULT); // warm up
		long started = System.nanoTime();
		CycleAnalyticsReport r = analytics.report(manager, CycleAnalyticsFilter.DEFAULT);
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.println("Learning-cycle figures of a 2,003-person division, 20 teams, 6 months: " + millis + " ms");

		// the story's Manager A, Learner A and Learner A1 with the division's 2,000
		assertThat(r.total().people()).isEqualTo(2003);
		assertThat(r.total().withActiveCycle()).isEqualTo(1001);
		assertThat(r.total().goals()).isEqualTo(2004);
		assertThat(r.total().validationsGiven()).isEqualTo(1 + 1 + 500);
		assertThat(r.teams()).hasSize(22);
		assertThat(r.teams().get(0).period().people()).isEqualTo(2003);
		assertThat(r.teams().stream().filter(t -> t.name().startsWith("Division team 7 ")).findFirst().orElseThrow()
			.period().withActiveCycle()).isEqualTo(50);
		assertThat(millis).as("figures of a 2,000-person division").isLessThan(3000);

		// 70,000 ids in one array parameter, only 2,000 of them people (H2, the embedded database for trying Stride
		// out, holds at most 65,536 values in an array: 60,000 there)
		int nobodies = pool.getJdbcUrl().startsWith("jdbc:postgresql:") ? 70_000 : 60_000;
		List<PersonId> many = new ArrayList<>(ids.stream().map(PersonId::new).toList());
		for (int i = 0; i < nobodies; i++) {
			many.add(new PersonId("nobody-" + i));
		}
		assertThat(facts.of(many, today.minusDays(1), today).cycles()).hasSize(1000);
	}
}
