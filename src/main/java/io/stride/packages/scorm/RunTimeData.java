package io.stride.packages.scorm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.shared.InvalidInputException;

/**
 * What a SCO reported in one commit, read from the player's flattened CMI ({@code cmi.core.lesson_status} for 1.2,
 * {@code cmi.completion_status} and {@code cmi.success_status} for 2004, and so on) into one vocabulary: completion
 * {@code unknown|incomplete|completed}, success {@code unknown|passed|failed}. A value the standard does not allow is
 * refused at its element's name, so that nothing of a bad commit is saved.
 */
record RunTimeData(String completion, String success, Double scaled, Double raw, Double min, Double max,
		String suspendData, String location, String exit, Double sessionSeconds) {

	private static final Set<String> STATUS_12 = Set.of("passed", "completed", "failed", "incomplete", "browsed",
			"not attempted");

	private static final Set<String> COMPLETION_2004 = Set.of("completed", "incomplete", "not attempted", "unknown");

	private static final Set<String> SUCCESS_2004 = Set.of("passed", "failed", "unknown");

	private static final Set<String> EXIT = Set.of("time-out", "suspend", "logout", "normal");

	/** HHHH:MM:SS(.SS), SCORM 1.2's CMITimespan. */
	private static final Pattern TIMESPAN = Pattern.compile("(\\d{2,4}):(\\d{2}):(\\d{2}(?:\\.\\d{1,2})?)");

	/** An ISO 8601 duration as SCORM 2004 writes it (P[nY][nM][nD][T[nH][nM][n[.n]S]]). */
	private static final Pattern DURATION = Pattern.compile(
			"P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?");

	static RunTimeData from(ScormStandard standard, Map<String, ?> cmi) {
		Map<String, String> errors = new LinkedHashMap<>();
		RunTimeData data = standard == ScormStandard.SCORM_12 ? scorm12(cmi, errors) : scorm2004(cmi, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The SCO's data was not saved.", errors);
		}
		return data;
	}

	private static RunTimeData scorm12(Map<String, ?> cmi, Map<String, String> errors) {
		String status = value(cmi, "cmi.core.lesson_status");
		String completion = "unknown";
		String success = "unknown";
		if (!status.isEmpty() && !STATUS_12.contains(status)) {
			errors.put("cmi.core.lesson_status", "\"" + status + "\" is no SCORM 1.2 lesson status.");
		}
		switch (status) {
			case "passed" -> {
				completion = "completed";
				success = "passed";
			}
			case "completed" -> completion = "completed";
			case "failed" -> {
				completion = "incomplete";
				success = "failed";
			}
			case "incomplete", "browsed" -> completion = "incomplete";
			default -> {
			}
		}
		Double raw = number(cmi, "cmi.core.score.raw", errors);
		Double min = number(cmi, "cmi.core.score.min", errors);
		Double max = number(cmi, "cmi.core.score.max", errors);
		Double scaled = null;
		if (raw != null) {
			double low = min == null ? 0 : min;
			double high = max == null ? 100 : max;
			scaled = high > low ? Math.max(-1, Math.min(1, (raw - low) / (high - low))) : null;
		}
		String suspend = text(cmi, "cmi.suspend_data", 4096, errors);
		String location = text(cmi, "cmi.core.lesson_location", 255, errors);
		String exit = exit(cmi, "cmi.core.exit", errors);
		String time = value(cmi, "cmi.core.session_time");
		Double seconds = null;
		if (!time.isEmpty()) {
			Matcher m = TIMESPAN.matcher(time);
			if (m.matches()) {
				seconds = Integer.parseInt(m.group(1)) * 3600.0 + Integer.parseInt(m.group(2)) * 60 + Double.parseDouble(m.group(3));
			}
			else {
				errors.put("cmi.core.session_time", "\"" + time + "\" is no SCORM 1.2 timespan (HHHH:MM:SS.SS).");
			}
		}
		return new RunTimeData(completion, success, scaled, raw, min, max, suspend, location, exit, seconds);
	}

	private static RunTimeData scorm2004(Map<String, ?> cmi, Map<String, String> errors) {
		String completion = value(cmi, "cmi.completion_status");
		if (!completion.isEmpty() && !COMPLETION_2004.contains(completion)) {
			errors.put("cmi.completion_status", "\"" + completion + "\" is no SCORM 2004 completion status.");
		}
		String success = value(cmi, "cmi.success_status");
		if (!success.isEmpty() && !SUCCESS_2004.contains(success)) {
			errors.put("cmi.success_status", "\"" + success + "\" is no SCORM 2004 success status.");
		}
		Double scaled = number(cmi, "cmi.score.scaled", errors);
		if (scaled != null && (scaled < -1 || scaled > 1)) {
			errors.put("cmi.score.scaled", "The scaled score must be from -1 to 1.");
		}
		String time = value(cmi, "cmi.session_time");
		Double seconds = null;
		if (!time.isEmpty()) {
			Matcher m = DURATION.matcher(time);
			if (m.matches() && !time.equals("P") && !time.endsWith("T")) {
				seconds = part(m, 1) * 365 * 86400 + part(m, 2) * 30 * 86400 + part(m, 3) * 86400 + part(m, 4) * 3600
						+ part(m, 5) * 60 + part(m, 6);
			}
			else {
				errors.put("cmi.session_time", "\"" + time + "\" is no ISO 8601 duration (such as PT1M30S).");
			}
		}
		return new RunTimeData(
				completion.equals("completed") ? "completed" : completion.equals("incomplete") ? "incomplete" : "unknown",
				success.isEmpty() ? "unknown" : success, scaled, number(cmi, "cmi.score.raw", errors),
				number(cmi, "cmi.score.min", errors), number(cmi, "cmi.score.max", errors),
				text(cmi, "cmi.suspend_data", 64000, errors), text(cmi, "cmi.location", 1000, errors),
				exit(cmi, "cmi.exit", errors), seconds);
	}

	/** Done as issue 19 says: completed, and not failed (1.2's "passed" is both). */
	boolean done() {
		return "completed".equals(completion) && !"failed".equals(success);
	}

	private static double part(Matcher m, int group) {
		return m.group(group) == null ? 0 : Double.parseDouble(m.group(group));
	}

	private static String value(Map<String, ?> cmi, String key) {
		Object value = cmi.get(key);
		return value == null ? "" : String.valueOf(value).strip();
	}

	private static Double number(Map<String, ?> cmi, String key, Map<String, String> errors) {
		String value = value(cmi, key);
		if (value.isEmpty()) {
			return null;
		}
		try {
			double number = Double.parseDouble(value);
			if (Double.isNaN(number) || Double.isInfinite(number)) {
				throw new NumberFormatException();
			}
			return number;
		}
		catch (NumberFormatException e) {
			errors.put(key, "\"" + value + "\" is not a number.");
			return null;
		}
	}

	private static String text(Map<String, ?> cmi, String key, int limit, Map<String, String> errors) {
		Object value = cmi.get(key);
		String text = value == null ? null : String.valueOf(value);
		if (text != null && text.length() > limit) {
			errors.put(key, "At most " + limit + " characters; this has " + text.length() + ".");
		}
		if (text != null && text.indexOf('\0') >= 0) {
			errors.put(key, "Remove the NUL character.");
		}
		return text;
	}

	private static String exit(Map<String, ?> cmi, String key, Map<String, String> errors) {
		String exit = value(cmi, key);
		if (!exit.isEmpty() && !EXIT.contains(exit)) {
			errors.put(key, "\"" + exit + "\" is no exit value of the standard.");
		}
		return exit.isEmpty() ? null : exit;
	}
}
