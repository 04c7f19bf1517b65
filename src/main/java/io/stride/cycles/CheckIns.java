package io.stride.cycles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.cycles.internal.CheckInRows;
import io.stride.cycles.internal.CheckInRows.CheckInRow;
import io.stride.cycles.internal.CycleRows;
import io.stride.cycles.internal.CycleRows.CycleRow;
import io.stride.cycles.internal.CycleRows.GoalRow;
import io.stride.cycles.internal.CycleRows.LinkRow;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ControlCharacters;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens during a cycle: the owner checks in (a short note and progress per goal, optionally the minutes spent)
 * and keeps links to what the goal produced. Readers of the contract read the history; a manager who only sees that
 * the cycle exists does not. Only the owner writes (403 for readers, 404 for others); a closed cycle is history (409).
 */
@Service
@Transactional
public class CheckIns {

	public static final int MAX_NOTE = 1000;

	/** A day's worth: more in one check-in is a typo. */
	public static final int MAX_MINUTES = 1440;

	/** How close together two identical check-ins on a goal count as one submitted twice. */
	static final Duration SAME_CHECK_IN = Duration.ofMinutes(1);

	/** What the owner says of one goal; {@code progress} null keeps the goal's progress, {@code minutes} null is 0. */
	public record GoalCheckIn(GoalId goalId, String note, Integer progress, Integer minutes) {
	}

	public record CheckIn(String id, CycleId cycleId, GoalId goalId, String note, int progress, int minutes,
			Instant createdAt) {

		static CheckIn of(CheckInRow r) {
			return new CheckIn(r.id(), r.cycleId(), r.goalId(), r.note(), r.progress(), r.minutes(), r.createdAt());
		}
	}

	private final LearningCycles cycles;

	private final CycleRows rows;

	private final CheckInRows checkIns;

	private final Clock clock;

	CheckIns(LearningCycles cycles, CycleRows rows, CheckInRows checkIns, Clock clock) {
		this.cycles = cycles;
		this.rows = rows;
		this.checkIns = checkIns;
		this.clock = clock;
	}

	/**
	 * Checks in on some goals of the viewer's own active cycle at once. An entry that says nothing (no note, no
	 * minutes, its progress unchanged) is skipped. 422 at {@code goals} when nothing is left; at
	 * {@code goals[<goal id>].note} for a missing, too long or control-character note, {@code .progress} outside
	 * 0–100, {@code .minutes} outside 0–1440, and at {@code goals[<goal id>]} for a goal that is not one of the
	 * cycle's (or named twice). Nothing is saved unless every entry checks out.
	 */
	public List<CheckIn> checkIn(Viewer viewer, CycleId cycleId, List<GoalCheckIn> entries) {
		CycleRow cycle = ownActive(viewer, cycleId);
		Map<GoalId, GoalRow> goals = new LinkedHashMap<>();
		rows.goalsOf(List.of(cycle.id())).forEach(g -> goals.put(g.id(), g));
		Map<String, String> errors = new LinkedHashMap<>();
		List<CheckInRow> toSave = new ArrayList<>();
		Set<GoalId> seen = new HashSet<>();
		Instant now = clock.instant();
		for (GoalCheckIn e : entries == null ? List.<GoalCheckIn>of() : entries) {
			if (e == null) {
				continue;
			}
			String key = "goals[" + (e.goalId() == null ? "" : e.goalId().value()) + "]";
			GoalRow goal = e.goalId() == null ? null : goals.get(e.goalId());
			if (goal == null || !seen.add(goal.id())) {
				errors.put(key, goal == null ? "Check in on goals of this contract." : "Check in once per goal.");
				continue;
			}
			String note = e.note() == null ? "" : e.note().strip();
			boolean progressChanged = e.progress() != null && e.progress() != goal.progress();
			if (note.isEmpty() && e.minutes() == null && !progressChanged) {
				continue;
			}
			if (note.isEmpty()) {
				errors.put(key + ".note", "Add a short note: what you did, what you learned, what is next.");
			}
			else if (note.length() > MAX_NOTE) {
				errors.put(key + ".note", "Keep the note to " + MAX_NOTE + " characters (this has " + note.length() + ").");
			}
			else if (ControlCharacters.in(note)) {
				errors.put(key + ".note", ControlCharacters.MESSAGE);
			}
			int progress = e.progress() == null ? goal.progress() : e.progress();
			if (progress < 0 || progress > 100) {
				errors.put(key + ".progress", "Progress is a percentage from 0 to 100.");
			}
			int minutes = e.minutes() == null ? 0 : e.minutes();
			if (minutes < 0 || minutes > MAX_MINUTES) {
				errors.put(key + ".minutes", "Log 0 to " + MAX_MINUTES + " minutes (a day) per check-in.");
			}
			toSave.add(new CheckInRow(Ids.newId(), cycle.id(), goal.id(), note, progress, minutes, now));
		}
		if (errors.isEmpty() && toSave.isEmpty()) {
			errors.put("goals", "Check in on at least one goal: a short note and its progress.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The check-in was not saved.", errors);
		}
		for (CheckInRow r : toSave) {
			// a double submit (the same note, progress and minutes on the goal within a minute) is saved once, and
			// its minutes counted once; the lock makes the second request wait for the first
			checkIns.lockGoal(r.goalId());
			if (checkIns.sameSince(r, now.minus(SAME_CHECK_IN))) {
				continue;
			}
			checkIns.insert(r);
			rows.updateProgress(r.goalId(), r.progress(), r.minutes(), now);
		}
		// what was asked for, also when it was saved by the first of two identical submits
		return toSave.stream().map(CheckIn::of).toList();
	}

	/** A cycle's check-ins, newest first; empty for a manager who only sees that it exists; 404 for others. */
	@Transactional(readOnly = true)
	public List<CheckIn> ofCycle(Viewer viewer, CycleId cycleId) {
		LearningCycle cycle = cycles.cycle(viewer, cycleId);
		if (cycle.access() == CycleAccess.EXISTENCE) {
			return List.of();
		}
		return checkIns.ofCycle(cycle.id()).stream().map(CheckIn::of).toList();
	}

	/** A goal's check-ins, newest first; empty for a manager who only sees that it exists; 404 for others. */
	@Transactional(readOnly = true)
	public List<CheckIn> ofGoal(Viewer viewer, GoalId goalId) {
		LearningCycles.GoalInCycle found = cycles.goal(viewer, goalId);
		if (found.cycle().access() == CycleAccess.EXISTENCE) {
			return List.of();
		}
		return checkIns.ofGoal(goalId).stream().map(CheckIn::of).toList();
	}

	// --- links to what was produced ----------------------------------------------------------------------------

	/**
	 * Adds a link to what a goal of the viewer's active cycle produced. 422 at {@code title} (required, 200
	 * characters of plain text) and {@code url} (required, http or https); 422 past {@link LearningCycles#MAX_LINKS}.
	 */
	public Goal.Link addProduced(Viewer viewer, GoalId goalId, String title, String url) {
		GoalRow goal = ownGoal(viewer, goalId);
		ownActive(viewer, goal.cycleId());
		Map<String, String> errors = new LinkedHashMap<>();
		String t = title == null ? "" : title.strip();
		if (t.isEmpty()) {
			errors.put("title", "Name what you produced (a document, a pull request, a talk).");
		}
		else if (t.length() > LearningCycles.MAX_TITLE || ControlCharacters.in(t)) {
			errors.put("title", "Keep the title to " + LearningCycles.MAX_TITLE + " characters of plain text.");
		}
		String u = url == null ? "" : url.strip();
		if (u.isEmpty()) {
			errors.put("url", "Give the link to what you produced.");
		}
		else if (!LearningCycles.webAddress(u)) {
			errors.put("url", "Links must be web addresses starting with http:// or https://.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The link was not added.", errors);
		}
		if (checkIns.producedCount(goal.id()) >= LearningCycles.MAX_LINKS) {
			throw new InvalidInputException("A goal keeps at most " + LearningCycles.MAX_LINKS
					+ " links to what it produced; remove one first.", Map.of());
		}
		LinkRow link = new LinkRow(Ids.newId(), goal.id(), "PRODUCED", t, u);
		rows.insertLink(link, clock.instant());
		return new Goal.Link(link.id(), t, u);
	}

	/** Removes a link to what a goal of the viewer's active cycle produced; 404 for a link the goal does not have. */
	public void removeProduced(Viewer viewer, GoalId goalId, String linkId) {
		GoalRow goal = ownGoal(viewer, goalId);
		ownActive(viewer, goal.cycleId());
		if (linkId == null || !checkIns.deleteProduced(goal.id(), linkId)) {
			throw new NotFoundException("Link");
		}
	}

	private GoalRow ownGoal(Viewer viewer, GoalId goalId) {
		GoalRow goal = goalId == null || goalId.value() == null || !Ids.looksValid(goalId.value()) ? null
				: rows.goal(goalId).orElse(null);
		if (goal == null) {
			throw new NotFoundException("Goal");
		}
		return goal;
	}

	private CycleRow ownActive(Viewer viewer, CycleId id) {
		CycleRow row = cycles.readable(viewer, id);
		if (!viewer.is(row.personId())) {
			throw new ForbiddenException("Only the owner of a contract checks in on it; you may comment on its goals.");
		}
		if (row.status() != CycleStatus.ACTIVE) {
			throw new ConflictException("This cycle is closed; check in on your current one.");
		}
		return row;
	}
}
