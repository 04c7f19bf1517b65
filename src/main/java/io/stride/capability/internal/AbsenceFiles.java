package io.stride.capability.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.stride.capability.AbsenceKind;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads absence files into entries, one per CSV line or calendar event, each either readable (an email, two dates
 * and a kind) or with the reason it is not. Whether the person exists and the dates clash is decided by the caller.
 */
public final class AbsenceFiles {

	public static final int MAX_BYTES = 2 * 1024 * 1024;

	public static final int MAX_ENTRIES = 10_000;

	public static final List<String> CSV_HEADER = List.of("email", "starts_on", "ends_on", "kind");

	/** One absence as the file gives it; {@code problem} is null when it could be read. */
	public record Entry(String label, String email, LocalDate startsOn, LocalDate endsOn, AbsenceKind kind,
			String problem) {

		static Entry bad(String label, String problem) {
			return new Entry(label, null, null, null, null, problem);
		}
	}

	/** A file that cannot be read at all (not CSV, no header, too many rows): one message for the whole file. */
	public static final class Unreadable extends RuntimeException {

		public Unreadable(String message) {
			super(message);
		}
	}

	private AbsenceFiles() {
	}

	public static List<Entry> csv(byte[] content) {
		String text = new String(content, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			// spreadsheets save UTF-8 with a byte order mark
			text = text.substring(1);
		}
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setTrim(true)
			.setIgnoreEmptyLines(true)
			.setIgnoreHeaderCase(true)
			.setAllowMissingColumnNames(true)
			.get();
		List<Entry> entries = new ArrayList<>();
		try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
			List<String> header = parser.getHeaderNames().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
			if (!header.containsAll(CSV_HEADER.subList(0, 3))) {
				throw new Unreadable("The first line must be the header email,starts_on,ends_on,kind.");
			}
			boolean hasKind = header.contains("kind");
			Lines lines = new Lines(text);
			for (CSVRecord record : parser) {
				if (entries.size() == MAX_ENTRIES) {
					throw new Unreadable("The file has more than " + MAX_ENTRIES + " rows; split it into smaller files.");
				}
				// the line the record starts on, as an editor numbers it: blank lines and quoted line breaks count
				lines.advanceTo(record.getCharacterPosition());
				String label = "line " + lines.line;
				entries.add(csvEntry(label, record, hasKind));
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
			throw new Unreadable("The file is not valid CSV (" + e.getMessage() + ").");
		}
		if (entries.isEmpty()) {
			throw new Unreadable("The file has no absences under its header.");
		}
		return entries;
	}

	/** Counts line breaks up to each record's start, once through the text: records come in order. */
	private static final class Lines {

		private final String text;

		private int position;

		private long line = 1;

		Lines(String text) {
			this.text = text;
		}

		void advanceTo(long target) {
			while (position < target && position < text.length()) {
				if (text.charAt(position++) == '\n') {
					line++;
				}
			}
			// a record's position is where the reader began looking, before the blank lines it skipped
			while (position < text.length() && (text.charAt(position) == '\r' || text.charAt(position) == '\n')) {
				if (text.charAt(position++) == '\n') {
					line++;
				}
			}
		}
	}

	private static Entry csvEntry(String label, CSVRecord record, boolean hasKind) {
		if (!record.isConsistent()) {
			return Entry.bad(label, "Give four values: email, starts_on, ends_on, kind.");
		}
		String email = record.get("email");
		if (email.isEmpty()) {
			return Entry.bad(label, "The email is missing.");
		}
		LocalDate start;
		LocalDate end;
		try {
			start = LocalDate.parse(record.get("starts_on"));
		}
		catch (DateTimeParseException e) {
			return Entry.bad(label, "starts_on \"" + cut(record.get("starts_on")) + "\" is not a date like 2027-01-14.");
		}
		try {
			end = LocalDate.parse(record.get("ends_on"));
		}
		catch (DateTimeParseException e) {
			return Entry.bad(label, "ends_on \"" + cut(record.get("ends_on")) + "\" is not a date like 2027-01-28.");
		}
		String kindText = hasKind ? record.get("kind") : "";
		if (kindText.isEmpty()) {
			return new Entry(label, email, start, end, AbsenceKind.OTHER, null);
		}
		try {
			return new Entry(label, email, start, end, AbsenceKind.valueOf(kindText.toUpperCase(Locale.ROOT)), null);
		}
		catch (IllegalArgumentException e) {
			return Entry.bad(label, "The kind \"" + cut(kindText) + "\" is not one of LEAVE, TRAINING, PARENTAL, OTHER.");
		}
	}

	public static List<Entry> calendar(byte[] content) {
		Calendar calendar;
		try {
			calendar = new CalendarBuilder().build(new InputStreamReader(new ByteArrayInputStream(content),
					StandardCharsets.UTF_8));
		}
		catch (IOException | ParserException | RuntimeException e) {
			throw new Unreadable("The file is not a valid iCalendar file (" + e.getMessage() + ").");
		}
		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		if (events.isEmpty()) {
			throw new Unreadable("The calendar has no events.");
		}
		if (events.size() > MAX_ENTRIES) {
			throw new Unreadable("The calendar has more than " + MAX_ENTRIES + " events; split it into smaller files.");
		}
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			entries.add(event("event " + (i + 1), events.get(i)));
		}
		return entries;
	}

	private static Entry event(String label, VEvent event) {
		if (event.getProperty(Property.RRULE).isPresent()) {
			return Entry.bad(label, "Repeating events are not imported; export the single days instead.");
		}
		String email = person(event);
		if (email == null) {
			return Entry.bad(label, "Name the person as ATTENDEE or ORGANIZER with a mailto: address.");
		}
		Optional<Property> start = event.getProperty(Property.DTSTART);
		if (start.isEmpty()) {
			return Entry.bad(label, "The event has no DTSTART.");
		}
		LocalDate first;
		LocalDate last;
		try {
			Temporal startValue = ((DateProperty<?>) start.get()).getDate();
			first = day(startValue);
			Optional<Property> end = event.getProperty(Property.DTEND);
			if (end.isPresent()) {
				Temporal endValue = ((DateProperty<?>) end.get()).getDate();
				last = lastDay(endValue);
			}
			else {
				// no end: a day-long event (RFC 5545 3.6.1), or a moment on its start day
				last = first;
			}
		}
		catch (RuntimeException e) {
			return Entry.bad(label, "The event's dates cannot be read (" + e.getMessage() + ").");
		}
		return new Entry(label, email, first, last, kind(event), null);
	}

	/** DTEND is exclusive: an all-day event ends the day before, and one ending at midnight ends the day before too. */
	private static LocalDate lastDay(Temporal end) {
		if (end instanceof LocalDate date) {
			return date.minusDays(1);
		}
		LocalDateTime local = switch (end) {
			case LocalDateTime t -> t;
			case ZonedDateTime t -> t.toLocalDateTime();
			case OffsetDateTime t -> t.toLocalDateTime();
			case Instant t -> LocalDateTime.ofInstant(t, ZoneOffset.UTC);
			default -> LocalDateTime.from(end);
		};
		return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
	}

	private static LocalDate day(Temporal value) {
		return switch (value) {
			case LocalDate t -> t;
			case LocalDateTime t -> t.toLocalDate();
			case ZonedDateTime t -> t.toLocalDate();
			case OffsetDateTime t -> t.toLocalDate();
			case Instant t -> LocalDate.ofInstant(t, ZoneOffset.UTC);
			default -> LocalDate.from(value);
		};
	}

	private static String person(VEvent event) {
		for (String name : List.of(Property.ATTENDEE, Property.ORGANIZER)) {
			for (Property property : event.<Property>getProperties(name)) {
				String value = property.getValue();
				if (value != null && value.regionMatches(true, 0, "mailto:", 0, 7) && value.length() > 7) {
					return value.substring(7).strip();
				}
			}
		}
		return null;
	}

	/** The kind from CATEGORIES, else from the SUMMARY's words; parental first, since "parental leave" says leave. */
	private static AbsenceKind kind(VEvent event) {
		StringBuilder words = new StringBuilder();
		event.<Property>getProperties(Property.CATEGORIES).forEach(p -> words.append(p.getValue()).append(' '));
		AbsenceKind kind = kindOf(words.toString());
		if (kind == AbsenceKind.OTHER) {
			kind = kindOf(event.getProperty(Property.SUMMARY).map(Property::getValue).orElse(""));
		}
		return kind;
	}

	static AbsenceKind kindOf(String text) {
		String words = text.toLowerCase(Locale.ROOT);
		if (words.contains("parental") || words.contains("maternity") || words.contains("paternity")) {
			return AbsenceKind.PARENTAL;
		}
		if (words.contains("training") || words.contains("course")) {
			return AbsenceKind.TRAINING;
		}
		if (words.contains("vacation") || words.contains("holiday") || words.contains("leave")) {
			return AbsenceKind.LEAVE;
		}
		return AbsenceKind.OTHER;
	}

	private static String cut(String value) {
		return value.length() <= 40 ? value : value.substring(0, 40) + "…";
	}
}
