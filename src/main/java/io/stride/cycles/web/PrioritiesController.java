package io.stride.cycles.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.cycles.Priorities;
import io.stride.cycles.Priority;
import io.stride.cycles.PriorityBoard;
import io.stride.cycles.PriorityId;
import io.stride.cycles.PriorityKind;
import io.stride.identity.Organization;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import io.stride.shared.web.FormNumbers;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organization's priorities of a period and a team's (with its suggested learning needs beside them): a period
 * switcher, and for those who may, a form to publish, edit and retire.
 */
@Controller
class PrioritiesController {

	private final Priorities priorities;

	private final Capabilities capabilities;

	private final Organization organization;

	PrioritiesController(Priorities priorities, Capabilities capabilities, Organization organization) {
		this.priorities = priorities;
		this.capabilities = capabilities;
		this.organization = organization;
	}

	/** The priority form as typed; {@code revision} only when editing. */
	record PriorityForm(String period, String startsOn, String endsOn, String kind, String title, String text,
			List<String> capabilityIds, String revision) {

		PriorityForm {
			capabilityIds = capabilityIds == null ? List.of() : List.copyOf(capabilityIds);
		}
	}

	@GetMapping("/priorities")
	String organizationPriorities(Viewer me, @RequestParam(required = false) String period, Model model) {
		PriorityBoard board = priorities.organization(me, period);
		return page(model, me, board, blank(board), Map.of());
	}

	@PostMapping("/priorities")
	String publish(Viewer me, PriorityForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return publish(me, null, form, model, redirect, response);
	}

	@GetMapping("/teams/{id}/priorities")
	String teamPriorities(Viewer me, @PathVariable String id, @RequestParam(required = false) String period,
			Model model) {
		PriorityBoard board = priorities.team(me, new TeamId(id), period);
		return page(model, me, board, blank(board), Map.of());
	}

	@PostMapping("/teams/{id}/priorities")
	String publishForTeam(Viewer me, @PathVariable String id, PriorityForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return publish(me, new TeamId(id), form, model, redirect, response);
	}

	@GetMapping("/priorities/{id}/edit")
	String edit(Viewer me, @PathVariable String id, Model model) {
		Priority priority = priorities.forEdit(me, new PriorityId(id));
		PriorityForm form = new PriorityForm(priority.period().label(), null, null, priority.kind().name(),
				priority.title(), priority.text(), priority.capabilities().stream().map(c -> c.id().value()).toList(),
				String.valueOf(priority.revision()));
		return editPage(model, me, priority, form, Map.of());
	}

	@PostMapping("/priorities/{id}/edit")
	String save(Viewer me, @PathVariable String id, PriorityForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Priority priority = priorities.forEdit(me, new PriorityId(id));
		try {
			int revision = FormNumbers.wholeNumber(form.revision())
				.orElseThrow(() -> new InvalidInputException("title",
						"The form lost the revision it was opened at; reload the page."));
			Priority saved = priorities.edit(me, priority.id(), revision,
					PrioritiesApi.content(form.kind(), form.title(), form.text(), form.capabilityIds()));
			redirect.addFlashAttribute("notice", "Saved “" + saved.title() + "”.");
			return "redirect:" + where(saved);
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			return editPage(model, me, priority, form, e.fieldErrors());
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			return editPage(model, me, priority, form, Map.of());
		}
	}

	@PostMapping("/priorities/{id}/retire")
	String retire(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		Priority priority = priorities.get(me, new PriorityId(id));
		priorities.retire(me, priority.id());
		redirect.addFlashAttribute("notice", "Retired “" + priority.title() + "”.");
		return "redirect:" + where(priority);
	}

	@PostMapping("/priorities/start-from-previous")
	String startFromPrevious(Viewer me, @RequestParam String period, @RequestParam(required = false) String teamId,
			RedirectAttributes redirect) {
		TeamId team = teamId == null || teamId.isBlank() ? null : new TeamId(teamId);
		int copied = priorities.startFromPrevious(me, team, period);
		redirect.addFlashAttribute("notice", "Copied " + copied + (copied == 1 ? " priority" : " priorities")
				+ " from the previous period; edit them to fit this one.");
		redirect.addAttribute("period", period);
		return "redirect:" + (team == null ? "/priorities" : "/teams/" + team.value() + "/priorities");
	}

	private String publish(Viewer me, TeamId team, PriorityForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			Priority saved = priorities.publish(me, team, form.period(), form.startsOn(), form.endsOn(),
					PrioritiesApi.content(form.kind(), form.title(), form.text(), form.capabilityIds()));
			redirect.addFlashAttribute("notice", "Published “" + saved.title() + "” for " + saved.period().label() + ".");
			return "redirect:" + where(saved);
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			String period = form.period() != null && priorities.periods().stream()
				.anyMatch(p -> p.label().equalsIgnoreCase(form.period().strip())) ? form.period() : null;
			PriorityBoard board = team == null ? priorities.organization(me, period) : priorities.team(me, team, period);
			return page(model, me, board, form, e.fieldErrors());
		}
	}

	private String page(Model model, Viewer me, PriorityBoard board, PriorityForm form, Map<String, String> errors) {
		boolean ofTeam = board.team() != null;
		model.addAttribute("board", board);
		model.addAttribute("kinds", PriorityKind.of(ofTeam));
		model.addAttribute("aboveKinds", PriorityKind.of(true));
		model.addAttribute("teamNames", teamNames());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		if (board.mayEdit()) {
			model.addAttribute("capabilities", active(me));
		}
		return "cycles/priorities";
	}

	private String editPage(Model model, Viewer me, Priority priority, PriorityForm form, Map<String, String> errors) {
		model.addAttribute("priority", priority);
		model.addAttribute("kinds", PriorityKind.of(!priority.ofOrganization()));
		model.addAttribute("capabilities", active(me));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("back", where(priority));
		return "cycles/priority-edit";
	}

	private List<Capability> active(Viewer me) {
		return capabilities.catalogue(me, null, null, false);
	}

	private Map<String, String> teamNames() {
		Map<String, String> names = new HashMap<>();
		organization.allTeams().forEach(t -> names.put(t.id().value(), t.name()));
		return names;
	}

	/** A new form in the period shown, so publishing adds to it. */
	private static PriorityForm blank(PriorityBoard board) {
		return new PriorityForm(board.period() == null ? "" : board.period().label(), null, null, null, null, null,
				List.of(), null);
	}

	private static String where(Priority priority) {
		String path = priority.ofOrganization() ? "/priorities" : "/teams/" + priority.teamId().value() + "/priorities";
		return path + "?period=" + URLEncoder.encode(priority.period().label(), StandardCharsets.UTF_8);
	}
}
