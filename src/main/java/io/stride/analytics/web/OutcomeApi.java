package io.stride.analytics.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.stride.analytics.outcomes.OutcomeImportTooLarge;
import io.stride.analytics.outcomes.OutcomeMetric;
import io.stride.analytics.outcomes.OutcomeMetricChange;
import io.stride.analytics.outcomes.OutcomeReport;
import io.stride.analytics.outcomes.Outcomes;
import io.stride.authoring.CourseId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Outcome indicators", description = "A team's outcome metrics (for example escalations per week), their "
		+ "values, and the metric beside the rollout of the linked courses. For managers of the team or a team above "
		+ "it, and admins; anyone else gets 404")
@SecurityRequirement(name = "bearer")
class OutcomeApi {

	private final Outcomes outcomes;

	OutcomeApi(Outcomes outcomes) {
		this.outcomes = outcomes;
	}

	record MetricBody(String name, String unit,
			@Schema(description = "LOWER_IS_BETTER or HIGHER_IS_BETTER") String direction,
			@Schema(description = "WEEK or MONTH") String granularity, String description, List<String> courseIds,
			@Schema(description = "the revision last read; required for PUT") Integer revision) {

		OutcomeMetricChange change() {
			return new OutcomeMetricChange(name, unit, direction, granularity, description, courseIds, revision);
		}
	}

	record ValueBody(Double value) {
	}

	record ValueView(LocalDate period, double value) {

		static List<ValueView> of(SortedMap<LocalDate, Double> values) {
			return values.entrySet().stream().map(e -> new ValueView(e.getKey(), e.getValue())).toList();
		}
	}

	record SavedValueView(LocalDate period, double value, boolean added) {
	}

	/** values are left out where they are not listed (the team's list, the report). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record MetricView(String id, String teamId, String name, String unit, String direction, String granularity,
			String description, List<String> courseIds, int revision, List<ValueView> values) {

		static MetricView of(OutcomeMetric m, List<ValueView> values) {
			return new MetricView(m.id(), m.teamId().value(), m.name(), m.unit(), m.direction().name(),
					m.granularity().name(), m.description(), m.courseIds().stream().map(CourseId::value).toList(),
					m.revision(), values);
		}
	}

	record ImportView(int added, int updated) {
	}

	record PeriodView(LocalDate period, LocalDate lastDay, Double value, int done, Double share, String side) {
	}

	record RolloutView(LocalDate period, LocalDate lastDay) {
	}

	record BeforeAfterView(double beforeMean, int beforePeriods, double afterMean, int afterPeriods,
			double absoluteChange, Double relativeChange, String verdict, boolean improved) {
	}

	record ReportView(MetricView metric, String basis, int teamSize, int doneNow, String rule, String caution,
			List<PeriodView> periods, RolloutView rollout, BeforeAfterView beforeAfter, String missing) {
	}

	@GetMapping("/teams/{teamId}/outcomes")
	@Operation(summary = "The team's outcome metrics, by name (404 unless the caller manages the team or a team above it, "
			+ "or is an admin)")
	List<MetricView> list(Viewer me, @PathVariable String teamId) {
		return outcomes.ofTeam(me, new TeamId(teamId))
			.stream()
			.map(m -> MetricView.of(m, null))
			.toList();
	}

	@PostMapping("/teams/{teamId}/outcomes")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Define an outcome metric: name, unit, direction (LOWER_IS_BETTER or HIGHER_IS_BETTER), "
			+ "granularity (WEEK or MONTH), optional description, and 1 to 20 linked published courses. 422 with errors "
			+ "per field")
	MetricView define(Viewer me, @PathVariable String teamId, @RequestBody MetricBody body) {
		return MetricView.of(outcomes.define(me, new TeamId(teamId), body.change()), List.of());
	}

	@GetMapping("/outcomes/{id}")
	@Operation(summary = "An outcome metric with its values, oldest period first")
	MetricView metric(Viewer me, @PathVariable String id) {
		var detail = outcomes.detail(me, id);
		return MetricView.of(detail.metric(), ValueView.of(detail.values()));
	}

	@PutMapping("/outcomes/{id}")
	@Operation(summary = "Change an outcome metric; send the revision last read: 409 when someone saved since, 422 with "
			+ "errors per field (also when changing the granularity of a metric that has values)")
	MetricView change(Viewer me, @PathVariable String id, @RequestBody MetricBody body) {
		OutcomeMetric changed = outcomes.change(me, id, body.change());
		return MetricView.of(changed, ValueView.of(outcomes.values(me, id)));
	}

	@DeleteMapping("/outcomes/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an outcome metric softly: it disappears from the team's list, its values are kept, and "
			+ "POST /outcomes/{id}/restore brings it back")
	void delete(Viewer me, @PathVariable String id) {
		outcomes.delete(me, id);
	}

	@PostMapping("/outcomes/{id}/restore")
	@Operation(summary = "Undo the delete of an outcome metric (harmless when it is not deleted)")
	MetricView restore(Viewer me, @PathVariable String id) {
		return MetricView.of(outcomes.restore(me, id), ValueView.of(outcomes.values(me, id)));
	}

	@PutMapping("/outcomes/{id}/values/{period}")
	@Operation(summary = "Set the value of a period, named by its first day (a Monday for weekly metrics, the 1st for "
			+ "monthly ones); replaces a value already there. 422 for another day, a period not yet begun or a value "
			+ "that is not a number")
	SavedValueView putValue(Viewer me, @PathVariable String id,
			@Parameter(description = "ISO date of the period's first day, e.g. 2026-03-02") @PathVariable String period,
			@RequestBody ValueBody body) {
		boolean added = outcomes.putValue(me, id, period, body == null ? null : body.value());
		return new SavedValueView(LocalDate.parse(period.strip()), body.value(), added);
	}

	@DeleteMapping("/outcomes/{id}/values/{period}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete the value of a period (404 when it has none)")
	void deleteValue(Viewer me, @PathVariable String id, @PathVariable String period) {
		outcomes.deleteValue(me, id, period);
	}

	@PostMapping(path = "/outcomes/{id}/values/import", consumes = "text/csv")
	@Operation(summary = "Import values from CSV sent as the body: the header period,value, then one line per period "
			+ "(ISO date of its first day, number with a decimal point). All lines or none: 422 names each bad line "
			+ "under errors; 413 above 1 MB. A period that has a value already is updated. Answers how many values were "
			+ "added and updated")
	ImportView importCsv(Viewer me, @PathVariable String id, HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > Outcomes.MAX_IMPORT_BYTES) {
			throw new OutcomeImportTooLarge(Outcomes.MAX_IMPORT_BYTES);
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(Outcomes.MAX_IMPORT_BYTES + 1);
		}
		var imported = outcomes.importValues(me, id, body);
		return new ImportView(imported.added(), imported.updated());
	}

	@PostMapping(path = "/outcomes/{id}/values/import", consumes = "multipart/form-data")
	@Operation(summary = "Import values from a CSV file sent as the multipart part \"file\"; the same rules as the "
			+ "text/csv form")
	ImportView importFile(Viewer me, @PathVariable String id,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "Choose a CSV file with the header period,value.");
		}
		if (file.getSize() > Outcomes.MAX_IMPORT_BYTES) {
			throw new OutcomeImportTooLarge(Outcomes.MAX_IMPORT_BYTES);
		}
		var imported = outcomes.importValues(me, id, file.getBytes());
		return new ImportView(imported.added(), imported.updated());
	}

	@GetMapping("/outcomes/{id}/report")
	@Operation(summary = "The metric per period beside the rollout: the share of the team's current members (sub-teams "
			+ "included) who had completed, or mastered, every linked course by the period's end; the rollout period "
			+ "(the first where that share reaches 50%); and the mean before it against the mean from it on, with the "
			+ "absolute and relative change and whether it moved the good way. This shows correlation, not proof")
	ReportView report(Viewer me, @PathVariable String id,
			@Parameter(description = "completed (default) or mastered") @RequestParam(required = false) String basis) {
		OutcomeReport.Basis chosen = OutcomeReport.Basis.parse(basis);
		if (chosen == null) {
			throw new InvalidInputException("basis", "Use basis=completed or basis=mastered.");
		}
		OutcomeReport r = outcomes.report(me, id, chosen);
		var ba = r.beforeAfter();
		return new ReportView(MetricView.of(r.metric(), null), chosen.name(), r.teamSize(), r.doneNow(), r.rule(),
				OutcomeReport.CAUTION,
				r.periods()
					.stream()
					.map(p -> new PeriodView(p.start(), p.lastDay(), p.value(), p.done(), p.share(),
							p.side() == null ? null : p.side().name()))
					.toList(),
				r.rollout() == null ? null : new RolloutView(r.rollout().periodStart(), r.rollout().lastDay()),
				ba == null ? null : new BeforeAfterView(ba.beforeMean(), ba.beforePeriods(), ba.afterMean(),
						ba.afterPeriods(), ba.absoluteChange(), ba.relativeChange(), ba.verdict().name(),
						ba.verdict() == OutcomeReport.Verdict.BETTER),
				r.missing());
	}

	@ExceptionHandler(OutcomeImportTooLarge.class)
	ProblemDetail tooLarge(OutcomeImportTooLarge e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
	}
}
