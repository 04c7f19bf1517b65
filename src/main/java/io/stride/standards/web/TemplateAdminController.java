package io.stride.standards.web;

import java.util.List;
import java.util.Map;

import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import io.stride.standards.AccessibilityRule;
import io.stride.standards.CourseTemplate;
import io.stride.standards.RequiredPart;
import io.stride.standards.TemplateContent;
import io.stride.standards.Templates;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages for course templates: the list, a form to create or change one, deleting after a confirmation page
 * (which works without scripts), and choosing the default.
 */
@Controller
class TemplateAdminController {

	private final Templates templates;

	TemplateAdminController(Templates templates) {
		this.templates = templates;
	}

	@GetMapping("/admin/templates")
	String list(Viewer signedIn, Model model) {
		model.addAttribute("templates", templates.all());
		return "admin/templates";
	}

	@GetMapping("/admin/templates/new")
	String newTemplate(Viewer signedIn, Model model) {
		CourseTemplate standard = templates.defaultTemplate();
		TemplateForm form = TemplateForm.of(new TemplateContent("", "", standard.requiredParts(), standard.maxLessonWords(),
				standard.maxCourseWords(), standard.minQuestions(), standard.maxQuestions(), List.of(),
				standard.accessibilityRules()));
		return form(model, form, null, Map.of());
	}

	@PostMapping("/admin/templates")
	String create(Viewer me, @ModelAttribute("form") TemplateForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			CourseTemplate created = templates.create(me, null, content(form, binding));
			redirect.addFlashAttribute("notice", "Created the template \"" + created.name() + "\".");
			return "redirect:/admin/templates";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			return form(model, form, null, e.fieldErrors());
		}
	}

	@GetMapping("/admin/templates/{id}")
	String edit(Viewer signedIn, @PathVariable String id, Model model) {
		CourseTemplate template = templates.find(id);
		return form(model, TemplateForm.of(template), template, Map.of());
	}

	@PostMapping("/admin/templates/{id}")
	String update(Viewer me, @PathVariable String id, @ModelAttribute("form") TemplateForm form, BindingResult binding,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		CourseTemplate current = templates.find(id);
		try {
			CourseTemplate saved = templates.update(me, id, form.getRevision(), content(form, binding));
			redirect.addFlashAttribute("notice", "Saved the template \"" + saved.name() + "\".");
			return "redirect:/admin/templates";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			return form(model, form, current, e.fieldErrors());
		}
		catch (ConflictException e) {
			// what this admin typed stays on screen, but is never written over the other save
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			model.addAttribute("conflict", true);
			return form(model, form, current, Map.of());
		}
	}

	@GetMapping("/admin/templates/{id}/delete")
	String confirmDelete(Viewer signedIn, @PathVariable String id, Model model) {
		model.addAttribute("template", templates.find(id));
		model.addAttribute("courses", templates.coursesChoosing(id));
		return "admin/template-delete";
	}

	@PostMapping("/admin/templates/{id}/delete")
	String delete(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		CourseTemplate template = templates.find(id);
		try {
			templates.delete(me, id);
			redirect.addFlashAttribute("notice", "Deleted the template \"" + template.name() + "\".");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", "Not deleted: " + e.getMessage());
		}
		return "redirect:/admin/templates";
	}

	@PostMapping("/admin/templates/{id}/default")
	String makeDefault(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		CourseTemplate template = templates.makeDefault(me, id);
		redirect.addFlashAttribute("notice", "\"" + template.name()
				+ "\" is now the default: courses without a chosen template are checked against it.");
		return "redirect:/admin/templates";
	}

	private static TemplateContent content(TemplateForm form, BindingResult binding) {
		if (binding.hasErrors()) {
			// only the check boxes bind to types; a tampered value is the only way to get here
			throw new InvalidInputException("The template was not saved.",
					Map.of(binding.getFieldError() == null ? "name" : binding.getFieldError().getField(),
							"Choose from the listed options."));
		}
		return form.toContent();
	}

	private String form(Model model, TemplateForm form, CourseTemplate template, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("template", template);
		model.addAttribute("errors", errors);
		model.addAttribute("parts", RequiredPart.values());
		model.addAttribute("rules", AccessibilityRule.values());
		return "admin/template";
	}
}
