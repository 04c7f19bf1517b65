package io.stride.capability.web;

import java.time.Clock;
import java.time.LocalDate;

import io.stride.capability.Coverage;
import io.stride.capability.RiskReport;
import io.stride.identity.Organization;
import io.stride.identity.Viewer;
import io.stride.shared.web.CsvDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The organization's capability risk report for admins and L&D reviewers, and its CSV. */
@Controller
class RiskReportController {

	private final Coverage coverage;

	private final Organization organization;

	private final Clock clock;

	RiskReportController(Coverage coverage, Organization organization, Clock clock) {
		this.coverage = coverage;
		this.organization = organization;
		this.clock = clock;
	}

	@GetMapping("/analytics/capability-risk")
	String report(Viewer me, Model model) {
		RiskReport report = coverage.riskReport(me, LocalDate.now(clock));
		model.addAttribute("report", report);
		model.addAttribute("words", CoverageController.WORDS);
		return "capabilities/risk";
	}

	@GetMapping("/analytics/capability-risk.csv")
	ResponseEntity<String> csv(Viewer me) {
		RiskReport report = coverage.riskReport(me, LocalDate.now(clock));
		return CsvDownload.of("capability-risk-" + report.on() + ".csv", CapabilityCsv.risk(report));
	}
}
