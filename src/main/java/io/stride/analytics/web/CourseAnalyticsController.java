package io.stride.analytics.web;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import io.stride.analytics.course.CourseAnalytics;
import io.stride.analytics.course.CourseAnalyticsFilter;
import io.stride.analytics.course.CourseAnalyticsReport;
import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.CsvDownload;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A course's analytics page with its filter form, and each of its tables as CSV.
 */
@Controller
class CourseAnalyticsController {

	private final CourseAnalytics analytics;

	CourseAnalyticsController(CourseAnalytics analytics) {
		this.analytics = analytics;
	}

	@GetMapping("/courses/{id}/analytics")
	String page(Viewer me, @PathVariable String id, @RequestParam(required = false) String teamId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
			HttpServletResponse response) {
		CourseId courseId = new CourseId(id);
		model.addAttribute("choices", analytics.filterChoices(me, courseId));
		model.addAttribute("teamId", teamId == null ? "" : teamId);
		model.addAttribute("from", from == null ? "" : from);
		model.addAttribute("to", to == null ? "" : to);
		try {
			CourseAnalyticsReport report = analytics.report(me, courseId, CourseAnalyticsFilter.parse(teamId, from, to));
			model.addAttribute("report", report);
			model.addAttribute("funnelChart", CourseAnalyticsCharts.funnel(report));
			model.addAttribute("trendChart", CourseAnalyticsCharts.trend(report));
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("problem", e.getMessage() + " " + String.join(" ", e.fieldErrors().values()));
		}
		return "analytics/course";
	}

	@GetMapping("/courses/{id}/analytics/summary.csv")
	ResponseEntity<String> summary(Viewer me, @PathVariable String id, @RequestParam(required = false) String teamId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return csv(me, id, teamId, from, to, "summary", CourseAnalyticsCsv::summary);
	}

	@GetMapping("/courses/{id}/analytics/funnel.csv")
	ResponseEntity<String> funnel(Viewer me, @PathVariable String id, @RequestParam(required = false) String teamId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return csv(me, id, teamId, from, to, "funnel", CourseAnalyticsCsv::funnel);
	}

	@GetMapping("/courses/{id}/analytics/trend.csv")
	ResponseEntity<String> trend(Viewer me, @PathVariable String id, @RequestParam(required = false) String teamId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return csv(me, id, teamId, from, to, "trend", CourseAnalyticsCsv::trend);
	}

	private ResponseEntity<String> csv(Viewer me, String id, String teamId, String from, String to, String table,
			Function<CourseAnalyticsReport, String> write) {
		CourseAnalyticsReport report;
		try {
			report = analytics.report(me, new CourseId(id), CourseAnalyticsFilter.parse(teamId, from, to));
		}
		catch (InvalidInputException e) {
			return ResponseEntity.unprocessableContent()
				.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
				.body(String.join(" ", e.fieldErrors().values()));
		}
		return CsvDownload.of(CourseAnalyticsCsv.fileName(report, table), write.apply(report));
	}
}
