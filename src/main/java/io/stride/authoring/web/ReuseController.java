package io.stride.authoring.web;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Reuse;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buttons for reused parts, on the course page and in the outline editor: take or keep out an update, detach a
 * linked element, and on a published course start a new version and take the update in it at once. {@code from=editor}
 * brings the author back to the element in the editor; otherwise to the course page.
 */
@Controller
class ReuseController {

	static final String TAKEN = "The update was taken into your draft: the linked parts now show the source's new "
			+ "version. Learners keep the old text until you publish this version.";

	private final Reuse reuse;

	private final Authoring authoring;

	ReuseController(Reuse reuse, Authoring authoring) {
		this.reuse = reuse;
		this.authoring = authoring;
	}

	@PostMapping("/courses/{id}/component-updates/{elementId}/accept")
	String accept(Viewer me, @PathVariable String id, @PathVariable String elementId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String element,
			RedirectAttributes redirect) {
		act(redirect, () -> reuse.accept(me, new CourseId(id), elementId), TAKEN);
		return back(id, shown(element, elementId), from);
	}

	@PostMapping("/courses/{id}/component-updates/{elementId}/keep")
	String keep(Viewer me, @PathVariable String id, @PathVariable String elementId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String element,
			RedirectAttributes redirect) {
		act(redirect, () -> reuse.keep(me, new CourseId(id), elementId),
				"Your copy stays as it is; you will be offered the next version the source publishes.");
		return back(id, shown(element, elementId), from);
	}

	/**
	 * On a published course: starts its next version as a draft, takes the update in it and opens the editor at the
	 * element. When the update cannot be taken the draft stays, and the editor says why.
	 */
	@PostMapping("/courses/{id}/component-updates/{elementId}/take-in-new-version")
	String takeInNewVersion(Viewer me, @PathVariable String id, @PathVariable String elementId,
			@RequestParam(defaultValue = "0") int revision, RedirectAttributes redirect) {
		Course draft;
		try {
			draft = authoring.startVersion(me, new CourseId(id), revision);
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			return "redirect:/courses/" + id + "/assign";
		}
		String started = "Version " + draft.version() + " is a draft; learners keep version " + draft.liveVersion()
				+ " until it is published. ";
		try {
			reuse.take(me, new CourseId(id), elementId);
			redirect.addFlashAttribute("notice", started
					+ "The update was taken into it: the linked parts now show the source's new version.");
		}
		catch (InvalidInputException | ConflictException | NotFoundException e) {
			redirect.addFlashAttribute("problem", started + "The update was not taken: " + message(e));
		}
		return editor(id, elementId);
	}

	@PostMapping("/courses/{id}/elements/{elementId}/detach")
	String detach(Viewer me, @PathVariable String id, @PathVariable String elementId,
			@RequestParam(required = false) String from, RedirectAttributes redirect) {
		act(redirect, () -> reuse.detach(me, new CourseId(id), elementId),
				"Detached: it is your own copy now, to edit in the draft. It still says where it came from.");
		return back(id, elementId, from);
	}

	private static void act(RedirectAttributes redirect, Runnable action, String notice) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (InvalidInputException | ConflictException e) {
			redirect.addFlashAttribute("problem", message(e));
		}
	}

	private static String message(RuntimeException e) {
		return e instanceof InvalidInputException invalid && !invalid.fieldErrors().isEmpty()
				? String.join(" ", invalid.fieldErrors().values()) : e.getMessage();
	}

	/** The element the editor showed (one of those the update covers), when it looks like an id. */
	private static String shown(String element, String elementId) {
		return element != null && Ids.looksValid(element) ? element : elementId;
	}

	private static String back(String id, String elementId, String from) {
		return "editor".equals(from) ? editor(id, elementId) : "redirect:/courses/" + id + "/assign";
	}

	private static String editor(String id, String elementId) {
		return "redirect:/courses/" + id + "/edit?element=" + elementId;
	}
}
