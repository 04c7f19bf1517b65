package io.stride.rhythm.web;

import java.util.List;
import java.util.Optional;

import io.stride.cycles.LearningCycle;
import io.stride.cycles.LearningCycles;
import io.stride.identity.Viewer;
import io.stride.rhythm.Intervention;
import io.stride.rhythm.InterventionId;
import io.stride.rhythm.InterventionKind;
import io.stride.rhythm.Interventions;
import io.stride.shared.ConflictException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Addressed to you": the interventions a person owns or is named in, and the learning-cycle goals proposed to them,
 * which they take (the goal form opens prefilled in their active cycle) or leave.
 */
@Controller
class InterventionsController {

	private final Interventions interventions;

	private final LearningCycles cycles;

	InterventionsController(Interventions interventions, LearningCycles cycles) {
		this.interventions = interventions;
		this.cycles = cycles;
	}

	@GetMapping("/interventions")
	String mine(Viewer me, Model model) {
		List<Intervention> found = interventions.addressedTo(me);
		model.addAttribute("proposals", found.stream()
			.filter(i -> i.kind() == InterventionKind.PROPOSE_CYCLE_GOAL && me.is(i.personId()))
			.toList());
		model.addAttribute("interventions", found.stream()
			.filter(i -> !(i.kind() == InterventionKind.PROPOSE_CYCLE_GOAL && me.is(i.personId())))
			.toList());
		return "rhythm/interventions";
	}

	@PostMapping("/interventions/{id}/take")
	String take(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		Intervention taken;
		try {
			taken = interventions.answer(me, new InterventionId(id), true);
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			return "redirect:/interventions";
		}
		Optional<LearningCycle> active = cycles.active(me);
		if (active.isEmpty()) {
			redirect.addFlashAttribute("notice", "You took the proposal “" + taken.description() + "”. Start a learning "
					+ "cycle, then add it as a goal.");
			return "redirect:/cycles/new";
		}
		redirect.addFlashAttribute("notice", "You took the proposal; add it to your contract as a goal (change it as you "
				+ "like).");
		redirect.addAttribute("what", taken.description());
		redirect.addAttribute("capabilityLevel", taken.capabilityId().value() + ":0");
		return "redirect:/cycles/" + active.get().id().value() + "/goals/new";
	}

	@PostMapping("/interventions/{id}/leave")
	String leave(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		try {
			Intervention left = interventions.answer(me, new InterventionId(id), false);
			redirect.addFlashAttribute("notice", "You left the proposal “" + left.description() + "”.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/interventions";
	}
}
