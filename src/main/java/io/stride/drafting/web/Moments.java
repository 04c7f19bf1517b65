package io.stride.drafting.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moments of a recording as the pages show them: a segment's start as "00:12:31", and the start of a citation whose
 * locator is a time range ("00:12:31–00:12:44"), to play from there.
 */
final class Moments {

	private static final Pattern RANGE = Pattern.compile("(\\d{2,}):(\\d{2}):(\\d{2})\u2013(\\d{2,}):(\\d{2}):(\\d{2})");

	private Moments() {
	}

	static String clock(long millis) {
		long seconds = Math.max(0, millis) / 1000;
		return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
	}

	/** The second a time-range locator starts at, or -1 when the locator names no moment (a page, a slide). */
	static long startSecond(String locator) {
		if (locator == null) {
			return -1;
		}
		Matcher m = RANGE.matcher(locator.strip());
		if (!m.matches()) {
			return -1;
		}
		return Long.parseLong(m.group(1)) * 3600 + Long.parseLong(m.group(2)) * 60 + Long.parseLong(m.group(3));
	}
}
