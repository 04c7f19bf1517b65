package io.stride.authoring.web;

import java.util.Map;

import io.stride.authoring.DraftCourses;
import io.stride.drafting.Drafting;
import io.stride.identity.Viewer;
import io.stride.shared.NotFoundException;
import io.stride.standards.CourseTemplate;
import io.stride.standards.Templates;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class DraftToCourseController {

	private final Drafting drafting;

	private final Templates templates;

	private final DraftCourses courses;

	DraftToCourseController(Drafting drafting, Templates templates, DraftCourses courses) {
		this.drafting = drafting;
		this.templates = templates;
		this.courses = courses;
	}

	/**
	 * The course keeps the template chosen on the draft's page, or else the one chosen when drafting. A draft that
	 * fits one course opens in the builder; one that became several courses, or left something out, goes back to the
	 * draft's page, which links each course and says what happened.
	 */
	@PostMapping("/drafts/{id}/course")
	String createCourse(Viewer me, @PathVariable String id,
			@RequestParam(name = "template", required = false) String templateId, RedirectAttributes redirect) {
		Drafting.SavedDraft draft = drafting.kept(me, id);
		CourseTemplate template = templates.templateForDraft(draft.id());
		if (templateId != null && !templateId.isBlank()) {
			try {
				template = templates.find(templateId);
			}
			catch (NotFoundException e) {
				redirect.addFlashAttribute("problem", "That template no longer exists; choose another.");
				return "redirect:/drafts/" + id;
			}
		}
		DraftCourses.Created created = courses.create(me, draft.id(), template.id());
		if (created.courses().size() == 1 && created.notes().isEmpty()) {
			redirect.addFlashAttribute("notice", "Course created from the draft. Edit it, then publish.");
			return "redirect:/courses/" + created.courses().get(0).id().value() + "/edit";
		}
		redirect.addFlashAttribute("notice", created.courses().size() == 1
				? "Course created from the draft, with the notes below. Edit it, then publish."
				: "The draft became " + created.courses().size() + " courses, split by module. Edit each, then publish.");
		redirect.addFlashAttribute("createdCourses", created.courses().stream()
			.map(c -> Map.of("title", c.title(), "href", "/courses/" + c.id().value() + "/edit"))
			.toList());
		redirect.addFlashAttribute("creationNotes", created.notes());
		return "redirect:/drafts/" + id;
	}
}
