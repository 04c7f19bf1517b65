package io.stride.cycles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.CapabilityValidators;
import io.stride.capability.PersonRef;
import io.stride.cycles.internal.CycleRows;
import io.stride.cycles.internal.CycleRows.CycleRow;
import io.stride.cycles.internal.CycleRows.GoalRow;
import io.stride.cycles.internal.HelpRows;
import io.stride.cycles.internal.HelpRows.OfferRow;
import io.stride.cycles.internal.ValidationRows;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ControlCharacters;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Helping each other. A goal's owner says they are looking for help; Stride suggests colleagues who hold the goal's
 * capability at its top level ("Can teach it") or who recently validated it; colleagues offer to help, which links
 * them to the goal and tells the owner. A team's open help requests list the goals of its people that the viewer may
 * see: the whole contract as its owner chose, or only the goal when the owner shares the contract with their team.
 */
@Service
@Transactional
public class HelpRequests {

	public static final int MAX_MESSAGE = 1000;

	static final int MAX_SUGGESTED = 10;

	static final int MAX_LISTED = 200;

	/** How long a validation given makes someone a suggested helper. */
	static final Duration RECENT = Duration.ofDays(180);

	/** An offer of help on a goal. */
	public record HelpOffer(String id, GoalId goalId, PersonRef helper, String message, Instant offeredAt) {
	}

	/** A colleague who could help, and why. */
	public record HelpSuggestion(PersonRef person, String reason) {
	}

	/**
	 * A goal as the help pages show it. {@code contractReadable}: the viewer may read the whole contract (else they see
	 * only this goal, shared with the owner's team); {@code mine}: the viewer's own active offer, if any.
	 */
	public record GoalHelp(GoalId goalId, CycleId cycleId, PersonRef owner, String what, String capabilityName,
			String levelName, boolean lookingForHelp, boolean cycleActive, boolean ownedByViewer,
			boolean contractReadable, List<HelpOffer> offers, HelpOffer mine, boolean shareBack) {

		public boolean mayOffer() {
			return !ownedByViewer && lookingForHelp && cycleActive && mine == null;
		}
	}

	/** A team's open help requests the viewer may see, and how many more there are that they may not. */
	public record TeamHelp(Team team, List<GoalHelp> requests, int notShown) {
	}

	private enum Sight {
		FULL, GOAL_ONLY, NONE
	}

	private final CycleRows cycleRows;

	private final HelpRows rows;

	private final ValidationRows validations;

	private final LearningCycles cycles;

	private final Organization organization;

	private final CapabilityValidators capabilities;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	HelpRequests(CycleRows cycleRows, HelpRows rows, ValidationRows validations, LearningCycles cycles,
			Organization organization, CapabilityValidators capabilities, ApplicationEventPublisher events, Clock clock) {
		this.cycleRows = cycleRows;
		this.rows = rows;
		this.validations = validations;
		this.cycles = cycles;
		this.organization = organization;
		this.capabilities = capabilities;
		this.events = events;
		this.clock = clock;
	}

	/** The owner says whether a goal of their active cycle is looking for help (403 readers, 404 others, 409 closed). */
	public GoalHelp setLookingForHelp(Viewer viewer, GoalId goalId, boolean looking) {
		Found found = find(viewer, goalId);
		if (found.sight() != Sight.FULL || !viewer.is(found.cycle().personId())) {
			throw new ForbiddenException("Only the goal's owner says whether they are looking for help.");
		}
		if (found.cycle().status() != CycleStatus.ACTIVE) {
			throw new ConflictException("This cycle is closed; ask for help on a goal of your active cycle.");
		}
		cycleRows.setLookingForHelp(goalId, looking, clock.instant());
		return help(viewer, goalId);
	}

	/** A goal with its offers of help, for whoever may see it (404 otherwise). */
	@Transactional(readOnly = true)
	public GoalHelp help(Viewer viewer, GoalId goalId) {
		Found found = find(viewer, goalId);
		return view(viewer, found, rows.activeOn(List.of(goalId)));
	}

	/**
	 * For the owner: colleagues who hold the goal's capability at its top level, then those who validated it in the
	 * last six months; active colleagues only, not the owner. Empty when the goal names no capability.
	 */
	@Transactional(readOnly = true)
	public List<HelpSuggestion> suggestions(Viewer viewer, GoalId goalId) {
		Found found = find(viewer, goalId);
		if (!viewer.is(found.cycle().personId())) {
			throw new ForbiddenException("Suggestions are for the goal's owner.");
		}
		GoalRow goal = found.goal();
		if (goal.capabilityId() == null) {
			return List.of();
		}
		CapabilityId capabilityId = new CapabilityId(goal.capabilityId());
		Capability capability = capabilities.find(capabilityId).orElse(null);
		if (capability == null) {
			return List.of();
		}
		Map<PersonId, HelpSuggestion> result = new LinkedHashMap<>();
		int top = capabilities.topRank(capabilityId);
		if (top > 0) {
			for (PersonId p : capabilities.holdersAtLeast(capabilityId, top, MAX_SUGGESTED + 1)) {
				suggest(viewer, result, p, "Holds “" + capability.levelName(top) + "” in " + capability.name());
			}
		}
		for (PersonId p : validations.recentValidatorsOf(goal.capabilityId(), clock.instant().minus(RECENT),
				MAX_SUGGESTED + 1)) {
			suggest(viewer, result, p, "Recently validated a colleague’s goal in " + capability.name());
		}
		LocalDate since = LocalDate.ofInstant(clock.instant().minus(RECENT), ZoneOffset.UTC);
		for (PersonId p : capabilities.recentValidators(capabilityId, since, MAX_SUGGESTED + 1)) {
			suggest(viewer, result, p, "Recently validated a colleague in " + capability.name());
		}
		return result.values().stream().limit(MAX_SUGGESTED).toList();
	}

	private void suggest(Viewer viewer, Map<PersonId, HelpSuggestion> result, PersonId p, String reason) {
		if (viewer.is(p) || result.containsKey(p)) {
			return;
		}
		organization.contactOf(p).ifPresent(person -> result.put(p, new HelpSuggestion(new PersonRef(p, person.name()),
				reason)));
	}

	/**
	 * The viewer offers to help with a goal that is looking for help, optionally with a message; the owner is told.
	 * 422 at {@code helper} on one's own goal, at {@code message} for one too long; 409 when the goal is not looking
	 * for help (or its cycle closed) or the viewer already offered; 404 when the viewer may not see the goal.
	 */
	public HelpOffer offer(Viewer viewer, GoalId goalId, String message) {
		Found found = find(viewer, goalId);
		if (viewer.is(found.cycle().personId())) {
			throw new InvalidInputException("helper", "This is your own goal: ask colleagues for help instead.");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String text = message == null ? "" : message.strip();
		if (text.length() > MAX_MESSAGE) {
			errors.put("message", "Keep it to " + MAX_MESSAGE + " characters (this has " + text.length() + ").");
		}
		else if (ControlCharacters.in(text)) {
			errors.put("message", ControlCharacters.MESSAGE);
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Your offer was not sent.", errors);
		}
		if (!found.goal().lookingForHelp() || found.cycle().status() != CycleStatus.ACTIVE) {
			throw new ConflictException("This goal is not looking for help at the moment.");
		}
		if (rows.of(goalId, viewer.id()).filter(OfferRow::active).isPresent()) {
			throw new ConflictException("You already offered to help with this goal.");
		}
		Instant now = clock.instant();
		try {
			rows.offer(new OfferRow(Ids.newId(), goalId, viewer.id(), viewer.name(), text.isEmpty() ? null : text, now,
					null));
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("You already offered to help with this goal.");
		}
		OfferRow saved = rows.of(goalId, viewer.id()).orElseThrow();
		events.publishEvent(new HelpOffered(saved.id(), goalId, found.cycle().personId(), viewer.id(), viewer.name(),
				found.goal().what(), saved.message()));
		return offer(saved);
	}

	/** The helper withdraws their offer, or the goal's owner removes it; 404 for anyone else. */
	public void withdraw(Viewer viewer, String offerId) {
		OfferRow offer = offerId != null && Ids.looksValid(offerId) ? rows.find(offerId).orElse(null) : null;
		if (offer == null || !offer.active()) {
			throw new NotFoundException("Offer of help");
		}
		boolean owner = cycleRows.goal(offer.goalId())
			.flatMap(g -> cycleRows.cycle(g.cycleId()))
			.map(c -> viewer.is(c.personId()))
			.orElse(false);
		if (!viewer.is(offer.helperId()) && !owner) {
			throw new NotFoundException("Offer of help");
		}
		rows.withdraw(offerId, clock.instant());
	}

	/**
	 * The open help requests of the team's people (and of the teams below it), for its people and its managers (404
	 * for others): goals of active cycles looking for help whose contract the viewer may read, or which the owner
	 * shares with their team; {@code notShown} counts the others.
	 */
	@Transactional(readOnly = true)
	public TeamHelp team(Viewer viewer, TeamId teamId) {
		Team team = organization.allTeams()
			.stream()
			.filter(t -> t.id().equals(teamId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Team"));
		Set<TeamId> tree = organization.withDescendants(Set.of(teamId));
		boolean member = viewer.teamIds().stream().anyMatch(tree::contains);
		if (!member && !organization.canManage(viewer, teamId)) {
			throw new NotFoundException("Team");
		}
		// a fixed number of reads however many requests: the people, their cycles, goals and named readers at once,
		// the viewer's managed tree once, capabilities once each
		Map<PersonId, Person> owners = new HashMap<>();
		organization.membersOfTeamTree(teamId).forEach(p -> owners.put(p.id(), p));
		List<PersonId> people = List.copyOf(owners.keySet());
		List<HelpRows.LookingRow> looking = rows.lookingForHelp(people, MAX_LISTED);
		Map<CycleId, CycleRow> cycleById = new HashMap<>();
		cycleRows.cyclesOf(people, CycleStatus.ACTIVE).forEach(c -> cycleById.put(c.id(), c));
		Map<GoalId, GoalRow> goals = new HashMap<>();
		cycleRows.goals(looking.stream().map(HelpRows.LookingRow::goalId).toList()).forEach(g -> goals.put(g.id(), g));
		Map<CycleId, Map<PersonId, Boolean>> viewersOf = cycleRows.viewersOf(looking.stream()
			.map(HelpRows.LookingRow::cycleId)
			.filter(cycleById::containsKey)
			.distinct()
			.toList());
		Set<TeamId> managedTree = viewer.manages().isEmpty() ? Set.of()
				: organization.withDescendants(viewer.manages());
		List<Found> shown = new ArrayList<>();
		int hidden = 0;
		for (HelpRows.LookingRow l : looking) {
			CycleRow cycle = cycleById.get(l.cycleId());
			GoalRow goal = cycle == null ? null : goals.get(l.goalId());
			Sight sight = goal == null ? Sight.NONE
					: sight(viewer, cycle, viewersOf.getOrDefault(cycle.id(), Map.of()), owners.get(cycle.personId()),
							managedTree);
			if (sight == Sight.NONE) {
				hidden++;
				continue;
			}
			shown.add(new Found(cycle, goal, sight));
		}
		Map<GoalId, List<OfferRow>> offers = new HashMap<>();
		rows.activeOn(shown.stream().map(f -> f.goal().id()).toList())
			.forEach(o -> offers.computeIfAbsent(o.goalId(), k -> new ArrayList<>()).add(o));
		Map<String, Optional<Capability>> capabilityById = new HashMap<>();
		List<GoalHelp> requests = shown.stream()
			.map(f -> view(viewer, f, offers.getOrDefault(f.goal().id(), List.of()),
					id -> capabilityById.computeIfAbsent(id, k -> capabilities.find(new CapabilityId(k))),
					person -> new PersonRef(person, Optional.ofNullable(owners.get(person))
						.map(Person::name)
						.orElse("A former colleague"))))
			.toList();
		return new TeamHelp(team, requests, hidden);
	}

	// --- who sees a goal ---------------------------------------------------------------------------------------------

	private record Found(CycleRow cycle, GoalRow goal, Sight sight) {
	}

	private Found find(Viewer viewer, GoalId goalId) {
		GoalRow goal = goalId != null && Ids.looksValid(goalId.value()) ? cycleRows.goal(goalId).orElse(null) : null;
		CycleRow cycle = goal == null ? null : cycleRows.cycle(goal.cycleId()).orElse(null);
		Sight sight = cycle == null ? Sight.NONE : sight(viewer, cycle);
		// a goal shown only for the team's help requests stays shown to whoever offered help, and to nobody else
		// once it no longer looks for help
		if (sight == Sight.GOAL_ONLY && !goal.lookingForHelp()
				&& rows.of(goal.id(), viewer.id()).filter(OfferRow::active).isEmpty()) {
			sight = Sight.NONE;
		}
		if (sight == Sight.NONE) {
			throw new NotFoundException("Goal");
		}
		return new Found(cycle, goal, sight);
	}

	/**
	 * FULL when the viewer reads the contract; GOAL_ONLY when the owner shares it with their team and the viewer is in
	 * one of the owner's own teams (not a team above them: the owner was told "your team sees it"); NONE otherwise: a
	 * manager who only sees that the cycle exists does not see what a goal is about.
	 */
	private Sight sight(Viewer viewer, CycleRow cycle) {
		return sight(viewer, cycle, cycleRows.viewers(cycle.id()), organization.contactOf(cycle.personId()).orElse(null),
				viewer.manages().isEmpty() ? Set.of() : organization.withDescendants(viewer.manages()));
	}

	/**
	 * {@link #sight(Viewer, CycleRow)} with what it needs read beforehand: the cycle's named readers and invited, its
	 * owner (null when no longer active) and the viewer's managed team tree.
	 */
	private Sight sight(Viewer viewer, CycleRow cycle, Map<PersonId, Boolean> viewers, Person owner,
			Set<TeamId> managedTree) {
		Optional<CycleAccess> access = cycles.access(viewer, cycle, viewers, owner, managedTree);
		if (access.isPresent() && access.get() != CycleAccess.EXISTENCE) {
			return Sight.FULL;
		}
		if (cycle.visibility() == Visibility.TEAM || cycle.visibility() == Visibility.ORGANIZATION) {
			// only the owner's own teams: the owner was told "your team sees it"
			Set<TeamId> ownerTeams = owner == null ? Set.of() : owner.teamIds();
			if (ownerTeams.stream().anyMatch(viewer.teamIds()::contains)) {
				return Sight.GOAL_ONLY;
			}
		}
		return Sight.NONE;
	}

	private GoalHelp view(Viewer viewer, Found found, List<OfferRow> offers) {
		return view(viewer, found, offers, id -> capabilities.find(new CapabilityId(id)), cycles::ref);
	}

	/** {@code capability} and {@code ref}: how to read a capability and name a person (once each for a list). */
	private GoalHelp view(Viewer viewer, Found found, List<OfferRow> offers,
			Function<String, Optional<Capability>> readCapability,
			Function<PersonId, PersonRef> ref) {
		GoalRow goal = found.goal();
		Optional<Capability> capability = goal.capabilityId() == null ? Optional.empty()
				: readCapability.apply(goal.capabilityId());
		String levelName = capability.isPresent() && goal.targetLevel() != null && goal.targetLevel() > 0
				? capability.get().levelName(goal.targetLevel()) : null;
		boolean owner = viewer.is(found.cycle().personId());
		// an offer's message is for the goal's owner (and its helper): others see who offered, not what they wrote
		List<HelpOffer> views = offers.stream()
			.filter(OfferRow::active)
			.map(HelpRequests::offer)
			.map(o -> owner || viewer.is(o.helper().id()) ? o
					: new HelpOffer(o.id(), o.goalId(), o.helper(), null, o.offeredAt()))
			.toList();
		HelpOffer mine = views.stream().filter(o -> viewer.is(o.helper().id())).findFirst().orElse(null);
		return new GoalHelp(goal.id(), goal.cycleId(), ref.apply(found.cycle().personId()), goal.what(),
				capability.map(Capability::name).orElse(null), levelName, goal.lookingForHelp(),
				found.cycle().status() == CycleStatus.ACTIVE, owner, found.sight() == Sight.FULL, views, mine,
				owner && ShareBack.eligible(found.cycle(), goal));
	}

	private static HelpOffer offer(OfferRow o) {
		return new HelpOffer(o.id(), o.goalId(), new PersonRef(o.helperId(), o.helperName()), o.message(),
				o.createdAt());
	}
}
