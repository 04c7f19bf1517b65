package io.stride.rhythm;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import io.stride.assessment.Assessment;
import io.stride.assessment.OpenAttempt;
import io.stride.authoring.Course;
import io.stride.authoring.CourseEstimates;
import io.stride.cycles.CheckIns;
import io.stride.cycles.Goal;
import io.stride.cycles.GoalDraft;
import io.stride.cycles.LearningCycle;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.NewCycle;
import io.stride.cycles.Visibility;
import io.stride.delivery.Delivery;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Learning hours through the API: periods and hours for the team's managers (404 for everyone else), refusals at the
 * field, a stale save, and the figures from real learning: assigned and contract courses at their estimates, lessons
 * read, a quiz attempted and minutes logged in a check-in, with the over-commitment warning and the CSV.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class LearningHoursApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Two weeks of ten working days: at most 80 hours. */
	private static final String SPRINT = "{\"name\":\"Sprint 1\",\"startsOn\":\"2030-01-07\",\"endsOn\":\"2030-01-20\"}";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	Delivery delivery;

	@Autowired
	Assessment assessment;

	@Autowired
	CourseEstimates estimates;

	@Autowired
	LearningCycles cycles;

	@Autowired
	CheckIns checkIns;

	Org org;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
	}

	@Test
	void aManagerAddsASprintAndGivesHoursToPeopleOfTheTeamTree() throws Exception {
		JsonNode period = read(mvc.perform(json(post(periods(org.teamA())), org.managerA(), SPRINT))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("Sprint 1"))
			.andExpect(jsonPath("$.workingDays").value(10))
			.andExpect(jsonPath("$.maxHours").value(80)));
		String id = period.get("id").asString();

		mvc.perform(json(put(hours(org.teamA()) + "/" + id), org.managerA(), allocations(1,
				org.learnerA(), "6", org.learnerSubA(), "7.5")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.period.id").value(id))
			.andExpect(jsonPath("$.period.revision").value(2))
			.andExpect(jsonPath("$.people[?(@.personId=='" + org.learnerA().value() + "')].allocatedHours").value(6.0))
			.andExpect(jsonPath("$.people[?(@.personId=='" + org.learnerSubA().value() + "')].allocatedHours").value(7.5));

		mvc.perform(get(hours(org.teamA())).param("period", id).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.teamName").value(containsString("Team A")))
			.andExpect(jsonPath("$.people[?(@.personId=='" + org.learnerA().value() + "')].allocatedHours").value(6.0))
			.andExpect(jsonPath("$.people[?(@.personId=='" + org.managerA().value() + "')].allocatedHours").value(
					contains(nullValue())));
		// admins plan every team's; blank hours take them back
		mvc.perform(json(put(hours(org.teamA()) + "/" + id), fixtures.admin().id(), allocations(2, org.learnerA(), null)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.people[?(@.personId=='" + org.learnerA().value() + "')].allocatedHours").value(
					contains(nullValue())));
		mvc.perform(get(periods(org.teamA())).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].revision").value(3));
	}

	@Test
	void peopleWhoDoNotPlanTheTeamGetNotFoundAndLearningAndDevelopmentPlanEveryTeam() throws Exception {
		String id = read(mvc.perform(json(post(periods(org.teamA())), org.managerA(), SPRINT))
			.andExpect(status().isCreated())).get("id").asString();
		for (PersonId outsider : List.of(org.managerB(), org.learnerA())) {
			mvc.perform(get(hours(org.teamA())).header("Authorization", bearer(outsider))).andExpect(status().isNotFound());
			mvc.perform(get(hours(org.teamA())).accept("text/csv").header("Authorization", bearer(outsider)))
				.andExpect(status().isNotFound());
			mvc.perform(get(periods(org.teamA())).header("Authorization", bearer(outsider))).andExpect(status().isNotFound());
			mvc.perform(json(post(periods(org.teamA())), outsider, SPRINT.replace("Sprint 1", "Mine")))
				.andExpect(status().isNotFound());
			mvc.perform(json(put(hours(org.teamA()) + "/" + id), outsider, allocations(1, org.learnerA(), "4")))
				.andExpect(status().isNotFound());
			mvc.perform(json(put(periods(org.teamA()) + "/" + id), outsider,
					"{\"name\":\"X\",\"startsOn\":\"2030-01-07\",\"endsOn\":\"2030-01-08\",\"revision\":1}"))
				.andExpect(status().isNotFound());
			mvc.perform(delete(periods(org.teamA()) + "/" + id).header("Authorization", bearer(outsider)))
				.andExpect(status().isNotFound());
		}
		// a period is reached only through its own team
		mvc.perform(get(periods(org.teamB()) + "/" + id).header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(json(put(hours(org.teamB()) + "/" + id), org.managerB(), allocations(1, org.learnerB(), "4")))
			.andExpect(status().isNotFound());
		// nothing the outsiders sent was saved
		mvc.perform(get(periods(org.teamA())).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].revision").value(1));
		// L&D plan every team's; a reviewer only for compliance is not L&D
		PersonId learningTeam = fixtures.person(fixtures.admin(), "L and D", "lnd", org.suffix(), Set.of(org.teamB()),
				Set.of(), Role.REVIEWER);
		mvc.perform(get(hours(org.teamA())).header("Authorization", bearer(learningTeam)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.period.id").value(id));
		PersonId compliance = fixtures.person(fixtures.admin(), "Compliance", "compliance", org.suffix(),
				Set.of(org.teamB()), Set.of(), Role.REVIEWER);
		fixtures.complianceReviewer(compliance);
		mvc.perform(get(hours(org.teamA())).header("Authorization", bearer(compliance)))
			.andExpect(status().isNotFound());
	}

	@Test
	void hoursBelowZeroOrAboveThePeriodsLengthAreRefusedAtTheFieldAndNothingIsSaved() throws Exception {
		String id = read(mvc.perform(json(post(periods(org.teamA())), org.managerA(), SPRINT))
			.andExpect(status().isCreated())).get("id").asString();
		mvc.perform(json(put(hours(org.teamA()) + "/" + id), org.managerA(),
				allocations(1, org.learnerSubA(), "5", org.learnerA(), "-1")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['allocations[1].hours']").value("Hours cannot be below 0."));
		mvc.perform(json(put(hours(org.teamA()) + "/" + id), org.managerA(), allocations(1, org.learnerA(), "80.5")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['allocations[0].hours']").value(
					"At most 80 hours: “Sprint 1” has 10 working days (Monday to Friday) of 8 hours."));
		mvc.perform(json(put(hours(org.teamA()) + "/" + id), org.managerA(), allocations(1, org.learnerB(), "3")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['allocations[0].personId']").value(containsString("people of this team")));
		mvc.perform(json(put(hours(org.teamA()) + "/" + id), org.managerA(), allocations(1, org.learnerA(), "2.25")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['allocations[0].hours']").value(containsString("one decimal")));
		// a number that would take 700 million digits to write out is refused like any other above the limit
		mvc.perform(json(put(hours(org.teamA()) + "/" + id), org.managerA(), allocations(1, org.learnerA(), "1e700000000")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['allocations[0].hours']").value(containsString("At most 80 hours")));
		// the limit itself is fine, and nothing of the refused saves was kept
		mvc.perform(get(hours(org.teamA())).param("period", id).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.period.revision").value(1))
			.andExpect(jsonPath("$.people[?(@.personId=='" + org.learnerSubA().value() + "')].allocatedHours").value(
					contains(nullValue())));
		mvc.perform(json(put(hours(org.teamA()) + "/" + id), org.managerA(), allocations(1, org.learnerA(), "80")))
			.andExpect(status().isOk());
		// a period shortened below someone's hours is refused too
		mvc.perform(json(put(periods(org.teamA()) + "/" + id), org.managerA(),
				"{\"name\":\"Sprint 1\",\"startsOn\":\"2030-01-07\",\"endsOn\":\"2030-01-11\",\"revision\":2}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.endsOn").value(containsString("more than the 40 working hours")));
	}

	@Test
	void overlappingPeriodsAndBadDatesAreRefusedAtTheField() throws Exception {
		String id = read(mvc.perform(json(post(periods(org.teamA())), org.managerA(), SPRINT))
			.andExpect(status().isCreated())).get("id").asString();
		mvc.perform(json(post(periods(org.teamA())), org.managerA(),
				"{\"name\":\"Sprint 2\",\"startsOn\":\"2030-01-20\",\"endsOn\":\"2030-02-02\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.startsOn").value(
					"These dates overlap “Sprint 1” (2030-01-07 to 2030-01-20); a team's periods do not overlap."));
		mvc.perform(json(post(periods(org.teamA())), org.managerA(),
				"{\"name\":\" \",\"startsOn\":\"2030-02-10\",\"endsOn\":\"2030-02-01\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.name").exists())
			.andExpect(jsonPath("$.errors.endsOn").value(containsString("on or after the first day")));
		mvc.perform(json(post(periods(org.teamA())), org.managerA(),
				"{\"name\":\"Quarter\",\"startsOn\":\"2030-03-01\",\"endsOn\":\"2030-06-30\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.endsOn").value(containsString("at most 92 days")));
		// the next sprint right after, and the same dates in another team, are fine
		mvc.perform(json(post(periods(org.teamA())), org.managerA(),
				"{\"name\":\"Sprint 2\",\"startsOn\":\"2030-01-21\",\"endsOn\":\"2030-02-03\"}"))
			.andExpect(status().isCreated());
		mvc.perform(json(post(periods(org.teamB())), org.managerB(), SPRINT)).andExpect(status().isCreated());
		// a change that keeps its own dates does not overlap itself; a stale one is 409
		mvc.perform(json(put(periods(org.teamA()) + "/" + id), org.managerA(),
				"{\"name\":\"Sprint one\",\"startsOn\":\"2030-01-07\",\"endsOn\":\"2030-01-20\",\"revision\":1}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Sprint one"))
			.andExpect(jsonPath("$.revision").value(2));
		mvc.perform(json(put(hours(org.teamA()) + "/" + id), org.managerA(), allocations(1, org.learnerA(), "3")))
			.andExpect(status().isConflict());
		mvc.perform(delete(periods(org.teamA()) + "/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNoContent());
		mvc.perform(get(periods(org.teamA()) + "/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
	}

	@Test
	void committedAndUsedTimeComeFromAssignmentsGoalsTheLearningRecordAndCheckIns() throws Exception {
		Viewer manager = fixtures.viewer(org.managerA());
		Viewer ana = fixtures.viewer(org.learnerA());
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		// assigned, due in the period: 90 minutes; assigned but due after the period: not counted
		Course assigned = fixtures.publishedCourse(manager, "Objection handling " + org.suffix());
		estimates.set(manager, assigned.id(), 90);
		delivery.assign(manager, assigned.id(), org.teamA(), today.plusDays(5));
		Course later = fixtures.publishedCourse(manager, "Later " + org.suffix());
		estimates.set(manager, later.id(), 600);
		delivery.assign(manager, later.id(), org.teamA(), today.plusDays(60));
		// a course Ana's contract takes: 30 minutes
		Course chosen = fixtures.publishedCourse(manager, "Negotiation " + org.suffix());
		estimates.set(manager, chosen.id(), 30);
		LearningCycle cycle = cycles.start(ana, new NewCycle(null, null, 45, Visibility.MANAGER, List.of(), null, null, null));
		Goal goal = cycles.addGoal(ana, cycle.id(), new GoalDraft("Handle objections", null, null, List.of(), true,
				List.of(chosen.id()), List.of(), null, null, null, List.of(), null, false));
		String period = read(mvc.perform(json(post(periods(org.teamA())), org.managerA(), "{\"name\":\"Now\",\"startsOn\":\""
				+ today.minusDays(3) + "\",\"endsOn\":\"" + today.plusDays(10) + "\"}"))
			.andExpect(status().isCreated())).get("id").asString();

		// Ana reads two lessons (10 and 5 minutes until her next step), then takes 6 minutes over a quiz she fails
		delivery.readLesson(ana, assigned.id(), assigned.lessons().get(0).id());
		clock.advance(Duration.ofMinutes(10));
		delivery.readLesson(ana, assigned.id(), assigned.lessons().get(1).id());
		clock.advance(Duration.ofMinutes(5));
		OpenAttempt attempt = assessment.start(ana, assigned.id());
		clock.advance(Duration.ofMinutes(6));
		assessment.submit(ana, attempt.id(), List.of(), "hours-" + org.suffix());
		clock.advance(Duration.ofMinutes(1));
		// Ana's colleague opens one lesson and stops: the record cannot say for how long she read, so it counts 10 minutes
		delivery.readLesson(fixtures.viewer(org.learnerSubA()), assigned.id(), assigned.lessons().get(0).id());
		// and Ana logs 40 minutes on her goal
		checkIns.checkIn(ana, cycle.id(), List.of(new CheckIns.GoalCheckIn(goal.id(), "Practised with a colleague", 20, 40)));

		String ana$ = "$.people[?(@.personId=='" + org.learnerA().value() + "')]";
		mvc.perform(json(put(hours(org.teamA()) + "/" + period), org.managerA(), allocations(1, org.learnerA(), "1.5")))
			.andExpect(status().isOk())
			.andExpect(jsonPath(ana$ + ".assignedHours").value(1.5))
			.andExpect(jsonPath(ana$ + ".assignedCourses").value(1))
			.andExpect(jsonPath(ana$ + ".goalHours").value(0.5))
			.andExpect(jsonPath(ana$ + ".goalCourses").value(1))
			.andExpect(jsonPath(ana$ + ".committedHours").value(2.0))
			.andExpect(jsonPath(ana$ + ".lessonHours").value(0.3))
			.andExpect(jsonPath(ana$ + ".quizHours").value(0.1))
			.andExpect(jsonPath(ana$ + ".loggedHours").value(0.7))
			.andExpect(jsonPath(ana$ + ".usedHours").value(1.0))
			.andExpect(jsonPath(ana$ + ".overCommitted").value(true))
			.andExpect(jsonPath(ana$ + ".warning").value("Over-committed by 0.5 h"));
		// the sub-team's learner has the team's assignment too
		String sub$ = "$.people[?(@.personId=='" + org.learnerSubA().value() + "')]";
		mvc.perform(get(hours(org.teamA())).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.period.id").value(period))
			.andExpect(jsonPath(sub$ + ".committedHours").value(1.5))
			.andExpect(jsonPath(sub$ + ".lessonHours").value(0.2))
			.andExpect(jsonPath(sub$ + ".quizHours").value(0.0))
			.andExpect(jsonPath(sub$ + ".warning").value("No hours given for 1.5 h of learning"));
		mvc.perform(json(put(hours(org.teamA()) + "/" + period), org.managerA(), allocations(2, org.learnerA(), "2")))
			.andExpect(jsonPath(ana$ + ".overCommitted").value(false));

		// passing the quiz takes the course out of what is committed
		OpenAttempt second = assessment.start(ana, assigned.id());
		assessment.submit(ana, second.id(), rightAnswers(assigned), "hours-pass-" + org.suffix());
		mvc.perform(get(hours(org.teamA())).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath(ana$ + ".assignedHours").value(0.0))
			.andExpect(jsonPath(ana$ + ".committedHours").value(0.5));
	}

	@Test
	void theCsvHasOneRowPerPersonAndDefusesFormulas() throws Exception {
		PersonId formula = fixtures.person(fixtures.admin(), "=HYPERLINK(\"http://x\")", "formula", org.suffix(),
				Set.of(org.teamA()), Set.of());
		String period = read(mvc.perform(json(post(periods(org.teamA())), org.managerA(), SPRINT))
			.andExpect(status().isCreated())).get("id").asString();
		mvc.perform(json(put(hours(org.teamA()) + "/" + period), org.managerA(), allocations(1, formula, "12.5")))
			.andExpect(status().isOk());
		String csv = mvc.perform(get(hours(org.teamA())).param("period", period).accept("text/csv")
				.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition", containsString("learning-hours-team-a-")))
			.andReturn().getResponse().getContentAsString();
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).startsWith("person_id,name,email,period,starts_on,ends_on,allocated_hours,committed_hours");
		// team A's tree: manager A, learner A, learner A1 and the new person
		assertThat(lines).hasSize(5);
		assertThat(lines).filteredOn(l -> l.contains(formula.value())).singleElement().satisfies(line -> {
			assertThat(line).contains("\"'=HYPERLINK(\"\"http://x\"\")\"");
			assertThat(line).contains(",\"Sprint 1\",2030-01-07,2030-01-20,12.5,0.0,");
			assertThat(line).endsWith(",false");
		});
		assertThat(lines).filteredOn(l -> l.contains(org.learnerA().value())).singleElement()
			.satisfies(line -> assertThat(line).contains("2030-01-20,,0.0,"));
	}

	private List<io.stride.assessment.Answer> rightAnswers(Course course) {
		return course.quiz().questions().stream()
			.map(q -> new io.stride.assessment.Answer(q.id(), q.correct()))
			.toList();
	}

	private static String periods(TeamId team) {
		return "/api/v1/teams/" + team.value() + "/learning-hours/periods";
	}

	private static String hours(TeamId team) {
		return "/api/v1/teams/" + team.value() + "/learning-hours";
	}

	/** {@code pairs}: person, hours (null for none), person, hours, … */
	private static String allocations(int revision, Object... pairs) {
		StringBuilder body = new StringBuilder("{\"revision\":" + revision + ",\"allocations\":[");
		for (int i = 0; i < pairs.length; i += 2) {
			body.append(i == 0 ? "" : ",")
				.append("{\"personId\":\"").append(((PersonId) pairs[i]).value()).append("\",\"hours\":")
				.append(pairs[i + 1] == null ? "null" : pairs[i + 1]).append('}');
		}
		return body.append("]}").toString();
	}

	private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, PersonId who, String body) {
		return request.header("Authorization", bearer(who)).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}

	private static JsonNode read(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString());
	}
}
