package io.stride.authoring.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.CourseId;
import io.stride.authoring.CourseStandards;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.standards.CourseTemplate;
import io.stride.standards.Templates;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The author's courses: their list, a new course (a title and a template make a draft, which then opens in the
 * outline editor), a new version of a published course, and retiring one. The course itself is edited in the outline
 * editor ({@link OutlineEditorController}).
 */
@Controller
class CoursePagesController {

	private final Authoring authoring;

	private final Templates templates;

	private final CourseStandards standards;

	CoursePagesController(Authoring authoring, Templates templates, CourseStandards standards) {
		this.authoring = authoring;
		this.templates = templates;
		this.standards = standards;
	}

	@GetMapping("/courses")
	String myCourses(Viewer me, Model model) {
		model.addAttribute("courses", authoring.authoredBy(me));
		return "courses/list";
	}

	@GetMapping("/courses/new")
	String newCourse(Viewer signedIn, Model model) {
		return newPage(model, "", templates.defaultTemplate().id(), "", Map.of());
	}

	/** Creates a draft with this title (and template) and opens it in the outline editor. */
	@PostMapping("/courses")
	@CourseTextCheckedByItsRules
	String create(Viewer me, @RequestParam(defaultValue = "") String title,
			@RequestParam(required = false) String templateId, @RequestParam(defaultValue = "") String topic,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		CourseTemplate template;
		try {
			template = templateId == null || templateId.isBlank() ? templates.defaultTemplate() : templates.find(templateId);
		}
		catch (NotFoundException e) {
			response.setStatus(422);
			return newPage(model, title, null, topic, Map.of("templateId", "That template no longer exists; choose another."));
		}
		if (topic.strip().length() > 100) {
			response.setStatus(422);
			return newPage(model, title, template.id(), topic, Map.of("topic", "Name the topic in at most 100 characters."));
		}
		try {
			Course course = authoring.create(me, new CourseContent(title, "", List.of(), null));
			authoring.setTopic(me, course.id(), topic);
			standards.choose(me, course.id(), template.id());
			redirect.addFlashAttribute("notice", "Created the draft. Add its first lesson from the outline.");
			return "redirect:/courses/" + course.id().value() + "/edit";
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			Map<String, String> errors = new LinkedHashMap<>();
			e.fieldErrors().forEach((field, message) -> errors.put(field.startsWith("topic") ? "topic" : field, message));
			if (errors.isEmpty()) {
				errors.put("title", e.getMessage());
			}
			return newPage(model, title, template.id(), topic, errors);
		}
	}

	private String newPage(Model model, String title, String templateId, String topic, Map<String, String> errors) {
		model.addAttribute("pageTitle", "New course");
		model.addAttribute("title", title);
		model.addAttribute("templateId", templateId);
		model.addAttribute("topic", topic);
		model.addAttribute("templates", templates.all());
		model.addAttribute("errors", errors);
		if (!errors.isEmpty()) {
			model.addAttribute("problem", "The course was not created. Check the fields marked below.");
		}
		return "courses/new";
	}

	@PostMapping("/courses/{id}/new-version")
	String newVersion(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "0") int revision,
			RedirectAttributes redirect) {
		try {
			Course draft = authoring.startVersion(me, new CourseId(id), revision);
			redirect.addFlashAttribute("notice", "Version " + draft.version() + " is a draft. Learners keep version "
					+ draft.liveVersion() + " until this one is published.");
			return "redirect:/courses/" + id + "/edit";
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			return "redirect:/courses/" + id + "/assign";
		}
	}

	@PostMapping("/courses/{id}/retire")
	String retire(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		try {
			authoring.retire(me, new CourseId(id));
			redirect.addFlashAttribute("notice", "Retired: kept for the records and for people who started it, hidden from everyone else.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/courses/" + id + "/assign";
	}
}
