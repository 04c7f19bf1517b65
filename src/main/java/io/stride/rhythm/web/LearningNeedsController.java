package io.stride.rhythm.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.stride.authoring.Authoring;
import io.stride.authoring.CourseId;
import io.stride.capability.Capabilities;
import io.stride.capability.CapabilityId;
import io.stride.identity.Organization;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.LearningNeed;
import io.stride.rhythm.LearningNeedId;
import io.stride.rhythm.LearningNeeds;
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

/** The learning needs board: filing, filters, voices, and answering a need. */
@Controller
class LearningNeedsController {

	private final LearningNeeds needs;

	private final Organization organization;

	private final Capabilities capabilities;

	private final Authoring authoring;

	LearningNeedsController(LearningNeeds needs, Organization organization, Capabilities capabilities,
			Authoring authoring) {
		this.needs = needs;
		this.organization = organization;
		this.capabilities = capabilities;
		this.authoring = authoring;
	}

	record NeedForm(String what, String capabilityId, String teamId) {
	}

	@GetMapping("/learning-needs")
	String list(Viewer me, @RequestParam(required = false) String status, @RequestParam(required = false) String teamId,
			@RequestParam(required = false) String capabilityId, @RequestParam(required = false) String q, Model model,
			HttpServletResponse response) {
		return board(model, me, status, teamId, capabilityId, q, new NeedForm("", null, null), Map.of());
	}

	@PostMapping("/learning-needs")
	String file(Viewer me, NeedForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			LearningNeed filed = needs.file(me, form.what(),
					ApiValues.blank(form.capabilityId()) ? null : new CapabilityId(form.capabilityId().strip()),
					ApiValues.blank(form.teamId()) ? null : new TeamId(form.teamId().strip()));
			redirect.addFlashAttribute("notice", "Filed: colleagues can add their voice to it now.");
			return "redirect:/learning-needs/" + filed.id().value();
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Correct the fields marked below.");
			return board(model, me, null, null, null, null, form, e.fieldErrors());
		}
	}

	@GetMapping("/learning-needs/{id}")
	String show(Viewer me, @PathVariable String id, Model model) {
		LearningNeed need = needs.need(me, new LearningNeedId(id));
		model.addAttribute("need", need);
		model.addAttribute("own", me.is(need.filedBy()));
		model.addAttribute("courses", need.mayDecide() && need.status() != LearningNeed.Status.ANSWERED
				? authoring.publishedCourses() : List.of());
		model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
		return "learning-needs/show";
	}

	@PostMapping("/learning-needs/{id}/voices")
	String voice(Viewer me, @PathVariable String id, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			needs.addVoice(me, new LearningNeedId(id), note);
			redirect.addFlashAttribute("notice", "Your voice is added.");
		}
		catch (InvalidInputException | ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			if (e instanceof InvalidInputException invalid) {
				redirect.addFlashAttribute("errors", invalid.fieldErrors());
			}
		}
		return "redirect:/learning-needs/" + id;
	}

	@PostMapping("/learning-needs/{id}/voices/withdraw")
	String withdraw(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		needs.withdrawVoice(me, new LearningNeedId(id));
		redirect.addFlashAttribute("notice", "Your voice is withdrawn.");
		return "redirect:/learning-needs/" + id;
	}

	@PostMapping("/learning-needs/{id}/answer")
	String answer(Viewer me, @PathVariable String id, @RequestParam(required = false) String courseId,
			RedirectAttributes redirect) {
		try {
			needs.answer(me, new LearningNeedId(id),
					ApiValues.blank(courseId) ? null : new CourseId(courseId.strip()));
			redirect.addFlashAttribute("notice", "Answered: the filer and everyone who added their voice are told.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", "The need was not answered.");
			redirect.addFlashAttribute("errors", e.fieldErrors());
		}
		return "redirect:/learning-needs/" + id;
	}

	private String board(Model model, Viewer me, String status, String teamId, String capabilityId, String q,
			NeedForm form, Map<String, String> errors) {
		LearningNeeds.Filter filter;
		try {
			filter = LearningNeedsApi.filter(status, teamId, capabilityId, q);
		}
		catch (InvalidInputException e) {
			filter = new LearningNeeds.Filter(null, null, null, q);
		}
		model.addAttribute("needs", needs.list(me, filter));
		model.addAttribute("filter", filter);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("teams", organization.allTeams()
			.stream()
			.sorted(Comparator.comparing(Team::name, String.CASE_INSENSITIVE_ORDER))
			.toList());
		model.addAttribute("capabilities", capabilities.catalogue(me, null, null, false));
		model.addAttribute("statuses", LearningNeed.Status.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("maxWhat", LearningNeeds.MAX_WHAT);
		return "learning-needs/list";
	}
}
