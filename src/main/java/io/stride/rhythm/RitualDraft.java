package io.stride.rhythm;

/**
 * A ritual as typed: {@code kind} and {@code cadence} by name, {@code firstDate} as YYYY-MM-DD and {@code firstTime} as
 * HH:MM in {@code timeZone} (UTC when blank), minutes and hours as numbers. A blank name takes the kind's label; blank
 * {@code agendaMinutes} is 15 (or the whole meeting when shorter), blank {@code preReadHours} 24.
 */
public record RitualDraft(String kind, String name, String cadence, String firstDate, String firstTime,
		String timeZone, String durationMinutes, String agendaMinutes, String agendaNote, String preReadHours) {
}
