package io.stride.authoring.web;

import java.time.LocalDate;

import io.stride.authoring.Authoring;
import io.stride.identity.Organization;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Courses due or overdue for review (their review-by date within the next 60 days, or past).
 */
@Controller
class ReviewDueController {

	static final int AHEAD_DAYS = 60;

	private final Authoring authoring;

	private final Organization organization;

	ReviewDueController(Authoring authoring, Organization organization) {
		this.authoring = authoring;
		this.organization = organization;
	}

	@GetMapping("/courses/review-due")
	String due(Model model) {
		model.addAttribute("courses", authoring.dueForReview(organization.currentViewer(), LocalDate.now().plusDays(AHEAD_DAYS)));
		model.addAttribute("today", LocalDate.now());
		model.addAttribute("aheadDays", AHEAD_DAYS);
		return "courses/review-due";
	}
}
