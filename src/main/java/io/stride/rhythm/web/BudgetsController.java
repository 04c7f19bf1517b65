package io.stride.rhythm.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.stride.cycles.GoalId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.Budgets;
import io.stride.rhythm.Commissions;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A team's learning budget page: periods with spent, committed and left; giving, spending and approving. */
@Controller
class BudgetsController {

	private final Budgets budgets;

	private final Commissions commissions;

	BudgetsController(Budgets budgets, Commissions commissions) {
		this.budgets = budgets;
		this.commissions = commissions;
	}

	record BudgetForm(String startsOn, String endsOn, String amount, String currency) {
	}

	/**
	 * The chosen resource is "goalId/resourceId" from the list of the team's contract resources; the spend counts in
	 * the team's period that holds today ({@code budgetId} is no longer read).
	 */
	record SpendForm(String budgetId, String resource, String amount, String description, Boolean requestApproval) {
	}

	@GetMapping("/teams/{id}/budget")
	String page(Viewer me, @PathVariable String id, Model model) {
		return page(model, me, new TeamId(id), new BudgetForm("", "", "", ""),
				new SpendForm(null, null, "", "", false), Map.of());
	}

	@PostMapping("/teams/{id}/budget")
	String give(Viewer me, @PathVariable String id, BudgetForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			Map<String, String> errors = new LinkedHashMap<>();
			var startsOn = read(errors, "startsOn", () -> ApiValues.date(form.startsOn(), "startsOn"));
			var endsOn = read(errors, "endsOn", () -> ApiValues.date(form.endsOn(), "endsOn"));
			var amount = read(errors, "amount", () -> ApiValues.number(form.amount(), "amount"));
			if (!errors.isEmpty()) {
				throw new InvalidInputException("The budget was not saved.", errors);
			}
			budgets.give(me, new TeamId(id), startsOn, endsOn, amount, form.currency());
			redirect.addFlashAttribute("notice", "Saved: the team's managers can spend it now.");
			return "redirect:/teams/" + id + "/budget";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Correct the fields marked below.");
			return page(model, me, new TeamId(id), form, new SpendForm(null, null, "", "", false), e.fieldErrors());
		}
	}

	@PostMapping("/teams/{id}/budget/spends")
	String spend(Viewer me, @PathVariable String id, SpendForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			Map<String, String> errors = new LinkedHashMap<>();
			var amount = read(errors, "spendAmount", () -> ApiValues.number(form.amount(), "spendAmount"));
			if (!errors.isEmpty()) {
				throw new InvalidInputException("Nothing was spent.", errors);
			}
			String[] chosen = form.resource() == null ? new String[0] : form.resource().split("/", 2);
			Budgets.Spend spent = budgets.spendOnResource(me, new TeamId(id),
					chosen.length == 2 ? new GoalId(chosen[0]) : null, chosen.length == 2 ? chosen[1] : null, amount,
					form.description(), Boolean.TRUE.equals(form.requestApproval()));
			redirect.addFlashAttribute("notice", spent.status() == Budgets.SpendStatus.WAITING
					? (spent.budgetId() == null ? "Waiting: the team has no budget for this period, so L&D decides."
							: "Waiting: it goes over the budget, so L&D decides; it counts once approved.")
					: "Spent: " + spent.description() + ".");
			return "redirect:/teams/" + id + "/budget";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Correct the fields marked below.");
			Map<String, String> errors = new LinkedHashMap<>();
			e.fieldErrors().forEach((field, message) -> errors.put(switch (field) {
				case "amount" -> "spendAmount";
				case "goalId", "resourceId" -> "resource";
				default -> field;
			}, message));
			return page(model, me, new TeamId(id), new BudgetForm("", "", "", ""), form, errors);
		}
	}

	@PostMapping("/teams/{id}/budget/spends/{spend}/approve")
	String approve(Viewer me, @PathVariable String id, @PathVariable String spend,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return decide(id, redirect, () -> budgets.approve(me, spend, note), "Approved: it counts now.");
	}

	@PostMapping("/teams/{id}/budget/spends/{spend}/decline")
	String decline(Viewer me, @PathVariable String id, @PathVariable String spend,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return decide(id, redirect, () -> budgets.decline(me, spend, note), "Declined: it does not count.");
	}

	private String decide(String id, RedirectAttributes redirect, Runnable decision, String notice) {
		try {
			decision.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (InvalidInputException | ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/teams/" + id + "/budget";
	}

	private static <T> T read(Map<String, String> errors, String field, Supplier<T> value) {
		try {
			return value.get();
		}
		catch (InvalidInputException e) {
			errors.put(field, e.getMessage());
			return null;
		}
	}

	private String page(Model model, Viewer me, TeamId teamId, BudgetForm budgetForm, SpendForm spendForm,
			Map<String, String> errors) {
		var periods = budgets.ofTeam(me, teamId);
		Team team = commissions.teamsToActOn(me).stream().filter(t -> t.id().equals(teamId)).findFirst().orElseThrow();
		model.addAttribute("team", team);
		model.addAttribute("budgets", periods);
		model.addAttribute("learningTeam", budgets.mayGive(me));
		model.addAttribute("resources", budgets.resourcesToPay(me, teamId));
		model.addAttribute("withoutBudget", budgets.withoutBudget(me, teamId));
		model.addAttribute("whoDecides", budgets.whoDecides());
		model.addAttribute("budgetForm", budgetForm);
		model.addAttribute("spendForm", spendForm);
		model.addAttribute("errors", errors);
		model.addAttribute("currency", budgets.defaultCurrency());
		return "teams/budget";
	}
}
