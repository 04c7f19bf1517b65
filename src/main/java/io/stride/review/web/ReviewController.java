package io.stride.review.web;

import io.stride.authoring.Authoring;
import io.stride.identity.Organization;
import io.stride.identity.Viewer;
import io.stride.review.ReviewCase;
import io.stride.review.Reviews;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ReviewController {

	private final Reviews reviews;

	private final Authoring authoring;

	private final Organization organization;

	private final io.stride.review.OverlapCheck overlapCheck;

	ReviewController(Reviews reviews, Authoring authoring, Organization organization,
			io.stride.review.OverlapCheck overlapCheck) {
		this.reviews = reviews;
		this.authoring = authoring;
		this.organization = organization;
		this.overlapCheck = overlapCheck;
	}

	@GetMapping("/reviews")
	String queue(Model model) {
		Viewer me = organization.currentViewer();
		var queue = reviews.queue(me);
		model.addAttribute("queue", queue);
		var titles = new java.util.HashMap<String, String>();
		queue.forEach(c -> titles.put(c.id(), authoring.forReview(c.courseId()).title()));
		model.addAttribute("titles", titles);
		return "reviews/queue";
	}

	@GetMapping("/reviews/{id}")
	String reviewCase(@PathVariable String id, Model model) {
		Viewer me = organization.currentViewer();
		ReviewCase reviewCase = reviews.reviewCase(me, id);
		model.addAttribute("reviewCase", reviewCase);
		var course = authoring.forReview(reviewCase.courseId());
		model.addAttribute("course", course);
		model.addAttribute("overlaps", reviewCase.open() ? overlapCheck.against(course) : java.util.List.of());
		return "reviews/case";
	}

	@PostMapping("/reviews/{id}/approve")
	String approve(@PathVariable String id, @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
		try {
			ReviewCase after = reviews.approve(organization.currentViewer(), id, comment);
			redirect.addFlashAttribute("notice", "APPROVED".equals(after.status()) ? "Approved: the course is published."
					: "Approved. The next step goes to another reviewer.");
		}
		catch (ForbiddenException | ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/reviews/" + id;
	}

	@PostMapping("/reviews/{id}/request-changes")
	String requestChanges(@PathVariable String id, @RequestParam(defaultValue = "") String comment,
			@RequestParam(defaultValue = "") String anchor, RedirectAttributes redirect) {
		try {
			reviews.requestChanges(organization.currentViewer(), id, comment, anchor);
			redirect.addFlashAttribute("notice", "Changes requested: the course is back with its author.");
		}
		catch (ForbiddenException | ConflictException | InvalidInputException e) {
			redirect.addFlashAttribute("problem", e instanceof InvalidInputException invalid
					? String.join(" ", invalid.fieldErrors().values()) : e.getMessage());
		}
		return "redirect:/reviews/" + id;
	}
}
