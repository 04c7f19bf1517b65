package io.stride.scim.web;

import java.util.Map;

import io.stride.identity.Viewer;
import io.stride.scim.internal.ScimTokens;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins' page of SCIM tokens: make one (shown once), see when each was last used, revoke after confirming. */
@Controller
class ScimAdminController {

	private final ScimTokens tokens;

	private final String scimUrl;

	ScimAdminController(ScimTokens tokens, @Value("${stride.base-url:http://localhost:8080}") String baseUrl) {
		this.tokens = tokens;
		this.scimUrl = baseUrl.replaceAll("/+$", "") + "/scim/v2";
	}

	record TokenForm(String name) {
	}

	@GetMapping("/admin/scim")
	String page(Viewer me, Model model) {
		return page(model, me, new TokenForm(""), Map.of());
	}

	@PostMapping("/admin/scim/tokens")
	String create(Viewer me, TokenForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			ScimTokens.Issued issued = tokens.create(me, form.name());
			redirect.addFlashAttribute("newToken", issued.token());
			redirect.addFlashAttribute("newTokenName", issued.name());
			redirect.addFlashAttribute("notice", "Token made. Copy it now: it is shown only once.");
			return "redirect:/admin/scim";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model,
					"The token was not made: " + String.join(" ", e.fieldErrors().values()));
			return page(model, me, form, e.fieldErrors());
		}
	}

	@GetMapping("/admin/scim/tokens/{id}/revoke")
	String confirmRevoke(Viewer me, @PathVariable String id, Model model) {
		model.addAttribute("token", tokens.token(me, id));
		return "scim/revoke";
	}

	@PostMapping("/admin/scim/tokens/{id}/revoke")
	String revoke(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		String name = tokens.token(me, id).name();
		tokens.revoke(me, id);
		redirect.addFlashAttribute("notice", "Revoked “" + name + "”: the identity provider using it is refused from now on.");
		return "redirect:/admin/scim";
	}

	private String page(Model model, Viewer me, TokenForm form, Map<String, String> errors) {
		model.addAttribute("tokens", tokens.all(me));
		model.addAttribute("scimUrl", scimUrl);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "scim/admin";
	}
}
