package io.stride.analytics.course;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.stride.identity.TeamId;
import io.stride.shared.InvalidInputException;

/**
 * Which learners and which days a course's figures cover: a team (its sub-teams included; null for everyone the
 * viewer may see) and a period of whole days in UTC, both ends included (null for open-ended).
 */
public record CourseAnalyticsFilter(TeamId team, LocalDate from, LocalDate to) {

	public static final CourseAnalyticsFilter EVERYTHING = new CourseAnalyticsFilter(null, null, null);

	/** Reads the filter as typed in a form or a query string; blank means "not given". */
	public static CourseAnalyticsFilter parse(String teamId, String from, String to) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate start = date("from", from, errors);
		LocalDate end = date("to", to, errors);
		if (start != null && end != null && start.isAfter(end)) {
			errors.put("to", "The end date " + end + " is before the start date " + start + "; swap them or pick a later end.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The filter was not applied.", errors);
		}
		return new CourseAnalyticsFilter(blank(teamId) ? null : new TeamId(teamId.strip()), start, end);
	}

	/** The first instant counted, or null. */
	public Instant start() {
		return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The first instant no longer counted (the day after {@code to}), or null. */
	public Instant end() {
		return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static LocalDate date(String field, String text, Map<String, String> errors) {
		return date(field, text, 1970, errors);
	}

	/**
	 * A day typed as YYYY-MM-DD for the filter {@code field} of an analytics page (null when blank); an unreadable
	 * day, or one before {@code firstYear} or after 9998, is put in {@code errors} at the field.
	 */
	public static LocalDate date(String field, String text, int firstYear, Map<String, String> errors) {
		if (blank(text)) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text.strip());
			// years outside this range are typing slips, and would overflow the database's timestamps
			if (date.getYear() < firstYear || date.getYear() > 9998) {
				errors.put(field, "Pick a date between " + firstYear + " and 9998; “" + cut(text.strip())
						+ "” is out of range.");
				return null;
			}
			return date;
		}
		catch (DateTimeParseException e) {
			errors.put(field, "Write the " + field + " date as YYYY-MM-DD, for example 2026-01-31; “" + cut(text.strip())
					+ "” is not a date.");
			return null;
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String cut(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "…";
	}
}
