package io.stride.analytics.web;

import io.stride.analytics.attention.NeedsAttention;
import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.stride.shared.web.CsvDownload;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;

import io.stride.analytics.attention.NeedsAttentionReport;
import io.stride.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The needs-attention page: across every course the viewer may see, or for one course.
 */
@Controller
class NeedsAttentionController {

	private final NeedsAttention needsAttention;

	NeedsAttentionController(NeedsAttention needsAttention) {
		this.needsAttention = needsAttention;
	}

	@GetMapping("/analytics/needs-attention")
	String page(Viewer me, @RequestParam(required = false) String courseId, Model model) {
		model.addAttribute("report", report(me, courseId));
		model.addAttribute("limit", NeedsAttention.LIMIT);
		model.addAttribute("highDropOff", (int) Math.round(NeedsAttention.HIGH_DROP_OFF * 100));
		model.addAttribute("minDropOffLearners", NeedsAttention.MIN_LEARNERS_FOR_DROP_OFF);
		model.addAttribute("missedBelow", (int) Math.round(NeedsAttention.MISSED_BELOW * 100));
		model.addAttribute("minAnswers", NeedsAttention.MIN_ANSWERS);
		model.addAttribute("minScoreLearners", NeedsAttention.MIN_LEARNERS_FOR_SCORE);
		return "analytics/needs-attention";
	}

	/** One of the page's tables as CSV ({@code unclear-lessons}, {@code drop-off-lessons} …); 404 for other names. */
	@GetMapping("/analytics/needs-attention/{table}.csv")
	ResponseEntity<String> csv(Viewer me, @PathVariable String table, @RequestParam(required = false) String courseId) {
		var write = NeedsAttentionCsv.TABLES.get(table);
		if (write == null) {
			throw new NotFoundException("Table");
		}
		NeedsAttentionReport report = report(me, courseId);
		String scope = report.courseId() == null ? "all-courses" : "course-" + report.courseId().value();
		return CsvDownload.of("stride-needs-attention-" + table + "-" + scope + ".csv", write.apply(report));
	}

	private NeedsAttentionReport report(Viewer me, String courseId) {
		return courseId == null || courseId.isBlank() ? needsAttention.across(me)
				: needsAttention.forCourse(me, new CourseId(courseId.strip()));
	}
}
