package io.stride.rhythm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.stride.cycles.CycleAccess;
import io.stride.cycles.Goal;
import io.stride.cycles.GoalId;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.TeamCycles;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.internal.BudgetRows;
import io.stride.rhythm.internal.BudgetRows.BudgetRow;
import io.stride.rhythm.internal.BudgetRows.SpendRow;
import io.stride.rhythm.internal.TeamLocks;
import io.stride.shared.ConflictException;
import io.stride.shared.ControlCharacters;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team learning budgets: L&D (and admins) give a team an amount per period; the team's managers spend it on
 * commissions and on external resources named in contract goals without asking anyone. A spend that would go over
 * what is left waits for L&D's approval (the only gate) and counts only once approved. A spend is made on a day and
 * counts in the team's period that holds it; on a day no period holds, nothing is left: a priced spend waits for L&D
 * like any going over, without a budget to count in.
 */
@Service
@Transactional
public class Budgets {

	/** The most an amount may be: larger figures are typing mistakes, not budgets. */
	public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

	public static final int MAX_DESCRIPTION = 500;

	/** Periods shown per team, latest first. */
	public static final int MAX_PERIODS = 24;

	/** A spend's state: counted (APPROVED), waiting for L&D, declined, or released by a cancelled commission. */
	public enum SpendStatus {
		APPROVED, WAITING, DECLINED, RELEASED
	}

	/** What a spend pays for: a commission's cost or an external resource of a contract goal. */
	public enum SpendKind {
		COMMISSION, RESOURCE
	}

	public record Spend(String id, String budgetId, TeamId teamId, SpendKind kind, CommissionId commission,
			GoalId goal, String resourceId, String description, BigDecimal amount, SpendStatus status,
			PersonId requestedBy, Instant createdAt, PersonId decidedBy, Instant decidedAt, String decisionNote) {
	}

	/**
	 * A team's budget for a period: {@code spent} (resources and published commissions), {@code committed} (open
	 * commissions), {@code left} (may be negative once L&D approved going over), {@code waiting} (over-budget spends
	 * waiting for L&D, not counted).
	 */
	public record Budget(String id, TeamId teamId, LocalDate startsOn, LocalDate endsOn, BigDecimal amount,
			String currency, BigDecimal spent, BigDecimal committed, BigDecimal left, BigDecimal waiting,
			List<Spend> spends) {
	}

	/** How a charge went: the spend stored, or null when no budget period holds the day. */
	record Charge(BudgetRow budget, Spend spend) {
	}

	private final BudgetRows rows;

	private final TeamLocks locks;

	private final DecisionRights rights;

	private final Organization organization;

	private final LearningCycles cycles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String defaultCurrency;

	Budgets(BudgetRows rows, TeamLocks locks, DecisionRights rights,
			Organization organization, LearningCycles cycles, ApplicationEventPublisher events, Clock clock,
			@Value("${stride.commissions.currency:EUR}") String defaultCurrency) {
		this.rows = rows;
		this.locks = locks;
		this.rights = rights;
		this.organization = organization;
		this.cycles = cycles;
		this.events = events;
		this.clock = clock;
		this.defaultCurrency = defaultCurrency;
	}

	/** Whether the viewer gives budgets and decides spends over them: L&D and admins. */
	public boolean mayGive(Viewer viewer) {
		return rights.isLearningTeam(viewer);
	}

	/** The currency of amounts when no budget names one. */
	public String defaultCurrency() {
		return defaultCurrency;
	}

	/**
	 * L&D (and admins) give the team a budget for a period. 422 at the field for a missing date, an end before the
	 * start, a period overlapping another of the team's, a negative or too large amount, a currency that is not three
	 * letters; 403 for the team's managers; 404 for everyone else.
	 */
	public Budget give(Viewer viewer, TeamId teamId, LocalDate startsOn, LocalDate endsOn, BigDecimal amount,
			String currency) {
		Team team = rights.team(viewer, teamId);
		if (!rights.isLearningTeam(viewer)) {
			throw new ForbiddenException("Only L&D and admins give a team its learning budget.");
		}
		// the overlap check holds under concurrent requests: a second one waits here for the first to commit
		locks.lock(team.id().value(), TeamLocks.Rule.BUDGET_PERIODS);
		Map<String, String> errors = new LinkedHashMap<>();
		if (startsOn == null) {
			errors.put("startsOn", "Give the first day of the period.");
		}
		if (endsOn == null) {
			errors.put("endsOn", "Give the last day of the period.");
		}
		else if (startsOn != null && endsOn.isBefore(startsOn)) {
			errors.put("endsOn", "The period ends on or after its first day.");
		}
		else if (startsOn != null && rows.overlaps(team.id().value(), startsOn, endsOn)) {
			errors.put("startsOn", "The team already has a budget for part of this period; choose days after it.");
		}
		amountError(amount, "amount", errors);
		String code = currency == null || currency.isBlank() ? defaultCurrency : currency.strip().toUpperCase(Locale.ROOT);
		if (!code.matches("[A-Z]{3}")) {
			errors.put("currency", "Give the currency as its three-letter code, for example EUR.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The budget was not saved.", errors);
		}
		BudgetRow row = new BudgetRow(Ids.newId(), team.id().value(), startsOn, endsOn, money(amount), code,
				viewer.id().value(), clock.instant());
		rows.insert(row);
		// what the team spent on these days without a budget (approved by L&D, or waiting) counts in this one now
		rows.attachSpendsWithoutBudget(row.id(), team.id().value(), startsOn, endsOn);
		return view(List.of(row)).get(0);
	}

	/** The team's budgets, latest period first, with what is spent; for its managers and L&D (404 otherwise). */
	@Transactional(readOnly = true)
	public List<Budget> ofTeam(Viewer viewer, TeamId teamId) {
		Team team = rights.team(viewer, teamId);
		return view(rows.ofTeam(team.id().value(), MAX_PERIODS));
	}

	/** One budget with its spends; for the team's managers and L&D (404 otherwise). */
	@Transactional(readOnly = true)
	public Budget budget(Viewer viewer, String budgetId) {
		BudgetRow row = visibleBudget(viewer, budgetId);
		return view(List.of(row)).get(0);
	}

	/**
	 * A manager of the team (or L&D) pays for an external resource named in a contract goal of someone in the team's
	 * tree; the budget names the team, and the spend counts in the team's period that holds today. Within what is left
	 * it counts at once; over it (or on a day no period holds: nothing is left), 422 at {@code amount} unless
	 * {@code requestApproval}, then it waits for L&D. 422 at the field for a goal the viewer cannot read or of someone
	 * outside the team, a resource not in the goal, a negative or missing amount; 404 for a budget the viewer may not
	 * act on.
	 */
	public Spend spendOnResource(Viewer viewer, String budgetId, GoalId goalId, String resourceId, BigDecimal amount,
			String description, boolean requestApproval) {
		BudgetRow budget = visibleBudget(viewer, budgetId);
		return spendOnResource(viewer, new TeamId(budget.teamId()), goalId, resourceId, amount, description,
				requestApproval);
	}

	/**
	 * {@link #spendOnResource(Viewer, String, GoalId, String, BigDecimal, String, boolean)} for the team itself,
	 * whether or not a budget period holds today; 404 for a team the viewer may not act on.
	 */
	public Spend spendOnResource(Viewer viewer, TeamId teamId, GoalId goalId, String resourceId, BigDecimal amount,
			String description, boolean requestApproval) {
		Team team = rights.team(viewer, teamId);
		Map<String, String> errors = new LinkedHashMap<>();
		Goal.Link resource = null;
		if (goalId == null || goalId.value().isBlank()) {
			errors.put("goalId", "Choose the contract goal that names the resource.");
		}
		else {
			LearningCycles.GoalInCycle found = readableGoal(viewer, goalId);
			Set<PersonId> members = new HashSet<>();
			if (found != null) {
				organization.membersOfTeamTree(team.id()).forEach(p -> members.add(p.id()));
			}
			if (found == null || !members.contains(found.cycle().owner().id())) {
				errors.put("goalId", "Choose a goal of someone in this team whose contract you can read.");
			}
			else {
				resource = found.goal().resources().stream().filter(r -> r.id().equals(resourceId)).findFirst().orElse(null);
				if (resource == null) {
					errors.put("resourceId", "Choose one of the external resources this goal names.");
				}
			}
		}
		amountError(amount, "amount", errors);
		String text = description == null ? "" : description.strip();
		if (text.length() > MAX_DESCRIPTION) {
			errors.put("description", "Keep it to " + MAX_DESCRIPTION + " characters.");
		}
		else if (ControlCharacters.in(text)) {
			errors.put("description", ControlCharacters.MESSAGE);
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Nothing was spent.", errors);
		}
		if (text.isEmpty()) {
			text = resource.title();
		}
		return record(viewer, team, current(team.id()).orElse(null), SpendKind.RESOURCE, null, goalId.value(),
				resourceId, text, money(amount), requestApproval, "amount");
	}

	/** An external resource of a contract goal in the team, to pay for from its budget. */
	public record ResourceChoice(GoalId goal, String resourceId, String title, String url, String personName,
			String goalWhat) {
	}

	/** Active contracts read to offer their resources; a larger team names the goal through the API. */
	static final int MAX_CONTRACTS_OFFERED = 40;

	/**
	 * The external resources named in the goals of active contracts of the team tree that the viewer may read (at most
	 * {@link #MAX_CONTRACTS_OFFERED} contracts); for the team's managers and L&D (404 otherwise).
	 */
	@Transactional(readOnly = true)
	public List<ResourceChoice> resourcesToPay(Viewer viewer, TeamId teamId) {
		Team team = rights.team(viewer, teamId);
		List<ResourceChoice> choices = new ArrayList<>();
		if (!organization.canManage(viewer, team.id())) {
			// L&D who do not manage the team read no contracts here: they name the goal through the API
			return choices;
		}
		List<TeamCycles.Member> members = cycles.team(viewer, team.id()).members();
		int read = 0;
		for (var member : members) {
			if (member.active() == null || member.active().access() == CycleAccess.EXISTENCE) {
				continue;
			}
			if (++read > MAX_CONTRACTS_OFFERED) {
				break;
			}
			var cycle = cycles.cycle(viewer, member.active().id());
			for (Goal goal : cycle.goals()) {
				for (Goal.Link link : goal.resources()) {
					choices.add(new ResourceChoice(goal.id(), link.id(), link.title(), link.url(), member.person().name(),
							goal.what()));
				}
			}
		}
		return choices;
	}

	/** L&D approves a spend that goes over the budget: it counts from now. 404 for others, 409 once decided. */
	public Spend approve(Viewer viewer, String spendId, String note) {
		return decide(viewer, spendId, SpendStatus.APPROVED, note);
	}

	/** L&D declines a spend that would go over the budget: it never counts. 404 for others, 409 once decided. */
	public Spend decline(Viewer viewer, String spendId, String note) {
		return decide(viewer, spendId, SpendStatus.DECLINED, note);
	}

	/** Spends waiting for L&D's approval, oldest first; for L&D and admins (empty for others). */
	@Transactional(readOnly = true)
	public List<Spend> waiting(Viewer viewer) {
		if (!rights.isLearningTeam(viewer)) {
			return List.of();
		}
		return rows.waiting(200).stream().map(Budgets::spend).toList();
	}

	/** The spend of a commission's cost, if it was charged to a budget. */
	@Transactional(readOnly = true)
	Optional<Spend> spendOfCommission(CommissionId commission) {
		return rows.spendOfCommission(commission.value()).map(Budgets::spend);
	}

	/** The latest spend of each of these commissions; commissions never charged are absent. */
	@Transactional(readOnly = true)
	Map<CommissionId, Spend> funding(Collection<CommissionId> commissions) {
		Map<CommissionId, Spend> found = new HashMap<>();
		rows.spendsOfCommissions(commissions.stream().map(CommissionId::value).toList())
			.forEach(s -> found.put(new CommissionId(s.commissionId()), spend(s)));
		return found;
	}

	/** The budget period of the team that holds today (UTC), if any. */
	@Transactional(readOnly = true)
	Optional<BudgetRow> current(TeamId team) {
		return rows.covering(team.value(), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
	}

	/**
	 * Checks a commission's cost against what the team's current budget has left before anything is stored (422 at the
	 * field); on a day no budget period holds, nothing is left. A commission without a cost is never held up.
	 */
	void checkCharge(TeamId team, BigDecimal cost, boolean requestApproval, String field) {
		if (cost.signum() == 0 || requestApproval) {
			return;
		}
		BudgetRow budget = current(team).orElse(null);
		if (budget == null) {
			throw new InvalidInputException(field, noBudgetMessage(team));
		}
		if (cost.compareTo(left(budget)) > 0) {
			throw new InvalidInputException(field, overMessage(budget, cost));
		}
	}

	/**
	 * Charges a new commission's cost to the team's current budget; on a day no budget period holds it waits for L&D
	 * without one. A commission without a cost is not charged.
	 */
	Spend charge(Viewer viewer, TeamId team, CommissionId commission, String description, BigDecimal cost,
			boolean requestApproval, String field) {
		if (cost.signum() == 0) {
			return null;
		}
		return record(viewer, rights.team(viewer, team), current(team).orElse(null), SpendKind.COMMISSION,
				commission.value(), null, null, description, cost, requestApproval, field);
	}

	/**
	 * The team's spends made on days no budget period held (waiting for L&D, or decided), newest first; for its
	 * managers and L&D (404 otherwise).
	 */
	@Transactional(readOnly = true)
	public List<Spend> withoutBudget(Viewer viewer, TeamId teamId) {
		Team team = rights.team(viewer, teamId);
		return rows.withoutBudget(team.id().value(), MAX_LISTED_WITHOUT_BUDGET).stream().map(Budgets::spend).toList();
	}

	/** Spends without a budget listed on a team's page. */
	static final int MAX_LISTED_WITHOUT_BUDGET = 100;

	/** Who gives budgets and decides going over them, by name (at most three), for messages that say whom to ask. */
	@Transactional(readOnly = true)
	public String whoDecides() {
		List<PersonId> people = rights.learningTeamPeople();
		Map<PersonId, Organization.Credit> names = organization.credits(people.subList(0, Math.min(3, people.size())));
		List<String> named = people.stream().limit(3).map(names::get).filter(Objects::nonNull)
			.map(Organization.Credit::name).toList();
		return named.isEmpty() ? "L&D" : "L&D (" + String.join(", ", named) + (people.size() > 3 ? " and others" : "") + ")";
	}

	/** A cancelled commission's cost no longer counts. */
	void release(CommissionId commission) {
		rows.release(commission.value());
	}

	/**
	 * Stores a spend in {@code budget} (the team's period that holds today), or without one when no period holds
	 * today: then nothing is left, and a priced spend waits for L&D like any going over.
	 */
	private Spend record(Viewer viewer, Team team, BudgetRow current, SpendKind kind, String commissionId,
			String goalId, String resourceId, String description, BigDecimal amount, boolean requestApproval,
			String field) {
		// one spend at a time per budget: two at once cannot both fit in what is left
		BudgetRow budget = current == null ? null
				: rows.lock(current.id()).orElseThrow(() -> new NotFoundException("Budget"));
		SpendStatus status = SpendStatus.APPROVED;
		if (budget == null ? amount.signum() > 0 : amount.compareTo(left(budget)) > 0) {
			if (!requestApproval) {
				throw new InvalidInputException(field,
						budget == null ? noBudgetMessage(team.id()) : overMessage(budget, amount));
			}
			status = SpendStatus.WAITING;
		}
		SpendRow row = new SpendRow(Ids.newId(), budget == null ? null : budget.id(), team.id().value(), kind.name(),
				commissionId, goalId, resourceId, description, amount, status.name(), viewer.id().value(),
				clock.instant(), null, null, null);
		rows.insert(row);
		if (status == SpendStatus.WAITING) {
			events.publishEvent(new BudgetApprovalRequested(row.id(), team.id(), viewer.id(), viewer.name(),
					description, amount, budget == null ? defaultCurrency : budget.currency(), budget == null,
					rights.learningTeamPeople()));
		}
		return spend(row);
	}

	private String noBudgetMessage(TeamId team) {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		return "There is no learning budget for this team for " + today + ", so nothing is left to spend. "
				+ whoDecides() + " gives a team its budget: ask them to approve this spend, or to give the team a "
				+ "budget for the period.";
	}

	private String overMessage(BudgetRow budget, BigDecimal amount) {
		return "This would go over the budget: " + budget.currency() + " " + left(budget).max(BigDecimal.ZERO.setScale(2))
				+ " is left of " + budget.currency() + " " + budget.amount() + " for " + budget.startsOn() + " to "
				+ budget.endsOn() + ", and this is " + budget.currency() + " " + amount
				+ ". Lower it, or ask L&D to approve going over.";
	}

	private Spend decide(Viewer viewer, String spendId, SpendStatus verdict, String note) {
		SpendRow found = Ids.looksValid(spendId) ? rows.spend(spendId).orElse(null) : null;
		if (found == null || !rights.mayAct(viewer, new TeamId(found.teamId()))) {
			throw new NotFoundException("Spend");
		}
		if (!rights.isLearningTeam(viewer)) {
			throw new ForbiddenException("Only L&D approves going over a budget.");
		}
		String text = note == null ? null : note.strip();
		if (text != null && text.length() > MAX_DESCRIPTION) {
			throw new InvalidInputException("note", "Keep the note to " + MAX_DESCRIPTION + " characters.");
		}
		if (text != null && ControlCharacters.in(text)) {
			throw new InvalidInputException("note", ControlCharacters.MESSAGE);
		}
		if (found.budgetId() != null) {
			rows.lock(found.budgetId());
		}
		if (!rows.decide(found.id(), verdict.name(), viewer.id().value(), clock.instant(),
				text == null || text.isEmpty() ? null : text)) {
			throw new ConflictException("This spend was decided already (" + found.status()
				.toLowerCase(Locale.ROOT) + ").");
		}
		Spend decided = rows.spend(found.id()).map(Budgets::spend).orElseThrow();
		events.publishEvent(new BudgetSpendDecided(decided.id(), decided.teamId(), decided.requestedBy(),
				decided.description(), decided.amount(), verdict == SpendStatus.APPROVED, decided.decisionNote(),
				decided.commission(), viewer.id()));
		return decided;
	}

	private BudgetRow visibleBudget(Viewer viewer, String budgetId) {
		BudgetRow row = Ids.looksValid(budgetId) ? rows.budget(budgetId).orElse(null) : null;
		if (row == null || !rights.mayAct(viewer, new TeamId(row.teamId()))) {
			throw new NotFoundException("Budget");
		}
		return row;
	}

	private LearningCycles.GoalInCycle readableGoal(Viewer viewer, GoalId goalId) {
		try {
			return cycles.goal(viewer, goalId);
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	private BigDecimal left(BudgetRow budget) {
		BudgetRows.Totals t = rows.totals(List.of(budget.id())).get(budget.id());
		return t == null ? budget.amount() : budget.amount().subtract(nz(t.spent())).subtract(nz(t.committed()));
	}

	private List<Budget> view(List<BudgetRow> budgets) {
		List<String> ids = budgets.stream().map(BudgetRow::id).toList();
		Map<String, BudgetRows.Totals> totals = rows.totals(ids);
		Map<String, List<Spend>> spends = new LinkedHashMap<>();
		for (SpendRow s : rows.spendsOf(ids)) {
			spends.computeIfAbsent(s.budgetId(), k -> new ArrayList<>()).add(spend(s));
		}
		List<Budget> result = new ArrayList<>();
		for (BudgetRow b : budgets) {
			BudgetRows.Totals t = totals.get(b.id());
			BigDecimal spent = money(t == null ? null : t.spent());
			BigDecimal committed = money(t == null ? null : t.committed());
			List<Spend> own = spends.getOrDefault(b.id(), List.of());
			BigDecimal waiting = money(own.stream()
				.filter(s -> s.status() == SpendStatus.WAITING)
				.map(Spend::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add));
			result.add(new Budget(b.id(), new TeamId(b.teamId()), b.startsOn(), b.endsOn(), money(b.amount()),
					b.currency(), spent, committed, b.amount().subtract(spent).subtract(committed), waiting, own));
		}
		return result;
	}

	static void amountError(BigDecimal amount, String field, Map<String, String> errors) {
		if (amount == null) {
			errors.put(field, "Give an amount.");
		}
		else if (amount.signum() < 0) {
			errors.put(field, "Give an amount of 0 or more; it cannot be negative.");
		}
		else if (amount.compareTo(MAX_AMOUNT) > 0) {
			errors.put(field, "Give an amount below 100,000,000.");
		}
		else if (amount.stripTrailingZeros().scale() > 2) {
			errors.put(field, "Give the amount with at most two decimals.");
		}
	}

	static BigDecimal money(BigDecimal amount) {
		return amount == null ? BigDecimal.ZERO.setScale(2) : amount.setScale(2, RoundingMode.HALF_UP);
	}

	private static BigDecimal nz(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}

	private static Spend spend(SpendRow s) {
		return new Spend(s.id(), s.budgetId(), new TeamId(s.teamId()), SpendKind.valueOf(s.kind()),
				s.commissionId() == null ? null : new CommissionId(s.commissionId()),
				s.goalId() == null ? null : new GoalId(s.goalId()), s.resourceId(), s.description(), money(s.amount()),
				SpendStatus.valueOf(s.status()), new PersonId(s.requestedBy()), s.createdAt(),
				s.decidedBy() == null ? null : new PersonId(s.decidedBy()), s.decidedAt(), s.decisionNote());
	}
}
