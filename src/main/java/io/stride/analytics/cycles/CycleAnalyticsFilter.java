package io.stride.analytics.cycles;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.stride.analytics.course.CourseAnalyticsFilter;
import io.stride.identity.TeamId;
import io.stride.shared.InvalidInputException;

/**
 * Which people and months the learning-cycle figures cover: a team (its sub-teams included; null for every team the
 * viewer may see) and whole UTC days, both ends included (null: the last six months up to today).
 */
public record CycleAnalyticsFilter(TeamId team, LocalDate from, LocalDate to) {

	public static final CycleAnalyticsFilter DEFAULT = new CycleAnalyticsFilter(null, null, null);

	/** Reads the filter as typed in a form or a query string; blank means "not given"; 422 at the field otherwise. */
	public static CycleAnalyticsFilter parse(String team, String from, String to) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate start = date("from", from, errors);
		LocalDate end = date("to", to, errors);
		if (start != null && end != null && start.isAfter(end)) {
			errors.put("to", "The end date " + end + " is before the start date " + start
					+ "; swap them or pick a later end.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The filter was not applied.", errors);
		}
		return new CycleAnalyticsFilter(blank(team) ? null : new TeamId(team.strip()), start, end);
	}

	private static LocalDate date(String field, String text, Map<String, String> errors) {
		return CourseAnalyticsFilter.date(field, text, 2000, errors);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
