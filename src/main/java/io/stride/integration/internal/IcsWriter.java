package io.stride.integration.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** Writes a feed as an RFC 5545 calendar with ical4j. */
public final class IcsWriter {

	private IcsWriter() {
	}

	/**
	 * An event of a feed: all-day from {@code day} to {@code lastDay} (both inclusive), or at {@code startsAt} for
	 * {@code duration}. {@code uid} stays the same for the same thing, so subscribed calendars update it in place.
	 */
	public record FeedEvent(String uid, String summary, String description, String url, LocalDate day,
			LocalDate lastDay, Instant startsAt, Duration duration) {

		public static FeedEvent allDay(String uid, String summary, String description, String url, LocalDate day,
				LocalDate lastDay) {
			return new FeedEvent(uid, summary, description, url, day, lastDay, null, null);
		}

		public static FeedEvent timed(String uid, String summary, String description, String url, Instant startsAt,
				Duration duration) {
			return new FeedEvent(uid, summary, description, url, null, null, startsAt, duration);
		}
	}

	public static String write(String name, List<FeedEvent> events, Instant stamp) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Stride//Calendar feed//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(ImmutableMethod.PUBLISH);
		calendar.add(new XProperty("X-WR-CALNAME", name));
		// how often subscribers should read it again (Outlook, Apple; Google decides for itself)
		calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
		for (FeedEvent e : events) {
			VEvent event = e.day() != null ? new VEvent(e.day(), e.lastDay().plusDays(1), e.summary())
					: new VEvent(e.startsAt(), e.duration(), e.summary());
			event.replace(new DtStamp(stamp));
			event.add(new Uid(e.uid()));
			if (e.description() != null && !e.description().isBlank()) {
				event.add(new Description(e.description()));
			}
			if (e.url() != null) {
				event.add(new Url(URI.create(e.url())));
			}
			calendar.add(event);
		}
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return out.toString();
	}
}
