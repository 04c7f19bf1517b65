package io.stride.authoring.web;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseFromDraft;
import io.stride.authoring.CourseStandards;
import io.stride.drafting.Drafting;
import io.stride.identity.Organization;
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

	private final Authoring authoring;

	private final Organization organization;

	private final Templates templates;

	private final CourseStandards standards;

	DraftToCourseController(Drafting drafting, Authoring authoring, Organization organization, Templates templates,
			CourseStandards standards) {
		this.drafting = drafting;
		this.authoring = authoring;
		this.organization = organization;
		this.templates = templates;
		this.standards = standards;
	}

	/** The course keeps the template chosen on the draft's page, or else the one chosen when drafting. */
	@PostMapping("/drafts/{id}/course")
	String createCourse(@PathVariable String id, @RequestParam(name = "template", required = false) String templateId,
			RedirectAttributes redirect) {
		Viewer me = organization.currentViewer();
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
		Course course = authoring.create(me, CourseFromDraft.content(draft.draft()));
		standards.choose(me, course.id(), template.id());
		redirect.addFlashAttribute("notice", "Course created from the draft. Edit it, then publish.");
		return "redirect:/courses/" + course.id().value() + "/edit";
	}
}
