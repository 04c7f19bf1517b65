package io.stride.identity.web;

import java.time.Duration;

import io.stride.identity.internal.SignInThrottle;
import io.stride.identity.internal.SingleSignOn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInController {

	private final SingleSignOn singleSignOn;

	private final boolean oidcEnabled;

	SignInController(SingleSignOn singleSignOn, @Value("${stride.sso.oidc-enabled:false}") boolean oidcEnabled) {
		this.singleSignOn = singleSignOn;
		this.oidcEnabled = oidcEnabled;
	}

	@GetMapping("/login")
	String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) Integer wait,
			@RequestParam(required = false) String by,
			@RequestParam(required = false) String signedOut, @RequestParam(required = false) String passwordChanged, @RequestParam(required = false) String ssoError,
			Model model) {
		if (error != null) {
			model.addAttribute("problem", "The email or password is not right.");
		}
		if (wait != null) {
			SignInThrottle.Reason reason = "account".equals(by) ? SignInThrottle.Reason.ACCOUNT : SignInThrottle.Reason.ADDRESS;
			model.addAttribute("problem",
					new SignInThrottle.Refusal(reason, Duration.ofSeconds(Math.clamp(wait, 1, 3600))).message());
		}
		if (ssoError != null) {
			model.addAttribute("problem", "Single sign-on did not find an active Stride account for your email.");
		}
		if (passwordChanged != null) {
			model.addAttribute("notice",
					"Your password was changed, so this session was signed out. Sign in with the new password.");
		}
		if (signedOut != null) {
			model.addAttribute("notice", "You are signed out.");
		}
		model.addAttribute("providers", singleSignOn.providers(oidcEnabled));
		return "login";
	}
}
