package io.stride.tracks;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Pacing arithmetic, without the database: when each step of a track opens for a person, said in numbers and in words,
 * and whether the person is ahead, on pace or behind.
 */
public final class TrackProgressRules {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	/** How a person's progress compares with the pacing. */
	public enum Pace {
		AHEAD("ahead"), ON_PACE("on pace"), BEHIND("behind");

		private final String label;

		Pace(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	private TrackProgressRules() {
	}

	/**
	 * The day each step opens, in the order given (the track as the person's team follows it); null for a step that
	 * waits for a prerequisite or for the step before it to be done. A step opens when its prerequisites are done and
	 * its day has come: ON_ENROLMENT on {@code enrolledOn}; AFTER_ENROLMENT n days after it; AFTER_PREVIOUS n days
	 * after the previous step is done (after enrolment for the first step); FIXED_DATE on its date. Steps done before
	 * they opened (out of order) count as done for what follows them.
	 */
	public static Map<String, LocalDate> releaseDates(List<TrackStep> steps, Map<String, LocalDate> doneOn,
			LocalDate enrolledOn) {
		Map<String, LocalDate> dates = new LinkedHashMap<>();
		TrackStep previous = null;
		for (TrackStep step : steps) {
			dates.put(step.id(), releaseOn(step, previous, doneOn, enrolledOn));
			previous = step;
		}
		return dates;
	}

	/** When one step opens (see {@link #releaseDates}); null while it waits. */
	public static LocalDate releaseOn(TrackStep step, TrackStep previous, Map<String, LocalDate> doneOn,
			LocalDate enrolledOn) {
		for (String required : step.prerequisites()) {
			if (!doneOn.containsKey(required)) {
				return null;
			}
		}
		Pacing pacing = step.pacing();
		int days = pacing.days() == null ? 0 : Math.max(0, pacing.days());
		return switch (pacing.rule()) {
			case ON_ENROLMENT -> enrolledOn;
			case AFTER_ENROLMENT -> enrolledOn.plusDays(days);
			case AFTER_PREVIOUS -> previous == null ? enrolledOn.plusDays(days)
					: doneOn.containsKey(previous.id()) ? doneOn.get(previous.id()).plusDays(days) : null;
			case FIXED_DATE -> pacing.releaseOn() == null ? enrolledOn : pacing.releaseOn();
		};
	}

	/**
	 * A person's current step, one rule for every page and the API: the first open step (in the order they follow)
	 * not done; else the first step not done, the next to open; null when every step is done. A step opened early or
	 * before a pacing change is where the person is, even when a step placed before it has not opened yet.
	 */
	public static <T> T current(List<T> inOrder, Predicate<T> done, Predicate<T> open) {
		T firstNotDone = null;
		for (T step : inOrder) {
			if (done.test(step)) {
				continue;
			}
			if (open.test(step)) {
				return step;
			}
			if (firstNotDone == null) {
				firstNotDone = step;
			}
		}
		return firstNotDone;
	}

	/** The pacing in words, for a person who reads the track ("7 days after you finish “Discovery calls”"). */
	public static String inWords(Pacing pacing, String previousTitle) {
		int days = pacing.days() == null ? 0 : Math.max(0, pacing.days());
		String after = days == 0 ? "as soon as" : days(days) + " after";
		return switch (pacing.rule()) {
			case ON_ENROLMENT -> "opens when you enrol";
			case AFTER_ENROLMENT -> days == 0 ? "opens when you enrol" : "opens " + days(days) + " after you enrol";
			case AFTER_PREVIOUS -> previousTitle == null ? (days == 0 ? "opens when you enrol" : "opens " + days(days) + " after you enrol")
					: "opens " + after + " you finish “" + previousTitle + "”";
			case FIXED_DATE -> pacing.releaseOn() == null ? "opens when you enrol" : "opens on " + day(pacing.releaseOn()) + " for everyone";
		};
	}

	/** A date as people read it: "14 January 2027". */
	public static String day(LocalDate date) {
		return date == null ? "" : DAY.format(date);
	}

	/**
	 * Ahead when a step was done before it opened; behind when a step has been open for more than {@code behindAfterDays}
	 * days without being done ({@code oldestOpenRelease}: the day the longest-open step opened); on pace otherwise.
	 */
	public static Pace pace(int doneBeforeOpening, LocalDate oldestOpenRelease, LocalDate today, int behindAfterDays) {
		if (oldestOpenRelease != null && oldestOpenRelease.plusDays(behindAfterDays).isBefore(today)) {
			return Pace.BEHIND;
		}
		return doneBeforeOpening > 0 ? Pace.AHEAD : Pace.ON_PACE;
	}

	private static String days(int days) {
		return days == 1 ? "1 day" : days + " days";
	}
}
