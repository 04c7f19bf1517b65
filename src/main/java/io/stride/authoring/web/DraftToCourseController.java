package io.stride.authoring.web;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseFromDraft;
import io.stride.drafting.Drafting;
import io.stride.identity.Organization;
import io.stride.identity.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class DraftToCourseController {

	private final Drafting drafting;

	private final Authoring authoring;

	private final Organization organization;

	DraftToCourseController(Drafting drafting, Authoring authoring, Organization organization) {
		this.drafting = drafting;
		this.authoring = authoring;
		this.organization = organization;
	}

	@PostMapping("/drafts/{id}/course")
	String createCourse(@PathVariable String id, RedirectAttributes redirect) {
		Viewer me = organization.currentViewer();
		Course course = authoring.create(me, CourseFromDraft.content(drafting.kept(me, id).draft()));
		redirect.addFlashAttribute("notice", "Course created from the draft. Edit it, then publish.");
		return "redirect:/courses/" + course.id().value() + "/edit";
	}
}
