package io.stride.mastery.web;

import java.util.List;
import java.util.Map;

import io.stride.authoring.Authoring;
import io.stride.authoring.CourseId;
import io.stride.identity.Organization;
import io.stride.identity.Viewer;
import io.stride.mastery.Checklists;
import io.stride.mastery.Mastery;
import io.stride.mastery.MasteryRules;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The learner's own mastery page (with the checklists they sign off as a named expert) and the admin page for the
 * organization's default criterion.
 */
@Controller
class MasteryController {

	private final Mastery mastery;

	private final MasteryRules rules;

	private final Checklists checklists;

	private final Authoring authoring;

	private final Organization organization;

	MasteryController(Mastery mastery, MasteryRules rules, Checklists checklists, Authoring authoring,
			Organization organization) {
		this.mastery = mastery;
		this.rules = rules;
		this.checklists = checklists;
		this.authoring = authoring;
		this.organization = organization;
	}

	/** A checklist the viewer signs off, with its course title, for the list on their mastery page. */
	record ExpertChecklist(String teamId, String teamName, String courseId, String courseTitle) {
	}

	@GetMapping("/mastery")
	String mine(Viewer me, Model model) {
		model.addAttribute("masteries", mastery.masteryOf(me, me.id()));
		List<Checklists.Expertise> expertise = checklists.expertiseOf(me);
		Map<CourseId, String> titles = authoring.titles(expertise.stream().map(Checklists.Expertise::courseId).toList());
		model.addAttribute("checklists", expertise.stream()
			.filter(e -> titles.containsKey(e.courseId()))
			.map(e -> new ExpertChecklist(e.team().id().value(), e.team().name(), e.courseId().value(),
					titles.get(e.courseId())))
			.toList());
		model.addAttribute("organizationDefault", rules.organizationDefault().passMark());
		return "mastery/mine";
	}

	@GetMapping("/admin/mastery")
	String adminPage(Viewer signedIn, Model model) {
		MasteryRules.OrganizationDefault current = rules.organizationDefault();
		return adminView(model, current.passMark(), current.revision(), Map.of());
	}

	@PostMapping("/admin/mastery")
	String saveDefault(Viewer me, @RequestParam(required = false) String passMark, @RequestParam int revision,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			int mark = TeamMasteryController.number(passMark, "passMark", "Give a pass mark from 1 to 100%.");
			rules.setOrganizationDefault(me, mark, revision);
			redirect.addFlashAttribute("notice", "Saved: a quiz score of " + mark + "% or more is the organization's "
					+ "default for mastery.");
			return "redirect:/admin/mastery";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, "The default was not saved.");
			return adminView(model, null, revision, e.fieldErrors());
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			MasteryRules.OrganizationDefault current = rules.organizationDefault();
			return adminView(model, current.passMark(), current.revision(), Map.of());
		}
	}

	private static String adminView(Model model, Integer passMark, int revision, Map<String, String> errors) {
		model.addAttribute("passMark", passMark);
		model.addAttribute("revision", revision);
		model.addAttribute("errors", errors);
		return "mastery/admin";
	}
}
