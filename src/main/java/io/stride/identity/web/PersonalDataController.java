package io.stride.identity.web;

import java.util.Map;

import io.stride.identity.Erasure;
import io.stride.identity.OrganizationAdministration;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.PersonalDataRequests;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The person's admin page's downloads and the erasure behind its confirmation. */
@Controller
class PersonalDataController {

	private final OrganizationAdministration administration;

	private final PersonalDataRequests requests;

	PersonalDataController(OrganizationAdministration administration,
			PersonalDataRequests requests) {
		this.administration = administration;
		this.requests = requests;
	}

	@GetMapping("/admin/people/{id}/export")
	ResponseEntity<?> export(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "json") String format) {
		String chosen = "csv".equals(format) ? "csv" : "json";
		return PersonalDataDownloads.of(requests.export(me, new PersonId(id), chosen), chosen);
	}

	@GetMapping("/admin/people/{id}/erasure")
	String confirm(Viewer me, @PathVariable String id, Model model) {
		return page(model, administration.person(me, new PersonId(id)), "", Map.of());
	}

	@PostMapping("/admin/people/{id}/erasure")
	String erase(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "") String confirmation, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Person person = administration.person(me, new PersonId(id));
		try {
			Erasure.Pseudonym pseudonym = requests.erase(me, person.id(), confirmation);
			redirect.addFlashAttribute("notice", person.name() + " was erased. Their learning records stay as \""
					+ pseudonym.name() + "\".");
			return "redirect:/admin/people";
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return page(model, person, confirmation, e.fieldErrors());
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			return page(model, person, confirmation, Map.of());
		}
	}

	private static String page(Model model, Person person, String confirmation, Map<String, String> errors) {
		model.addAttribute("person", person);
		model.addAttribute("confirmation", confirmation);
		model.addAttribute("errors", errors);
		return "admin/person-erasure";
	}
}
