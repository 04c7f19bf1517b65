package io.stride.cycles;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.stride.cycles.internal.CheckInRows;
import io.stride.cycles.internal.CycleRows.CycleRow;
import io.stride.cycles.internal.CycleRows.GoalRow;
import io.stride.cycles.internal.CycleRows;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ControlCharacters;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing a cycle: its owner, whenever they like and without anyone's approval, says of each goal whether they learned
 * it (learned, partly, not yet), reflects and names a next step, and may carry unfinished goals into a new cycle that
 * starts today in the same transaction. Publishes {@link CycleClosed}.
 */
@Service
@Transactional
public class CycleClosing {

	public static final int MAX_REFLECTION = 2000;

	public static final int MAX_NEXT_STEP = 1000;

	/** What the owner says of one goal when closing. */
	public record GoalReflection(GoalId goalId, GoalOutcome outcome, String reflection, String nextStep) {
	}

	/**
	 * How to close: a reflection per goal, the goals to carry into the next cycle, and that cycle's length ({@code days}:
	 * null for the length of the cycle closed) and title (null: the closed cycle's, marked "continued").
	 */
	public record Closing(List<GoalReflection> goals, List<GoalId> carryOver, Integer days, String title) {

		public Closing {
			goals = goals == null ? List.of() : goals;
			carryOver = carryOver == null ? List.of() : carryOver;
		}
	}

	/** The closed cycle as its owner reads it, and the cycle its carried goals went to (null when none). */
	public record Closed(LearningCycle cycle, CycleId next) {
	}

	private final LearningCycles cycles;

	private final CycleRows rows;

	private final CheckInRows work;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CycleClosing(LearningCycles cycles, CycleRows rows, CheckInRows work, ApplicationEventPublisher events,
			Clock clock) {
		this.cycles = cycles;
		this.rows = rows;
		this.work = work;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Closes the viewer's own active cycle. 422 at {@code goals[<goal id>].outcome} for a goal without an outcome, at
	 * {@code goals[<goal id>].reflection} / {@code .nextStep} for a text that is too long or holds control characters,
	 * at {@code goals} for a reflection on a goal that is not the cycle's, at {@code carryOver} for a goal that is not
	 * the cycle's or was learned, at {@code days} for a next cycle outside 30–92 days, at {@code title} for a long
	 * title. 409 when the cycle is closed already, or when goals are carried and the person has another active cycle.
	 * 403 for readers, 404 for everyone else.
	 */
	public Closed close(Viewer viewer, CycleId cycleId, Closing closing) {
		CycleRow cycle = cycles.readable(viewer, cycleId);
		if (!viewer.is(cycle.personId())) {
			throw new ForbiddenException("Only the owner of a contract closes it.");
		}
		if (cycle.status() != CycleStatus.ACTIVE) {
			throw new ConflictException("This cycle is closed already.");
		}
		List<GoalRow> goals = rows.goalsOf(List.of(cycle.id()));
		Map<GoalId, GoalRow> byId = new LinkedHashMap<>();
		goals.forEach(g -> byId.put(g.id(), g));
		Map<String, String> errors = new LinkedHashMap<>();
		Map<GoalId, GoalReflection> said = new HashMap<>();
		for (GoalReflection r : closing.goals()) {
			if (r == null) {
				continue;
			}
			if (r.goalId() == null || !byId.containsKey(r.goalId())) {
				errors.put("goals", "Reflect on the goals of this contract.");
				continue;
			}
			said.put(r.goalId(), r);
		}
		Map<GoalId, String[]> texts = new HashMap<>();
		for (GoalRow g : goals) {
			String key = "goals[" + g.id().value() + "]";
			GoalReflection r = said.get(g.id());
			if (r == null || r.outcome() == null) {
				errors.put(key + ".outcome", "Say whether you learned it: learned, partly or not yet.");
			}
			String reflection = CycleDiscussion.text(r == null ? null : r.reflection(), MAX_REFLECTION,
					key + ".reflection", errors);
			String next = CycleDiscussion.text(r == null ? null : r.nextStep(), MAX_NEXT_STEP, key + ".nextStep", errors);
			texts.put(g.id(), new String[] { reflection, next });
		}
		List<GoalRow> carried = new ArrayList<>();
		for (GoalId id : new LinkedHashSet<>(closing.carryOver())) {
			GoalRow g = id == null ? null : byId.get(id);
			if (g == null) {
				errors.put("carryOver", "Carry over goals of this contract.");
			}
			else if (said.containsKey(id) && said.get(id).outcome() == GoalOutcome.LEARNED) {
				errors.put("carryOver", "“" + g.what() + "” is learned; carry over only what you did not finish.");
			}
			else {
				carried.add(g);
			}
		}
		long before = ChronoUnit.DAYS.between(cycle.startsOn(), cycle.endsOn());
		int days = closing.days() == null
				? (int) Math.max(LearningCycles.MIN_DAYS, Math.min(LearningCycles.MAX_DAYS, before)) : closing.days();
		if (!closing.carryOver().isEmpty() && (days < LearningCycles.MIN_DAYS || days > LearningCycles.MAX_DAYS)) {
			errors.put("days", "The next cycle lasts " + LearningCycles.MIN_DAYS + " to " + LearningCycles.MAX_DAYS
					+ " days; this one would last " + days + ".");
		}
		String title = closing.title() == null ? "" : closing.title().strip();
		if (title.length() > LearningCycles.MAX_TITLE) {
			errors.put("title", "Keep the title to " + LearningCycles.MAX_TITLE + " characters.");
		}
		else if (ControlCharacters.in(title)) {
			errors.put("title", ControlCharacters.MESSAGE);
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The cycle was not closed.", errors);
		}
		if (!carried.isEmpty() && rows.cyclesOf(cycle.personId())
			.stream()
			.anyMatch(c -> c.status() == CycleStatus.ACTIVE && !c.id().equals(cycle.id()))) {
			throw new ConflictException("You have another active cycle; close it first or carry nothing over.");
		}
		Instant now = clock.instant();
		// closed first, and only if still active: of two requests closing at once (a double submit) the second waits
		// for the first's row lock, finds the cycle closed and changes nothing
		if (!rows.close(cycle.id(), now)) {
			throw new ConflictException("This cycle is closed already.");
		}
		for (GoalRow g : goals) {
			String[] t = texts.get(g.id());
			rows.reflect(g.id(), said.get(g.id()).outcome(), t[0], t[1], now);
		}
		CycleId next = carried.isEmpty() ? null : carryOver(cycle, carried, days, title, now);
		int validated = work.validatedAmong(goals.stream().map(GoalRow::id).toList());
		events.publishEvent(new CycleClosed(cycle.id(), cycle.personId(), goals.size(), validated, now));
		return new Closed(cycles.cycle(viewer, cycle.id()), next);
	}

	private CycleId carryOver(CycleRow from, List<GoalRow> goals, int days, String title, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		String name = title.isEmpty() ? continued(from.title()) : title;
		Integer reminder = from.reminderAfterDays() == null || from.reminderAfterDays() < days
				? from.reminderAfterDays() : null;
		CycleRow row = new CycleRow(new CycleId(Ids.newId()), from.personId(), name, today, today.plusDays(days),
				CycleStatus.ACTIVE, from.visibility(), from.id(), reminder, null, 0, now, now, null);
		try {
			rows.insert(row);
		}
		catch (DuplicateKeyException e) {
			// another active cycle was started at the same moment (PostgreSQL's one-active-cycle index)
			throw new ConflictException("You have another active cycle; close it first or carry nothing over.");
		}
		Map<PersonId, Boolean> viewers = rows.viewers(from.id());
		rows.replaceNamedViewers(row.id(), viewers.entrySet()
			.stream()
			.filter(e -> !e.getValue())
			.map(Map.Entry::getKey)
			.toList());
		viewers.forEach((person, invited) -> {
			if (invited) {
				rows.invite(row.id(), person);
			}
		});
		cycles.copyGoals(goals, row.id(), now);
		return row.id();
	}

	private static String continued(String title) {
		String suffix = " (continued)";
		if (title.endsWith(suffix)) {
			return title;
		}
		return title.length() + suffix.length() > LearningCycles.MAX_TITLE
				? title.substring(0, LearningCycles.MAX_TITLE - suffix.length()) + suffix : title + suffix;
	}
}
