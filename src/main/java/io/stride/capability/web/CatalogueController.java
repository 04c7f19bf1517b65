package io.stride.capability.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stride.authoring.Authoring;
import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.Level;
import io.stride.capability.RuleKind;
import io.stride.identity.Organization;
import io.stride.identity.Team;
import io.stride.identity.Viewer;
import io.stride.mastery.Checklists;
import io.stride.shared.ChecksControlCharacters;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalogue pages: the list everyone reads, the form keepers write a capability with (its levels and evidence
 * rules), a capability's page, and retiring, restoring and merging.
 */
@Controller
class CatalogueController {

	private final Capabilities capabilities;

	private final Authoring authoring;

	private final Checklists checklists;

	private final Organization organization;

	CatalogueController(Capabilities capabilities, Authoring authoring, Checklists checklists, Organization organization) {
		this.capabilities = capabilities;
		this.authoring = authoring;
		this.checklists = checklists;
		this.organization = organization;
	}

	/** A category's capabilities, for the list. */
	record Group(String category, List<Entry> capabilities) {
	}

	/** A capability on the list: who owns it, its levels in a line and its rules in a line. */
	record Entry(Capability capability, String owner, String levels, String rules) {
	}

	/** One of the kinds of evidence a rule row offers. */
	record KindOption(String value, String label) {
	}

	static final List<KindOption> KINDS = List.of(new KindOption(RuleKind.COURSE_MASTERED.name(), "Course mastered"),
			new KindOption(RuleKind.SPACED_REVIEWS.name(), "Successful spaced reviews of a course"),
			new KindOption(RuleKind.TASK_SIGNED_OFF.name(), "Observed task signed off"),
			new KindOption(RuleKind.CERTIFICATE.name(), "External certificate confirmed by a manager"),
			new KindOption(RuleKind.VALIDATIONS.name(), "Validated by people who hold the level"),
			new KindOption(RuleKind.OUTSIDE_ACTIVITY.name(), "Activity completed in an outside tool"));

	/** A choice in a select: value and what it reads. */
	record Option(String value, String label) {
	}

	@GetMapping("/capabilities")
	String list(Viewer me, @RequestParam(required = false) String category, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "false") boolean retired, Model model) {
		List<Capability> found = capabilities.catalogue(me, category, q, retired);
		Map<String, List<Entry>> groups = new LinkedHashMap<>();
		found.stream()
			.sorted(Comparator.comparing((Capability c) -> c.category().toLowerCase(Locale.ROOT))
				.thenComparing(c -> c.name().toLowerCase(Locale.ROOT)))
			.forEach(c -> groups.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(entry(c)));
		model.addAttribute("groups", groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList());
		model.addAttribute("categories", capabilities.categories());
		model.addAttribute("category", category == null ? "" : category);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("retired", retired);
		model.addAttribute("filtered", (category != null && !category.isBlank()) || (q != null && !q.isBlank()) || retired);
		model.addAttribute("mayCreate", mayCreate(me));
		return "capabilities/catalogue";
	}

	@GetMapping("/capabilities/new")
	String newForm(Viewer me, Model model) {
		requireCreator(me);
		List<Team> teams = organization.teamsManagedBy(me);
		// a manager's capability is local to a team; the organization's is for keepers of the catalogue
		CapabilityForm form = CapabilityForm.blank(capabilities.keepsOrganizationCatalogue(me) || teams.isEmpty() ? null : teams.get(0).id());
		return form(model, me, null, form, Map.of());
	}

	@PostMapping("/capabilities/new")
	@ChecksControlCharacters({ "name", "description", "category", "levels", "rules[*].certificateName" })
	String create(Viewer me, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		requireCreator(me);
		CapabilityForm form = CapabilityForm.read(params);
		if (params.containsKey("addRule")) {
			return form(model, me, null, form.withAnotherRow(), Map.of());
		}
		CapabilityForm.Parsed parsed = form.parse();
		try {
			Capability created = capabilities.create(me, parsed.draft());
			redirect.addFlashAttribute("notice", "“" + created.name() + "” is in the catalogue.");
			return "redirect:/capabilities/" + created.id().value();
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Correct the fields marked below.");
			return form(model, me, null, form, rowErrors(e.fieldErrors(), parsed));
		}
	}

	@GetMapping("/capabilities/{id}")
	String detail(Viewer me, @PathVariable String id, Model model) {
		Capability capability = capabilities.get(me, capabilityId(id));
		model.addAttribute("capability", capability);
		model.addAttribute("mayKeep", capabilities.mayKeep(me, capability));
		model.addAttribute("owner", owner(capability));
		model.addAttribute("mergedInto", capability.mergedInto() == null ? null
				: capabilities.get(me, capability.mergedInto()));
		return "capabilities/catalogue-detail";
	}

	@GetMapping("/capabilities/{id}/edit")
	String editForm(Viewer me, @PathVariable String id, Model model) {
		Capability capability = kept(me, id);
		return form(model, me, capability, CapabilityForm.of(capability), Map.of());
	}

	@PostMapping("/capabilities/{id}/edit")
	@ChecksControlCharacters({ "name", "description", "category", "levels", "rules[*].certificateName" })
	String update(Viewer me, @PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Capability capability = kept(me, id);
		CapabilityForm form = CapabilityForm.read(params);
		if (params.containsKey("addRule")) {
			return form(model, me, capability, form.withAnotherRow(), Map.of());
		}
		CapabilityForm.Parsed parsed = form.parse();
		try {
			Capability saved = capabilities.update(me, capability.id(), form.revision() == null ? -1 : form.revision(),
					parsed.draft());
			redirect.addFlashAttribute("notice", "Saved “" + saved.name() + "”.");
			return "redirect:/capabilities/" + saved.id().value();
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Correct the fields marked below.");
			return form(model, me, capability, form, rowErrors(e.fieldErrors(), parsed));
		}
		catch (ConflictException e) {
			// the writer's input stays on the page so that nothing typed is lost; saving needs a reload first
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			model.addAttribute("conflict", true);
			return form(model, me, capability, form, Map.of());
		}
	}

	@GetMapping("/capabilities/{id}/retire")
	String retirePage(Viewer me, @PathVariable String id, Model model) {
		Capability capability = kept(me, id);
		model.addAttribute("capability", capability);
		model.addAttribute("mergedInto", capability.mergedInto() == null ? null
				: capabilities.get(me, capability.mergedInto()));
		return "capabilities/catalogue-retire";
	}

	@PostMapping("/capabilities/{id}/retire")
	String retire(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		Capability retired = capabilities.retire(me, capabilityId(id));
		redirect.addFlashAttribute("notice", "“" + retired.name() + "” is retired: it no longer counts in coverage, "
				+ "targets or the matrix. Its history stays, and you can restore it.");
		return "redirect:/capabilities/" + retired.id().value();
	}

	@PostMapping("/capabilities/{id}/restore")
	String restore(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		Capability restored = capabilities.restore(me, capabilityId(id));
		redirect.addFlashAttribute("notice", "“" + restored.name() + "” is active again.");
		return "redirect:/capabilities/" + restored.id().value();
	}

	@GetMapping("/capabilities/{id}/merge")
	String mergePage(Viewer me, @PathVariable String id, @RequestParam(required = false) String into, Model model,
			HttpServletResponse response) {
		Capability capability = kept(me, id);
		Map<String, String> errors = new HashMap<>();
		Capability target = null;
		if (into != null && !into.isBlank()) {
			target = mergeCandidates(me, capability).stream()
				.filter(c -> c.id().value().equals(into))
				.findFirst()
				.orElse(null);
			if (target == null) {
				response.setStatus(422);
				errors.put("into", "Choose one of the active capabilities you keep.");
			}
		}
		return mergeView(model, me, capability, target, errors);
	}

	@PostMapping("/capabilities/{id}/merge")
	String merge(Viewer me, @PathVariable String id, @RequestParam(required = false) String into, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Capability capability = kept(me, id);
		if (into == null || !Ids.looksValid(into)) {
			response.setStatus(422);
			return mergeView(model, me, capability, null, Map.of("into", "Choose the capability to merge into."));
		}
		try {
			Capability merged = capabilities.merge(me, capability.id(), new CapabilityId(into));
			redirect.addFlashAttribute("notice", "“" + capability.name() + "” is merged into “" + merged.name() + "”: its "
					+ "certificates, validations, self-assessments and team targets are here now.");
			return "redirect:/capabilities/" + merged.id().value();
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return mergeView(model, me, capability, null, e.fieldErrors());
		}
	}

	private String mergeView(Model model, Viewer me, Capability capability, Capability target, Map<String, String> errors) {
		model.addAttribute("capability", capability);
		model.addAttribute("candidates", mergeCandidates(me, capability));
		model.addAttribute("target", target);
		model.addAttribute("sides", target == null ? List.of() : List.of(capability, target));
		model.addAttribute("errors", errors);
		return "capabilities/catalogue-merge";
	}

	private List<Capability> mergeCandidates(Viewer me, Capability capability) {
		return capabilities.catalogue(me, null, null, false)
			.stream()
			.filter(c -> !c.id().equals(capability.id()) && capabilities.mayKeep(me, c))
			.toList();
	}

	private String form(Model model, Viewer me, Capability capability, CapabilityForm form, Map<String, String> errors) {
		model.addAttribute("capability", capability);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("categories", capabilities.categories());
		List<Option> owners = new ArrayList<>();
		if (capabilities.keepsOrganizationCatalogue(me)) {
			owners.add(new Option("", "The whole organization"));
		}
		organization.teamsManagedBy(me).forEach(team -> owners.add(new Option(team.id().value(), team.name())));
		if (!form.ownerTeamId().isEmpty() && owners.stream().noneMatch(o -> o.value().equals(form.ownerTeamId()))) {
			// the current owner stays visible even when the writer can't choose it for a new capability
			String name = organization.allTeams().stream()
				.filter(t -> t.id().value().equals(form.ownerTeamId()))
				.map(Team::name)
				.findFirst()
				.orElse("A team that no longer exists");
			owners.add(0, new Option(form.ownerTeamId(), name));
		}
		model.addAttribute("owners", owners);
		List<Option> levels = new ArrayList<>();
		for (int rank = 1; rank <= Capability.MAX_LEVELS; rank++) {
			String name = form.levels().get(rank - 1);
			levels.add(new Option(String.valueOf(rank), name == null || name.isBlank() ? "Level " + rank
					: rank + ". " + name.strip()));
		}
		model.addAttribute("levelOptions", levels);
		model.addAttribute("kinds", KINDS);
		model.addAttribute("courses", authoring.publishedCourses()
			.stream()
			.map(c -> new Option(c.id().value(), c.title()))
			.toList());
		model.addAttribute("tasks", checklists.allTasks()
			.stream()
			.map(t -> new Option(t.task().id(), t.teamName() + " · " + t.courseTitle() + " · " + t.task().title()))
			.toList());
		return "capabilities/catalogue-form";
	}

	/** The catalogue counts rules without the empty rows; errors go back to the row they came from. */
	private static Map<String, String> rowErrors(Map<String, String> errors, CapabilityForm.Parsed parsed) {
		Map<String, String> mapped = new LinkedHashMap<>();
		errors.forEach((field, message) -> {
			if (field.startsWith("rules[")) {
				int index = Integer.parseInt(field.substring(6, field.indexOf(']')));
				int row = index < parsed.rowOfRule().size() ? parsed.rowOfRule().get(index) : index;
				mapped.put("rules[" + row + "]", message);
			}
			else {
				mapped.put(field, message);
			}
		});
		return mapped;
	}

	private Entry entry(Capability c) {
		String levels = String.join(" → ", c.levels().stream().map(Level::name).toList());
		String rules;
		if (c.rules().isEmpty()) {
			rules = "No evidence rules yet.";
		}
		else {
			List<String> said = c.rules().stream().limit(2).map(r -> c.levelName(r.level()) + ": " + r.label()).toList();
			int more = c.rules().size() - said.size();
			rules = String.join("; ", said) + (more > 0 ? "; and " + more + " more rule" + (more == 1 ? "" : "s") : "") + ".";
		}
		return new Entry(c, owner(c), levels, rules);
	}

	private static String owner(Capability c) {
		return c.ownerTeamId() == null ? "The whole organization" : c.ownerTeamName();
	}

	private boolean mayCreate(Viewer me) {
		return capabilities.mayCreate(me);
	}

	private void requireCreator(Viewer me) {
		if (!mayCreate(me)) {
			throw new ForbiddenException("Admins and L&D reviewers keep the catalogue; managers add capabilities of their teams.");
		}
	}

	private Capability kept(Viewer me, String id) {
		Capability capability = capabilities.get(me, capabilityId(id));
		if (!capabilities.mayKeep(me, capability)) {
			throw new ForbiddenException(capability.ownerTeamId() == null
					? "Only admins and L&D reviewers change the organization's capabilities."
					: "Only managers of the owner team, admins and L&D reviewers change this capability.");
		}
		return capability;
	}

	private static CapabilityId capabilityId(String id) {
		if (!Ids.looksValid(id)) {
			throw new NotFoundException("Capability");
		}
		return new CapabilityId(id);
	}
}
