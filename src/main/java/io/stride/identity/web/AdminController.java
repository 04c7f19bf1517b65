package io.stride.identity.web;

import java.util.HashMap;
import java.util.Map;

import io.stride.identity.NewPerson;
import io.stride.identity.Organization;
import io.stride.identity.OrganizationAdministration;
import io.stride.identity.PersonChanges;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages for people and teams. The service checks the admin role again; the URL rule is a second fence.
 */
@Controller
class AdminController {

	private static final int PAGE_SIZE = 25;

	private final Organization organization;

	private final OrganizationAdministration administration;

	AdminController(Organization organization, OrganizationAdministration administration) {
		this.organization = organization;
		this.administration = administration;
	}

	@GetMapping("/admin")
	String admin() {
		return "redirect:/admin/people";
	}

	@GetMapping("/admin/people")
	String people(Viewer me, @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
			Model model) {
		model.addAttribute("q", q);
		model.addAttribute("result", administration.people(me, q, page, PAGE_SIZE));
		model.addAttribute("teamNames", teamNames());
		return "admin/people";
	}

	@GetMapping("/admin/people/new")
	String newPerson(Viewer me, Model model) {
		administration.requireAdmin(me);
		return personForm(model, new PersonForm(), null, Map.of());
	}

	@PostMapping("/admin/people")
	String createPerson(Viewer me, @ModelAttribute("form") PersonForm form, Model model, RedirectAttributes redirect) {
		try {
			PersonId id = administration.createPerson(me, new NewPerson(form.getName(), form.getEmail(),
					form.getPassword(), form.teams(), form.managedTeams(), form.grantedRoles()));
			redirect.addFlashAttribute("notice", form.getName() + " can now sign in with " + form.getEmail() + ".");
			return "redirect:/admin/people/" + id.value();
		}
		catch (InvalidInputException e) {
			form.setPassword("");
			model.addAttribute("problem", e.getMessage());
			return personForm(model, form, null, e.fieldErrors());
		}
	}

	@GetMapping("/admin/people/{id}")
	String editPerson(Viewer me, @PathVariable String id, Model model) {
		return personForm(model, PersonForm.of(administration.person(me, new PersonId(id))), id, Map.of());
	}

	@PostMapping("/admin/people/{id}")
	String updatePerson(Viewer me, @PathVariable String id, @ModelAttribute("form") PersonForm form, Model model,
			RedirectAttributes redirect) {
		try {
			administration.updatePerson(me, new PersonId(id), new PersonChanges(form.getName(), form.getEmail(),
					form.getPassword(), form.isActive(), form.teams(), form.managedTeams(), form.grantedRoles()));
			redirect.addFlashAttribute("notice", "Saved.");
			return "redirect:/admin/people/" + id;
		}
		catch (InvalidInputException e) {
			form.setPassword("");
			model.addAttribute("problem", e.getMessage());
			return personForm(model, form, id, e.fieldErrors());
		}
	}

	@GetMapping("/admin/teams")
	String teams(Viewer me, Model model) {
		administration.requireAdmin(me);
		model.addAttribute("teams", organization.allTeams());
		model.addAttribute("teamNames", teamNames());
		model.addAttribute("errors", Map.of());
		return "admin/teams";
	}

	@PostMapping("/admin/teams")
	String createTeam(Viewer me, @RequestParam String name, @RequestParam(required = false) String parentId,
			Model model, RedirectAttributes redirect) {
		try {
			administration.createTeam(me, name,
					parentId == null || parentId.isBlank() ? null : new TeamId(parentId));
			redirect.addFlashAttribute("notice", "Team \"" + name.trim() + "\" created.");
			return "redirect:/admin/teams";
		}
		catch (InvalidInputException e) {
			model.addAttribute("teams", organization.allTeams());
			model.addAttribute("teamNames", teamNames());
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("problem", e.getMessage());
			model.addAttribute("name", name);
			model.addAttribute("parentId", parentId);
			return "admin/teams";
		}
	}

	private String personForm(Model model, PersonForm form, String id, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("personId", id);
		model.addAttribute("pageTitle", id == null ? "Add a person" : "Edit " + form.getName());
		model.addAttribute("teams", organization.allTeams());
		model.addAttribute("roles", Role.values());
		model.addAttribute("errors", errors);
		return "admin/person";
	}

	private Map<String, String> teamNames() {
		Map<String, String> names = new HashMap<>();
		organization.allTeams().forEach(team -> names.put(team.id().value(), team.name()));
		return names;
	}
}
