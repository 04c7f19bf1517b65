package io.stride.rhythm.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.stride.cycles.GoalId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.Budgets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Budgets", description = "Team learning budgets per period: L&D gives them, managers spend them on "
		+ "commissions and external resources of contract goals; going over waits for L&D's approval")
@SecurityRequirement(name = "bearer")
class BudgetsApi {

	private final Budgets budgets;

	BudgetsApi(Budgets budgets) {
		this.budgets = budgets;
	}

	record BudgetBody(String startsOn, String endsOn, BigDecimal amount, String currency) {
	}

	/** {@code requestApproval}: over what is left, wait for L&D instead of being refused. */
	record SpendBody(String goalId, String resourceId, BigDecimal amount, String description, Boolean requestApproval) {
	}

	record DecisionBody(String note) {
	}

	/** {@code status}: APPROVED (counted), WAITING (for L&D, not counted), DECLINED or RELEASED. */
	record SpendView(String id, String budgetId, String teamId, String kind, String commissionId, String goalId,
			String resourceId, String description, BigDecimal amount, String status, String requestedById,
			Instant createdAt, String decidedById, Instant decidedAt, String decisionNote) {

		static SpendView of(Budgets.Spend s) {
			return new SpendView(s.id(), s.budgetId(), s.teamId().value(), s.kind().name(),
					s.commission() == null ? null : s.commission().value(), s.goal() == null ? null : s.goal().value(),
					s.resourceId(), s.description(), s.amount(), s.status().name(), s.requestedBy().value(),
					s.createdAt(), s.decidedBy() == null ? null : s.decidedBy().value(), s.decidedAt(),
					s.decisionNote());
		}
	}

	/** {@code spent}: resources and published commissions; {@code committed}: open commissions; {@code waiting}: not counted. */
	record BudgetView(String id, String teamId, LocalDate startsOn, LocalDate endsOn, BigDecimal amount,
			String currency, BigDecimal spent, BigDecimal committed, BigDecimal left, BigDecimal waiting,
			List<SpendView> spends) {

		static BudgetView of(Budgets.Budget b) {
			return new BudgetView(b.id(), b.teamId().value(), b.startsOn(), b.endsOn(), b.amount(), b.currency(),
					b.spent(), b.committed(), b.left(), b.waiting(), b.spends().stream().map(SpendView::of).toList());
		}
	}

	@PostMapping("/teams/{teamId}/budgets")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Give the team a learning budget for a period (L&D and admins; 403 for its managers, 404 for "
			+ "others). 422 at the field: a missing date, endsOn before startsOn, a period overlapping another, an "
			+ "amount below 0, a currency that is not a three-letter code")
	BudgetView give(Viewer me, @PathVariable String teamId, @RequestBody BudgetBody body) {
		return BudgetView.of(budgets.give(me, new TeamId(teamId),
				ApiValues.date(body.startsOn(), "startsOn"), ApiValues.date(body.endsOn(), "endsOn"), body.amount(),
				body.currency()));
	}

	@GetMapping("/teams/{teamId}/budgets")
	@Operation(summary = "The team's budgets, latest period first, with spent, committed, left and waiting; for its "
			+ "managers, L&D and admins (404 otherwise)")
	List<BudgetView> ofTeam(Viewer me, @PathVariable String teamId) {
		return budgets.ofTeam(me, new TeamId(teamId)).stream().map(BudgetView::of).toList();
	}

	@GetMapping("/budgets/{id}")
	@Operation(summary = "One budget with its spends; for the team's managers, L&D and admins (404 otherwise)")
	BudgetView get(Viewer me, @PathVariable String id) {
		return BudgetView.of(budgets.budget(me, id));
	}

	@PostMapping("/budgets/{id}/spends")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Spend on an external resource named in a contract goal of someone in the team's tree (the "
			+ "budget names the team; the spend counts in its period that holds today). Within what is left it counts at once (APPROVED); over it, 422 at amount unless requestApproval, then it waits "
			+ "for L&D (WAITING). 422 at the field for a goal you cannot read or of someone outside the team, a "
			+ "resource not in the goal, an amount below 0; 404 for a budget you may not act on")
	SpendView spend(Viewer me, @PathVariable String id, @RequestBody SpendBody body) {
		return SpendView.of(budgets.spendOnResource(me, id,
				ApiValues.blank(body.goalId()) ? null : new GoalId(body.goalId().strip()), ApiValues.id(body.resourceId()),
				body.amount(), body.description(), Boolean.TRUE.equals(body.requestApproval())));
	}

	@PostMapping("/teams/{teamId}/budget-spends")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Spend on an external resource named in a contract goal of someone in the team's tree; it "
			+ "counts in the team's budget period that holds today. On a day no period holds, nothing is left: 422 at "
			+ "amount (saying who gives a budget) unless requestApproval, then it waits for L&D (WAITING, budgetId "
			+ "null). Otherwise as POST /budgets/{id}/spends; 404 for a team you may not act on")
	SpendView spendForTeam(Viewer me, @PathVariable String teamId, @RequestBody SpendBody body) {
		return SpendView.of(budgets.spendOnResource(me, new TeamId(teamId),
				ApiValues.blank(body.goalId()) ? null : new GoalId(body.goalId().strip()), ApiValues.id(body.resourceId()),
				body.amount(), body.description(), Boolean.TRUE.equals(body.requestApproval())));
	}

	@GetMapping("/teams/{teamId}/budget-spends")
	@Operation(summary = "The team's spends made on days no budget period held (budgetId null: waiting for L&D, or "
			+ "decided), newest first; for its managers, L&D and admins (404 otherwise)")
	List<SpendView> withoutBudget(Viewer me, @PathVariable String teamId) {
		return budgets.withoutBudget(me, new TeamId(teamId)).stream().map(SpendView::of).toList();
	}

	@GetMapping("/budget-spends")
	@Operation(summary = "Spends waiting for L&D's approval, oldest first; for L&D and admins (an empty list for others)")
	List<SpendView> waiting(Viewer me,
			@Parameter(description = "only WAITING is listed") @RequestParam(defaultValue = "WAITING") String status) {
		return budgets.waiting(me).stream().map(SpendView::of).toList();
	}

	@PostMapping("/budget-spends/{id}/approve")
	@Operation(summary = "L&D approves a spend over the budget: it counts from now. 403 for the team's managers, 404 "
			+ "for others, 409 once decided")
	SpendView approve(Viewer me, @PathVariable String id, @RequestBody(required = false) DecisionBody body) {
		return SpendView.of(budgets.approve(me, id, body == null ? null : body.note()));
	}

	@PostMapping("/budget-spends/{id}/decline")
	@Operation(summary = "L&D declines a spend over the budget: it never counts. 403 for the team's managers, 404 for "
			+ "others, 409 once decided")
	SpendView decline(Viewer me, @PathVariable String id, @RequestBody(required = false) DecisionBody body) {
		return SpendView.of(budgets.decline(me, id, body == null ? null : body.note()));
	}
}
