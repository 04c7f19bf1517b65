package io.stride.rhythm;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.identity.TeamId;
import io.stride.rhythm.internal.ScheduleRows;
import io.stride.rhythm.internal.ScheduleRows.RitualRow;
import io.stride.rhythm.internal.ScheduleRows.SessionRow;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When rituals meet: the occurrences their cadence gives (at the same local time in the ritual's time zone, counted
 * from the first session) together with the sessions already prepared or held. Calendars, pre-reads and the
 * manager's home read it; it checks no access (callers decide whose teams they ask for).
 */
@Service
public class RitualSchedule {

	/** At most this many occurrences of one ritual are listed per call. */
	static final int MAX_PER_RITUAL = 400;

	private final ScheduleRows rows;

	private final Clock clock;

	RitualSchedule(ScheduleRows rows, Clock clock) {
		this.rows = rows;
		this.clock = clock;
	}

	/**
	 * A meeting of a ritual; {@code session} is its stored session (prepared or held), null while there is none.
	 * {@code status} is PLANNED, HELD or SKIPPED.
	 */
	public record Occurrence(RitualId ritual, TeamId team, String name, RitualKind kind, Instant startsAt,
			int durationMinutes, SessionId session, String status) {
	}

	/**
	 * The meetings of these teams' rituals starting from {@code from} (inclusive) to {@code to} (exclusive), by start:
	 * stored sessions of any ritual, and the cadence's occurrences of rituals not retired by then.
	 */
	@Transactional(readOnly = true)
	public List<Occurrence> between(Collection<TeamId> teams, Instant from, Instant to) {
		if (teams.isEmpty() || !from.isBefore(to)) {
			return List.of();
		}
		List<String> teamIds = teams.stream().map(TeamId::value).distinct().toList();
		List<RitualRow> rituals = rows.rituals(teamIds);
		Map<String, RitualRow> byId = new HashMap<>();
		rituals.forEach(r -> byId.put(r.id(), r));
		Map<String, Occurrence> found = new HashMap<>();
		for (SessionRow s : rows.sessions(teamIds, from, to)) {
			RitualRow r = byId.get(s.ritualId());
			if (r != null) {
				found.put(r.id() + "@" + s.startsAt(), occurrence(r, s.startsAt(), new SessionId(s.id()), s.status()));
			}
		}
		for (RitualRow r : rituals) {
			for (Instant start : occurrences(r, from, to)) {
				found.putIfAbsent(r.id() + "@" + start, occurrence(r, start, null, "PLANNED"));
			}
		}
		List<Occurrence> result = new ArrayList<>(found.values());
		result.sort(Comparator.comparing(Occurrence::startsAt).thenComparing(o -> o.ritual().value()));
		return result;
	}

	/** The ritual's time zone, in which its times are shown (UTC for an unknown ritual). Checks no access. */
	@Transactional(readOnly = true)
	public ZoneId zoneOf(RitualId ritual) {
		return RitualTimes.zone(rows.ritual(ritual.value()).map(RitualRow::timeZone).orElse(null));
	}

	/** The ritual's first meeting starting at or after {@code from}, if it is not retired by then. */
	@Transactional(readOnly = true)
	public Optional<Occurrence> next(RitualId ritual, Instant from) {
		Optional<RitualRow> row = rows.ritual(ritual.value());
		if (row.isEmpty()) {
			return Optional.empty();
		}
		// a year holds at least one meeting of every cadence
		return between(List.of(new TeamId(row.get().teamId())), from, from.plus(400, ChronoUnit.DAYS)).stream()
			.filter(o -> o.ritual().equals(ritual))
			.findFirst();
	}

	/**
	 * The stored session of the ritual's meeting at {@code startsAt}, stored now (PLANNED) when there was none. Checks
	 * no access. Of two callers at once one gets a DuplicateKeyException: call it outside a transaction through
	 * {@code Retry.onDuplicateKey}, whose second run finds the session the other stored.
	 * @throws NotFoundException when the ritual is unknown
	 * @throws InvalidInputException ("startsAt") when the ritual does not meet then
	 */
	@Transactional
	public SessionId prepare(RitualId ritual, Instant startsAt) {
		RitualRow r = rows.ritual(ritual.value()).orElseThrow(() -> new NotFoundException("Ritual"));
		Optional<String> stored = rows.session(r.id(), startsAt);
		if (stored.isPresent()) {
			return new SessionId(stored.get());
		}
		if (!occurrences(r, startsAt, startsAt.plusSeconds(1)).contains(startsAt)) {
			throw new InvalidInputException("startsAt", "The ritual does not meet then.");
		}
		return new SessionId(rows.insertSession(r.id(), r.teamId(), startsAt, clock.instant()));
	}

	private static Occurrence occurrence(RitualRow r, Instant start, SessionId session, String status) {
		return new Occurrence(new RitualId(r.id()), new TeamId(r.teamId()), r.name(), RitualKind.valueOf(r.kind()),
				start, r.durationMinutes(), session, status);
	}

	/** The cadence's starts in [from, to), before the ritual was retired. */
	static List<Instant> occurrences(RitualRow r, Instant from, Instant to) {
		Instant end = r.retiredAt() != null && r.retiredAt().isBefore(to) ? r.retiredAt() : to;
		List<Instant> starts = new ArrayList<>();
		if (!from.isBefore(end)) {
			return starts;
		}
		ZonedDateTime first = r.firstStartsAt().atZone(ZoneId.of(r.timeZone()));
		Cadence cadence = Cadence.valueOf(r.cadence());
		// skip the occurrences before from without walking through them
		long skip = 0;
		if (first.toInstant().isBefore(from)) {
			ZonedDateTime at = from.atZone(first.getZone());
			skip = switch (cadence) {
				case WEEKLY -> ChronoUnit.WEEKS.between(first, at);
				case EVERY_TWO_WEEKS -> ChronoUnit.WEEKS.between(first, at) / 2;
				case MONTHLY -> ChronoUnit.MONTHS.between(first, at);
				case QUARTERLY -> ChronoUnit.MONTHS.between(first, at) / 3;
			};
			skip = Math.max(0, skip - 1);
		}
		for (long k = skip; starts.size() < MAX_PER_RITUAL; k++) {
			// each from the first, so that a month's last day does not drift to the 28th
			Instant start = (switch (cadence) {
				case WEEKLY -> first.plusWeeks(k);
				case EVERY_TWO_WEEKS -> first.plusWeeks(2 * k);
				case MONTHLY -> first.plusMonths(k);
				case QUARTERLY -> first.plusMonths(3 * k);
			}).toInstant();
			if (!start.isBefore(end)) {
				break;
			}
			if (!start.isBefore(from)) {
				starts.add(start);
			}
		}
		return starts;
	}
}
