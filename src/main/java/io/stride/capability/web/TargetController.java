package io.stride.capability.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.Coverage;
import io.stride.capability.Level;
import io.stride.capability.Target;
import io.stride.identity.Organization;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.shared.web.FormErrors;
import io.stride.shared.web.FormNumbers;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A team's capability targets: those that apply (its own and those inherited from the nearest team above), a form
 * to set or change one, and removal after confirming.
 */
@Controller
class TargetController {

	private final Coverage coverage;

	private final Capabilities capabilities;

	private final Organization organization;

	TargetController(Coverage coverage, Capabilities capabilities, Organization organization) {
		this.coverage = coverage;
		this.capabilities = capabilities;
		this.organization = organization;
	}

	/** The target form as typed. */
	record TargetForm(String capabilityId, String level, String minPeople) {
	}

	/** A level rank in the form's select, named by what the catalogue calls it (names may differ per capability). */
	record LevelOption(int rank, String label) {
	}

	@GetMapping("/teams/{id}/capability-targets")
	String targets(Viewer me, @PathVariable String id, @RequestParam(required = false) String capability, Model model) {
		TeamId team = new TeamId(id);
		organization.managedTeam(me, team);
		// "Change" opens the form with the target that applies now
		TargetForm form = coverage.targets(me, team)
			.stream()
			.filter(t -> t.capabilityId().value().equals(capability))
			.findFirst()
			.map(t -> new TargetForm(capability, String.valueOf(t.levelRank()), String.valueOf(t.minPeople())))
			.orElse(new TargetForm(capability, "2", "1"));
		return page(model, me, team, form, Map.of());
	}

	@PostMapping("/teams/{id}/capability-targets")
	String set(Viewer me, @PathVariable String id, @RequestParam(required = false) String capabilityId,
			@RequestParam(required = false) String level, @RequestParam(required = false) String minPeople, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		TeamId team = new TeamId(id);
		TargetForm form = new TargetForm(capabilityId, level, minPeople);
		try {
			Map<String, String> errors = new TreeMap<>();
			if (capabilityId == null || capabilityId.isBlank()) {
				errors.put("capabilityId", "Choose a capability.");
			}
			Integer rank = number(level, "level", "Choose a level.", errors);
			Integer people = number(minPeople, "minPeople", "Give the number of people as a whole number, e.g. 2.", errors);
			if (!errors.isEmpty()) {
				throw new InvalidInputException("The target was not saved.", errors);
			}
			Coverage.TargetSet set = coverage.setTarget(me, team, new CapabilityId(capabilityId.strip()), rank, people);
			redirect.addFlashAttribute("notice", "Saved the target: " + CoverageController.WORDS.target(set.target()) + ".");
			if (set.warning() != null) {
				redirect.addFlashAttribute("warning", set.warning());
			}
			return "redirect:/teams/" + id + "/capability-targets";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			return page(model, me, team, form, e.fieldErrors());
		}
	}

	@GetMapping("/teams/{id}/capability-targets/{capabilityId}/remove")
	String confirmRemove(Viewer me, @PathVariable String id, @PathVariable String capabilityId, Model model) {
		TeamId team = new TeamId(id);
		Target target = coverage.targets(me, team)
			.stream()
			.filter(t -> t.capabilityId().value().equals(capabilityId) && !t.inherited())
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Target"));
		model.addAttribute("team", team(team));
		model.addAttribute("target", target);
		model.addAttribute("capability", capabilities.get(me, target.capabilityId()));
		model.addAttribute("words", CoverageController.WORDS);
		return "capabilities/target-remove";
	}

	@PostMapping("/teams/{id}/capability-targets/{capabilityId}/remove")
	String remove(Viewer me, @PathVariable String id, @PathVariable String capabilityId, RedirectAttributes redirect) {
		coverage.removeTarget(me, new TeamId(id), new CapabilityId(capabilityId));
		redirect.addFlashAttribute("notice", "Removed the target; a target set above this team applies if there is one.");
		return "redirect:/teams/" + id + "/capability-targets";
	}

	private String page(Model model, Viewer me, TeamId team, TargetForm form, Map<String, String> errors) {
		// the page is for those who may set targets: managers of the team and admins (404 for the rest, reviewers too)
		organization.managedTeam(me, team);
		List<Target> targets = coverage.targets(me, team);
		List<Capability> active = capabilities.catalogue(me, null, null, false);
		Map<CapabilityId, String> names = active.stream()
			.collect(Collectors.toMap(Capability::id, Capability::name, (a, b) -> a));
		model.addAttribute("team", team(team));
		model.addAttribute("targets", targets);
		model.addAttribute("own", targets.stream().filter(t -> !t.inherited()).toList());
		model.addAttribute("inherited", targets.stream().filter(Target::inherited).toList());
		model.addAttribute("names", names.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().value(), Map.Entry::getValue)));
		model.addAttribute("capabilities", active);
		model.addAttribute("levels", levels(active));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("words", CoverageController.WORDS);
		return "capabilities/targets";
	}

	/** Ranks 1 to the most any capability has, each named by the names capabilities give it ("Can do it alone"). */
	static List<LevelOption> levels(List<Capability> capabilities) {
		Map<Integer, LinkedHashSet<String>> names = new TreeMap<>();
		for (Capability c : capabilities) {
			for (Level level : c.levels()) {
				names.computeIfAbsent(level.rank(), k -> new LinkedHashSet<>()).add(level.name());
			}
		}
		if (names.isEmpty()) {
			for (int i = 0; i < Capability.DEFAULT_LEVELS.size(); i++) {
				names.put(i + 1, new LinkedHashSet<>(List.of(Capability.DEFAULT_LEVELS.get(i))));
			}
		}
		return names.entrySet()
			.stream()
			.map(e -> new LevelOption(e.getKey(), e.getKey() + ": " + String.join(" / ", e.getValue().stream().limit(3).toList())))
			.toList();
	}

	private Team team(TeamId id) {
		return organization.allTeams().stream().filter(t -> t.id().equals(id)).findFirst()
			.orElseThrow(() -> new NotFoundException("Team"));
	}

	private static Integer number(String text, String field, String message, Map<String, String> errors) {
		Optional<Integer> number = FormNumbers.wholeNumber(text);
		if (number.isEmpty()) {
			errors.put(field, message);
		}
		return number.orElse(null);
	}
}
