package io.stride.rhythm.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.HoursPlan;
import io.stride.rhythm.LearningHours;
import io.stride.rhythm.LearningPeriod;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import io.stride.shared.web.FormNumbers;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A team's learning hours page: choose a period, the table of people × hours given / committed / used with its
 * warnings, the hours edited in place in one form, a period added, changed or removed, and the CSV export.
 */
@Controller
class LearningHoursController {

	private final LearningHours hours;

	LearningHoursController(LearningHours hours) {
		this.hours = hours;
	}

	/** The period form as typed; {@code revision} only when changing one. */
	record PeriodForm(String name, String startsOn, String endsOn, String revision) {
	}

	/** The hours form: one hours field per person, in the order of {@code personId}. */
	record HoursForm(List<String> personId, List<String> hours, String revision) {

		HoursForm {
			personId = personId == null ? List.of() : List.copyOf(personId);
			hours = hours == null ? List.of() : new ArrayList<>(hours);
		}
	}

	@GetMapping("/teams/{id}/learning-hours")
	String page(Viewer me, @PathVariable String id, @RequestParam(required = false) String period, Model model) {
		HoursPlan plan = hours.plan(me, new TeamId(id), period);
		return page(model, plan, null, new PeriodForm(null, null, null, null), Map.of(), Map.of());
	}

	@GetMapping("/teams/{id}/learning-hours.csv")
	ResponseEntity<String> csv(Viewer me, @PathVariable String id, @RequestParam(required = false) String period) {
		return LearningHoursApi.csv(hours.plan(me, new TeamId(id), period));
	}

	@PostMapping("/teams/{id}/learning-hours/{periodId}")
	String allocate(Viewer me, @PathVariable String id, @PathVariable String periodId, HoursForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		TeamId team = new TeamId(id);
		List<LearningHours.Allocation> allocations = new ArrayList<>();
		for (int i = 0; i < form.personId().size(); i++) {
			allocations.add(new LearningHours.Allocation(form.personId().get(i),
					i < form.hours().size() ? form.hours().get(i) : null));
		}
		try {
			hours.allocate(me, team, periodId, revision(form.revision()), allocations);
			redirect.addFlashAttribute("notice", "Saved the hours.");
			redirect.addAttribute("period", periodId);
			return "redirect:/teams/" + id + "/learning-hours";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the hours marked below.");
			// errors by person, so each shows next to its field
			Map<String, String> byPerson = new HashMap<>();
			e.fieldErrors().forEach((field, message) -> {
				int open = field.indexOf('[');
				int close = field.indexOf(']');
				if (open >= 0 && close > open) {
					int i = Integer.parseInt(field.substring(open + 1, close));
					if (i < form.personId().size()) {
						byPerson.put(form.personId().get(i), message);
					}
				}
			});
			return page(model, hours.plan(me, team, periodId), form, new PeriodForm(null, null, null, null), Map.of(),
					byPerson);
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			return page(model, hours.plan(me, team, periodId), form, new PeriodForm(null, null, null, null), Map.of(),
					Map.of());
		}
	}

	@PostMapping("/teams/{id}/learning-hours/periods")
	String createPeriod(Viewer me, @PathVariable String id, PeriodForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		TeamId team = new TeamId(id);
		try {
			LearningPeriod period = hours.createPeriod(me, team,
					new LearningHours.PeriodDraft(form.name(), form.startsOn(), form.endsOn()));
			redirect.addFlashAttribute("notice", "Added “" + period.name() + "”. Give people their hours below.");
			redirect.addAttribute("period", period.id());
			return "redirect:/teams/" + id + "/learning-hours";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			return page(model, hours.plan(me, team, null), null, form, e.fieldErrors(), Map.of());
		}
	}

	@GetMapping("/teams/{id}/learning-hours/periods/{periodId}/edit")
	String editPeriod(Viewer me, @PathVariable String id, @PathVariable String periodId, Model model) {
		LearningPeriod period = hours.period(me, new TeamId(id), periodId);
		return editPage(model, id, period, new PeriodForm(period.name(), period.startsOn().toString(),
				period.endsOn().toString(), String.valueOf(period.revision())), Map.of());
	}

	@PostMapping("/teams/{id}/learning-hours/periods/{periodId}/edit")
	String changePeriod(Viewer me, @PathVariable String id, @PathVariable String periodId, PeriodForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		TeamId team = new TeamId(id);
		LearningPeriod period = hours.period(me, team, periodId);
		try {
			LearningPeriod saved = hours.changePeriod(me, team, periodId, revision(form.revision()),
					new LearningHours.PeriodDraft(form.name(), form.startsOn(), form.endsOn()));
			redirect.addFlashAttribute("notice", "Saved “" + saved.name() + "”.");
			redirect.addAttribute("period", saved.id());
			return "redirect:/teams/" + id + "/learning-hours";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			return editPage(model, id, period, form, e.fieldErrors());
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			return editPage(model, id, period, form, Map.of());
		}
	}

	@PostMapping("/teams/{id}/learning-hours/periods/{periodId}/delete")
	String deletePeriod(Viewer me, @PathVariable String id, @PathVariable String periodId,
			RedirectAttributes redirect) {
		TeamId team = new TeamId(id);
		LearningPeriod period = hours.period(me, team, periodId);
		hours.deletePeriod(me, team, periodId);
		redirect.addFlashAttribute("notice", "Removed “" + period.name() + "” and the hours given in it.");
		return "redirect:/teams/" + id + "/learning-hours";
	}

	private static Integer revision(String text) {
		return FormNumbers.wholeNumber(text).orElse(null);
	}

	private String page(Model model, HoursPlan plan, HoursForm typed, PeriodForm periodForm,
			Map<String, String> errors, Map<String, String> hourErrors) {
		Map<String, String> shown = new HashMap<>();
		plan.people().forEach(p -> shown.put(p.person().value(),
				p.allocatedHours() == null ? "" : p.allocatedHours().stripTrailingZeros().toPlainString()));
		if (typed != null) {
			for (int i = 0; i < typed.personId().size() && i < typed.hours().size(); i++) {
				shown.put(typed.personId().get(i), typed.hours().get(i));
			}
		}
		model.addAttribute("plan", plan);
		model.addAttribute("typedHours", shown);
		model.addAttribute("hourErrors", hourErrors);
		model.addAttribute("form", periodForm);
		model.addAttribute("errors", errors);
		model.addAttribute("revision", typed != null && typed.revision() != null ? typed.revision()
				: plan.period() == null ? "" : String.valueOf(plan.period().revision()));
		return "rhythm/learning-hours";
	}

	private String editPage(Model model, String teamId, LearningPeriod period, PeriodForm form,
			Map<String, String> errors) {
		model.addAttribute("teamId", teamId);
		model.addAttribute("period", period);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "rhythm/learning-period-edit";
	}
}
