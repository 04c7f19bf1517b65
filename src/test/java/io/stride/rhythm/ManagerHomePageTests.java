package io.stride.rhythm;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import io.stride.analytics.outcomes.OutcomeMetric;
import io.stride.analytics.outcomes.OutcomeMetricChange;
import io.stride.analytics.outcomes.Outcomes;
import io.stride.authoring.Course;
import io.stride.capability.CapabilityId;
import io.stride.delivery.Delivery;
import io.stride.feedback.Feedback;
import io.stride.identity.PersonId;
import io.stride.shared.Ids;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The manager's home as a signed-in browser and an API client get it: every section from real data, each item
 * linking to where it is acted on, empty states that say what to do first, and only the manager's own tree.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class ManagerHomePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows rows;

	@Autowired
	MovableClock clock;

	@Autowired
	Delivery delivery;

	@Autowired
	Outcomes outcomes;

	@Autowired
	Feedback feedback;

	@Autowired
	JdbcClient jdbc;

	Org org;

	LocalDate today;

	CapabilityId escalations;

	CapabilityId refunds;

	Course course;

	OutcomeMetric metric;

	String ritual;

	String lastSession;

	String intervention;

	@BeforeEach
	void teamAWithSomethingInEachSection() {
		clock.reset();
		org = fixtures.organization();
		// an assignment due today, three days ago by the time the manager looks
		course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Handling objections " + org.suffix());
		delivery.assign(fixtures.viewer(org.managerA()), course.id(), org.teamA(), LocalDate.now(clock));
		clock.advance(Duration.ofDays(3));
		today = LocalDate.now(clock);
		// two wanted, one holds it: short
		escalations = rows.capability("Complex escalations " + org.suffix(), "Customer Success " + org.suffix(), org.managerA());
		rows.holds(org.learnerA(), escalations, 2, null);
		rows.target(org.teamA(), escalations, 2, 2, org.managerA());
		// evidence expiring within 30 days and within 90 (beyond the coverage page's 60-day notice)
		refunds = rows.capability("Refunds " + org.suffix(), "Customer Success " + org.suffix(), org.managerA());
		rows.holds(org.learnerSubA(), refunds, 1, today.plusDays(20));
		rows.holds(org.learnerA(), refunds, 1, today.plusDays(75));
		// learners find a lesson of the manager's course unclear
		feedback.react(fixtures.viewer(org.learnerA()), course.id(), course.lessons().get(0).id(), "UNCLEAR", null);
		// escalations per week went down from 14 to 12: better
		metric = outcomes.define(fixtures.viewer(org.managerA()), org.teamA(), new OutcomeMetricChange(
				"Escalations " + org.suffix(), "escalations", "LOWER_IS_BETTER", "WEEK", "",
				List.of(course.id().value()), null));
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		outcomes.putValue(fixtures.viewer(org.managerA()), metric.id(), monday.minusWeeks(2).toString(), 14.0);
		outcomes.putValue(fixtures.viewer(org.managerA()), metric.id(), monday.minusWeeks(1).toString(), 12.0);
		// a weekly pipeline call held six days ago, which recorded an intervention still open; it meets again tomorrow
		Instant held = clock.instant().minus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
		ritual = insertRitual(org.teamA(), "Pipeline call " + org.suffix(), held);
		lastSession = insertSession(ritual, org.teamA().value(), held);
		intervention = insertIntervention(lastSession, org.teamA().value(), escalations, org.managerA(), today.plusDays(7),
				"Pair Learner A1 with Learner A on two escalations");
	}

	@Test
	void aManagerSeesEachSectionWithWhereToActOnIt() throws Exception {
		Document page = page("/home", org.managerA());
		assertThat(page.select("h1")).hasSize(1);
		assertThat(page.select("#my-learning-link a").attr("href")).isEqualTo("/learning");
		// the brand leads home ("/" answers with each person's start page): the navigation has no room for one more link
		assertThat(page.select("#home-link").attr("href")).isEqualTo("/");

		String team = "/teams/" + org.teamA().value();
		var risk = page.select("#risk-" + escalations.value());
		assertThat(risk.text()).contains("Complex escalations " + org.suffix(), "Short", "1 of 2 wanted at Can do it alone");
		assertThat(risk.select("a").attr("href")).isEqualTo(team + "/coverage");

		var expiring = page.select("#expiring li");
		assertThat(expiring.eachText()).anySatisfy(t -> assertThat(t).contains("Learner A1: Refunds " + org.suffix(),
				"Within 30 days", "until " + today.plusDays(20), "(20 days)"));
		assertThat(expiring.eachText()).anySatisfy(t -> assertThat(t).contains("Learner A: Refunds " + org.suffix(),
				"(75 days)").doesNotContain("Within 30 days"));
		assertThat(expiring.select("a").eachAttr("href")).contains("/people/" + org.learnerSubA().value() + "/capabilities");

		var overdue = page.select("#overdue li");
		assertThat(overdue.eachText()).anySatisfy(t -> assertThat(t).contains("Learner A: Handling objections " + org.suffix(),
				"Due " + today.minusDays(3), "3 days overdue", "not started"));
		assertThat(overdue.select("a").eachAttr("href")).containsOnly(team);

		var courses = page.select("#courses li");
		assertThat(courses.eachText()).anySatisfy(t -> assertThat(t).contains("Handling objections " + org.suffix(),
				"found unclear or outdated 1 of 1 times"));
		assertThat(courses.select("a").eachAttr("href")).contains("/courses/" + course.id().value() + "/analytics");

		var indicator = page.select("#indicator-" + metric.id());
		assertThat(indicator.text()).contains("Escalations " + org.suffix(), "Down from 14 to 12 (better)");
		assertThat(indicator.select("a").attr("href")).isEqualTo("/outcomes/" + metric.id());

		assertThat(page.select("#next-ritual").text()).contains("Pipeline call " + org.suffix(), "Pipeline or forecast call",
				"60 minutes", "UTC");
		assertThat(page.select("#next-ritual a").attr("href")).isEqualTo(team + "/rituals");
		// no session prepared yet, so no pre-read to link to (a prepared one is linked: see the QBR journey)
		assertThat(page.select("#next-pre-read")).isEmpty();
		var open = page.select("#intervention-" + intervention);
		assertThat(open.text()).contains("Assign a course: Complex escalations " + org.suffix(), "Manager A",
				"due " + today.plusDays(7), "Pair Learner A1 with Learner A");
		assertThat(open.select("a").attr("href")).isEqualTo("/sessions/" + lastSession);

		// the slices still being built show their place and what to do first
		assertThat(page.select("#no-commissions a").attr("href")).isEqualTo("/commissions");
		assertThat(page.select("#no-hours a").attr("href")).isEqualTo(team + "/learning-hours");
	}

	@Test
	void theApiHasTheSameSections() throws Exception {
		String token = fixtures.token(org.managerA());
		mvc.perform(get("/api/v1/home").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.teams[0].id").value(org.teamA().value()))
			.andExpect(jsonPath("$.capabilities[?(@.capabilityId == '%s')].status", escalations.value()).value("SHORT"))
			.andExpect(jsonPath("$.expiringEvidence[?(@.personId == '%s')].daysLeft", org.learnerSubA().value()).value(20))
			.andExpect(jsonPath("$.overdueAssignments[?(@.courseId == '%s' && @.personId == '%s')].daysOverdue",
					course.id().value(), org.learnerA().value()).value(3))
			.andExpect(jsonPath("$.outcomeIndicators[?(@.id == '%s')].trend", metric.id()).value("IMPROVING"))
			.andExpect(jsonPath("$.nextRitual.ritualId").value(ritual))
			.andExpect(jsonPath("$.nextRitual.timeZone").value("UTC"))
			.andExpect(jsonPath("$.nextRitual.openInterventions[0].id").value(intervention))
			.andExpect(jsonPath("$.nextRitual.openInterventions[0].link").value("/sessions/" + lastSession))
			.andExpect(jsonPath("$.openInterventions").value(1))
			.andExpect(jsonPath("$.openCommissions").isEmpty())
			.andExpect(jsonPath("$.learningHours").isEmpty());
		// one team of the tree, with only the courses its people take (Learner A, who found the lesson unclear, is not
		// in it); a team outside it is not found
		mvc.perform(get("/api/v1/home").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$.coursesNeedingAttention[?(@.courseId == '%s')]", course.id().value()).isNotEmpty());
		mvc.perform(get("/api/v1/home").param("teamId", org.subTeamA().value()).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.teams[0].id").value(org.subTeamA().value()))
			.andExpect(jsonPath("$.coursesNeedingAttention[?(@.courseId == '%s')]", course.id().value()).isEmpty());
		mvc.perform(get("/api/v1/home").param("teamId", org.teamB().value()).header("Authorization", "Bearer " + token))
			.andExpect(status().isNotFound());
		// a learner who manages nothing gets empty sections
		mvc.perform(get("/api/v1/home").header("Authorization", "Bearer " + fixtures.token(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.teams").isEmpty())
			.andExpect(jsonPath("$.capabilities").isEmpty())
			.andExpect(jsonPath("$.nextRitual").doesNotExist());
	}

	@Autowired
	LearningHours learningHours;

	@Test
	void learningHoursPlannedThisPeriodShowWithTheHoursUsed() throws Exception {
		var manager = fixtures.viewer(org.managerA());
		LearningPeriod sprint = learningHours.createPeriod(manager, org.teamA(), new LearningHours.PeriodDraft(
				"Sprint " + org.suffix(), today.minusDays(3).toString(), today.plusDays(10).toString()));
		learningHours.allocate(manager, org.teamA(), sprint.id(), sprint.revision(), List.of(
				new LearningHours.Allocation(org.learnerA().value(), "6"),
				new LearningHours.Allocation(org.learnerSubA().value(), "2.5")));
		mvc.perform(get("/api/v1/home").header("Authorization", "Bearer " + fixtures.token(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.learningHours[0].teamId").value(org.teamA().value()))
			.andExpect(jsonPath("$.learningHours[0].period").value("Sprint " + org.suffix()))
			.andExpect(jsonPath("$.learningHours[0].planned").value(8.5))
			.andExpect(jsonPath("$.learningHours[0].used").value(
					learningHours.plan(manager, org.teamA(), sprint.id()).usedHours().doubleValue()))
			.andExpect(jsonPath("$.learningHours[0].link").value(
					"/teams/" + org.teamA().value() + "/learning-hours?period=" + sprint.id()));
		// another manager's home does not show it
		mvc.perform(get("/api/v1/home").header("Authorization", "Bearer " + fixtures.token(org.managerB())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.learningHours[?(@.teamId == '%s')]", org.teamA().value()).isEmpty());
	}

	@Autowired
	Commissions commissions;

	@Autowired
	LearningNeeds learningNeeds;

	@Test
	void openCommissionsAndTheTeamsLearningNeedsShowWhereTheyAreActedOn() throws Exception {
		Commission commission = commissions.create(fixtures.viewer(org.managerA()), new CommissionDraft(org.teamA(),
				org.learnerA(), "A new competitor's pricing objection " + org.suffix(), "Account executives",
				today.plusDays(14), null, null, null, null, null, false));
		LearningNeed need = learningNeeds.file(fixtures.viewer(org.learnerSubA()),
				"Reading a renewal forecast " + org.suffix(), null, org.subTeamA());
		mvc.perform(get("/api/v1/home").header("Authorization", "Bearer " + fixtures.token(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openCommissions[0].link").value("/commissions/" + commission.id().value()))
			.andExpect(jsonPath("$.openCommissions[0].dueOn").value(today.plusDays(14).toString()))
			.andExpect(jsonPath("$.openCommissions[1].link").value("/learning-needs/" + need.id().value()));
		// a cancelled commission is no longer open
		commissions.cancel(fixtures.viewer(org.managerA()), commission.id());
		mvc.perform(get("/api/v1/home").header("Authorization", "Bearer " + fixtures.token(org.managerA())))
			.andExpect(jsonPath("$.openCommissions[?(@.link == '/commissions/%s')]", commission.id().value()).isEmpty());
		// nor does another manager see them
		mvc.perform(get("/api/v1/home").header("Authorization", "Bearer " + fixtures.token(org.managerB())))
			.andExpect(jsonPath("$.openCommissions[?(@.link == '/learning-needs/%s')]", need.id().value()).isEmpty());
	}

	@Test
	void theHomeShowsHowLongCommissionsTookFromCommissionToPublication() throws Exception {
		mvc.perform(get("/api/v1/home").header("Authorization", "Bearer " + fixtures.token(org.managerA())))
			.andExpect(jsonPath("$.commissionPublication.medianDays").doesNotExist());
		List<Commission> made = new java.util.ArrayList<>();
		for (String problem : List.of("Pricing", "Renewals", "Escalations")) {
			made.add(commissions.create(fixtures.viewer(org.managerA()), new CommissionDraft(org.subTeamA(),
					org.learnerA(), problem + " " + org.suffix(), "", today.plusDays(30), null, null, null, null, null,
					false)));
		}
		// published after 2, 5 and 9 days: the median is 5
		int[] after = { 2, 3, 4 };
		for (int i = 0; i < made.size(); i++) {
			clock.advance(Duration.ofDays(after[i]));
			Course answer = fixtures.publishedCourse(fixtures.viewer(org.learnerA()), "Answer " + i + " " + org.suffix());
			commissions.link(fixtures.viewer(org.learnerA()), made.get(i).id(), answer.id());
		}
		Document page = page("/home", org.managerA());
		assertThat(page.select("#commission-median").text())
			.isEqualTo("From commission to publication: 5 days (median of the last 3 published)");
		assertThat(page.select("#commissions-published li").first().text()).contains("published in 9 days");
		assertThat(page.select("#commissions-published a").first().attr("href"))
			.isEqualTo("/commissions/" + made.get(2).id().value());
		mvc.perform(get("/api/v1/home").header("Authorization", "Bearer " + fixtures.token(org.managerA())))
			.andExpect(jsonPath("$.commissionPublication.medianDays").value(5))
			.andExpect(jsonPath("$.commissionPublication.recent[0].daysToPublication").value(9))
			.andExpect(jsonPath("$.commissionPublication.recent.length()").value(3));
		// the closed commission says it too, on its page and in the API
		assertThat(page("/commissions/" + made.get(0).id().value(), org.managerA()).select("#commission-took").text())
			.startsWith("2 days (");
		mvc.perform(get("/api/v1/home").header("Authorization", "Bearer " + fixtures.token(org.managerB())))
			.andExpect(jsonPath("$.commissionPublication.recent").isEmpty());
	}

	@Test
	void anotherManagerSeesOnlyTheirTreeWithWhatToDoFirst() throws Exception {
		Document page = page("/home", org.managerB());
		String html = page.html();
		assertThat(html).doesNotContain(org.suffix() + "</a>", "Complex escalations " + org.suffix(),
				"Pipeline call " + org.suffix(), "Escalations " + org.suffix(), "Handling objections " + org.suffix());
		String team = "/teams/" + org.teamB().value();
		assertThat(page.select("#no-targets").text()).contains("No targets yet: set the capabilities your team needs");
		assertThat(page.select("#set-targets").attr("href")).isEqualTo(team + "/capability-targets");
		assertThat(page.select("#no-rituals").text()).contains("No rituals yet: declare the meetings you already run");
		assertThat(page.select("#declare-rituals").attr("href")).isEqualTo(team + "/rituals");
		assertThat(page.select("#add-indicator").attr("href")).isEqualTo(team + "/outcomes/new");
		assertThat(page.select("#nothing-overdue, #nothing-expiring")).hasSize(2);
		mvc.perform(get("/home").param("team", org.teamA().value()).with(as(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/home").param("team", org.subTeamA().value()).with(as(org.managerA())))
			.andExpect(status().isOk());
	}

	@Test
	void managersStartOnTheirHomeAndLearnersOnMyLearning() throws Exception {
		mvc.perform(get("/").with(as(org.managerA()))).andExpect(redirectedUrl("/home"));
		mvc.perform(get("/").with(as(org.learnerA()))).andExpect(redirectedUrl("/learning"));
		mvc.perform(post("/login").with(csrf()).param("email", org.email("manager-a")).param("password", Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/home"));
		mvc.perform(post("/login").with(csrf()).param("email", org.email("learner-a")).param("password", Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/learning"));
		// My learning stays where it was, for managers too
		mvc.perform(get("/learning").with(as(org.managerA()))).andExpect(status().isOk());
		Document learner = page("/home", org.learnerA());
		assertThat(learner.select("#no-teams a").attr("href")).isEqualTo("/learning");
		assertThat(learner.select("#admin-views")).isEmpty();
		// an admin who manages no team starts on My learning too; their home points to the organization-wide views
		PersonId admin = fixtures.person(fixtures.admin(), "Ada Admin", "ada", org.suffix(), java.util.Set.of(),
				java.util.Set.of(), io.stride.identity.Role.ADMIN);
		mvc.perform(get("/").with(as(admin))).andExpect(redirectedUrl("/learning"));
		assertThat(page("/home", admin).select("#admin-views a").eachAttr("href"))
			.containsExactly("/analytics/capability-risk", "/teams");
	}

	private Document page(String path, PersonId person) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(as(person)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(PersonId person) {
		return SignedIn.as(fixtures.viewerPerson(person));
	}

	private String insertRitual(io.stride.identity.TeamId team, String name, Instant first) {
		String id = Ids.newId();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("INSERT INTO rituals (id, team_id, kind, name, cadence, first_starts_at, time_zone, duration_minutes, "
				+ "agenda_minutes, agenda_note, pre_read_hours, revision, created_by, created_at, updated_at) "
				+ "VALUES (?, ?, 'PIPELINE_CALL', ?, 'WEEKLY', ?, 'UTC', 60, 15, '', 24, 1, ?, ?, ?)")
			.params(id, team.value(), name, Timestamp.from(first), org.managerA().value(), now, now)
			.update();
		return id;
	}

	private String insertSession(String ritualId, String teamId, Instant startsAt) {
		String id = Ids.newId();
		jdbc.sql("INSERT INTO ritual_sessions (id, ritual_id, team_id, starts_at, status, notes, held_at, created_at) "
				+ "VALUES (?, ?, ?, ?, 'HELD', '', ?, ?)")
			.params(id, ritualId, teamId, Timestamp.from(startsAt), Timestamp.from(startsAt), Timestamp.from(startsAt))
			.update();
		return id;
	}

	private String insertIntervention(String sessionId, String teamId, CapabilityId capability, PersonId owner,
			LocalDate due, String description) {
		String id = Ids.newId();
		jdbc.sql("INSERT INTO interventions (id, session_id, team_id, position, kind, capability_id, owner_id, due_on, "
				+ "description, status, revision, created_by, created_at) "
				+ "VALUES (?, ?, ?, 1, 'ASSIGN_COURSE', ?, ?, ?, ?, 'OPEN', 1, ?, ?)")
			.params(id, sessionId, teamId, capability.value(), owner.value(), due, description, owner.value(),
					Timestamp.from(clock.instant()))
			.update();
		return id;
	}
}
