package io.stride.authoring.web;

import java.time.LocalDate;

import io.stride.authoring.Authoring;
import io.stride.identity.Viewer;
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

	ReviewDueController(Authoring authoring) {
		this.authoring = authoring;
	}

	@GetMapping("/courses/review-due")
	String due(Viewer me, Model model) {
		model.addAttribute("courses", authoring.dueForReview(me, LocalDate.now().plusDays(AHEAD_DAYS)));
		model.addAttribute("today", LocalDate.now());
		model.addAttribute("aheadDays", AHEAD_DAYS);
		return "courses/review-due";
	}
}
