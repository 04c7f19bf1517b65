package io.stride.cycles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.stride.cycles.internal.CycleRows;
import io.stride.cycles.internal.CycleRows.CycleRow;
import io.stride.cycles.internal.CycleRows.GoalRow;
import io.stride.drafting.Drafting;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Share back: from a goal of a closed cycle (or one its owner says they learned), "Turn what I learned into a course"
 * drafts a course from the goal's notes — what, evidence, reflection, check-in notes and links to what was produced —
 * as a pasted text source. The draft is the owner's: a course made from it has them as its author, which is what
 * shows them as a contributor.
 */
@Service
public class ShareBack {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	/** The kept draft, and the page that opens it. */
	public record DraftStarted(String draftId, String url) {
	}

	private final CycleRows cycleRows;

	private final LearningCycles cycles;

	private final PeerValidation validation;

	private final Drafting drafting;

	ShareBack(CycleRows cycleRows, LearningCycles cycles, PeerValidation validation, Drafting drafting) {
		this.cycleRows = cycleRows;
		this.cycles = cycles;
		this.validation = validation;
		this.drafting = drafting;
	}

	/** A goal is shared back once its cycle closed, or once its owner says they learned it. */
	static boolean eligible(CycleRow cycle, GoalRow goal) {
		return cycle.status() == CycleStatus.CLOSED || goal.outcome() == GoalOutcome.LEARNED;
	}

	/**
	 * Drafts a course from the owner's goal and keeps the draft for them. 403 for readers of the contract, 404 for
	 * others; 409 while the cycle is active and the goal not learned; the drafting's own refusals (too many drafts
	 * under way) as they are.
	 */
	public DraftStarted courseDraft(Viewer viewer, GoalId goalId) {
		validation.own(viewer, goalId);
		GoalRow goal = cycleRows.goal(goalId).orElseThrow(() -> new NotFoundException("Goal"));
		CycleRow cycle = cycleRows.cycle(goal.cycleId()).orElseThrow(() -> new NotFoundException("Goal"));
		if (!viewer.is(cycle.personId())) {
			throw new ForbiddenException("Only the goal's owner turns it into a course.");
		}
		if (!eligible(cycle, goal)) {
			throw new ConflictException("Share back what you learned once the cycle is closed, or once you say you "
					+ "learned it.");
		}
		try {
			Drafting.Kept kept = drafting.keep(viewer, List::of, sourceText(cycle, goal));
			return new DraftStarted(kept.id(), "/drafts/" + kept.id());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The goal's notes as one text, in the owner's words. */
	String sourceText(CycleRow cycle, GoalRow goal) {
		GoalEvidence evidence = validation.evidence(goal);
		StringBuilder text = new StringBuilder();
		text.append("# ").append(goal.what()).append("\n\n");
		text.append("What ").append(cycles.ref(cycle.personId()).name()).append(" learned in the learning cycle “")
			.append(cycle.title()).append("”");
		if (evidence.capabilityName() != null) {
			text.append(", in ").append(evidence.capabilityName());
			if (evidence.levelName() != null) {
				text.append(" at the level “").append(evidence.levelName()).append("”");
			}
		}
		text.append(".\n\n");
		if (goal.practice() != null) {
			section(text, "How it was practised", goal.practice());
		}
		if (goal.evidence() != null) {
			section(text, "What shows it was learned", goal.evidence());
		}
		if (goal.reflection() != null) {
			section(text, "Reflection", goal.reflection());
		}
		if (goal.nextStep() != null) {
			section(text, "What next", goal.nextStep());
		}
		if (!evidence.checkIns().isEmpty()) {
			text.append("## Notes along the way\n\n");
			for (GoalEvidence.CheckInNote c : evidence.checkIns()) {
				text.append(DAY.format(c.at())).append(": ").append(c.note()).append("\n\n");
			}
		}
		List<CycleRows.LinkRow> links = cycleRows.linksOf(List.of(goal.id())).getOrDefault(goal.id(), List.of());
		if (!links.isEmpty()) {
			text.append("## Links\n\n");
			for (CycleRows.LinkRow l : links) {
				text.append("- ").append("PRODUCED".equals(l.kind()) ? "Produced: " : "Resource: ").append(l.title());
				if (l.url() != null) {
					text.append(" (").append(l.url()).append(")");
				}
				text.append("\n");
			}
			text.append("\n");
		}
		// validators' names and notes were written to the owner, not for a course others read: they stay out
		return text.toString();
	}

	private static void section(StringBuilder text, String heading, String body) {
		text.append("## ").append(heading).append("\n\n").append(body).append("\n\n");
	}
}
