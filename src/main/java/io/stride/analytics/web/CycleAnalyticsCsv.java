package io.stride.analytics.web;

import io.stride.analytics.cycles.CycleAnalyticsReport;
import io.stride.analytics.cycles.CycleAnalyticsReport.Figures;
import io.stride.analytics.cycles.CycleAnalyticsReport.Month;
import io.stride.analytics.cycles.CycleAnalyticsReport.TeamFigures;
import io.stride.shared.Csv;
import io.stride.shared.web.CsvDownload;

/**
 * The learning-cycle figures as one CSV, the same for the page's download and the API's: a row for everyone in
 * scope and for each team, over the whole period ({@code month} "all") and month by month; shares as fractions from
 * 0 to 1, as the API gives them.
 */
final class CycleAnalyticsCsv {

	static final String HEADER = Csv.line("team_id", "team_name", "month", "from", "to", "active_on", "people",
			"with_active_cycle", "share_active", "had_cycle", "goals", "goals_serving_organization", "goals_serving_team",
			"goals_serving_self", "validations_given", "validations_received", "median_days_to_validate",
			"help_requests", "help_requests_answered", "share_help_answered", "note");

	private CycleAnalyticsCsv() {
	}

	static String of(CycleAnalyticsReport r) {
		StringBuilder csv = new StringBuilder(HEADER);
		String scope = r.teamName() == null ? (r.everyone() ? "Everyone" : "Everyone in your teams")
				: r.teamName() + " (all)";
		if (r.totalWithheld()) {
			withheld(csv, "", scope, r.total().people(), r);
		}
		else {
			line(csv, "", scope, "all", r.from().toString(), r.to().toString(), r.activeOn().toString(), r.total());
		}
		for (Month m : r.trend()) {
			line(csv, "", scope, m.month().toString(), m.from().toString(), m.to().toString(), m.activeOn().toString(),
					m.figures());
		}
		for (TeamFigures t : r.teams()) {
			if (t.withheld()) {
				withheld(csv, t.id().value(), t.name(), t.period().people(), r);
				continue;
			}
			line(csv, t.id().value(), t.name(), "all", r.from().toString(), r.to().toString(), r.activeOn().toString(),
					t.period());
			for (Month m : t.months()) {
				line(csv, t.id().value(), t.name(), m.month().toString(), m.from().toString(), m.to().toString(),
						m.activeOn().toString(), m.figures());
			}
		}
		return csv.toString();
	}

	static String fileName(CycleAnalyticsReport r) {
		String scope = r.teamName() == null ? "all-teams" : CsvDownload.slug(r.teamName(), 60, "team");
		return "stride-learning-cycles-" + scope + "-" + r.from() + "-to-" + r.to() + ".csv";
	}

	/** A group too small to show: its number of people, the figures left empty, and why. */
	private static void withheld(StringBuilder csv, String teamId, String teamName, int people, CycleAnalyticsReport r) {
		csv.append(Csv.line(Csv.text(teamId), Csv.text(teamName), Csv.text("all"), Csv.text(r.from().toString()),
				Csv.text(r.to().toString()), Csv.text(r.activeOn().toString()), Csv.number(people), "", "", "", "", "",
				"", "", "", "", "", "", "", "", Csv.text(r.withheldNote())));
	}

	private static void line(StringBuilder csv, String teamId, String teamName, String month, String from, String to,
			String activeOn, Figures f) {
		csv.append(Csv.line(Csv.text(teamId), Csv.text(teamName), Csv.text(month), Csv.text(from), Csv.text(to),
				Csv.text(activeOn), Csv.number(f.people()), Csv.number(f.withActiveCycle()), Csv.number(f.shareActive()),
				Csv.number(f.hadCycle()), Csv.number(f.goals()), Csv.number(f.servesOrganization()),
				Csv.number(f.servesTeam()), Csv.number(f.servesSelf()), Csv.number(f.validationsGiven()),
				Csv.number(f.validationsReceived()), Csv.number(f.medianDaysToValidate()), Csv.number(f.helpRequests()),
				Csv.number(f.helpAnswered()), Csv.number(f.shareHelpAnswered()), ""));
	}
}
