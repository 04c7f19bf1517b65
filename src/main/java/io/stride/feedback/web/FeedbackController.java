package io.stride.feedback.web;

import java.util.List;
import java.util.Map;

import io.stride.authoring.CourseId;
import io.stride.feedback.Feedback;
import io.stride.feedback.ImprovementRequest;
import io.stride.feedback.ImprovementRequest.Status;
import io.stride.identity.Organization;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.Retry;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reacting to a lesson, and the author's improvement requests: per course and across all their courses.
 */
@Controller
class FeedbackController {

	private final Feedback feedback;

	private final Organization organization;

	FeedbackController(Feedback feedback, Organization organization) {
		this.feedback = feedback;
		this.organization = organization;
	}

	@PostMapping("/learning/courses/{id}/lessons/{lessonId}/reaction")
	String react(Viewer me, @PathVariable String id, @PathVariable String lessonId,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		try {
			var reaction = Retry.onDuplicateKey(() -> feedback.react(me, new CourseId(id), lessonId, kind, comment));
			redirect.addFlashAttribute("reactionNotice", reaction.kind().asksForImprovement()
					? "Thank you. The author sees your reaction and can answer you; you'll find the answer under Notifications."
					: "Thank you for your reaction.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("reactionProblem", "Your reaction was not saved: " + String.join(" ", e.fieldErrors().values()));
			redirect.addFlashAttribute("reactionErrors", e.fieldErrors());
			redirect.addFlashAttribute("reactionComment", comment);
		}
		return "redirect:/learning/courses/" + id + "/lessons/" + lessonId + "#reaction";
	}

	@GetMapping("/courses/{id}/improvement-requests")
	String course(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "open") String show, Model model) {
		return coursePage(me, model, id, show, Map.of(), null, null);
	}

	@GetMapping("/improvement-requests")
	String all(Viewer me, @RequestParam(defaultValue = "open") String show, Model model) {
		return allPage(me, model, show, Map.of(), null, null);
	}

	@PostMapping("/improvement-requests/{requestId}/resolve")
	String resolve(Viewer me, @PathVariable String requestId, @RequestParam(required = false) String reply,
			@RequestParam(required = false) String courseId, RedirectAttributes redirect, Model model,
			HttpServletResponse response) {
		boolean fromCourse = courseId != null && !courseId.isBlank();
		try {
			ImprovementRequest request = feedback.resolve(me, requestId, reply);
			redirect.addFlashAttribute("notice", "Answered. The learner gets your reply about “" + request.lessonTitle() + "”.");
			return fromCourse ? "redirect:/courses/" + request.courseId().value() + "/improvement-requests" : "redirect:/improvement-requests";
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			Map<String, String> errors = Map.of("reply-" + requestId, String.join(" ", e.fieldErrors().values()));
			return fromCourse ? coursePage(me, model, courseId, "open", errors, requestId, reply)
					: allPage(me, model, "open", errors, requestId, reply);
		}
	}

	private String coursePage(Viewer me, Model model, String courseId, String show, Map<String, String> errors,
			String draftFor, String draft) {
		model.addAttribute("feedback", feedback.course(me, new CourseId(courseId), statuses(show)));
		return page(model, show, errors, draftFor, draft, "feedback/course-requests");
	}

	private String allPage(Viewer me, Model model, String show, Map<String, String> errors, String draftFor,
			String draft) {
		model.addAttribute("feedback", feedback.acrossCourses(me, statuses(show)));
		return page(model, show, errors, draftFor, draft, "feedback/requests");
	}

	private static String page(Model model, String show, Map<String, String> errors, String draftFor, String draft,
			String view) {
		model.addAttribute("showAll", "all".equals(show));
		model.addAttribute("errors", errors);
		model.addAttribute("draftFor", draftFor);
		model.addAttribute("draft", draft);
		if (!errors.isEmpty()) {
			model.addAttribute("problem", "The reply was not sent.");
		}
		return view;
	}

	private static List<Status> statuses(String show) {
		return "all".equals(show) ? List.of(Status.values()) : List.of(Status.OPEN);
	}
}
