package io.stride.capability.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.stride.capability.Absence;
import io.stride.capability.Capability;
import io.stride.capability.CoverageStatus;
import io.stride.capability.PersonRef;
import io.stride.capability.Shortfall;
import io.stride.capability.Target;
import io.stride.identity.PersonId;

/**
 * Coverage of one capability in one team tree, from the levels members hold (each with the day it stops holding)
 * and their absences: who is qualified on a day, who of them is away, the status against the target, the bus factor
 * and the forecast's shortfalls. Pure: the callers read the rows.
 */
public final class CoverageCalculator {

	private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private CoverageCalculator() {
	}

	/**
	 * What is known of the team tree for one capability: its members (names), the holdings of the capability by
	 * members (any level), absences of members, and whether the viewer may read absence kinds.
	 */
	public record Input(Capability capability, Target target, List<PersonRef> members,
			Map<PersonId, List<HoldingStore.Holding>> holdings, Map<PersonId, List<Absence>> absences, LocalDate today,
			LocalDate on, int forecastDays, boolean showKinds, int memberCount) {

		/**
		 * {@code members} may be only those who hold some level (the rest never change a figure) when
		 * {@code memberCount} says how many the team has; -1: {@code members} are all of them.
		 */
		public Input(Capability capability, Target target, List<PersonRef> members,
				Map<PersonId, List<HoldingStore.Holding>> holdings, Map<PersonId, List<Absence>> absences,
				LocalDate today, LocalDate on, int forecastDays, boolean showKinds) {
			this(capability, target, members, holdings, absences, today, on, forecastDays, showKinds, -1);
		}

		int teamSize() {
			return memberCount < 0 ? members.size() : memberCount;
		}
	}

	public record Result(int levelRank, String levelName, List<PersonRef> qualified, List<PersonRef> away,
			CoverageStatus status, int busFactor, List<Shortfall> forecast, String summary) {
	}

	public static Result calculate(Input in) {
		Capability capability = in.capability();
		int level = in.target() == null ? 1 : in.target().levelRank();
		// only members who hold the level at some point can count: the rest never change a day's figure
		List<PersonRef> holders = new ArrayList<>();
		for (PersonRef member : in.members()) {
			if (in.holdings().containsKey(member.id())) {
				holders.add(member);
			}
		}
		List<PersonRef> qualified = new ArrayList<>();
		List<PersonRef> away = new ArrayList<>();
		for (PersonRef person : holders) {
			if (levelOn(in.holdings().get(person.id()), in.on()) >= level) {
				qualified.add(person);
				if (absentOn(in.absences().get(person.id()), in.on()) != null) {
					away.add(person);
				}
			}
		}
		int available = qualified.size() - away.size();
		CoverageStatus status = in.target() == null ? CoverageStatus.NO_TARGET
				: CoverageStatus.of(available, in.target().minPeople());
		int busFactor = in.target() == null ? Math.max(0, available - 1) : Math.max(0, available - in.target().minPeople());
		List<Shortfall> forecast = in.target() == null ? List.of() : forecast(in, holders, level);
		return new Result(level, capability.levelName(level), qualified, away, status, busFactor, forecast,
				summary(in, qualified, away, status, busFactor, forecast));
	}

	/** The highest level the holdings give on the day (0: none). */
	public static int levelOn(List<HoldingStore.Holding> holdings, LocalDate day) {
		int best = 0;
		if (holdings != null) {
			for (HoldingStore.Holding h : holdings) {
				if (h.holdsOn(day) && h.levelRank() > best) {
					best = h.levelRank();
				}
			}
		}
		return best;
	}

	static Absence absentOn(List<Absence> absences, LocalDate day) {
		if (absences != null) {
			for (Absence absence : absences) {
				if (absence.covers(day)) {
					return absence;
				}
			}
		}
		return null;
	}

	/**
	 * Available qualified people on each day of the forecast, from a difference array: a holder qualified today counts
	 * from today until their level stops holding, minus the days they are away. Linear in the holders and days, so the
	 * organization's report can run it for every team and capability.
	 */
	private static List<Shortfall> forecast(Input in, List<PersonRef> holders, int level) {
		int target = in.target().minPeople();
		int days = in.forecastDays() + 1;
		int[] delta = new int[days + 1];
		List<PersonRef> counted = new ArrayList<>();
		List<Integer> stops = new ArrayList<>();
		for (PersonRef person : holders) {
			List<HoldingStore.Holding> holdings = in.holdings().get(person.id());
			if (levelOn(holdings, in.today()) < level) {
				continue;
			}
			LocalDate until = qualifiedUntil(holdings, level);
			int stop = until == null ? days : (int) Math.min(days, ChronoUnit.DAYS.between(in.today(), until));
			delta[0]++;
			delta[stop]--;
			for (Absence absence : in.absences().getOrDefault(person.id(), List.of())) {
				int a = (int) Math.max(0, ChronoUnit.DAYS.between(in.today(), absence.startsOn()));
				int b = (int) Math.min(stop, ChronoUnit.DAYS.between(in.today(), absence.endsOn()) + 1);
				if (a < b) {
					delta[a]--;
					delta[b]++;
				}
			}
			counted.add(person);
			stops.add(stop);
		}
		List<Shortfall> result = new ArrayList<>();
		int available = 0;
		int from = -1;
		int least = Integer.MAX_VALUE;
		for (int day = 0; day <= days; day++) {
			boolean isShort = false;
			if (day < days) {
				available += delta[day];
				isShort = available < target;
			}
			if (isShort) {
				if (from < 0) {
					from = day;
					least = available;
				}
				least = Math.min(least, available);
			}
			else if (from >= 0) {
				result.add(new Shortfall(in.today().plusDays(from), in.today().plusDays(day - 1), least,
						reasons(in, counted, stops, from, day - 1)));
				from = -1;
			}
		}
		return result;
	}

	/** The last day (exclusive) the holdings give the level or above; null: no end. */
	private static LocalDate qualifiedUntil(List<HoldingStore.Holding> holdings, int level) {
		LocalDate until = LocalDate.MIN;
		for (HoldingStore.Holding h : holdings) {
			if (h.levelRank() >= level) {
				if (h.validUntil() == null) {
					return null;
				}
				if (h.validUntil().isAfter(until)) {
					until = h.validUntil();
				}
			}
		}
		return until;
	}

	/** Why a shortfall from day {@code from} to {@code to} (offsets from today): who is away or no longer qualified. */
	private static List<String> reasons(Input in, List<PersonRef> counted, List<Integer> stops, int from, int to) {
		Set<String> reasons = new LinkedHashSet<>();
		for (int i = 0; i < counted.size(); i++) {
			PersonRef person = counted.get(i);
			int stop = stops.get(i);
			for (Absence absence : in.absences().getOrDefault(person.id(), List.of())) {
				long a = ChronoUnit.DAYS.between(in.today(), absence.startsOn());
				long b = ChronoUnit.DAYS.between(in.today(), absence.endsOn());
				if (a <= to && b >= from && a < stop) {
					reasons.add(first(person.name()) + " "
							+ (in.showKinds() && absence.kind() != null ? absence.kind().phrase() : "away"));
				}
			}
			if (stop <= to) {
				reasons.add(first(person.name()) + "’s evidence expired");
			}
		}
		return List.copyOf(reasons);
	}

	private static String summary(Input in, List<PersonRef> qualified, List<PersonRef> away, CoverageStatus status,
			int busFactor, List<Shortfall> forecast) {
		StringBuilder s = new StringBuilder(in.capability().name()).append(": ")
			.append(qualified.size())
			.append(" of ")
			.append(in.teamSize())
			.append(" qualified");
		if (!away.isEmpty()) {
			s.append(", ").append(away.size()).append(" away");
		}
		if (in.target() == null) {
			return s.append(" at ").append(in.capability().levelName(1)).append(" or above; no target.").toString();
		}
		s.append(", target ").append(in.target().minPeople()).append(", bus factor ").append(busFactor);
		if (forecast.isEmpty()) {
			return s.append("; not short in the next ").append(in.forecastDays()).append(" days.").toString();
		}
		s.append("; ");
		LocalDate end = in.today().plusDays(in.forecastDays());
		for (int i = 0; i < forecast.size(); i++) {
			Shortfall f = forecast.get(i);
			if (i > 0) {
				s.append(i == forecast.size() - 1 ? " and " : ", ");
			}
			s.append(i == 0 ? "short " : "");
			if (f.from().equals(in.today()) && f.to().equals(end)) {
				s.append("for the next ").append(in.forecastDays()).append(" days");
			}
			else if (f.from().equals(in.today())) {
				s.append("until ").append(SHORT_DAY.format(f.to()));
			}
			else if (f.to().equals(end)) {
				s.append("from ").append(SHORT_DAY.format(f.from())).append(" on");
			}
			else if (f.from().equals(f.to())) {
				s.append("on ").append(SHORT_DAY.format(f.from()));
			}
			else {
				s.append("from ").append(SHORT_DAY.format(f.from())).append(" to ").append(SHORT_DAY.format(f.to()));
			}
			if (!f.reasons().isEmpty()) {
				s.append(" (").append(String.join(", ", f.reasons())).append(")");
			}
		}
		return s.append(".").toString();
	}

	/** "Ana" of "Ana Alves": sentences about colleagues use first names. */
	static String first(String name) {
		int space = name.indexOf(' ');
		return space > 0 ? name.substring(0, space) : name;
	}
}
