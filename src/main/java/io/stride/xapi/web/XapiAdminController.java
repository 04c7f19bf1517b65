package io.stride.xapi.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.shared.web.FormErrors;
import io.stride.xapi.Scope;
import io.stride.xapi.XapiClients;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins' page of LRS clients: create one (its secret shown once), see them, revoke one after confirming. */
@Controller
class XapiAdminController {

	private final XapiClients clients;

	private final String endpoint;

	XapiAdminController(XapiClients clients, @Value("${stride.base-url}") String baseUrl) {
		this.clients = clients;
		this.endpoint = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/xapi/";
	}

	record ClientForm(String name, List<String> scopes) {
	}

	@GetMapping("/admin/xapi")
	String page(Viewer me, Model model) {
		return page(model, me, new ClientForm("", List.of("statements/write")), Map.of());
	}

	@PostMapping("/admin/xapi/clients")
	String create(Viewer me, ClientForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			XapiClients.NewClient made = clients.create(me, form.name(), form.scopes());
			redirect.addFlashAttribute("created", made);
			return "redirect:/admin/xapi";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage());
			return page(model, me, form, e.fieldErrors());
		}
	}

	@GetMapping("/admin/xapi/clients/{id}/revoke")
	String confirmRevoke(Viewer me, @PathVariable String id, Model model) {
		XapiClients.Client client = clients.all(me).stream()
			.filter(c -> c.id().equals(id) && !c.revoked())
			.findFirst()
			.orElseThrow(() -> new NotFoundException("xAPI client"));
		model.addAttribute("client", client);
		return "admin/xapi-revoke";
	}

	@PostMapping("/admin/xapi/clients/{id}/revoke")
	String revoke(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		clients.revoke(me, id);
		redirect.addFlashAttribute("notice", "Revoked: the key is refused from now on.");
		return "redirect:/admin/xapi";
	}

	private String page(Model model, Viewer me, ClientForm form, Map<String, String> errors) {
		model.addAttribute("clients", clients.all(me));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("scopes", Arrays.stream(Scope.values()).map(Scope::value).toList());
		model.addAttribute("endpoint", endpoint);
		return "admin/xapi";
	}
}
