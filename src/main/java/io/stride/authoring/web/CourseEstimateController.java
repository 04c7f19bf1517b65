package io.stride.authoring.web;

import io.stride.authoring.CourseEstimates;
import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The course's estimated time on its page, for its author and admins: shown with a small form to change it. That page
 * belongs to delivery, which knows nothing of estimates: its template includes this module's fragment, and the
 * interceptor EstimateOnTheCoursePage fills in what the fragment shows.
 */
@Controller
class CourseEstimateController {

	private final CourseEstimates estimates;

	CourseEstimateController(CourseEstimates estimates) {
		this.estimates = estimates;
	}

	@PostMapping("/courses/{id}/estimate")
	String set(Viewer me, @PathVariable String id, @RequestParam(required = false) String estimatedMinutes,
			RedirectAttributes redirect) {
		String typed = estimatedMinutes == null ? "" : estimatedMinutes.strip();
		try {
			Integer minutes;
			try {
				minutes = typed.isEmpty() ? null : Integer.valueOf(typed);
			}
			catch (NumberFormatException e) {
				throw new InvalidInputException("estimatedMinutes", "Give whole minutes, e.g. 45.");
			}
			CourseEstimates.Estimate saved = estimates.set(me, new CourseId(id), minutes);
			String minutesText = saved.minutes() == 1 ? "1 minute." : saved.minutes() + " minutes.";
			redirect.addFlashAttribute("notice", saved.given() ? "The course now takes about " + minutesText
					: "The estimate now comes from the lessons' length: about " + minutesText);
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("estimateError", e.fieldErrors().get("estimatedMinutes"));
			redirect.addFlashAttribute("estimateTyped", typed);
		}
		return "redirect:/courses/" + id + "/assign";
	}
}
