package io.stride.analytics.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.stride.analytics.items.ItemAnalysis;
import io.stride.analytics.items.ItemAnalysisReport;
import io.stride.analytics.items.ItemAnalysisThresholds;
import io.stride.analytics.redrafts.Redrafts;
import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.CsvDownload;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The item analysis page of a course with its CSV export, and the admin page for the thresholds that flag questions.
 */
@Controller
class ItemAnalysisController {

	private final ItemAnalysis analysis;

	private final Redrafts redrafts;

	ItemAnalysisController(ItemAnalysis analysis, Redrafts redrafts) {
		this.analysis = analysis;
		this.redrafts = redrafts;
	}

	@GetMapping(path = "/courses/{id}/item-analysis", params = "!format")
	String page(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "first") String attempts,
			Model model) {
		// a page link with an unknown value shows the default rather than an error
		ItemAnalysisReport report = analysis.of(me, new CourseId(id), "all".equalsIgnoreCase(attempts));
		model.addAttribute("report", report);
		model.addAttribute("overview", redrafts.overview(me, new CourseId(id)));
		model.addAttribute("enoughAttempts", Redrafts.ENOUGH_ATTEMPTS);
		return "analytics/items";
	}

	@GetMapping(path = "/courses/{id}/item-analysis", params = "format=csv")
	ResponseEntity<String> csvByFormat(Viewer me, @PathVariable String id,
			@RequestParam(defaultValue = "first") String attempts) {
		return csv(me, id, attempts);
	}

	@GetMapping("/courses/{id}/item-analysis.csv")
	ResponseEntity<String> csv(Viewer me, @PathVariable String id,
			@RequestParam(defaultValue = "first") String attempts) {
		ItemAnalysisReport report = analysis.of(me, new CourseId(id),
				"all".equalsIgnoreCase(attempts));
		return CsvDownload.of("item-analysis-" + CsvDownload.slug(report.courseTitle(), 60, "course")
				+ (report.allAttempts() ? "-all-attempts" : "") + ".csv", ItemAnalysisCsv.of(report));
	}

	@GetMapping("/admin/item-analysis")
	String thresholdsPage(Viewer signedIn, Model model) {
		ItemAnalysisThresholds current = analysis.thresholds();
		return thresholdsView(model, Map.of("tooEasy", SettingsForm.plain(current.tooEasy()), "tooHard",
				SettingsForm.plain(current.tooHard()), "weakDiscrimination", SettingsForm.plain(current.weakDiscrimination()),
				"minimumAttempts", String.valueOf(current.minimumAttempts())),
				current.revision(), Map.of());
	}

	@PostMapping("/admin/item-analysis")
	String saveThresholds(Viewer me, @RequestParam(required = false) String tooEasy,
			@RequestParam(required = false) String tooHard, @RequestParam(required = false) String weakDiscrimination,
			@RequestParam(required = false) String minimumAttempts, @RequestParam(required = false) Integer revision,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Map<String, String> given = new LinkedHashMap<>();
		given.put("tooEasy", tooEasy == null ? "" : tooEasy);
		given.put("tooHard", tooHard == null ? "" : tooHard);
		given.put("weakDiscrimination", weakDiscrimination == null ? "" : weakDiscrimination);
		given.put("minimumAttempts", minimumAttempts == null ? "" : minimumAttempts);
		try {
			analysis.changeThresholds(me, new ItemAnalysisThresholds.Change(SettingsForm.number(tooEasy),
					SettingsForm.number(tooHard), SettingsForm.number(weakDiscrimination),
					wholeAttempts(minimumAttempts), revision));
			redirect.addFlashAttribute("notice", "Saved: questions are flagged with the new thresholds.");
			return "redirect:/admin/item-analysis";
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("problem", "The thresholds were not saved; see the fields marked below.");
			return thresholdsView(model, given, revision == null ? 0 : revision, e.fieldErrors());
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			return thresholdsView(model, given, analysis.thresholds().revision(), Map.of());
		}
	}

	/**
	 * The form's minimum attempts: blank or not a whole number is sent as 0, which the check refuses with its message
	 * (a blank field is not "keep the saved value" on a form that shows the saved value).
	 */
	private static Integer wholeAttempts(String given) {
		Integer attempts = SettingsForm.whole(given);
		return attempts == null ? 0 : attempts;
	}

	/** "all" counts every attempt; "first" (the default) each learner's first. */
	static boolean all(String attempts) {
		if (attempts == null || attempts.isBlank() || "first".equalsIgnoreCase(attempts)) {
			return false;
		}
		if ("all".equalsIgnoreCase(attempts)) {
			return true;
		}
		throw new InvalidInputException("attempts", "Use attempts=first (each learner's first attempt) or attempts=all.");
	}

	private static String thresholdsView(Model model, Map<String, String> values, int revision,
			Map<String, String> errors) {
		model.addAttribute("values", values);
		model.addAttribute("revision", revision);
		model.addAttribute("errors", errors);
		return "analytics/items-thresholds";
	}
}
