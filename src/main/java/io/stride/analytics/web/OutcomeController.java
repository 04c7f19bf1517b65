package io.stride.analytics.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stride.analytics.outcomes.OutcomeImportTooLarge;
import io.stride.analytics.outcomes.OutcomeMetric;
import io.stride.analytics.outcomes.OutcomeMetricChange;
import io.stride.analytics.outcomes.OutcomeReport;
import io.stride.analytics.outcomes.Outcomes;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.Csv;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages for a team's outcome metrics: the list, the form to define or change one, the metric's page (report, value
 * entry, import) with its CSV export, and delete with undo.
 */
@Controller
class OutcomeController {

	private final Outcomes outcomes;

	OutcomeController(Outcomes outcomes) {
		this.outcomes = outcomes;
	}

	@GetMapping("/teams/{teamId}/outcomes")
	String list(Viewer me, @PathVariable String teamId, Model model) {
		TeamId team = new TeamId(teamId);
		model.addAttribute("team", outcomes.team(me, team));
		model.addAttribute("metrics", outcomes.ofTeam(me, team));
		model.addAttribute("deleted", outcomes.deletedOfTeam(me, team));
		return "outcomes/list";
	}

	@GetMapping("/teams/{teamId}/outcomes/new")
	String newForm(Viewer me, @PathVariable String teamId, Model model) {
		Team team = outcomes.team(me, new TeamId(teamId));
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("direction", OutcomeMetric.Direction.LOWER_IS_BETTER.name());
		values.put("granularity", OutcomeMetric.Granularity.WEEK.name());
		values.put("courseIds", List.of());
		return form(model, me, team, null, values, Map.of());
	}

	@PostMapping("/teams/{teamId}/outcomes")
	String define(Viewer me, @PathVariable String teamId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String direction,
			@RequestParam(required = false) String granularity, @RequestParam(required = false) String description,
			@RequestParam(required = false) List<String> courseIds, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Team team = outcomes.team(me, new TeamId(teamId));
		OutcomeMetricChange change = new OutcomeMetricChange(name, unit, direction, granularity, description, courseIds,
				null);
		try {
			OutcomeMetric metric = outcomes.define(me, team.id(), change);
			redirect.addFlashAttribute("notice", "Saved. Enter its values below, or import them from a CSV file.");
			return "redirect:/outcomes/" + metric.id();
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("problem", "The metric was not saved; see the fields marked below.");
			return form(model, me, team, null, given(change), e.fieldErrors());
		}
	}

	@GetMapping("/outcomes/{id}/edit")
	String editForm(Viewer me, @PathVariable String id, Model model) {
		OutcomeMetric metric = outcomes.metric(me, id);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", metric.name());
		values.put("unit", metric.unit());
		values.put("direction", metric.direction().name());
		values.put("granularity", metric.granularity().name());
		values.put("description", metric.description());
		values.put("courseIds", metric.courseIds().stream().map(c -> c.value()).toList());
		model.addAttribute("revision", metric.revision());
		return form(model, me, outcomes.team(me, metric.teamId()), metric, values, Map.of());
	}

	@PostMapping("/outcomes/{id}")
	String change(Viewer me, @PathVariable String id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String direction,
			@RequestParam(required = false) String granularity, @RequestParam(required = false) String description,
			@RequestParam(required = false) List<String> courseIds, @RequestParam(required = false) Integer revision,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		OutcomeMetric metric = outcomes.metric(me, id);
		Team team = outcomes.team(me, metric.teamId());
		OutcomeMetricChange change = new OutcomeMetricChange(name, unit, direction, granularity, description, courseIds,
				revision);
		try {
			outcomes.change(me, id, change);
			redirect.addFlashAttribute("notice", "Saved.");
			return "redirect:/outcomes/" + id;
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("problem", "The metric was not saved; see the fields marked below.");
			model.addAttribute("revision", revision == null ? metric.revision() : revision);
			return form(model, me, team, metric, given(change), e.fieldErrors());
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage() + " Your changes are still in the form below.");
			model.addAttribute("revision", metric.revision());
			return form(model, me, team, metric, given(change), Map.of());
		}
	}

	@GetMapping("/outcomes/{id}/delete")
	String confirmDelete(Viewer me, @PathVariable String id, Model model) {
		var detail = outcomes.detail(me, id);
		model.addAttribute("detail", detail);
		return "outcomes/delete";
	}

	@PostMapping("/outcomes/{id}/delete")
	String delete(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		OutcomeMetric metric = outcomes.delete(me, id);
		redirect.addFlashAttribute("notice", "Deleted “" + metric.name() + "”. Its values are kept: use Restore below "
				+ "to undo.");
		return "redirect:/teams/" + metric.teamId().value() + "/outcomes";
	}

	@PostMapping("/outcomes/{id}/restore")
	String restore(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		outcomes.restore(me, id);
		redirect.addFlashAttribute("notice", "Restored, with its values.");
		return "redirect:/outcomes/" + id;
	}

	@GetMapping(path = "/outcomes/{id}", params = "!format")
	String page(Viewer me, @PathVariable String id, @RequestParam(required = false) String basis,
			@RequestParam(required = false) String period, Model model) {
		OutcomeReport.Basis chosen = OutcomeReport.Basis.parse(basis);
		if (chosen == null) {
			// a link with an unknown basis shows the default rather than an error
			chosen = OutcomeReport.Basis.COMPLETED;
		}
		var detail = outcomes.detail(me, id);
		Map<String, String> value = new LinkedHashMap<>();
		if (period != null && !period.isBlank()) {
			value.put("period", period.strip());
			detail.values()
				.entrySet()
				.stream()
				.filter(e -> e.getKey().toString().equals(period.strip()))
				.findFirst()
				.ifPresent(e -> value.put("value", OutcomeReport.plain(e.getValue())));
		}
		return metricPage(model, me, id, chosen, value, Map.of());
	}

	@PostMapping("/outcomes/{id}/values")
	String putValue(Viewer me, @PathVariable String id, @RequestParam(required = false) String period,
			@RequestParam(required = false) String value, @RequestParam(required = false) String basis, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		OutcomeReport.Basis chosen = basisOrDefault(basis);
		try {
			boolean added = outcomes.putValue(me, id, period, number(value));
			redirect.addFlashAttribute("notice", (added ? "Added the value for " : "Replaced the value for ") + period.strip() + ".");
			return "redirect:/outcomes/" + id + "?basis=" + chosen.name().toLowerCase(Locale.ROOT);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("problem", "The value was not saved; see the fields marked below.");
			Map<String, String> given = new LinkedHashMap<>();
			given.put("period", period == null ? "" : period);
			given.put("value", value == null ? "" : value);
			return metricPage(model, me, id, chosen, given, e.fieldErrors());
		}
	}

	@PostMapping("/outcomes/{id}/values/delete")
	String deleteValue(Viewer me, @PathVariable String id, @RequestParam String period, RedirectAttributes redirect) {
		outcomes.deleteValue(me, id, period);
		redirect.addFlashAttribute("notice", "Deleted the value for " + period.strip() + ".");
		return "redirect:/outcomes/" + id;
	}

	@PostMapping("/outcomes/{id}/values/import")
	String importValues(Viewer me, @PathVariable String id,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "Choose a CSV file with the header period,value.");
			}
			if (file.getSize() > Outcomes.MAX_IMPORT_BYTES) {
				throw new OutcomeImportTooLarge(Outcomes.MAX_IMPORT_BYTES);
			}
			var imported = outcomes.importValues(me, id, file.getBytes());
			redirect.addFlashAttribute("notice", "Imported: " + imported.added() + " added, " + imported.updated()
					+ " updated.");
			return "redirect:/outcomes/" + id;
		}
		catch (OutcomeImportTooLarge e) {
			response.setStatus(413);
			model.addAttribute("importProblem", e.getMessage());
			return metricPage(model, me, id, OutcomeReport.Basis.COMPLETED, Map.of(), Map.of());
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("importProblem", e.getMessage());
			model.addAttribute("importErrors", e.fieldErrors().values().stream().filter(m -> !m.equals(e.getMessage())).toList());
			return metricPage(model, me, id, OutcomeReport.Basis.COMPLETED, Map.of(), Map.of());
		}
	}

	@GetMapping("/outcomes/{id}/report.csv")
	ResponseEntity<String> csv(Viewer me, @PathVariable String id, @RequestParam(required = false) String basis) {
		OutcomeReport report = outcomes.report(me, id, basisOrDefault(basis));
		StringBuilder csv = new StringBuilder(Csv.line("period_start", "last_day", "value", "members_done",
				"team_size", "share_done", "side"));
		for (OutcomeReport.Period p : report.periods()) {
			csv.append(Csv.line(p.start().toString(), p.lastDay().toString(), Csv.number(p.value()),
					Csv.number(p.done()), Csv.number(report.teamSize()), Csv.number(p.share()),
					p.side() == null ? "" : p.side().name().toLowerCase(Locale.ROOT)));
		}
		return CsvDownload.of("outcome-" + id + "-" + report.basis().verb() + ".csv", csv.toString());
	}

	private String metricPage(Model model, Viewer me, String id, OutcomeReport.Basis basis, Map<String, String> value,
			Map<String, String> errors) {
		var detail = outcomes.detail(me, id);
		OutcomeReport report = outcomes.report(me, id, basis);
		model.addAttribute("detail", detail);
		model.addAttribute("report", report);
		model.addAttribute("chart", OutcomeChart.of(report));
		model.addAttribute("caution", OutcomeReport.CAUTION);
		model.addAttribute("basis", basis.name().toLowerCase(Locale.ROOT));
		model.addAttribute("value", value);
		model.addAttribute("errors", errors);
		return "outcomes/metric";
	}

	private String form(Model model, Viewer me, Team team, OutcomeMetric metric, Map<String, Object> values,
			Map<String, String> errors) {
		model.addAttribute("team", team);
		model.addAttribute("metric", metric);
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("courses", outcomes.linkableCourses(me, team.id(), metric));
		model.addAttribute("directions", OutcomeMetric.Direction.values());
		model.addAttribute("granularities", OutcomeMetric.Granularity.values());
		return "outcomes/form";
	}

	private static Map<String, Object> given(OutcomeMetricChange change) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", change.name() == null ? "" : change.name());
		values.put("unit", change.unit() == null ? "" : change.unit());
		values.put("direction", change.direction() == null ? "" : change.direction());
		values.put("granularity", change.granularity() == null ? "" : change.granularity());
		values.put("description", change.description() == null ? "" : change.description());
		values.put("courseIds", change.courseIds() == null ? List.of() : change.courseIds());
		return values;
	}

	private static OutcomeReport.Basis basisOrDefault(String basis) {
		OutcomeReport.Basis chosen = OutcomeReport.Basis.parse(basis);
		return chosen == null ? OutcomeReport.Basis.COMPLETED : chosen;
	}

	/** A number as typed, accepting a decimal comma in the form; null when it is not one (the service says so). */
	private static Double number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			double value = Double.parseDouble(text.strip().replace(',', '.'));
			return Double.isFinite(value) ? value : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
