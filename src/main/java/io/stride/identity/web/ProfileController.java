package io.stride.identity.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.stride.identity.Organization;
import io.stride.identity.OrganizationAdministration;
import io.stride.identity.Viewer;
import io.stride.identity.internal.ApiTokens;
import io.stride.identity.internal.SignedInSessions;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in person's profile and personal access tokens for the API.
 */
@Controller
class ProfileController {

	private final Organization organization;

	private final ApiTokens tokens;

	private final OrganizationAdministration administration;

	ProfileController(Organization organization, ApiTokens tokens, OrganizationAdministration administration) {
		this.organization = organization;
		this.tokens = tokens;
		this.administration = administration;
	}

	@GetMapping("/profile")
	String profile(Viewer me, Model model) {
		return page(me, model, Map.of());
	}

	@PostMapping("/profile/password")
	String changePassword(Viewer me, @RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmation, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			// this session stays signed in; every other one ends at its next request. Stamped before the change
			// commits: a request of this session's own arriving in between must not find it outdated
			// whole milliseconds: the database keeps microseconds, and a rounded-up value would end this session too
			Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			SignedInSessions.signedInAt(request, at);
			administration.changeOwnPassword(me, currentPassword, newPassword, confirmation,
					request.getRemoteAddr(), at);
			redirect.addFlashAttribute("notice", "Your password was changed. Your other sessions were signed out.");
			redirect.addFlashAttribute("passwordChanged", true);
			return "redirect:/profile";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage());
			return page(me, model, e.fieldErrors());
		}
	}

	private String page(Viewer me, Model model, Map<String, String> errors) {
		model.addAttribute("person", organization.person(me, me.id()));
		model.addAttribute("tokens", tokens.personalTokens(me.id()));
		model.addAttribute("errors", errors);
		return "profile/profile";
	}

	@PostMapping("/profile/tokens")
	String createToken(Viewer me, @RequestParam String name, @RequestParam(required = false) Integer days,
			RedirectAttributes redirect) {
		try {
			ApiTokens.Issued issued = tokens.issuePersonalToken(me.id(), name, days);
			redirect.addFlashAttribute("newToken", issued.token());
			redirect.addFlashAttribute("notice", "Token created. Copy it now: it is shown only once.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", String.join(" ", e.fieldErrors().values()));
		}
		return "redirect:/profile";
	}

	@PostMapping("/profile/tokens/revoke-all")
	String revokeAll(Viewer me, RedirectAttributes redirect) {
		tokens.revokeAll(me.id());
		redirect.addFlashAttribute("notice", "All your personal access tokens were revoked.");
		return "redirect:/profile";
	}

	@PostMapping("/profile/tokens/{id}/revoke")
	String revoke(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		tokens.revoke(me.id(), id);
		redirect.addFlashAttribute("notice", "Token revoked. Programs using it can no longer call the API.");
		return "redirect:/profile";
	}
}
