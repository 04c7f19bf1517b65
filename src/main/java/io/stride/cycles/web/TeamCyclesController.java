package io.stride.cycles.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.cycles.ContractTemplate;
import io.stride.cycles.ContractTemplates;
import io.stride.cycles.CycleSummary;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.TeamCycles;
import io.stride.cycles.TemplateDraft;
import io.stride.identity.Organization;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A team's cycles for its managers, and its contract templates. */
@Controller
class TeamCyclesController {

	/** Goal lines a template form offers beyond those it has. */
	static final int EXTRA_LINES = 3;

	private final LearningCycles cycles;

	private final ContractTemplates templates;

	private final Capabilities capabilities;

	private final Organization organization;

	TeamCyclesController(LearningCycles cycles, ContractTemplates templates, Capabilities capabilities,
			Organization organization) {
		this.cycles = cycles;
		this.templates = templates;
		this.capabilities = capabilities;
		this.organization = organization;
	}

	/** One goal line of the template form as typed; {@code capabilityLevel} is "capabilityId:rank". */
	record LineForm(String what, String capabilityLevel, String evidence) {
	}

	record TemplateForm(String title, List<LineForm> lines) {
	}

	@GetMapping("/teams/{id}/cycles")
	String teamCycles(Viewer me, @PathVariable String id, Model model) {
		TeamCycles team = cycles.team(me, new TeamId(id));
		// what each active cycle serves, in words, written once here rather than per row in the template
		Map<String, String> serves = new HashMap<>();
		for (TeamCycles.Member m : team.members()) {
			CycleSummary c = m.active();
			if (c == null) {
				continue;
			}
			List<String> parts = new ArrayList<>();
			c.serves().forEach(p -> parts.add(p.title()));
			if (c.servesSelf()) {
				parts.add(parts.isEmpty() ? "Themselves" : "themselves");
			}
			serves.put(c.id().value(), String.join("; ", parts));
		}
		model.addAttribute("team", team);
		model.addAttribute("serves", serves);
		return "cycles/team";
	}

	@GetMapping("/teams/{id}/contract-templates")
	String teamTemplates(Viewer me, @PathVariable String id, Model model) {
		TeamId team = new TeamId(id);
		return templatesPage(model, me, team, new TemplateForm(null, lines(List.of())), Map.of());
	}

	@PostMapping("/teams/{id}/contract-templates")
	String createTemplate(Viewer me, @PathVariable String id, HttpServletRequest request, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		TeamId team = new TeamId(id);
		TemplateForm form = form(request);
		try {
			ContractTemplate saved = templates.create(me, team, draft(form));
			redirect.addFlashAttribute("notice", "Added the template “" + saved.title() + "”.");
			return "redirect:/teams/" + team.value() + "/contract-templates";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			return templatesPage(model, me, team, form, e.fieldErrors());
		}
	}

	@GetMapping("/contract-templates/{id}/edit")
	String editTemplate(Viewer me, @PathVariable String id, Model model) {
		ContractTemplate template = templates.get(me, id);
		if (!template.mayEdit()) {
			throw new ForbiddenException("Only the team's managers and admins keep its templates.");
		}
		List<LineForm> lines = new ArrayList<>();
		template.goals()
			.forEach(l -> lines.add(new LineForm(l.what(),
					l.capability() == null ? null : l.capability().id().value() + ":" + l.capability().targetRank(),
					l.evidence())));
		return editPage(model, me, template, new TemplateForm(template.title(), lines(lines)), Map.of());
	}

	@PostMapping("/contract-templates/{id}/edit")
	String saveTemplate(Viewer me, @PathVariable String id, HttpServletRequest request, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		ContractTemplate template = templates.get(me, id);
		TemplateForm form = form(request);
		try {
			ContractTemplate saved = templates.edit(me, template.id(), draft(form));
			redirect.addFlashAttribute("notice", "Saved the template “" + saved.title() + "”.");
			return "redirect:/teams/" + saved.teamId().value() + "/contract-templates";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			return editPage(model, me, template, form, e.fieldErrors());
		}
	}

	@PostMapping("/contract-templates/{id}/retire")
	String retireTemplate(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		ContractTemplate template = templates.get(me, id);
		templates.retire(me, template.id());
		redirect.addFlashAttribute("notice", "Retired the template “" + template.title() + "”.");
		return "redirect:/teams/" + template.teamId().value() + "/contract-templates";
	}

	private String templatesPage(Model model, Viewer me, TeamId team, TemplateForm form, Map<String, String> errors) {
		List<ContractTemplate> list = templates.ofTeam(me, team);
		String teamName = organization.allTeams()
			.stream()
			.filter(t -> t.id().equals(team))
			.findFirst()
			.map(t -> t.name())
			.orElse("Team");
		boolean mayEdit = organization.canManage(me, team);
		model.addAttribute("teamId", team.value());
		model.addAttribute("teamName", teamName);
		model.addAttribute("templates", list);
		model.addAttribute("mayEdit", mayEdit);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		if (mayEdit) {
			model.addAttribute("capabilities", catalogue(me));
		}
		return "cycles/templates";
	}

	private String editPage(Model model, Viewer me, ContractTemplate template, TemplateForm form,
			Map<String, String> errors) {
		model.addAttribute("template", template);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("capabilities", catalogue(me));
		return "cycles/template-edit";
	}

	private List<Capability> catalogue(Viewer me) {
		return capabilities.catalogue(me, null, null, false)
			.stream()
			.sorted(Comparator.comparing((Capability c) -> c.name().toLowerCase(Locale.ROOT)))
			.toList();
	}

	private static List<LineForm> lines(List<LineForm> existing) {
		List<LineForm> result = new ArrayList<>(existing);
		for (int i = 0; i < EXTRA_LINES; i++) {
			result.add(new LineForm(null, null, null));
		}
		return result;
	}

	private static TemplateForm form(HttpServletRequest request) {
		String[] whats = values(request, "lineWhat");
		String[] levels = values(request, "lineCapability");
		String[] evidence = values(request, "lineEvidence");
		List<LineForm> lines = new ArrayList<>();
		int n = Math.max(whats.length, Math.max(levels.length, evidence.length));
		for (int i = 0; i < n; i++) {
			lines.add(new LineForm(i < whats.length ? whats[i] : null, i < levels.length ? levels[i] : null,
					i < evidence.length ? evidence[i] : null));
		}
		List<LineForm> kept = lines.stream()
			.filter(l -> !(blank(l.what()) && blank(l.capabilityLevel()) && blank(l.evidence())))
			.toList();
		return new TemplateForm(request.getParameter("title"), lines(kept));
	}

	private static TemplateDraft draft(TemplateForm form) {
		List<TemplateDraft.Line> lines = new ArrayList<>();
		for (LineForm l : form.lines()) {
			CapabilityId capability = null;
			Integer level = null;
			if (!blank(l.capabilityLevel())) {
				String v = l.capabilityLevel().strip();
				int colon = v.lastIndexOf(':');
				capability = new CapabilityId(colon < 0 ? v : v.substring(0, colon));
				if (colon >= 0) {
					try {
						level = Integer.parseInt(v.substring(colon + 1));
					}
					catch (NumberFormatException e) {
						throw new InvalidInputException("goals", "Choose a level of the goal's capability (or no level).");
					}
				}
			}
			lines.add(new TemplateDraft.Line(l.what(), capability, level, l.evidence()));
		}
		return new TemplateDraft(form.title(), lines);
	}

	private static String[] values(HttpServletRequest request, String name) {
		String[] v = request.getParameterValues(name);
		return v == null ? new String[0] : v;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
