package io.stride.cycles;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.CourseId;
import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.PersonRef;
import io.stride.cycles.internal.CycleRows;
import io.stride.cycles.internal.CycleRows.CycleRow;
import io.stride.cycles.internal.CycleRows.GoalRow;
import io.stride.cycles.internal.CycleRows.LinkRow;
import io.stride.cycles.internal.TemplateRows;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ControlCharacters;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learning cycles and their contracts. A person starts, changes and closes their own cycles; nobody approves. The
 * owner chooses who reads the contract ({@link Visibility}); the owner's managers (and admins) always see that a
 * cycle exists and which priorities its goals serve; everyone else gets 404.
 */
@Service
@Transactional
public class LearningCycles {

	public static final int MIN_DAYS = 30;

	public static final int MAX_DAYS = 92;

	public static final int DEFAULT_DAYS = 60;

	public static final int MAX_GOALS = 10;

	public static final int MAX_TITLE = 200;

	public static final int MAX_WHAT = 500;

	public static final int MAX_TEXT = 1000;

	public static final int MAX_LINKS = 10;

	public static final int MAX_PEOPLE = 20;

	/** How far back a cycle may start: a person writes down a cycle they began last week. */
	public static final int MAX_DAYS_BACK = 31;

	/** How far ahead a cycle may start. */
	public static final int MAX_DAYS_AHEAD = 92;

	public static final String SERVES_TEAM_WARNING = "No goal serves your team's or the organization's priorities yet. "
			+ "Consider one that does: it is how learning you choose helps the people you work with.";

	/** The title a manager who only sees that a cycle exists reads instead of the owner's. */
	public static final String EXISTENCE_TITLE = "A learning cycle";

	public static final String SERVES_SELF_WARNING = "No goal is for yourself yet. Consider one you want for your own "
			+ "growth.";

	/** A goal with the cycle it belongs to, as one viewer reads them. */
	public record GoalInCycle(LearningCycle cycle, Goal goal) {
	}

	private final CycleRows rows;

	private final Organization organization;

	private final Priorities priorities;

	private final Capabilities capabilities;

	private final Authoring authoring;

	private final Clock clock;

	private final TemplateRows templates;

	LearningCycles(CycleRows rows, Organization organization, Priorities priorities, Capabilities capabilities,
			Authoring authoring, Clock clock, TemplateRows templates) {
		this.templates = templates;
		this.rows = rows;
		this.organization = organization;
		this.priorities = priorities;
		this.capabilities = capabilities;
		this.authoring = authoring;
		this.clock = clock;
	}

	// --- starting and reading ------------------------------------------------------------------------------------

	/**
	 * Starts a cycle for the viewer. 422 at the field for a length outside 30–92 days ({@code days}), a start too far
	 * back or ahead ({@code startsOn}), a long title, NAMED visibility without anyone named or named people who are not
	 * active colleagues ({@code viewers}), or a previous cycle or template that is not the viewer's to start from. 409
	 * while the viewer has another active cycle.
	 */
	public LearningCycle start(Viewer viewer, NewCycle draft) {
		StartChecked checked = checkStart(viewer, draft);
		LocalDate startsOn = checked.startsOn();
		int days = checked.days();
		String title = checked.title();
		Visibility visibility = checked.visibility();
		List<PersonId> viewers = checked.viewers();
		Integer reminder = checked.reminder();
		CycleRow from = checked.from();
		rows.cyclesOf(viewer.id())
			.stream()
			.filter(c -> c.status() == CycleStatus.ACTIVE)
			.findFirst()
			.ifPresent(active -> {
				throw new ConflictException("You already have an active cycle, “" + active.title()
						+ "”. Close it (you can carry its unfinished goals over) before starting another.");
			});
		return insertStarted(viewer, draft, startsOn, days, title, visibility, viewers, reminder, from);
	}

	/** A draft to start from that checked out. */
	private record StartChecked(LocalDate startsOn, int days, String title, Visibility visibility,
			List<PersonId> viewers, Integer reminder, CycleRow from) {
	}

	private StartChecked checkStart(Viewer viewer, NewCycle draft) {
		LocalDate today = today();
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate startsOn = draft.startsOn() == null ? today : draft.startsOn();
		if (startsOn.isBefore(today.minusDays(MAX_DAYS_BACK))) {
			errors.put("startsOn", "Start the cycle at most " + MAX_DAYS_BACK + " days ago.");
		}
		else if (startsOn.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
			errors.put("startsOn", "Start the cycle within the next " + MAX_DAYS_AHEAD + " days.");
		}
		int days = draft.days() == null ? DEFAULT_DAYS : draft.days();
		checkDays(days, errors);
		String title = title(draft.title(), startsOn, startsOn.plusDays(days), errors);
		Visibility visibility = draft.visibility() == null ? Visibility.TEAM : draft.visibility();
		List<PersonId> viewers = colleagues(viewer, draft.viewers(), "viewers", errors);
		if (visibility == Visibility.NAMED && viewers.isEmpty() && !errors.containsKey("viewers")) {
			errors.put("viewers", "Name at least one colleague who may read your contract, or choose another audience.");
		}
		Integer reminder = reminder(draft.reminderAfterDays(), days, errors);
		CycleRow from = null;
		if (draft.fromCycle() != null) {
			from = rows.cycle(draft.fromCycle()).filter(c -> c.personId().equals(viewer.id())).orElse(null);
			if (from == null) {
				errors.put("fromCycle", "Choose one of your own earlier cycles to start from.");
			}
		}
		if (draft.fromTemplate() != null && from == null && !errors.containsKey("fromCycle")) {
			if (!templateOpenTo(viewer, draft.fromTemplate())) {
				errors.put("fromTemplate", "Choose a template of one of your teams.");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The cycle was not started.", errors);
		}
		return new StartChecked(startsOn, days, title, visibility, viewers, reminder, from);
	}

	private LearningCycle insertStarted(Viewer viewer, NewCycle draft, LocalDate startsOn, int days, String title,
			Visibility visibility, List<PersonId> viewers, Integer reminder, CycleRow from) {
		Instant now = clock.instant();
		CycleRow row = new CycleRow(new CycleId(Ids.newId()), viewer.id(), title, startsOn, startsOn.plusDays(days),
				CycleStatus.ACTIVE, visibility, from == null ? null : from.id(), reminder, null, 0, now, now, null);
		try {
			rows.insert(row);
		}
		catch (DuplicateKeyException e) {
			// started at the same moment from another tab (a double submit): PostgreSQL keeps one active cycle a person
			throw new ConflictException("You already have an active cycle (started a moment ago, perhaps in another "
					+ "tab). Open it from your cycles; close it before starting another.");
		}
		rows.replaceNamedViewers(row.id(), viewers);
		if (from != null) {
			copyGoals(from, row, now);
		}
		else if (draft.fromTemplate() != null) {
			copyTemplate(viewer, draft.fromTemplate(), row, now);
		}
		return view(viewer, rows.cycle(row.id()).orElseThrow());
	}

	/**
	 * What {@link #start} would refuse of this draft, field by field, without starting anything: for a form whose
	 * other fields did not even parse, so that all its problems show at once. Empty when it would start.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> startProblems(Viewer viewer, NewCycle draft) {
		try {
			checkStart(viewer, draft);
			return Map.of();
		}
		catch (InvalidInputException e) {
			return e.fieldErrors();
		}
	}

	/** A cycle as the viewer may read it; 404 when they may not. */
	@Transactional(readOnly = true)
	public LearningCycle cycle(Viewer viewer, CycleId id) {
		return view(viewer, readable(viewer, id));
	}

	/**
	 * The viewer's own active cycle, to change: 404 for those who may not read it, 403 for readers, 409 once closed.
	 */
	@Transactional(readOnly = true)
	public LearningCycle forChange(Viewer viewer, CycleId id) {
		return view(viewer, ownActive(viewer, id));
	}

	/** The viewer's own cycles, latest first. */
	@Transactional(readOnly = true)
	public List<CycleSummary> mine(Viewer viewer) {
		return summaries(viewer, rows.cyclesOf(viewer.id()));
	}

	/** The viewer's active cycle, if any. */
	@Transactional(readOnly = true)
	public Optional<LearningCycle> active(Viewer viewer) {
		return rows.cyclesOf(viewer.id())
			.stream()
			.filter(c -> c.status() == CycleStatus.ACTIVE)
			.findFirst()
			.map(c -> view(viewer, c));
	}

	/** Cycles of others that name the viewer as a reader or invite them to discuss, latest first. */
	@Transactional(readOnly = true)
	public List<CycleSummary> sharedWithMe(Viewer viewer) {
		return summaries(viewer, rows.cyclesShownTo(viewer.id())
			.stream()
			.filter(c -> !c.personId().equals(viewer.id()))
			.toList());
	}

	/** A goal with its cycle, as the viewer may read them; 404 when they may not. */
	@Transactional(readOnly = true)
	public GoalInCycle goal(Viewer viewer, GoalId id) {
		GoalRow goal = Ids.looksValid(id.value()) ? rows.goal(id).orElseThrow(() -> new NotFoundException("Goal"))
				: null;
		if (goal == null) {
			throw new NotFoundException("Goal");
		}
		LearningCycle cycle = cycle(viewer, goal.cycleId());
		Goal found = cycle.goals()
			.stream()
			.filter(g -> g.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Goal"));
		return new GoalInCycle(cycle, found);
	}

	// --- changing the contract -----------------------------------------------------------------------------------

	/**
	 * Adds a goal to the viewer's own active cycle. 422 at the field for an empty goal (nothing to learn), a goal that
	 * says nothing of what it serves, or any part that does not check out (see {@link #editGoal}); 422 when the
	 * contract already has {@link #MAX_GOALS}; 404 for a cycle that is not the viewer's.
	 */
	public Goal addGoal(Viewer viewer, CycleId cycleId, GoalDraft draft) {
		CycleRow cycle = ownActive(viewer, cycleId);
		// one goal added at a time: two at once (a double submit) cannot both pass the limit or take one position
		rows.lock(cycle.id());
		if (rows.goalsOf(List.of(cycle.id())).size() >= MAX_GOALS) {
			throw new InvalidInputException("A contract holds at most " + MAX_GOALS + " goals; finish or remove one "
					+ "first, or keep the rest for your next cycle.", Map.of());
		}
		Checked checked = check(viewer, cycle, draft, Set.of());
		Instant now = clock.instant();
		GoalRow row = checked.row(new GoalId(Ids.newId()), cycle.id(), rows.nextPosition(cycle.id()), null);
		rows.insert(row, now);
		saveParts(row.id(), checked, now);
		rows.touch(cycle.id(), now);
		return goal(viewer, row.id()).goal();
	}

	/**
	 * Changes a goal of the viewer's own active cycle, everything its owner writes (not its progress or reflection).
	 * 422 at the field: {@code what} empty or longer than 500 characters; {@code why} when it serves neither a priority
	 * nor the person; {@code capabilityId} unknown or retired; {@code targetLevel} not a level of the capability or
	 * given without one; {@code priorities} not one the person may see; {@code courses} not published;
	 * {@code resources} without a title or with a link that is not http(s); {@code mentor} or {@code validators} not
	 * an active colleague (or the person themselves); {@code targetDate} outside the cycle.
	 */
	public Goal editGoal(Viewer viewer, GoalId goalId, GoalDraft draft) {
		GoalRow existing = ownGoal(viewer, goalId);
		CycleRow cycle = ownActive(viewer, existing.cycleId());
		// a priority the goal serves already may stay while it is live, even when the person no longer could choose it
		// (they moved team, say)
		Set<String> kept = Set.copyOf(rows.prioritiesOf(List.of(existing.id())).getOrDefault(existing.id(), List.of()));
		Checked checked = check(viewer, cycle, draft, kept);
		Instant now = clock.instant();
		GoalRow row = checked.row(existing.id(), cycle.id(), existing.position(), existing.carriedFrom());
		rows.updatePlan(row, now);
		saveParts(row.id(), checked, now);
		rows.touch(cycle.id(), now);
		return goal(viewer, row.id()).goal();
	}

	/** Removes a goal from the viewer's own active cycle (its comments and check-ins stay in the history). */
	public void removeGoal(Viewer viewer, GoalId goalId) {
		GoalRow existing = ownGoal(viewer, goalId);
		CycleRow cycle = ownActive(viewer, existing.cycleId());
		Instant now = clock.instant();
		rows.remove(goalId, now);
		rows.touch(cycle.id(), now);
	}

	/**
	 * Changes the viewer's own active cycle: what {@code change} gives (null parts stay as they are). 422 at the field
	 * for a length outside 30–92 days counted from the start ({@code days}, or {@code endsOn} when the last day was
	 * given), a long title, NAMED without anyone named, people who are not active colleagues ({@code viewers}), a
	 * reminder outside the cycle; 409 when the cycle changed since {@code revision} was read, or is closed; 403 for
	 * readers; 404 for others.
	 */
	public LearningCycle edit(Viewer viewer, CycleId cycleId, int revision, CycleChange change) {
		CycleRow row = ownActive(viewer, cycleId);
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate endsOn = row.endsOn();
		if (change.endsOn() != null) {
			long days = ChronoUnit.DAYS.between(row.startsOn(), change.endsOn());
			if (days < MIN_DAYS || days > MAX_DAYS) {
				errors.put("endsOn", "A cycle lasts " + MIN_DAYS + " to " + MAX_DAYS + " days from its start ("
						+ row.startsOn() + "): end it between " + row.startsOn().plusDays(MIN_DAYS) + " and "
						+ row.startsOn().plusDays(MAX_DAYS) + ".");
			}
			endsOn = change.endsOn();
		}
		else if (change.days() != null) {
			checkDays(change.days(), errors);
			endsOn = row.startsOn().plusDays(change.days());
		}
		int days = (int) ChronoUnit.DAYS.between(row.startsOn(), endsOn);
		String endField = change.endsOn() != null ? "endsOn" : "days";
		if (endsOn.isBefore(row.endsOn()) && !errors.containsKey(endField)) {
			// a shorter cycle must still hold its goals' target dates
			LocalDate last = endsOn;
			rows.goalsOf(List.of(row.id()))
				.stream()
				.filter(g -> g.targetDate() != null && g.targetDate().isAfter(last))
				.findFirst()
				.ifPresent(g -> errors.put(endField, "“" + g.what() + "” aims at " + g.targetDate()
						+ ", after the new end (" + last + "). Move its target date first, or end the cycle later."));
		}
		String title = change.title() == null ? row.title() : title(change.title(), row.startsOn(), endsOn, errors);
		Visibility visibility = change.visibility() == null ? row.visibility() : change.visibility();
		Map<PersonId, Boolean> current = rows.viewers(row.id());
		List<PersonId> named = change.viewers() == null
				? current.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList()
				: colleagues(viewer, change.viewers(), "viewers", errors);
		if (visibility == Visibility.NAMED && named.isEmpty() && !errors.containsKey("viewers")
				&& current.values().stream().noneMatch(Boolean::booleanValue)) {
			errors.put("viewers", "Name at least one colleague who may read your contract, or choose another audience.");
		}
		Integer reminder = change.reminderAfterDays() == null ? row.reminderAfterDays()
				: reminder(change.reminderAfterDays(), days, errors);
		if (reminder != null && reminder >= days && !errors.containsKey("reminderAfterDays")) {
			errors.put("reminderAfterDays", "Choose a day within the cycle for the check-in reminder, or 0 for none.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The cycle was not changed.", errors);
		}
		Instant now = clock.instant();
		if (!rows.update(row.id(), revision, title, endsOn, visibility, reminder, now)) {
			throw new ConflictException("This cycle was changed elsewhere (another tab?) since you opened it. Reload it, "
					+ "then make your change again.");
		}
		if (change.viewers() != null || visibility != Visibility.NAMED) {
			// named readers only stay while the contract is shared with named people
			rows.replaceNamedViewers(row.id(), visibility == Visibility.NAMED ? named : List.of());
		}
		return view(viewer, rows.cycle(row.id()).orElseThrow());
	}

	/**
	 * The people of a team's tree with their active cycle (or none), for the team's managers and admins; 404 for
	 * everyone else. People with an active cycle first. A few reads whatever the team's size.
	 */
	@Transactional(readOnly = true)
	public TeamCycles team(Viewer viewer, TeamId teamId) {
		// the viewer's managed tree read once: whether they may see the team and, unless an admin (who reads as a
		// manager only of the teams they manage), how they read each cycle
		Set<TeamId> managedTree = organization.managedTeamTree(viewer);
		if (!managedTree.contains(teamId)) {
			throw new NotFoundException("Team");
		}
		Team team = organization.allTeams()
			.stream()
			.filter(t -> t.id().equals(teamId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Team"));
		List<Person> people = organization.membersOfTeamTree(teamId);
		Map<PersonId, Person> owners = new HashMap<>();
		people.forEach(p -> owners.put(p.id(), p));
		List<CycleRow> active = rows.cyclesOf(owners.keySet(), CycleStatus.ACTIVE);
		Map<PersonId, CycleSummary> byPerson = new HashMap<>();
		summaries(viewer, active, owners, viewer.isAdmin() ? null : managedTree)
			.forEach(c -> byPerson.putIfAbsent(c.owner().id(), c));
		List<TeamCycles.Member> members = new ArrayList<>();
		for (Person p : people) {
			members.add(new TeamCycles.Member(new PersonRef(p.id(), p.name()), byPerson.get(p.id())));
		}
		members.sort(Comparator.comparing((TeamCycles.Member m) -> m.active() == null ? 1 : 0)
			.thenComparing(m -> m.person().name().toLowerCase(Locale.ROOT)));
		return new TeamCycles(team.id(), team.name(), members);
	}

	/** An active cycle as a team's calendar shows it: its owner, dates and check-in reminder (0: none, null: halfway). */
	public record TeamVisibleCycle(CycleId id, PersonRef owner, String title, LocalDate startsOn, LocalDate endsOn,
			Integer reminderAfterDays) {
	}

	/**
	 * The active cycles of the team's own members that the team's people may read: those whose owner chose TEAM or
	 * ORGANIZATION. A cycle shown only to the owner's managers or to people they named is left out, whoever asks.
	 * Checks no viewer: the caller (a team's calendar feed) does.
	 */
	@Transactional(readOnly = true)
	public List<TeamVisibleCycle> readableByTeam(TeamId teamId) {
		List<PersonId> members = organization.directMembersOf(teamId);
		if (members.isEmpty()) {
			return List.of();
		}
		Map<PersonId, Organization.Credit> names = organization.credits(members);
		List<TeamVisibleCycle> found = new ArrayList<>();
		for (CycleRow row : rows.cyclesOf(members, CycleStatus.ACTIVE)) {
			Organization.Credit credit = names.get(row.personId());
			if ((row.visibility() == Visibility.TEAM || row.visibility() == Visibility.ORGANIZATION) && credit != null) {
				found.add(new TeamVisibleCycle(row.id(), new PersonRef(row.personId(), credit.name()), row.title(),
						row.startsOn(), row.endsOn(), row.reminderAfterDays()));
			}
		}
		return found;
	}

	// --- access ----------------------------------------------------------------------------------------------------

	/** The cycle row when the viewer may read at least that it exists; 404 otherwise. */
	CycleRow readable(Viewer viewer, CycleId id) {
		CycleRow row = id == null || !Ids.looksValid(id.value()) ? null : rows.cycle(id).orElse(null);
		if (row == null || access(viewer, row, rows.viewers(row.id())).isEmpty()) {
			throw new NotFoundException("Learning cycle");
		}
		return row;
	}

	/** How the viewer may read a cycle, empty when not at all. */
	Optional<CycleAccess> access(Viewer viewer, CycleRow cycle, Map<PersonId, Boolean> viewers) {
		if (viewer.is(cycle.personId())) {
			return Optional.of(CycleAccess.OWNER);
		}
		return access(viewer, cycle, viewers, organization.contactOf(cycle.personId()).orElse(null),
				viewer.manages().isEmpty() ? Set.of() : organization.withDescendants(viewer.manages()));
	}

	/** {@link #access} with the owner (null when no longer active) and the viewer's managed team tree read once. */
	Optional<CycleAccess> access(Viewer viewer, CycleRow cycle, Map<PersonId, Boolean> viewers, Person owner,
			Set<TeamId> managedTree) {
		if (viewer.is(cycle.personId())) {
			return Optional.of(CycleAccess.OWNER);
		}
		Boolean invited = viewers.get(viewer.id());
		if (Boolean.TRUE.equals(invited) || (invited != null && cycle.visibility() == Visibility.NAMED)) {
			return Optional.of(CycleAccess.READ);
		}
		boolean managesOwner = owner != null && !managedTree.isEmpty()
				&& owner.teamIds().stream().anyMatch(managedTree::contains);
		boolean reads = switch (cycle.visibility()) {
			case ORGANIZATION -> true;
			case TEAM -> managesOwner || owner != null && owner.teamIds().stream().anyMatch(viewer.teamIds()::contains);
			case MANAGER -> managesOwner;
			case NAMED -> false;
		};
		if (reads) {
			return Optional.of(CycleAccess.READ);
		}
		return managesOwner || viewer.isAdmin() ? Optional.of(CycleAccess.EXISTENCE) : Optional.empty();
	}

	private CycleRow ownActive(Viewer viewer, CycleId id) {
		CycleRow row = readable(viewer, id);
		if (!viewer.is(row.personId())) {
			throw new ForbiddenException("Only the owner of a contract changes it; you may comment on it.");
		}
		if (row.status() != CycleStatus.ACTIVE) {
			throw new ConflictException("This cycle is closed; start a new one (you can carry its goals over).");
		}
		return row;
	}

	private GoalRow ownGoal(Viewer viewer, GoalId id) {
		GoalRow goal = id == null || !Ids.looksValid(id.value()) ? null : rows.goal(id).orElse(null);
		if (goal == null) {
			throw new NotFoundException("Goal");
		}
		readable(viewer, goal.cycleId());
		return goal;
	}

	// --- views -----------------------------------------------------------------------------------------------------

	LearningCycle view(Viewer viewer, CycleRow row) {
		Map<PersonId, Boolean> viewers = rows.viewers(row.id());
		CycleAccess access = access(viewer, row, viewers).orElseThrow(() -> new NotFoundException("Learning cycle"));
		List<GoalRow> goalRows = rows.goalsOf(List.of(row.id()));
		List<Goal> goals = goals(viewer, goalRows, access != CycleAccess.EXISTENCE);
		// the named readers are the owner's choice, shown to the owner only; the people invited to discuss, to readers
		List<PersonRef> named = new ArrayList<>();
		List<PersonRef> invited = new ArrayList<>();
		if (access != CycleAccess.EXISTENCE) {
			viewers.forEach((person, inv) -> {
				if (inv) {
					invited.add(ref(person));
				}
				else if (access == CycleAccess.OWNER) {
					named.add(ref(person));
				}
			});
		}
		List<String> warnings = new ArrayList<>();
		if (access == CycleAccess.OWNER && !goals.isEmpty()) {
			if (goals.stream().noneMatch(Goal::servesPriorities)) {
				warnings.add(SERVES_TEAM_WARNING);
			}
			if (goals.stream().noneMatch(Goal::servesSelf)) {
				warnings.add(SERVES_SELF_WARNING);
			}
		}
		if (access == CycleAccess.EXISTENCE) {
			// a manager outside the chosen audience reads the dates and what the goals serve, nothing the owner wrote
			// or chose (title, progress, audience, reminder)
			return new LearningCycle(row.id(), ref(row.personId()), EXISTENCE_TITLE, row.startsOn(), row.endsOn(),
					row.status(), null, named, invited, goals, null, row.revision(), row.createdAt(), row.closedAt(),
					access, warnings);
		}
		return new LearningCycle(row.id(), ref(row.personId()), row.title(), row.startsOn(), row.endsOn(), row.status(),
				row.visibility(), named, invited, goals, row.reminderAfterDays(), row.revision(), row.createdAt(),
				row.closedAt(), access, warnings);
	}

	List<CycleSummary> summaries(Viewer viewer, List<CycleRow> cycles) {
		Map<PersonId, Person> owners = new HashMap<>();
		for (CycleRow c : cycles) {
			if (!owners.containsKey(c.personId())) {
				owners.put(c.personId(), organization.contactOf(c.personId()).orElse(null));
			}
		}
		return summaries(viewer, cycles, owners);
	}

	/**
	 * Summaries of cycles whose owners are known ({@code owners}: an owner absent or null is no longer active): a
	 * fixed number of reads however many cycles.
	 */
	List<CycleSummary> summaries(Viewer viewer, List<CycleRow> cycles, Map<PersonId, Person> owners) {
		return summaries(viewer, cycles, owners, null);
	}

	/** {@code managesTree}: the teams the viewer manages and those below, when already read (null: read it here). */
	private List<CycleSummary> summaries(Viewer viewer, List<CycleRow> cycles, Map<PersonId, Person> owners,
			Set<TeamId> managesTree) {
		if (cycles.isEmpty()) {
			return List.of();
		}
		Map<CycleId, Map<PersonId, Boolean>> viewersOf = rows.viewersOf(cycles.stream().map(CycleRow::id).toList());
		Set<TeamId> managedTree = managesTree != null ? managesTree
				: viewer.manages().isEmpty() ? Set.of() : organization.withDescendants(viewer.manages());
		Map<CycleId, List<GoalRow>> byCycle = new HashMap<>();
		rows.goalsOf(cycles.stream().map(CycleRow::id).toList())
			.forEach(g -> byCycle.computeIfAbsent(g.cycleId(), k -> new ArrayList<>()).add(g));
		List<GoalId> goalIds = byCycle.values().stream().flatMap(List::stream).map(GoalRow::id).toList();
		Map<GoalId, List<String>> served = rows.prioritiesOf(goalIds);
		Map<PriorityId, Goal.ServedPriority> refs = priorities.served(served.values()
			.stream()
			.flatMap(List::stream)
			.map(PriorityId::new)
			.toList());
		List<CycleSummary> result = new ArrayList<>();
		for (CycleRow c : cycles) {
			Optional<CycleAccess> access = access(viewer, c, viewersOf.getOrDefault(c.id(), Map.of()),
					owners.get(c.personId()), managedTree);
			if (access.isEmpty()) {
				continue;
			}
			List<GoalRow> goals = byCycle.getOrDefault(c.id(), List.of());
			Set<PriorityId> serves = new LinkedHashSet<>();
			goals.forEach(g -> served.getOrDefault(g.id(), List.of()).forEach(p -> serves.add(new PriorityId(p))));
			int progress = goals.isEmpty() ? 0
					: (int) Math.round(goals.stream().mapToInt(GoalRow::progress).average().orElse(0));
			Person owner = owners.get(c.personId());
			PersonRef ownerRef = new PersonRef(c.personId(), owner == null ? "A former colleague" : owner.name());
			boolean existence = access.get() == CycleAccess.EXISTENCE;
			// existence only: dates and what the goals serve; neither title, nor how many goals, nor progress
			result.add(new CycleSummary(c.id(), ownerRef, existence ? EXISTENCE_TITLE : c.title(), c.startsOn(),
					c.endsOn(), c.status(), existence ? 0 : goals.size(), existence ? 0 : progress,
					serves.stream().map(refs::get).filter(Objects::nonNull).toList(),
					goals.stream().anyMatch(GoalRow::servesSelf), access.get()));
		}
		return result;
	}

	List<Goal> goals(Viewer viewer, List<GoalRow> goalRows, boolean whole) {
		List<GoalId> ids = goalRows.stream().map(GoalRow::id).toList();
		Map<GoalId, List<String>> served = rows.prioritiesOf(ids);
		Map<PriorityId, Goal.ServedPriority> refs = priorities.served(served.values()
			.stream()
			.flatMap(List::stream)
			.map(PriorityId::new)
			.toList());
		Map<GoalId, List<String>> courses = whole ? rows.coursesOf(ids) : Map.of();
		Map<CourseId, String> titles = courses.isEmpty() ? Map.of()
				: authoring.titles(courses.values().stream().flatMap(List::stream).distinct().map(CourseId::new).toList());
		Map<GoalId, List<String>> validators = whole ? rows.validatorsOf(ids) : Map.of();
		Map<GoalId, List<LinkRow>> links = whole ? rows.linksOf(ids) : Map.of();
		List<Goal> result = new ArrayList<>();
		for (GoalRow g : goalRows) {
			List<Goal.ServedPriority> serves = served.getOrDefault(g.id(), List.of())
				.stream()
				.map(p -> refs.get(new PriorityId(p)))
				.filter(Objects::nonNull)
				.toList();
			if (!whole) {
				result.add(new Goal(g.id(), g.cycleId(), g.position(), null, null, serves, g.servesSelf(), List.of(),
						List.of(), null, null, null, List.of(), null, false, 0, 0, List.of(), null, null, null, null));
				continue;
			}
			List<Goal.CourseRef> courseRefs = courses.getOrDefault(g.id(), List.of())
				.stream()
				.map(c -> new Goal.CourseRef(new CourseId(c), titles.getOrDefault(new CourseId(c), "A retired course")))
				.toList();
			List<Goal.Link> resources = new ArrayList<>();
			List<Goal.Link> produced = new ArrayList<>();
			links.getOrDefault(g.id(), List.of())
				.forEach(l -> ("RESOURCE".equals(l.kind()) ? resources : produced)
					.add(new Goal.Link(l.id(), l.title(), l.url())));
			result.add(new Goal(g.id(), g.cycleId(), g.position(), g.what(), capabilityRef(viewer, g), serves, g.servesSelf(),
					courseRefs, resources, g.practice(), g.mentorId() == null ? null : ref(g.mentorId()), g.evidence(),
					validators.getOrDefault(g.id(), List.of()).stream().map(p -> ref(new PersonId(p))).toList(),
					g.targetDate(), g.lookingForHelp(), g.progress(), g.minutesLogged(), produced, g.outcome(),
					g.reflection(), g.nextStep(), g.carriedFrom()));
		}
		return result;
	}

	private Goal.CapabilityRef capabilityRef(Viewer viewer, GoalRow g) {
		if (g.capabilityId() == null) {
			return null;
		}
		int rank = g.targetLevel() == null ? 0 : g.targetLevel();
		try {
			return levelRef(capabilities.get(viewer, new CapabilityId(g.capabilityId())), g.targetLevel());
		}
		catch (NotFoundException e) {
			return new Goal.CapabilityRef(new CapabilityId(g.capabilityId()), "A capability no longer in the catalogue",
					rank, null);
		}
	}

	private static Goal.CapabilityRef levelRef(Capability c, Integer rank) {
		int r = rank == null ? 0 : rank;
		return new Goal.CapabilityRef(c.id(), c.name(), r, r == 0 ? null : c.levelName(r));
	}

	PersonRef ref(PersonId person) {
		return new PersonRef(person, organization.contactOf(person).map(Person::name).orElse("A former colleague"));
	}

	// --- checking what the owner writes ---------------------------------------------------------------------------

	/** A draft that checked out, with its parts resolved. */
	private record Checked(String what, Capability capability, Integer targetLevel, List<PriorityId> priorities,
			boolean servesSelf, List<CourseId> courses, List<GoalDraft.Resource> resources, String practice,
			PersonId mentor, String evidence, List<PersonId> validators, LocalDate targetDate, boolean lookingForHelp) {

		GoalRow row(GoalId id, CycleId cycle, int position, GoalId carriedFrom) {
			return new GoalRow(id, cycle, position, what, capability == null ? null : capability.id().value(),
					targetLevel, servesSelf, practice, mentor, evidence, targetDate, lookingForHelp, 0, 0, null, null,
					null, carriedFrom);
		}
	}

	/** {@code kept}: priorities the goal serves already, which it may keep while they are live. */
	private Checked check(Viewer viewer, CycleRow cycle, GoalDraft draft, Set<String> kept) {
		Map<String, String> errors = new LinkedHashMap<>();
		String what = text(draft.what(), MAX_WHAT, "what", errors);
		if (what == null && !errors.containsKey("what")) {
			errors.put("what", "Say what you want to learn.");
		}
		Capability capability = null;
		if (draft.capabilityId() != null) {
			try {
				capability = Ids.looksValid(draft.capabilityId().value())
						? capabilities.get(viewer, draft.capabilityId()) : null;
			}
			catch (NotFoundException e) {
				capability = null;
			}
			if (capability == null || !capability.active()) {
				errors.put("capabilityId", "Choose a capability of the catalogue, or none.");
				capability = null;
			}
		}
		Integer level = draft.targetLevel();
		if (level != null && level == 0) {
			level = null;
		}
		if (level != null) {
			if (capability == null && !errors.containsKey("capabilityId")) {
				errors.put("targetLevel", "Choose a capability first, then the level to reach.");
			}
			else if (capability != null && capability.level(level).isEmpty()) {
				errors.put("targetLevel", "Choose one of the capability's levels.");
			}
		}
		List<PriorityId> served = new ArrayList<>();
		Set<TeamId> ownTeams = draft.priorities().isEmpty() ? Set.of() : organization.withAncestors(viewer.teamIds());
		LocalDate today = today();
		for (PriorityId p : new LinkedHashSet<>(draft.priorities())) {
			try {
				// a live priority of a period running today, of the organization or the person's teams (and those
				// above): what a person's goals may serve (Priorities.servable); one the goal serves already may stay
				Priority found = priorities.get(viewer, p);
				boolean servable = found.period().includes(today)
						&& (found.teamId() == null || ownTeams.contains(found.teamId()));
				if (servable || kept.contains(found.id().value())) {
					served.add(found.id());
					continue;
				}
			}
			catch (NotFoundException | IllegalArgumentException e) {
				// reported below
			}
			errors.put("priorities", "Choose priorities of your organization or your teams in the current period.");
		}
		if (served.isEmpty() && !draft.servesSelf() && !errors.containsKey("priorities")) {
			errors.put("why", "Say what the goal serves: a priority of your organization or team, or yourself.");
		}
		List<CourseId> courses = new ArrayList<>();
		for (CourseId c : new LinkedHashSet<>(draft.courses())) {
			try {
				if (c != null && Ids.looksValid(c.value())) {
					courses.add(authoring.published(c).id());
					continue;
				}
			}
			catch (NotFoundException e) {
				// reported below
			}
			errors.put("courses", "Choose published courses of the catalogue.");
		}
		if (courses.size() > MAX_LINKS) {
			errors.put("courses", "Keep it to " + MAX_LINKS + " courses.");
		}
		List<GoalDraft.Resource> resources = new ArrayList<>();
		for (GoalDraft.Resource r : draft.resources()) {
			String title = r == null ? null : r.title() == null ? null : r.title().strip();
			String url = r == null || r.url() == null || r.url().isBlank() ? null : r.url().strip();
			if ((title == null || title.isEmpty()) && url == null) {
				continue;
			}
			if (title == null || title.isEmpty()) {
				errors.put("resources", "Give each resource a title (a book, a boot camp, an article).");
			}
			else if (title.length() > MAX_TITLE || ControlCharacters.in(title)) {
				errors.put("resources", "Keep each resource's title to " + MAX_TITLE + " characters of plain text.");
			}
			else if (url != null && !webAddress(url)) {
				errors.put("resources", "Links must be web addresses starting with http:// or https://.");
			}
			else {
				resources.add(new GoalDraft.Resource(title, url));
			}
		}
		if (resources.size() > MAX_LINKS) {
			errors.put("resources", "Keep it to " + MAX_LINKS + " resources.");
		}
		String practice = text(draft.practice(), MAX_TEXT, "practice", errors);
		String evidence = text(draft.evidence(), MAX_TEXT, "evidence", errors);
		PersonId mentor = null;
		if (draft.mentor() != null) {
			List<PersonId> m = colleagues(viewer, List.of(draft.mentor()), "mentor", errors);
			mentor = m.isEmpty() ? null : m.get(0);
		}
		List<PersonId> validators = colleagues(viewer, draft.validators(), "validators", errors);
		LocalDate target = draft.targetDate();
		if (target != null && (target.isBefore(cycle.startsOn()) || target.isAfter(cycle.endsOn()))) {
			errors.put("targetDate", "Pick a date within the cycle, " + cycle.startsOn() + " to " + cycle.endsOn() + ".");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The goal was not saved.", errors);
		}
		return new Checked(what, capability, capability == null ? null : level, served, draft.servesSelf(), courses,
				resources, practice, mentor, evidence, validators, target, draft.lookingForHelp());
	}

	private void saveParts(GoalId goal, Checked checked, Instant at) {
		rows.replacePriorities(goal, checked.priorities().stream().map(PriorityId::value).toList());
		rows.replaceCourses(goal, checked.courses().stream().map(CourseId::value).toList());
		rows.replaceValidators(goal, checked.validators());
		rows.replaceResources(goal, checked.resources()
			.stream()
			.map(r -> new LinkRow(Ids.newId(), goal, "RESOURCE", r.title(), r.url()))
			.toList(), at);
	}

	static boolean webAddress(String url) {
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme();
			return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					&& uri.getHost() != null && url.length() <= 2000;
		}
		catch (Exception e) {
			return false;
		}
	}

	/** Active colleagues other than the viewer, without repeats; an error at {@code field} otherwise. */
	private List<PersonId> colleagues(Viewer viewer, Collection<PersonId> people, String field,
			Map<String, String> errors) {
		List<PersonId> result = new ArrayList<>();
		for (PersonId p : new LinkedHashSet<>(people)) {
			if (p == null) {
				continue;
			}
			if (viewer.is(p)) {
				errors.put(field, "Choose colleagues other than yourself.");
				continue;
			}
			Optional<Person> found = Ids.looksValid(p.value()) ? organization.contactOf(p) : Optional.empty();
			if (found.isEmpty()) {
				errors.put(field, "Choose active colleagues.");
				continue;
			}
			result.add(p);
		}
		if (result.size() > MAX_PEOPLE) {
			errors.put(field, "Choose at most " + MAX_PEOPLE + " people.");
		}
		return result;
	}

	private static void checkDays(int days, Map<String, String> errors) {
		if (days < MIN_DAYS || days > MAX_DAYS) {
			errors.put("days", "A cycle lasts " + MIN_DAYS + " to " + MAX_DAYS + " days (about one to three months); "
					+ "this one would last " + days + ".");
		}
	}

	private static Integer reminder(Integer after, int days, Map<String, String> errors) {
		if (after == null) {
			return null;
		}
		if (after < 0 || after >= days) {
			errors.put("reminderAfterDays", "Choose a day within the cycle for the check-in reminder, or 0 for none.");
		}
		return after;
	}

	private static String title(String title, LocalDate from, LocalDate to, Map<String, String> errors) {
		String t = title == null ? "" : title.strip();
		if (t.isEmpty()) {
			DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
			return "Learning cycle " + f.format(from) + " – " + DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
				.format(to);
		}
		if (t.length() > MAX_TITLE) {
			errors.put("title", "Keep the title to " + MAX_TITLE + " characters.");
		}
		else if (ControlCharacters.in(t)) {
			errors.put("title", ControlCharacters.MESSAGE);
		}
		return t;
	}

	private static String text(String value, int max, String field, Map<String, String> errors) {
		String t = value == null ? "" : value.strip();
		if (t.isEmpty()) {
			return null;
		}
		if (t.length() > max) {
			errors.put(field, "Keep it to " + max + " characters (this has " + t.length() + ").");
		}
		else if (ControlCharacters.in(t)) {
			errors.put(field, ControlCharacters.MESSAGE);
		}
		return t;
	}

	// --- starting from a previous contract or a template ---------------------------------------------------------

	private void copyGoals(CycleRow from, CycleRow to, Instant at) {
		copyGoals(rows.goalsOf(List.of(from.id())), to.id(), at);
	}

	/**
	 * Copies goals into another cycle as new goals carried from them: what they plan (priorities still live, courses,
	 * planned validators, resources), without progress, time, target date or reflection.
	 */
	void copyGoals(List<GoalRow> goals, CycleId to, Instant at) {
		List<GoalId> ids = goals.stream().map(GoalRow::id).toList();
		Map<GoalId, List<String>> served = rows.prioritiesOf(ids);
		Map<GoalId, List<String>> courses = rows.coursesOf(ids);
		Map<GoalId, List<String>> validators = rows.validatorsOf(ids);
		Map<GoalId, List<LinkRow>> links = rows.linksOf(ids);
		int position = 1;
		for (GoalRow g : goals) {
			GoalId id = new GoalId(Ids.newId());
			rows.insert(new GoalRow(id, to, position++, g.what(), g.capabilityId(), g.targetLevel(), g.servesSelf(),
					g.practice(), g.mentorId(), g.evidence(), null, g.lookingForHelp(), 0, 0, null, null, null, g.id()),
					at);
			// priorities of an ended period stay behind: the new cycle serves today's
			rows.replacePriorities(id, served.getOrDefault(g.id(), List.of())
				.stream()
				.filter(p -> priorities.isLive(new PriorityId(p)))
				.toList());
			rows.replaceCourses(id, courses.getOrDefault(g.id(), List.of()));
			rows.replaceValidators(id, validators.getOrDefault(g.id(), List.of()).stream().map(PersonId::new).toList());
			rows.replaceResources(id, links.getOrDefault(g.id(), List.of())
				.stream()
				.filter(l -> "RESOURCE".equals(l.kind()))
				.map(l -> new LinkRow(Ids.newId(), id, "RESOURCE", l.title(), l.url()))
				.toList(), at);
		}
	}

	/** Whether a live team template is one of the viewer's teams' or of a team above them. */
	boolean templateOpenTo(Viewer viewer, String templateId) {
		if (templateId == null || !Ids.looksValid(templateId)) {
			return false;
		}
		return templates.find(templateId)
			.filter(t -> t.retiredAt() == null)
			.filter(t -> organization.withAncestors(viewer.teamIds()).contains(t.teamId()))
			.isPresent();
	}

	/**
	 * Copies a template's goal lines into a new contract. A line serves the live priorities open to the person that
	 * link its capability; a line that serves none of them serves the person, so that every goal says what it serves.
	 */
	void copyTemplate(Viewer viewer, String templateId, CycleRow to, Instant at) {
		List<Priority> servable = priorities.servable(viewer);
		int position = 1;
		for (TemplateRows.TemplateGoalRow line : templates.goalsOf(List.of(templateId)).getOrDefault(templateId,
				List.of())) {
			List<String> serves = line.capabilityId() == null ? List.of()
					: servable.stream()
						.filter(p -> p.capabilities().stream().anyMatch(c -> c.id().value().equals(line.capabilityId())))
						.map(p -> p.id().value())
						.toList();
			GoalId id = new GoalId(Ids.newId());
			rows.insert(new GoalRow(id, to.id(), position++, line.what(), line.capabilityId(), line.targetLevel(),
					serves.isEmpty(), null, null, line.evidence(), null, false, 0, 0, null, null, null, null), at);
			rows.replacePriorities(id, serves);
		}
	}

	/** Today in the calendar cycles are counted in. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	/** The titles of these courses, for showing what a form holds. */
	@Transactional(readOnly = true)
	public Map<CourseId, String> courseTitles(List<CourseId> courses) {
		return courses.isEmpty() ? Map.of()
				: authoring.titles(courses.stream().filter(c -> c != null && Ids.looksValid(c.value())).toList());
	}
}
