package io.stride.rhythm;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import io.stride.cycles.Goal;
import io.stride.cycles.GoalDraft;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.NewCycle;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.review.Reviews;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Team budgets through the API: L&D gives them, managers spend them, going over waits for L&D. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class BudgetsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	Reviews reviews;

	@Autowired
	LearningCycles cycles;

	@Autowired
	JdbcClient jdbc;

	Org org;

	PersonId learningTeam;

	LocalDate today;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		Viewer admin = fixtures.admin();
		learningTeam = fixtures.person(admin, "L&D Lea", "lea", org.suffix(), Set.of(), Set.of(), Role.REVIEWER);
		reviews.setUp(admin, learningTeam, "", true, false);
		today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}

	@Test
	void learningAndDevelopmentGivesATeamABudgetPerPeriodAndOnlyTheyMay() throws Exception {
		give(learningTeam, org.teamA().value(), budget(today.withDayOfMonth(1), 1000, "eur"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.currency").value("EUR"))
			.andExpect(jsonPath("$.left").value(1000.0))
			.andExpect(jsonPath("$.spent").value(0.0));
		give(org.managerA(), org.teamA().value(), budget(today.plusYears(1), 10, "EUR")).andExpect(status().isForbidden());
		give(org.managerB(), org.teamA().value(), budget(today.plusYears(1), 10, "EUR")).andExpect(status().isNotFound());
		give(org.learnerA(), org.teamA().value(), budget(today.plusYears(1), 10, "EUR")).andExpect(status().isNotFound());
		give(learningTeam, org.teamA().value(), budget(today.plusYears(1), -1, "EURO"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.amount").value("Give an amount of 0 or more; it cannot be negative."))
			.andExpect(jsonPath("$.errors.currency").exists());
		give(learningTeam, org.teamA().value(), budget(today, 10, "EUR"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.startsOn").value(containsString("already has a budget")));
		give(learningTeam, org.teamA().value(), "{\"startsOn\":\"" + today.plusYears(2) + "\",\"endsOn\":\""
				+ today.plusYears(2).minusDays(1) + "\",\"amount\":5}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.endsOn").value("The period ends on or after its first day."));

		for (PersonId reader : new PersonId[] { org.managerA(), learningTeam }) {
			mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/budgets").header("Authorization", bearer(reader)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(1))
				.andExpect(jsonPath("$[0].amount").value(1000.0));
		}
		for (PersonId outsider : new PersonId[] { org.managerB(), org.learnerA() }) {
			mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/budgets").header("Authorization", bearer(outsider)))
				.andExpect(status().isNotFound());
		}
	}

	@Test
	void commissionsAreCommittedUntilPublishedAndReleasedWhenCancelled() throws Exception {
		String budget = idOf(give(learningTeam, org.teamA().value(), budget(today.withDayOfMonth(1), 2000, "EUR")));
		String open = idOf(commission(org.managerA(), "\"internalHours\":10"));
		String cancelled = idOf(commission(org.managerA(), "\"externalPrice\":300"));
		readBudget(org.managerA(), budget)
			.andExpect(jsonPath("$.committed").value(1050.0))
			.andExpect(jsonPath("$.spent").value(0.0))
			.andExpect(jsonPath("$.left").value(950.0));
		mvc.perform(post("/api/v1/commissions/" + cancelled + "/cancel").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk());
		readBudget(org.managerA(), budget).andExpect(jsonPath("$.committed").value(750.0)).andExpect(jsonPath("$.left").value(1250.0));

		var course = fixtures.publishedCourse(fixtures.viewer(org.learnerA()), "Answer " + org.suffix());
		mvc.perform(post("/api/v1/commissions/" + open + "/course").header("Authorization", bearer(org.learnerA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"courseId\":\"" + course.id().value() + "\"}")).andExpect(status().isOk());
		readBudget(org.managerA(), budget)
			.andExpect(jsonPath("$.committed").value(0.0))
			.andExpect(jsonPath("$.spent").value(750.0))
			.andExpect(jsonPath("$.left").value(1250.0));
	}

	@Test
	void anOverspendIsRefusedAtTheFieldOrWaitsForLearningAndDevelopmentsApproval() throws Exception {
		String budget = idOf(give(learningTeam, org.teamA().value(), budget(today.withDayOfMonth(1), 500, "EUR")));
		commission(org.managerA(), "\"externalPrice\":800")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.externalPrice").value(containsString("would go over the budget")))
			.andExpect(jsonPath("$.errors.externalPrice").value(containsString("ask L&D to approve")));
		String waiting = idOf(commission(org.managerA(), "\"externalPrice\":800,\"requestApproval\":true"));
		mvc.perform(get("/api/v1/commissions/" + waiting).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.funding").value("WAITING"));
		readBudget(org.managerA(), budget)
			.andExpect(jsonPath("$.committed").value(0.0))
			.andExpect(jsonPath("$.waiting").value(800.0))
			.andExpect(jsonPath("$.left").value(500.0));
		String spend = JsonPath.read(readBudget(org.managerA(), budget).andReturn().getResponse().getContentAsString(),
				"$.spends[0].id");
		await().atMost(Duration.ofSeconds(10)).until(() -> notifications(learningTeam, "/teams/" + org.teamA().value() + "/budget") == 1);
		// its author is not told of a commission nobody has funded yet
		assertThat(notifications(org.learnerA(), "/commissions/" + waiting)).isZero();

		mvc.perform(get("/api/v1/budget-spends").header("Authorization", bearer(learningTeam)))
			.andExpect(jsonPath("$[*].id", hasItem(spend)));
		mvc.perform(get("/api/v1/budget-spends").header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$[*].id", not(hasItem(spend))));
		mvc.perform(post("/api/v1/budget-spends/" + spend + "/approve").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/budget-spends/" + spend + "/approve").header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/budget-spends/" + spend + "/approve").header("Authorization", bearer(learningTeam))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"Worth it for the QBR\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"));
		mvc.perform(post("/api/v1/budget-spends/" + spend + "/decline").header("Authorization", bearer(learningTeam)))
			.andExpect(status().isConflict());
		// funded, its author may start
		await().atMost(Duration.ofSeconds(10)).until(() -> notifications(org.learnerA(), "/commissions/" + waiting) == 1);
		readBudget(org.managerA(), budget)
			.andExpect(jsonPath("$.committed").value(800.0))
			.andExpect(jsonPath("$.waiting").value(0.0))
			.andExpect(jsonPath("$.left").value(-300.0));
		await().atMost(Duration.ofSeconds(10)).until(() -> notifications(org.managerA(), "/teams/" + org.teamA().value() + "/budget") == 1);

		// declined, the commission it would pay for cannot be paid: it is cancelled and nothing stays committed
		String declined = idOf(commission(org.managerA(), "\"externalPrice\":300,\"requestApproval\":true"));
		String second = JsonPath.read(readBudget(org.managerA(), budget).andReturn().getResponse().getContentAsString(),
				"$.spends[?(@.status == 'WAITING')].id").toString().replaceAll("[\\[\\]\"]", "");
		mvc.perform(post("/api/v1/budget-spends/" + second + "/decline").header("Authorization", bearer(learningTeam)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DECLINED"));
		mvc.perform(get("/api/v1/commissions/" + declined).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.status").value("CANCELLED"));
		readBudget(org.managerA(), budget)
			.andExpect(jsonPath("$.committed").value(800.0))
			.andExpect(jsonPath("$.waiting").value(0.0));
	}

	@Test
	void aManagerPaysForAnExternalResourceOfAContractGoalInTheirTeam() throws Exception {
		String budget = idOf(give(learningTeam, org.teamA().value(), budget(today.withDayOfMonth(1), 1000, "EUR")));
		Viewer learner = fixtures.viewer(org.learnerA());
		Goal goal = cycles.addGoal(learner, cycles.start(learner, NewCycle.blank(null)).id(),
				new GoalDraft("Negotiate renewals", null, null, List.of(), true, List.of(),
						List.of(new GoalDraft.Resource("Negotiation boot camp", "https://example.org/camp")), null, null,
						null, List.of(), null, false));
		String resource = goal.resources().get(0).id();
		spend(org.managerA(), budget, goal.id().value(), resource, "400")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.description").value("Negotiation boot camp"));
		spend(org.managerA(), budget, goal.id().value(), resource, "-1")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.amount").value(containsString("cannot be negative")));
		spend(org.managerA(), budget, goal.id().value(), "no-such-resource", "1")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.resourceId").exists());
		spend(org.managerA(), budget, goal.id().value(), resource, "700")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.amount").value(containsString("600.00 is left")));
		spend(org.managerB(), budget, goal.id().value(), resource, "1").andExpect(status().isNotFound());
		readBudget(org.managerA(), budget).andExpect(jsonPath("$.spent").value(400.0)).andExpect(jsonPath("$.left").value(600.0));

		// a goal of someone outside the budget's team
		Viewer other = fixtures.viewer(org.learnerB());
		Goal outside = cycles.addGoal(other, cycles.start(other, NewCycle.blank(null)).id(),
				new GoalDraft("Elsewhere", null, null, List.of(), true, List.of(),
						List.of(new GoalDraft.Resource("A book", null)), null, null, null, List.of(), null, false));
		spend(learningTeam, budget, outside.id().value(), outside.resources().get(0).id(), "5")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.goalId").exists());
	}

	@Test
	void aPricedCommissionOnADayNoBudgetHoldsWaitsForLearningAndDevelopmentAndAnUnpricedOneNeverDoes() throws Exception {
		// next quarter's budget does not hold today: there is nothing to spend today
		give(learningTeam, org.teamA().value(), budget(today.plusMonths(3).withDayOfMonth(1), 5000, "EUR"))
			.andExpect(status().isCreated());
		commission(org.managerA(), "\"internalHours\":10")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.internalHours").value(containsString("no learning budget for this team for " + today)))
			.andExpect(jsonPath("$.errors.internalHours").value(containsString("L&D (")))
			.andExpect(jsonPath("$.errors.internalHours").value(containsString("gives a team its budget")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM commissions WHERE team_id = ?").param(org.teamA().value())
			.query(Integer.class).single()).isZero();

		String waiting = idOf(commission(org.managerA(), "\"externalPrice\":250,\"requestApproval\":true"));
		mvc.perform(get("/api/v1/commissions/" + waiting).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.funding").value("WAITING"));
		String spend = JsonPath.read(mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/budget-spends")
			.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].commissionId").value(waiting))
			.andExpect(jsonPath("$[0].budgetId").doesNotExist())
			.andExpect(jsonPath("$[0].status").value("WAITING"))
			.andReturn().getResponse().getContentAsString(), "$[0].id");
		mvc.perform(get("/api/v1/teams/" + org.teamA().value() + "/budget-spends").header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/budget-spends").header("Authorization", bearer(learningTeam)))
			.andExpect(jsonPath("$[*].id", hasItem(spend)));
		await().atMost(Duration.ofSeconds(10)).until(() -> notifications(learningTeam, "/teams/" + org.teamA().value() + "/budget") == 1);
		assertThat(notifications(org.learnerA(), "/commissions/" + waiting)).isZero();
		mvc.perform(post("/api/v1/budget-spends/" + spend + "/approve").header("Authorization", bearer(learningTeam)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"));
		await().atMost(Duration.ofSeconds(10)).until(() -> notifications(org.learnerA(), "/commissions/" + waiting) == 1);
		// once L&D gives a budget for today, what was approved without one counts in it
		String given = idOf(give(learningTeam, org.teamA().value(), budget(today.withDayOfMonth(1), 5000, "EUR")));
		readBudget(org.managerA(), given).andExpect(jsonPath("$.committed").value(250.0)).andExpect(jsonPath("$.left").value(4750.0));

		// without a cost nothing is charged, budget or not
		String free = idOf(commission(org.managerA(), "\"internalHours\":0"));
		mvc.perform(get("/api/v1/commissions/" + free).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.funding").doesNotExist());
		await().atMost(Duration.ofSeconds(10)).until(() -> notifications(org.learnerA(), "/commissions/" + free) == 1);
	}

	@Test
	void aContractResourceOnADayNoBudgetHoldsWaitsForLearningAndDevelopment() throws Exception {
		Viewer learner = fixtures.viewer(org.learnerA());
		Goal goal = cycles.addGoal(learner, cycles.start(learner, NewCycle.blank(null)).id(),
				new GoalDraft("Negotiate renewals", null, null, List.of(), true, List.of(),
						List.of(new GoalDraft.Resource("Negotiation boot camp", "https://example.org/camp")), null, null,
						null, List.of(), null, false));
		String resource = goal.resources().get(0).id();
		String body = "{\"goalId\":\"" + goal.id().value() + "\",\"resourceId\":\"" + resource + "\",\"amount\":400";
		mvc.perform(post("/api/v1/teams/" + org.teamA().value() + "/budget-spends").header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON).content(body + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.amount").value(containsString("no learning budget")));
		mvc.perform(post("/api/v1/teams/" + org.teamA().value() + "/budget-spends").header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON).content(body + ",\"requestApproval\":true}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("WAITING"))
			.andExpect(jsonPath("$.budgetId").doesNotExist());
		// a past period's budget does not hold today either: its money is not spent today
		String past = idOf(give(learningTeam, org.teamA().value(), budget(today.minusMonths(3).withDayOfMonth(1), 5000, "EUR")));
		spend(org.managerA(), past, goal.id().value(), resource, "100")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.amount").value(containsString("no learning budget")));
		readBudget(org.managerA(), past).andExpect(jsonPath("$.spent").value(0.0));
	}

	@Test
	void everyEndpointIsDocumentedInOpenApi() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("\"Budgets\"", "/api/v1/teams/{teamId}/budgets", "/api/v1/budgets/{id}",
				"/api/v1/budgets/{id}/spends", "/api/v1/budget-spends", "/api/v1/budget-spends/{id}/approve",
				"/api/v1/budget-spends/{id}/decline", "/api/v1/teams/{teamId}/budget-spends", "BudgetView", "SpendView");
	}

	private String budget(LocalDate start, int amount, String currency) {
		return "{\"startsOn\":\"" + start + "\",\"endsOn\":\"" + start.plusMonths(1).minusDays(1) + "\",\"amount\":"
				+ amount + ",\"currency\":\"" + currency + "\"}";
	}

	private ResultActions give(PersonId who, String team, String body) throws Exception {
		return mvc.perform(post("/api/v1/teams/" + team + "/budgets").header("Authorization", bearer(who))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private ResultActions commission(PersonId who, String cost) throws Exception {
		return mvc.perform(post("/api/v1/commissions").header("Authorization", bearer(who))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"teamId\":\"" + org.teamA().value() + "\",\"authorId\":\"" + org.learnerA().value()
					+ "\",\"problem\":\"Renewal objections\",\"dueOn\":\"" + today.plusDays(20) + "\"," + cost + "}"));
	}

	private ResultActions spend(PersonId who, String budget, String goal, String resource, String amount) throws Exception {
		return mvc.perform(post("/api/v1/budgets/" + budget + "/spends").header("Authorization", bearer(who))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"goalId\":\"" + goal + "\",\"resourceId\":\"" + resource + "\",\"amount\":" + amount + "}"));
	}

	private ResultActions readBudget(PersonId who, String budget) throws Exception {
		return mvc.perform(get("/api/v1/budgets/" + budget).header("Authorization", bearer(who))).andExpect(status().isOk());
	}

	private String idOf(ResultActions result) throws Exception {
		return JsonPath.read(result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
	}

	private int notifications(PersonId person, String link) {
		return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE person_id = ? AND link = ?")
			.params(person.value(), link)
			.query(Integer.class)
			.single();
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
