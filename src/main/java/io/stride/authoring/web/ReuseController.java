package io.stride.authoring.web;

import io.stride.authoring.CourseId;
import io.stride.authoring.Reuse;
import io.stride.identity.Organization;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The course page's buttons for reused parts: take or keep out an update, detach a linked element. */
@Controller
class ReuseController {

	private final Reuse reuse;

	private final Organization organization;

	ReuseController(Reuse reuse, Organization organization) {
		this.reuse = reuse;
		this.organization = organization;
	}

	@PostMapping("/courses/{id}/component-updates/{elementId}/accept")
	String accept(@PathVariable String id, @PathVariable String elementId, RedirectAttributes redirect) {
		return act(id, redirect, () -> reuse.accept(organization.currentViewer(), new CourseId(id), elementId),
				"The update was taken into your draft.");
	}

	@PostMapping("/courses/{id}/component-updates/{elementId}/keep")
	String keep(@PathVariable String id, @PathVariable String elementId, RedirectAttributes redirect) {
		return act(id, redirect, () -> reuse.keep(organization.currentViewer(), new CourseId(id), elementId),
				"Your copy stays as it is; you will be offered the next version the source publishes.");
	}

	@PostMapping("/courses/{id}/elements/{elementId}/detach")
	String detach(@PathVariable String id, @PathVariable String elementId, RedirectAttributes redirect) {
		return act(id, redirect, () -> reuse.detach(organization.currentViewer(), new CourseId(id), elementId),
				"Detached: it is your own copy now, to edit in the draft. It still says where it came from.");
	}

	private static String act(String id, RedirectAttributes redirect, Runnable action, String notice) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", String.join(" ", e.fieldErrors().values()));
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/courses/" + id + "/assign";
	}
}
