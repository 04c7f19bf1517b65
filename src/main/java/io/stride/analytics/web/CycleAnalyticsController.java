package io.stride.analytics.web;

import java.util.ArrayList;
import java.util.List;

import io.stride.analytics.cycles.CycleAnalytics;
import io.stride.analytics.cycles.CycleAnalyticsFilter;
import io.stride.analytics.cycles.CycleAnalyticsReport;
import io.stride.analytics.cycles.CycleAnalyticsReport.Month;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.CsvDownload;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The learning-cycle figures page for managers and L&D, with its filter form, and its CSV download.
 */
@Controller
class CycleAnalyticsController {

	private final CycleAnalytics analytics;

	CycleAnalyticsController(CycleAnalytics analytics) {
		this.analytics = analytics;
	}

	/** A point of the small trend line of the share with an active cycle: x and y in a 0–300 × 0–60 box. */
	record Point(int x, int y) {
	}

	@GetMapping("/analytics/cycles")
	String page(Viewer me, @RequestParam(required = false) String team, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model, HttpServletResponse response) {
		model.addAttribute("teams", analytics.teams(me));
		model.addAttribute("minimumGroup", analytics.minimumGroup());
		model.addAttribute("team", team == null ? "" : team.strip());
		model.addAttribute("from", from == null ? "" : from.strip());
		model.addAttribute("to", to == null ? "" : to.strip());
		try {
			CycleAnalyticsReport report = analytics.report(me, CycleAnalyticsFilter.parse(team, from, to));
			model.addAttribute("report", report);
			model.addAttribute("sparkline", sparkline(report.trend()));
			if (from == null || from.isBlank()) {
				model.addAttribute("from", report.from().toString());
			}
			if (to == null || to.isBlank()) {
				model.addAttribute("to", report.to().toString());
			}
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("problem", e.getMessage() + " " + String.join(" ", e.fieldErrors().values()));
		}
		return "analytics/cycles";
	}

	@GetMapping("/analytics/cycles.csv")
	ResponseEntity<String> csv(Viewer me, @RequestParam(required = false) String team,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		CycleAnalyticsReport report;
		try {
			report = analytics.report(me, CycleAnalyticsFilter.parse(team, from, to));
		}
		catch (InvalidInputException e) {
			return CycleAnalyticsApi.plain(HttpStatus.UNPROCESSABLE_CONTENT, String.join(" ", e.fieldErrors().values()));
		}
		return CsvDownload.of(CycleAnalyticsCsv.fileName(report), CycleAnalyticsCsv.of(report));
	}

	/** The share with an active cycle month by month as polyline points; empty for fewer than two months. */
	static String sparkline(List<Month> trend) {
		if (trend.size() < 2) {
			return "";
		}
		List<String> points = new ArrayList<>();
		for (int i = 0; i < trend.size(); i++) {
			Double share = trend.get(i).figures().shareActive();
			int x = (int) Math.round(i * 300.0 / (trend.size() - 1));
			int y = (int) Math.round(58 - (share == null ? 0 : share) * 56);
			points.add(x + "," + y);
		}
		return String.join(" ", points);
	}
}
