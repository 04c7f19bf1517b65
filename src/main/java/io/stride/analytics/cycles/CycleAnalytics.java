package io.stride.analytics.cycles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.analytics.cycles.CycleAnalyticsReport.Figures;
import io.stride.analytics.cycles.CycleAnalyticsReport.Month;
import io.stride.analytics.cycles.CycleAnalyticsReport.TeamFigures;
import io.stride.cycles.CycleFacts;
import io.stride.cycles.CycleFacts.Facts;
import io.stride.cycles.CycleFacts.GoalFact;
import io.stride.cycles.CycleFacts.Span;
import io.stride.cycles.CycleFacts.ValidationFact;
import io.stride.cycles.CycleId;
import io.stride.capability.LearningTeam;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learning-cycle figures for managers and L&D (issue 16, point 15): per team and month, the share of people with an
 * active cycle, goals by what they serve, validations given and the median time to validate, and help requests with
 * the share answered. Admins and L&D reviewers see every team; managers the teams of their tree; everyone else is
 * told there is no such page (404). Only counts are shown, never whose cycle or goal it is, and none for a group of
 * fewer than {@link #DEFAULT_MINIMUM_GROUP} people (configurable).
 */
@Service
@Transactional(readOnly = true)
public class CycleAnalytics {

	/** Months shown when no start date is given: this one and the five before. */
	public static final int DEFAULT_MONTHS = 6;

	/** The longest period, in months, so that a table stays readable and the figures quick. */
	public static final int MAX_MONTHS = 24;

	/**
	 * The fewest people a group's figures are shown for: below it, whether one person has a cycle and what it serves
	 * could be told apart. Set with {@code stride.analytics.cycles.minimum-group}.
	 */
	public static final int DEFAULT_MINIMUM_GROUP = 5;

	private final CycleFacts facts;

	private final LearningTeam learningTeam;

	private final Organization organization;

	private final Clock clock;

	private final int minimumGroup;

	CycleAnalytics(CycleFacts facts, LearningTeam learningTeam, Organization organization, Clock clock,
			@Value("${stride.analytics.cycles.minimum-group:" + DEFAULT_MINIMUM_GROUP + "}") int minimumGroup) {
		this.facts = facts;
		this.learningTeam = learningTeam;
		this.organization = organization;
		this.clock = clock;
		this.minimumGroup = Math.max(1, minimumGroup);
	}

	/** Whether the viewer may see these figures at all: admins, L&D reviewers and managers. */
	public boolean mayView(Viewer viewer) {
		return viewer.isManager() || learningTeam.includes(viewer);
	}

	/** The fewest people a group's figures are shown for. */
	public int minimumGroup() {
		return minimumGroup;
	}

	/** The teams the viewer may filter by: every team for admins and L&D, else those of their managed tree. */
	public List<Team> teams(Viewer viewer) {
		checkMayView(viewer);
		List<Team> all = organization.allTeams();
		List<Team> shown = learningTeam.includes(viewer) ? all : organization.teamsManagedBy(viewer);
		return treeOrder(shown, all).stream().map(Placed::team).toList();
	}

	/**
	 * The figures for the filter. 404 for a viewer who neither manages a team nor is an admin or L&D, and for a team
	 * a manager does not manage; 422 at {@code team} for an unknown team (admins and L&D), at {@code from} for a period
	 * longer than {@link #MAX_MONTHS} months, at {@code to} for an end before the start.
	 */
	public CycleAnalyticsReport report(Viewer viewer, CycleAnalyticsFilter filter) {
		checkMayView(viewer);
		boolean everyone = learningTeam.includes(viewer);
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		LocalDate to = filter.to() == null ? today : filter.to();
		LocalDate from = filter.from() == null ? YearMonth.from(to).minusMonths(DEFAULT_MONTHS - 1).atDay(1)
				: filter.from();
		if (from.isAfter(to)) {
			throw new InvalidInputException("The filter was not applied.", Map.of(filter.to() == null ? "from" : "to",
					"The start date " + from + " is after the end date " + to + "; pick an earlier start."));
		}
		if (YearMonth.from(from).plusMonths(MAX_MONTHS - 1).isBefore(YearMonth.from(to))) {
			throw new InvalidInputException("The filter was not applied.", Map.of("from",
					"Pick a period of at most " + MAX_MONTHS + " months; " + from + " to " + to + " is longer."));
		}
		List<Team> all = organization.allTeams();
		Team chosen = null;
		List<Team> shown;
		if (filter.team() != null) {
			Optional<Team> known = all.stream().filter(t -> t.id().equals(filter.team())).findFirst();
			if (!everyone && (known.isEmpty() || !organization.canManage(viewer, known.get().id()))) {
				// a manager learns nothing of teams that are not theirs, not even whether the id exists
				throw new NotFoundException("Team");
			}
			chosen = known.orElseThrow(() -> new InvalidInputException("The filter was not applied.", Map.of("team",
					"There is no team with the id “" + cut(filter.team().value()) + "”; pick one of the teams offered.")));
			Set<TeamId> tree = organization.withDescendants(Set.of(chosen.id()));
			shown = all.stream().filter(t -> tree.contains(t.id())).toList();
		}
		else {
			shown = everyone ? all : organization.teamsManagedBy(viewer);
		}
		List<Placed> placed = treeOrder(shown, all);
		Map<TeamId, Set<PersonId>> members = treeMembers(placed, all);
		Set<PersonId> scope = new LinkedHashSet<>();
		members.values().forEach(scope::addAll);

		Counting counting = new Counting(facts.of(scope, from, to));
		LocalDate activeOn = to.isAfter(today) ? today : to;
		Map<PersonId, Share> whole = counting.shares(from, to, activeOn);
		List<Period> months = months(from, to, today);
		List<Map<PersonId, Share>> monthly = months.stream().map(m -> counting.shares(m.from(), m.to(), m.activeOn()))
			.toList();
		// a group of fewer than minimumGroup people shows no figures (only how many people it has)
		boolean totalWithheld = scope.size() < minimumGroup;
		Figures total = totalWithheld ? Figures.withheld(scope.size()) : Counting.figures(scope, whole);
		List<Month> trend = totalWithheld ? List.of() : months(months, monthly, scope);
		List<TeamFigures> teams = new ArrayList<>();
		for (Placed p : placed) {
			Set<PersonId> people = members.getOrDefault(p.team().id(), Set.of());
			boolean withheld = people.size() < minimumGroup;
			teams.add(new TeamFigures(p.team().id(), p.team().name(), p.depth(), withheld,
					withheld ? Figures.withheld(people.size()) : Counting.figures(people, whole),
					withheld ? List.of() : months(months, monthly, people)));
		}
		return new CycleAnalyticsReport(chosen == null ? null : chosen.id(), chosen == null ? null : chosen.name(),
				everyone, from, to, activeOn, minimumGroup, totalWithheld, total, trend, teams);
	}

	private void checkMayView(Viewer viewer) {
		if (!mayView(viewer)) {
			throw new NotFoundException("Page");
		}
	}

	// --- teams and their people ----------------------------------------------------------------------------------

	private record Placed(Team team, int depth) {
	}

	/** The teams with each above the teams below it (depth-first, by name), depths counted from the top shown. */
	private static List<Placed> treeOrder(List<Team> shown, List<Team> all) {
		Map<TeamId, Team> byId = new HashMap<>();
		shown.forEach(t -> byId.put(t.id(), t));
		Map<TeamId, List<Team>> children = new HashMap<>();
		List<Team> roots = new ArrayList<>();
		for (Team t : shown) {
			if (t.parentId() != null && byId.containsKey(t.parentId())) {
				children.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t);
			}
			else {
				roots.add(t);
			}
		}
		Comparator<Team> byName = Comparator.comparing(Team::name, String.CASE_INSENSITIVE_ORDER)
			.thenComparing(t -> t.id().value());
		List<Placed> result = new ArrayList<>();
		roots.sort(byName);
		for (Team root : roots) {
			place(root, 0, children, byName, result, new LinkedHashSet<>());
		}
		return result;
	}

	private static void place(Team team, int depth, Map<TeamId, List<Team>> children, Comparator<Team> byName,
			List<Placed> result, Set<TeamId> seen) {
		if (!seen.add(team.id())) {
			return;
		}
		result.add(new Placed(team, depth));
		List<Team> below = new ArrayList<>(children.getOrDefault(team.id(), List.of()));
		below.sort(byName);
		below.forEach(child -> place(child, depth + 1, children, byName, result, seen));
	}

	/**
	 * Active people of each shown team and the teams below it, read once per top team shown (a division of thousands
	 * is one query, not one per team).
	 */
	private Map<TeamId, Set<PersonId>> treeMembers(List<Placed> placed, List<Team> all) {
		Map<TeamId, TeamId> parents = new HashMap<>();
		all.forEach(t -> parents.put(t.id(), t.parentId()));
		Set<TeamId> shown = new LinkedHashSet<>();
		placed.forEach(p -> shown.add(p.team().id()));
		Map<TeamId, Set<PersonId>> members = new HashMap<>();
		shown.forEach(t -> members.put(t, new LinkedHashSet<>()));
		Set<PersonId> read = new LinkedHashSet<>();
		for (Placed p : placed) {
			if (p.depth() != 0) {
				continue;
			}
			for (Person person : organization.membersOfTeamTree(p.team().id())) {
				if (!read.add(person.id())) {
					continue;
				}
				for (TeamId team : person.teamIds()) {
					// a person counts in their team and every shown team above it
					Set<TeamId> seen = new LinkedHashSet<>();
					for (TeamId t = team; t != null && seen.add(t); t = parents.get(t)) {
						Set<PersonId> of = members.get(t);
						if (of != null) {
							of.add(person.id());
						}
					}
				}
			}
		}
		return members;
	}

	// --- months ------------------------------------------------------------------------------------------------------

	/** A calendar month cut to the period; {@code activeOn} its last day, or today in the current month. */
	private record Period(YearMonth month, LocalDate from, LocalDate to, LocalDate activeOn) {
	}

	private static List<Month> months(List<Period> months, List<Map<PersonId, Share>> shares,
			Collection<PersonId> people) {
		List<Month> result = new ArrayList<>();
		for (int i = 0; i < months.size(); i++) {
			Period m = months.get(i);
			result.add(new Month(m.month(), m.from(), m.to(), m.activeOn(), Counting.figures(people, shares.get(i))));
		}
		return result;
	}

	private static List<Period> months(LocalDate from, LocalDate to, LocalDate today) {
		List<Period> months = new ArrayList<>();
		for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
			LocalDate start = m.atDay(1).isBefore(from) ? from : m.atDay(1);
			LocalDate end = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
			months.add(new Period(m, start, end, end.isAfter(today) ? today : end));
		}
		return months;
	}

	// --- counting ----------------------------------------------------------------------------------------------------

	/** What one person adds to the figures of some days: counted once, then summed for each team they are in. */
	private record Share(boolean active, boolean had, int goals, int organization, int team, int self, int given,
			List<Double> days, int helpRequests, int helpAnswered) {
	}

	/** The facts indexed by person, counted for any group and days. */
	private static final class Counting {

		private final Map<PersonId, List<Span>> cycles = new HashMap<>();

		private final Map<CycleId, Span> spans = new HashMap<>();

		private final Map<PersonId, List<GoalFact>> goals = new HashMap<>();

		private final Map<PersonId, List<ValidationFact>> given = new HashMap<>();

		private final Map<PersonId, List<ValidationFact>> received = new HashMap<>();

		private final Set<PersonId> withFacts = new LinkedHashSet<>();

		Counting(Facts facts) {
			for (Span s : facts.cycles()) {
				cycles.computeIfAbsent(s.person(), k -> new ArrayList<>()).add(s);
				spans.put(s.id(), s);
			}
			facts.goals().forEach(g -> goals.computeIfAbsent(g.person(), k -> new ArrayList<>()).add(g));
			for (ValidationFact v : facts.validations()) {
				if (v.given()) {
					given.computeIfAbsent(v.validator(), k -> new ArrayList<>()).add(v);
					received.computeIfAbsent(v.requester(), k -> new ArrayList<>()).add(v);
				}
			}
			withFacts.addAll(cycles.keySet());
			withFacts.addAll(given.keySet());
			withFacts.addAll(received.keySet());
		}

		/** Each person's share of these days; people without any are left out (they add nothing but themselves). */
		Map<PersonId, Share> shares(LocalDate from, LocalDate to, LocalDate activeOn) {
			var start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
			var end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
			Map<PersonId, Share> shares = new HashMap<>();
			for (PersonId person : withFacts) {
				List<Span> own = cycles.getOrDefault(person, List.of());
				boolean active = own.stream().anyMatch(s -> s.activeOn(activeOn));
				boolean had = own.stream().anyMatch(s -> s.ranDuring(from, to));
				int goalCount = 0;
				int organization = 0;
				int team = 0;
				int self = 0;
				int helpRequests = 0;
				int helpAnswered = 0;
				if (had) {
					for (GoalFact g : goals.getOrDefault(person, List.of())) {
						Span span = spans.get(g.cycle());
						if (span == null || !span.ranDuring(from, to)) {
							continue;
						}
						goalCount++;
						organization += g.servesOrganization() ? 1 : 0;
						team += g.servesTeam() ? 1 : 0;
						self += g.servesSelf() ? 1 : 0;
						if (g.asksForHelp()) {
							helpRequests++;
							if (g.firstOfferAt() != null && g.firstOfferAt().isBefore(end)) {
								helpAnswered++;
							}
						}
					}
				}
				int givenCount = 0;
				for (ValidationFact v : given.getOrDefault(person, List.of())) {
					if (!v.answeredAt().isBefore(start) && v.answeredAt().isBefore(end)) {
						givenCount++;
					}
				}
				List<Double> days = new ArrayList<>();
				for (ValidationFact v : received.getOrDefault(person, List.of())) {
					if (!v.answeredAt().isBefore(start) && v.answeredAt().isBefore(end)) {
						days.add(Duration.between(v.createdAt(), v.answeredAt()).toMinutes() / 1440.0);
					}
				}
				shares.put(person, new Share(active, had, goalCount, organization, team, self, givenCount, days,
						helpRequests, helpAnswered));
			}
			return shares;
		}

		static Figures figures(Collection<PersonId> people, Map<PersonId, Share> shares) {
			int active = 0;
			int had = 0;
			int goalCount = 0;
			int organization = 0;
			int team = 0;
			int self = 0;
			int givenCount = 0;
			int helpRequests = 0;
			int helpAnswered = 0;
			List<Double> days = new ArrayList<>();
			for (PersonId person : people) {
				Share s = shares.get(person);
				if (s == null) {
					continue;
				}
				active += s.active() ? 1 : 0;
				had += s.had() ? 1 : 0;
				goalCount += s.goals();
				organization += s.organization();
				team += s.team();
				self += s.self();
				givenCount += s.given();
				days.addAll(s.days());
				helpRequests += s.helpRequests();
				helpAnswered += s.helpAnswered();
			}
			return new Figures(people.size(), active, had, goalCount, organization, team, self, givenCount, days.size(),
					median(days), helpRequests, helpAnswered);
		}
	}

	/** The median, to one decimal; null for none. */
	static Double median(List<Double> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		return BigDecimal.valueOf(median).setScale(1, RoundingMode.HALF_UP).doubleValue();
	}

	private static String cut(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "…";
	}
}
