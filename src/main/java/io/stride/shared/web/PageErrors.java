package io.stride.shared.web;

import java.util.Map;

import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * Error pages for the UI: the same wording for "does not exist" and "not yours" so that ids can't be probed.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

	@ExceptionHandler(NotFoundException.class)
	String notFound(NotFoundException e, Model model, HttpServletResponse response) {
		return page(model, response, 404, "Not found", "This page does not exist, or you don't have access to it.");
	}

	@ExceptionHandler(ForbiddenException.class)
	String forbidden(ForbiddenException e, Model model, HttpServletResponse response) {
		return page(model, response, 403, "Not allowed", e.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	String conflict(ConflictException e, Model model, HttpServletResponse response) {
		return page(model, response, 409, "Conflict", e.getMessage());
	}

	/** A value the database refused (NUL in a text that no form check caught): the writer's input, not a crash. */
	@ExceptionHandler(DataIntegrityViolationException.class)
	String refused(DataIntegrityViolationException e, Model model, HttpServletResponse response) {
		if (!WrongKind.refusedByTheDatabase(e)) {
			throw e;
		}
		return page(model, response, 422, "Not saved", "Nothing was saved: a value cannot be stored (for example a text "
				+ "with a control character, or a number out of range). Go back, correct it and try again.");
	}

	/**
	 * Input refused before the page's own handler ran (a control character in a form field): the handler never
	 * rendered its form, so this page names the fields and sends the writer back, where the browser kept the input.
	 */
	@ExceptionHandler(InvalidInputException.class)
	ModelAndView invalid(InvalidInputException e, HandlerMethod handler, Model model, HttpServletResponse response) {
		if (handler.hasMethodAnnotation(ResponseBody.class)) {
			// the page's script asked (autosave), so it gets what its other refusals give it
			response.setStatus(422);
			return new ModelAndView(new JacksonJsonView(), Map.of("detail", e.getMessage() + " "
					+ String.join(" ", e.fieldErrors().values()), "errors", e.fieldErrors()));
		}
		model.addAttribute("fieldErrors", e.fieldErrors());
		return new ModelAndView(page(model, response, 422, "Not saved", e.getMessage() + " Go back (what you typed is "
				+ "still in the form), correct the fields listed below and try again."), model.asMap());
	}

	private static String page(Model model, HttpServletResponse response, int status, String title, String message) {
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("title", title);
		model.addAttribute("message", message);
		return "problem";
	}
}
