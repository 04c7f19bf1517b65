package io.stride.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/**
 * A form sent back refused: the page renders the same form again, with what was typed and each message at its field,
 * answered with 422 so that the browser, a test or a script sees the refusal, and with the problem said above the form
 * (the model's {@code problem}).
 */
public final class FormErrors {

	private FormErrors() {
	}

	/** Marks this answer as the refused form again: status 422 and {@code problem} above it. */
	public static void refused(HttpServletResponse response, Model model, String problem) {
		response.setStatus(422);
		model.addAttribute("problem", problem);
	}
}
