package io.stride.cycles.web;

import java.util.List;
import java.util.Map;

import io.stride.cycles.GoalId;
import io.stride.cycles.HelpRequests;
import io.stride.cycles.ShareBack;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.Ids;
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

/** A goal's help page (looking for help, suggested helpers, offers), a team's help requests, and sharing back. */
@Controller
class HelpController {

	private final HelpRequests help;

	private final ShareBack shareBack;

	HelpController(HelpRequests help, ShareBack shareBack) {
		this.help = help;
		this.shareBack = shareBack;
	}

	@GetMapping("/goals/{id}/help")
	String page(Viewer me, @PathVariable String id, Model model) {
		return page(model, me, new GoalId(id), "", Map.of());
	}

	@PostMapping("/goals/{id}/help")
	String setLooking(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "false") boolean looking,
			RedirectAttributes redirect) {
		help.setLookingForHelp(me, new GoalId(id), looking);
		redirect.addFlashAttribute("notice", looking
				? "Your goal is looking for help: your team sees it in its help requests."
				: "Your goal is no longer looking for help.");
		return "redirect:/goals/" + id + "/help";
	}

	@PostMapping("/goals/{id}/help-offers")
	String offer(Viewer me, @PathVariable String id, @RequestParam(required = false) String message, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			HelpRequests.HelpOffer offer = help.offer(me, new GoalId(id), message);
			redirect.addFlashAttribute("notice", "Offered. " + help.help(me, offer.goalId()).owner().name()
					+ " is notified and sees you on the goal.");
			return "redirect:/goals/" + id + "/help";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model,
					e.getMessage() + (e.fieldErrors().isEmpty() ? "" : " Correct the fields marked below."));
			return page(model, me, new GoalId(id), message, e.fieldErrors());
		}
	}

	@PostMapping("/help-offers/{id}/withdraw")
	String withdraw(Viewer me, @PathVariable String id, @RequestParam String goal, RedirectAttributes redirect) {
		help.withdraw(me, id);
		redirect.addFlashAttribute("notice", "The offer of help is withdrawn.");
		return Ids.looksValid(goal) ? "redirect:/goals/" + goal + "/help" : "redirect:/cycles";
	}

	@GetMapping("/teams/{id}/help-requests")
	String team(Viewer me, @PathVariable String id, Model model) {
		HelpRequests.TeamHelp team = help.team(me, new TeamId(id));
		model.addAttribute("team", team.team());
		model.addAttribute("requests", team.requests());
		model.addAttribute("notShown", team.notShown());
		return "cycles/help-requests";
	}

	@PostMapping("/goals/{id}/course-draft")
	String courseDraft(Viewer me, @PathVariable String id) {
		return "redirect:" + shareBack.courseDraft(me, new GoalId(id)).url();
	}

	private String page(Model model, Viewer me, GoalId goal, String message, Map<String, String> errors) {
		HelpRequests.GoalHelp found = help.help(me, goal);
		List<HelpRequests.HelpSuggestion> suggestions = found.ownedByViewer() ? help.suggestions(me, goal) : List.of();
		model.addAttribute("help", found);
		model.addAttribute("suggestions", suggestions);
		model.addAttribute("message", message == null ? "" : message);
		model.addAttribute("errors", errors);
		model.addAttribute("maxMessage", HelpRequests.MAX_MESSAGE);
		return "cycles/help";
	}
}
