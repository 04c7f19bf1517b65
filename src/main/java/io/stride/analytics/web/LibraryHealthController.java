package io.stride.analytics.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.stride.analytics.libraryhealth.LibraryHealth;
import io.stride.analytics.libraryhealth.LibraryHealthFilter;
import io.stride.analytics.libraryhealth.LibraryHealthReport;
import io.stride.analytics.lifecycle.LifecycleProposal;
import io.stride.identity.Viewer;
import io.stride.shared.Csv;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.CsvDownload;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The library health page, its filtered course lists and the CSV export of its tables.
 */
@Controller
class LibraryHealthController {

	private final LibraryHealth health;

	LibraryHealthController(LibraryHealth health) {
		this.health = health;
	}

	@GetMapping("/analytics/library")
	String page(Viewer me, @RequestParam(required = false) String state, @RequestParam(required = false) String age,
			@RequestParam(required = false) String reviewBy, @RequestParam(required = false) String use, Model model,
			HttpServletResponse response) {
		LibraryHealthFilter filter;
		try {
			filter = LibraryHealthFilter.of(state, age, reviewBy, use);
		}
		catch (InvalidInputException e) {
			// a hand-edited link: show the counts, and say what was wrong with it
			response.setStatus(422);
			model.addAttribute("problem", e.getMessage());
			filter = LibraryHealthFilter.NONE;
		}
		model.addAttribute("report", health.report(me, filter));
		model.addAttribute("kinds", LifecycleProposal.Kind.values());
		return "lifecycle/library";
	}

	@GetMapping("/analytics/library.csv")
	ResponseEntity<String> csv(Viewer me) {
		LibraryHealthReport r = health.report(me, LibraryHealthFilter.NONE);
		StringBuilder csv = new StringBuilder(Csv.line("table", "group", "courses"));
		r.byState().forEach((k, n) -> csv.append(Csv.line(Csv.text("state"), Csv.text(k.label()), Csv.number(n))));
		r.byAge().forEach((k, n) -> csv.append(Csv.line(Csv.text("age"), Csv.text(k.label()), Csv.number(n))));
		r.byReviewBy()
			.forEach((k, n) -> csv.append(Csv.line(Csv.text("review-by (published)"), Csv.text(k.label()), Csv.number(n))));
		r.byUse().forEach((k, n) -> csv.append(Csv.line(Csv.text("use in the last " + r.idleDays() + " days (published)"),
				Csv.text(k.label()), Csv.number(n))));
		r.openProposals().forEach((k, n) -> csv.append(Csv.line(Csv.text("open proposals"), Csv.text(proposalLabel(k)),
				Csv.number(n))));
		return CsvDownload.of("library-health.csv", csv.toString());
	}

	static String proposalLabel(LifecycleProposal.Kind kind) {
		return kind == LifecycleProposal.Kind.ARCHIVE ? "Archive" : "Refine";
	}

	/** Counts by constant name, in the constants' order, for JSON. */
	static <E extends Enum<E>> Map<String, Integer> names(Map<E, Integer> counts) {
		Map<String, Integer> named = new LinkedHashMap<>();
		counts.forEach((k, n) -> named.put(k.name(), n));
		return named;
	}
}
