package io.stride.tracks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.cycles.LearningCycles;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.library.Component;
import io.stride.library.ComponentKind;
import io.stride.library.Library;
import io.stride.mastery.Checklists;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a person does with each open step of their track: open the course or the component, the observed task and who
 * signs it off, start a goal in their cycle from a goal suggestion, follow an external activity's link; and how the
 * step then counts as done. Read for the person's own pages and, without their cycle, for their manager.
 */
@Service
public class StepActions {

	/**
	 * One step's action: {@code label} of the link to {@code href} (null when there is nothing to open) and
	 * {@code hint}, what to do and how the step is then done.
	 */
	public record StepAction(String label, String href, String hint) {
	}

	private final Library library;

	private final Checklists checklists;

	private final LearningCycles cycles;

	private final Organization organization;

	StepActions(Library library, Checklists checklists, LearningCycles cycles, Organization organization) {
		this.library = library;
		this.checklists = checklists;
		this.cycles = cycles;
		this.organization = organization;
	}

	/** Per step id, the action of each open step of {@code progress}, as {@code viewer} (the person or a manager) reads it. */
	@Transactional(readOnly = true)
	public Map<String, StepAction> of(Viewer viewer, TrackProgress.Progress progress) {
		Map<String, StepAction> actions = new LinkedHashMap<>();
		PersonId person = progress.enrolment().personId();
		boolean own = viewer.is(person);
		Optional<String> cycle = null;
		for (TrackProgress.StepProgress s : progress.steps()) {
			if (s.state() != TrackProgress.State.OPEN) {
				continue;
			}
			TrackStep step = s.step();
			StepAction action = switch (step.kind()) {
				case COURSE -> step.courseId() == null ? null
						: new StepAction("Open the course", "/learning/courses/" + step.courseId().value(),
								"Done when the course is completed.");
				case COMPONENT -> component(viewer, step);
				case OBSERVED_TASK -> observed(step, person, s.selfConfirm(), own);
				case GOAL_SUGGESTION -> {
					if (!own) {
						yield new StepAction(null, null, "Done when a goal taken from it is closed as learned in their "
								+ "cycle.");
					}
					if (cycle == null) {
						cycle = cycles.active(viewer).map(c -> c.id().value());
					}
					yield goal(step, cycle);
				}
				case EXTERNAL -> new StepAction(step.externalUrl() == null ? null : "Open the activity",
						step.externalUrl(), confirmedHow(s, own));
			};
			if (action != null) {
				actions.put(step.id(), action);
			}
		}
		return actions;
	}

	/**
	 * Per step id, the step's kind as a learner names it: a component step says what the component is (Lesson, Module,
	 * Question); the others their kind ("Observed task").
	 */
	@Transactional(readOnly = true)
	public Map<String, String> kinds(Viewer viewer, List<TrackStep> steps) {
		Map<String, String> kinds = new LinkedHashMap<>();
		for (TrackStep step : steps) {
			String kind = step.kind().name().charAt(0) + step.kind().name().substring(1).toLowerCase(java.util.Locale.ROOT)
				.replace('_', ' ');
			if (step.kind() == io.stride.tracks.StepKind.COMPONENT && step.componentId() != null) {
				try {
					kind = library.component(viewer, step.componentId()).kind().label();
				}
				catch (NotFoundException | IllegalArgumentException e) {
					// a component the reader may not open keeps the general word
				}
			}
			kinds.put(step.id(), kind);
		}
		return kinds;
	}

	private StepAction component(Viewer viewer, TrackStep step) {
		String hint = "Done when you have read it (here or in any course that reuses it).";
		try {
			Component component = library.component(viewer, step.componentId());
			String course = "/learning/courses/" + component.sourceCourseId().value();
			return component.kind() == ComponentKind.MODULE
					? new StepAction("Open the module in “" + component.sourceCourseTitle() + "”", course, hint)
					: new StepAction("Open the lesson", course + "/lessons/" + component.id(), hint);
		}
		catch (NotFoundException | IllegalArgumentException e) {
			return new StepAction(null, null, hint);
		}
	}

	private StepAction observed(TrackStep step, PersonId person, boolean selfConfirm, boolean own) {
		if (step.checklistTaskId() == null) {
			return new StepAction(null, null, "Do it, then " + (selfConfirm ? (own ? "mark it done here" : "they mark it "
					+ "done here, or you confirm it") : (own ? "your manager confirms it" : "you confirm it")) + ".");
		}
		Optional<Checklists.TaskInfo> task = checklists.taskInfo(step.checklistTaskId());
		if (task.isEmpty()) {
			return new StepAction(null, null, "Done when the task is signed off.");
		}
		List<PersonId> signers = checklists.signersFor(step.checklistTaskId(), person);
		List<String> names = organization.credits(signers).values().stream().map(Organization.Credit::name).sorted()
			.toList();
		return new StepAction(null, null, "Do “" + task.get().task().title() + "” (" + task.get().courseTitle() + ", "
				+ task.get().teamName() + ") while someone who signs it off watches: "
				+ (names.isEmpty() ? "your manager" : String.join(", ", names)) + ". Done when they sign it off.");
	}

	private static StepAction goal(TrackStep step, Optional<String> cycle) {
		String what = step.goalText() != null ? step.goalText() : step.title();
		String hint = "Done when the goal is closed as learned.";
		if (cycle.isEmpty()) {
			return new StepAction("Start a cycle", "/cycles/new", "Start a learning cycle, then add the goal “" + what
					+ "” to it. " + hint);
		}
		UriComponentsBuilder href = UriComponentsBuilder.fromPath("/cycles/{id}/goals/new").queryParam("what", what);
		if (step.capabilityId() != null) {
			href.queryParam("capabilityLevel", step.capabilityId() + ":0");
		}
		return new StepAction("Start a goal in your cycle", href.encode().buildAndExpand(cycle.get()).toUriString(),
				"The goal is filled in from the suggestion; change it as you like before saving. " + hint);
	}

	private static String confirmedHow(TrackProgress.StepProgress s, boolean own) {
		if (s.selfConfirm()) {
			return own ? "When you have finished it, mark it done here." : "They mark it done here when finished, or you "
					+ "confirm it.";
		}
		return own ? "When you have finished it, your manager confirms it." : "You confirm it when they have finished it.";
	}
}
