package io.stride.rhythm;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times of a ritual's meetings as its team reads them: in the ritual's time zone, with the zone's abbreviation
 * ("2027-01-12 09:00 CET"), on pages, in pre-reads, e-mails and chat messages alike.
 */
public final class RitualTimes {

	private RitualTimes() {
	}

	/** "yyyy-MM-dd HH:mm" and the zone's abbreviation, in {@code zone}. */
	public static DateTimeFormatter formatter(ZoneId zone) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH).withZone(zone);
	}

	/** "Tue 12 Jan 2027, 09:00 CET": for a message's title. */
	public static String spoken(Instant at, ZoneId zone) {
		return DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH).withZone(zone).format(at);
	}

	/** The zone of a ritual as stored ("Europe/Lisbon"); UTC when blank or unknown. */
	public static ZoneId zone(String timeZone) {
		try {
			return timeZone == null || timeZone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timeZone);
		}
		catch (DateTimeException e) {
			return ZoneId.of("UTC");
		}
	}
}
