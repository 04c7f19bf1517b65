package io.stride.capability.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import io.stride.capability.CoverageStatus;
import io.stride.capability.Shortfall;
import io.stride.capability.Target;

/**
 * The words the capability pages share, so that the coverage page, the matrix, the profile and the risk report say
 * a status, a target or an expiry the same way. Exposed to templates as {@code words}.
 */
public final class CapabilityWords {

	/** Expiry is announced from this many days ahead, as the issue asks. */
	static final int EXPIRY_NOTICE_DAYS = 60;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	CapabilityWords() {
	}

	/** The status with a sign that does not depend on colour: ✗ short, ! at risk, ✓ covered. */
	public String status(CoverageStatus status) {
		if (status == null) {
			return "";
		}
		return switch (status) {
			case SHORT -> "✗ Short";
			case AT_RISK -> "! At risk";
			case COVERED -> "✓ Covered";
			case NO_TARGET -> "– No target";
		};
	}

	/** A class for the status's colour; the text carries the meaning too. */
	public String statusClass(CoverageStatus status) {
		return status == null ? "" : "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** "2 at Can do it alone or above", and "from Customer Success" when a team above set it. */
	public String target(Target target) {
		if (target == null) {
			return "No target";
		}
		String text = target.minPeople() + " at " + target.levelName() + " or above";
		return target.inherited() ? text + " (from " + target.setOnName() + ")" : text;
	}

	/** "short from 14 Jan to 28 Jan (Ana on leave)". */
	public String shortfall(Shortfall s) {
		String when = s.from().equals(s.to()) ? "short on " + day(s.from())
				: "short from " + day(s.from()) + " to " + day(s.to());
		return s.reasons().isEmpty() ? when : when + " (" + String.join(", ", s.reasons()) + ")";
	}

	public String day(LocalDate day) {
		return day == null ? "" : day.format(DAY);
	}

	/** "14 Jan 2027 to 28 Jan 2027", one day alone, or "—" for none. */
	public String range(LocalDate from, LocalDate to) {
		if (from == null) {
			return "—";
		}
		return to == null || to.equals(from) ? longDay(from) : longDay(from) + " to " + longDay(to);
	}

	public String longDay(LocalDate day) {
		return day == null ? "" : day.format(DAY_YEAR);
	}

	/** "expires in 12 days" (today, tomorrow), or nothing when it is further than the notice ahead or never. */
	public String expires(LocalDate expiresOn, LocalDate today) {
		if (expiresOn == null) {
			return "";
		}
		long days = ChronoUnit.DAYS.between(today, expiresOn);
		return expiresIn(days);
	}

	public String expiresIn(Long days) {
		if (days == null || days > EXPIRY_NOTICE_DAYS) {
			return "";
		}
		if (days < 0) {
			return "expired";
		}
		return days == 0 ? "expires today" : days == 1 ? "expires tomorrow" : "expires in " + days + " days";
	}

	public String people(int n) {
		return n == 1 ? "1 person" : n + " people";
	}
}
