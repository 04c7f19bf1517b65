package io.stride.analytics.web;

import io.stride.analytics.NeedsAttention;
import io.stride.authoring.CourseId;
import io.stride.identity.Organization;
import io.stride.identity.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The needs-attention page: across every course the viewer may see, or for one course.
 */
@Controller
class NeedsAttentionController {

	private final NeedsAttention needsAttention;

	private final Organization organization;

	NeedsAttentionController(NeedsAttention needsAttention, Organization organization) {
		this.needsAttention = needsAttention;
		this.organization = organization;
	}

	@GetMapping("/analytics/needs-attention")
	String page(@RequestParam(required = false) String courseId, Model model) {
		Viewer me = organization.currentViewer();
		model.addAttribute("report", courseId == null || courseId.isBlank() ? needsAttention.across(me)
				: needsAttention.forCourse(me, new CourseId(courseId.strip())));
		model.addAttribute("limit", NeedsAttention.LIMIT);
		model.addAttribute("highDropOff", (int) Math.round(NeedsAttention.HIGH_DROP_OFF * 100));
		model.addAttribute("minDropOffLearners", NeedsAttention.MIN_LEARNERS_FOR_DROP_OFF);
		model.addAttribute("missedBelow", (int) Math.round(NeedsAttention.MISSED_BELOW * 100));
		model.addAttribute("minAnswers", NeedsAttention.MIN_ANSWERS);
		model.addAttribute("minScoreLearners", NeedsAttention.MIN_LEARNERS_FOR_SCORE);
		return "analytics/needs-attention";
	}
}
