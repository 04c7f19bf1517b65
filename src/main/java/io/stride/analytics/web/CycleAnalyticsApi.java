package io.stride.analytics.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.stride.analytics.cycles.CycleAnalytics;
import io.stride.analytics.cycles.CycleAnalyticsFilter;
import io.stride.analytics.cycles.CycleAnalyticsReport;
import io.stride.analytics.cycles.CycleAnalyticsReport.Figures;
import io.stride.analytics.cycles.CycleAnalyticsReport.Month;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.shared.web.CsvDownload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Analytics", description = "Course figures from the learning record, and where learners struggle")
@SecurityRequirement(name = "bearer")
class CycleAnalyticsApi {

	private final CycleAnalytics analytics;

	CycleAnalyticsApi(CycleAnalytics analytics) {
		this.analytics = analytics;
	}

	record FiguresView(int people, int withActiveCycle, Double shareActive, int hadCycle, int goals,
			int goalsServingOrganization, int goalsServingTeam, int goalsServingSelf, int validationsGiven,
			int validationsReceived, Double medianDaysToValidate, int helpRequests, int helpRequestsAnswered,
			Double shareHelpAnswered) {

		static FiguresView of(Figures f) {
			return new FiguresView(f.people(), f.withActiveCycle(), f.shareActive(), f.hadCycle(), f.goals(),
					f.servesOrganization(), f.servesTeam(), f.servesSelf(), f.validationsGiven(), f.validationsReceived(),
					f.medianDaysToValidate(), f.helpRequests(), f.helpAnswered(), f.shareHelpAnswered());
		}
	}

	record MonthView(String month, LocalDate from, LocalDate to, LocalDate activeOn, FiguresView figures) {

		static MonthView of(Month m) {
			return new MonthView(m.month().toString(), m.from(), m.to(), m.activeOn(), FiguresView.of(m.figures()));
		}
	}

	/** {@code withheld}: fewer people than the minimum; {@code period} and {@code months} are then absent. */
	record TeamView(String id, String name, int depth, int people, boolean withheld, String note, FiguresView period,
			List<MonthView> months) {
	}

	/** {@code totalWithheld}: everyone in scope are fewer than {@code minimumGroup}; {@code total} is then absent. */
	record CycleAnalyticsView(String teamId, String teamName, boolean everyTeam, LocalDate from, LocalDate to,
			LocalDate activeOn, int minimumGroup, boolean totalWithheld, FiguresView total, List<MonthView> trend,
			List<TeamView> teams) {
	}

	@GetMapping(path = "/analytics/cycles", params = "format!=csv", produces = "application/json")
	@Operation(summary = "Learning-cycle figures per team and per month (JSON, or CSV with format=csv or Accept: "
			+ "text/csv): people, those with a cycle active on the last day counted (shareActive, 0 to 1), goals of "
			+ "cycles that ran by what they serve (organization, team, self; a goal may serve several), validations "
			+ "given by the team's people and received on their goals with the median days from request to answer, help "
			+ "requests (goals looking for help or offered it) and the share answered by an offer. Teams count their "
			+ "sub-teams' people. A team (or the whole scope) of fewer than minimumGroup people (5 by default) is withheld: "
			+ "only its number of people is given. Admins and L&D reviewers see every team, managers the teams of their tree; 404 for "
			+ "anyone else and for a team a manager does not manage; 422 at the field for a bad date, an end before the "
			+ "start, more than 24 months or (admins and L&D) an unknown team. Default: the last 6 months up to today.")
	CycleAnalyticsView cycles(Viewer me,
			@Parameter(description = "a team id (its sub-teams included); omitted: every team the caller may see") @RequestParam(required = false) String team,
			@Parameter(description = "first day, YYYY-MM-DD (UTC)") @RequestParam(required = false) String from,
			@Parameter(description = "last day, YYYY-MM-DD (UTC); default today") @RequestParam(required = false) String to) {
		CycleAnalyticsReport r = analytics.report(me, CycleAnalyticsFilter.parse(team, from, to));
		return new CycleAnalyticsView(r.teamId() == null ? null : r.teamId().value(), r.teamName(), r.everyone(),
				r.from(), r.to(), r.activeOn(), r.minimumGroup(), r.totalWithheld(),
				r.totalWithheld() ? null : FiguresView.of(r.total()), r.trend().stream().map(MonthView::of).toList(),
				r.teams()
					.stream()
					.map(t -> new TeamView(t.id().value(), t.name(), t.depth(), t.period().people(), t.withheld(),
							t.withheld() ? r.withheldNote() : null, t.withheld() ? null : FiguresView.of(t.period()),
							t.months().stream().map(MonthView::of).toList()))
					.toList());
	}

	@GetMapping(path = "/analytics/cycles", params = "format!=csv", produces = "text/csv")
	ResponseEntity<String> cyclesCsvByAccept(Viewer me, @RequestParam(required = false) String team,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return csv(me, team, from, to);
	}

	@GetMapping(path = "/analytics/cycles", params = "format=csv")
	ResponseEntity<String> cyclesCsv(Viewer me, @RequestParam(required = false) String team,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return csv(me, team, from, to);
	}

	/** A CSV, or the reason in plain text: a client asking for CSV reads no JSON problem. */
	private ResponseEntity<String> csv(Viewer me, String team, String from, String to) {
		CycleAnalyticsReport r;
		try {
			r = analytics.report(me, CycleAnalyticsFilter.parse(team, from, to));
		}
		catch (InvalidInputException e) {
			return plain(HttpStatus.UNPROCESSABLE_CONTENT, String.join(" ", e.fieldErrors().values()));
		}
		catch (NotFoundException e) {
			return plain(HttpStatus.NOT_FOUND, e.getMessage());
		}
		return CsvDownload.of(CycleAnalyticsCsv.fileName(r), CycleAnalyticsCsv.of(r));
	}

	static ResponseEntity<String> plain(HttpStatus status, String text) {
		return ResponseEntity.status(status).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(text);
	}
}
