package io.stride.cycles.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.cycles.CheckIns;
import io.stride.cycles.CycleClosing;
import io.stride.cycles.CycleDiscussion;
import io.stride.cycles.CycleId;
import io.stride.cycles.Goal;
import io.stride.cycles.GoalId;
import io.stride.cycles.LearningCycle;
import io.stride.cycles.LearningCycles;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import io.stride.shared.web.FormNumbers;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * During a cycle and at its end: the goal page (details, discussion, check-in history, what it produced), inviting
 * colleagues to discuss the contract, the check-in form covering every goal, and closing with a reflection per goal.
 */
@Controller
class CycleWorkController {

	private final LearningCycles cycles;

	private final CycleDiscussion discussion;

	private final CheckIns checkIns;

	private final CycleClosing closing;

	private final Organization organization;

	CycleWorkController(LearningCycles cycles, CycleDiscussion discussion, CheckIns checkIns, CycleClosing closing,
			Organization organization) {
		this.cycles = cycles;
		this.discussion = discussion;
		this.checkIns = checkIns;
		this.closing = closing;
		this.organization = organization;
	}

	// --- the goal page ---------------------------------------------------------------------------------------------

	@GetMapping("/goals/{id}")
	String goal(Viewer me, @PathVariable String id, Model model) {
		return goalPage(model, me, new GoalId(id), Map.of(), Map.of());
	}

	@PostMapping("/goals/{id}/comments")
	String comment(Viewer me, @PathVariable String id, @RequestParam(required = false) String body,
			@RequestParam(required = false) String parentId, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			discussion.comment(me, new GoalId(id), parentId, body);
			redirect.addFlashAttribute("notice", parentId == null || parentId.isBlank() ? "Your comment is posted."
					: "Your reply is posted.");
			return "redirect:/goals/" + id + "#discussion";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Correct the field marked below.");
			Map<String, String> typed = new HashMap<>();
			typed.put(parentId == null || parentId.isBlank() ? "body" : "reply-" + parentId, body);
			return goalPage(model, me, new GoalId(id), prefixed(e.fieldErrors(), parentId), typed);
		}
	}

	@PostMapping("/goals/{id}/links")
	String addLink(Viewer me, @PathVariable String id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String url, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			checkIns.addProduced(me, new GoalId(id), title, url);
			redirect.addFlashAttribute("notice", "The link is added.");
			return "redirect:/goals/" + id + "#produced";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + (e.fieldErrors().isEmpty() ? ""
					: " Correct the fields marked below."));
			Map<String, String> errors = new HashMap<>();
			e.fieldErrors().forEach((k, v) -> errors.put("link-" + k, v));
			return goalPage(model, me, new GoalId(id), errors, Map.of("link-title", nz(title), "link-url", nz(url)));
		}
	}

	@PostMapping("/goals/{id}/links/{linkId}/delete")
	String removeLink(Viewer me, @PathVariable String id, @PathVariable String linkId, RedirectAttributes redirect) {
		checkIns.removeProduced(me, new GoalId(id), linkId);
		redirect.addFlashAttribute("notice", "The link is removed.");
		return "redirect:/goals/" + id + "#produced";
	}

	private String goalPage(Model model, Viewer me, GoalId id, Map<String, String> errors, Map<String, String> typed) {
		LearningCycles.GoalInCycle found = cycles.goal(me, id);
		model.addAttribute("cycle", found.cycle());
		model.addAttribute("goal", found.goal());
		model.addAttribute("comments", discussion.comments(me, id));
		model.addAttribute("checkIns", checkIns.ofGoal(me, id));
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		return "cycles/goal-page";
	}

	/** A reply's errors are shown at its own form: "body" of the reply to X becomes "reply-X". */
	private static Map<String, String> prefixed(Map<String, String> errors, String parentId) {
		if (parentId == null || parentId.isBlank()) {
			return errors;
		}
		Map<String, String> result = new HashMap<>();
		errors.forEach((k, v) -> result.put("body".equals(k) ? "reply-" + parentId : k, v));
		return result;
	}

	// --- inviting to discuss ---------------------------------------------------------------------------------------

	@GetMapping("/cycles/{id}/invite")
	String inviteForm(Viewer me, @PathVariable String id, Model model) {
		return invitePage(model, me, owned(me, new CycleId(id)), List.of(), "", Map.of());
	}

	@PostMapping("/cycles/{id}/invite")
	String invite(Viewer me, @PathVariable String id,
			@RequestParam(name = "people", required = false) List<String> people,
			@RequestParam(required = false) String email, @RequestParam(required = false) String message, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		LearningCycle cycle = owned(me, new CycleId(id));
		List<String> chosen = people == null ? new ArrayList<>() : new ArrayList<>(people);
		try {
			if (email != null && !email.isBlank()) {
				chosen.add(organization.activePersonByEmail(email.strip())
					.map(p -> p.id().value())
					.orElseThrow(() -> new InvalidInputException("people", "No active colleague has this email.")));
			}
			LearningCycle after = discussion.invite(me, cycle.id(),
					chosen.stream().filter(p -> p != null && !p.isBlank()).map(PersonId::new).toList(), message);
			redirect.addFlashAttribute("notice", "Invited. " + after.invited().size()
					+ (after.invited().size() == 1 ? " person is" : " people are") + " invited to discuss this contract.");
			return "redirect:/cycles/" + id + "/invite";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Correct the fields marked below.");
			model.addAttribute("email", nz(email));
			return invitePage(model, me, cycle, chosen, nz(message), e.fieldErrors());
		}
	}

	private String invitePage(Model model, Viewer me, LearningCycle cycle, List<String> chosen, String message,
			Map<String, String> errors) {
		List<Person> colleagues = discussion.colleagues(me)
			.stream()
			.filter(p -> cycle.invited().stream().noneMatch(i -> i.id().equals(p.id())))
			.toList();
		model.addAttribute("cycle", cycle);
		model.addAttribute("colleagues", colleagues);
		model.addAttribute("chosen", chosen);
		model.addAttribute("message", message);
		model.addAttribute("errors", errors);
		model.addAttribute("maxMessage", CycleDiscussion.MAX_MESSAGE);
		if (!model.containsAttribute("email")) {
			model.addAttribute("email", "");
		}
		return "cycles/invite";
	}

	// --- checking in -----------------------------------------------------------------------------------------------

	@GetMapping("/cycles/{id}/check-in")
	String checkInForm(Viewer me, @PathVariable String id, Model model) {
		LearningCycle cycle = ownedActive(me, new CycleId(id));
		Map<String, String> typed = new HashMap<>();
		cycle.goals().forEach(g -> typed.put("progress-" + g.id().value(), String.valueOf(g.progress())));
		return checkInPage(me, model, cycle, typed, Map.of());
	}

	@PostMapping("/cycles/{id}/check-in")
	String checkIn(Viewer me, @PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		LearningCycle cycle = ownedActive(me, new CycleId(id));
		Map<String, String> typed = new HashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		List<CheckIns.GoalCheckIn> entries = new ArrayList<>();
		for (Goal g : cycle.goals()) {
			String gid = g.id().value();
			String note = form.getFirst("note-" + gid);
			String progress = form.getFirst("progress-" + gid);
			String minutes = form.getFirst("minutes-" + gid);
			typed.put("note-" + gid, nz(note));
			typed.put("progress-" + gid, nz(progress));
			typed.put("minutes-" + gid, nz(minutes));
			Integer p = number(progress, "goals[" + gid + "].progress", "Progress is a percentage from 0 to 100.", errors);
			Integer m = number(minutes, "goals[" + gid + "].minutes", "Give the minutes as a whole number.", errors);
			entries.add(new CheckIns.GoalCheckIn(g.id(), note, p, m));
		}
		try {
			if (!errors.isEmpty()) {
				throw new InvalidInputException("The check-in was not saved.", errors);
			}
			int saved = checkIns.checkIn(me, cycle.id(), entries).size();
			redirect.addFlashAttribute("notice", "Checked in on " + saved + (saved == 1 ? " goal." : " goals."));
			return "redirect:/cycles/" + id + "/check-in";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Correct the fields marked below.");
			Map<String, String> all = new LinkedHashMap<>(errors);
			all.putAll(e.fieldErrors());
			return checkInPage(me, model, cycle, typed, all);
		}
	}

	private String checkInPage(Viewer me, Model model, LearningCycle cycle, Map<String, String> typed,
			Map<String, String> errors) {
		model.addAttribute("cycle", cycle);
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		model.addAttribute("history", checkIns.ofCycle(me, cycle.id()));
		model.addAttribute("maxNote", CheckIns.MAX_NOTE);
		model.addAttribute("maxMinutes", CheckIns.MAX_MINUTES);
		Map<String, String> whatOf = new HashMap<>();
		cycle.goals().forEach(g -> whatOf.put(g.id().value(), g.what()));
		model.addAttribute("whatOf", whatOf);
		return "cycles/check-in";
	}

	// --- closing -----------------------------------------------------------------------------------------------------

	@GetMapping("/cycles/{id}/close")
	String closeForm(Viewer me, @PathVariable String id, Model model) {
		LearningCycle cycle = ownedActive(me, new CycleId(id));
		Map<String, String> typed = new HashMap<>();
		typed.put("days", String.valueOf(Math.max(LearningCycles.MIN_DAYS, Math.min(LearningCycles.MAX_DAYS,
				cycle.days()))));
		return closePage(model, cycle, typed, List.of(), Map.of());
	}

	@PostMapping("/cycles/{id}/close")
	String close(Viewer me, @PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		LearningCycle cycle = ownedActive(me, new CycleId(id));
		Map<String, String> typed = new HashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		List<CycleClosing.GoalReflection> reflections = new ArrayList<>();
		for (Goal g : cycle.goals()) {
			String gid = g.id().value();
			String outcome = form.getFirst("outcome-" + gid);
			String reflection = form.getFirst("reflection-" + gid);
			String next = form.getFirst("nextStep-" + gid);
			typed.put("outcome-" + gid, nz(outcome));
			typed.put("reflection-" + gid, nz(reflection));
			typed.put("nextStep-" + gid, nz(next));
			reflections.add(new CycleClosing.GoalReflection(g.id(), CycleWorkApi.outcome(outcome), reflection, next));
		}
		List<String> carry = form.getOrDefault("carry", List.of());
		typed.put("days", nz(form.getFirst("days")));
		typed.put("title", nz(form.getFirst("title")));
		Integer days = number(form.getFirst("days"), "days", "Give the next cycle's length in days, 30 to 92.", errors);
		try {
			if (!errors.isEmpty() && !carry.isEmpty()) {
				throw new InvalidInputException("The cycle was not closed.", errors);
			}
			CycleClosing.Closed closed = closing.close(me, cycle.id(), new CycleClosing.Closing(reflections,
					carry.stream().map(GoalId::new).toList(), carry.isEmpty() ? null : days, form.getFirst("title")));
			if (closed.next() != null) {
				redirect.addFlashAttribute("notice", "Closed. Your unfinished goals continue in a new cycle that starts "
						+ "today.");
				return "redirect:/cycles/" + closed.next().value();
			}
			redirect.addFlashAttribute("notice", "Closed. Your reflection is kept with the contract.");
			return "redirect:/cycles/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Correct the fields marked below.");
			Map<String, String> all = new LinkedHashMap<>(errors);
			all.putAll(e.fieldErrors());
			return closePage(model, cycle, typed, carry, all);
		}
	}

	private String closePage(Model model, LearningCycle cycle, Map<String, String> typed, List<String> carry,
			Map<String, String> errors) {
		model.addAttribute("cycle", cycle);
		model.addAttribute("typed", typed);
		model.addAttribute("carry", carry);
		model.addAttribute("errors", errors);
		model.addAttribute("maxReflection", CycleClosing.MAX_REFLECTION);
		model.addAttribute("maxNextStep", CycleClosing.MAX_NEXT_STEP);
		return "cycles/close";
	}

	// --- helpers -----------------------------------------------------------------------------------------------------

	private LearningCycle owned(Viewer me, CycleId id) {
		LearningCycle cycle = cycles.cycle(me, id);
		if (!cycle.ownedByViewer()) {
			throw new ForbiddenException("Only the owner of a contract does this.");
		}
		return cycle;
	}

	private LearningCycle ownedActive(Viewer me, CycleId id) {
		LearningCycle cycle = owned(me, id);
		if (!cycle.active()) {
			throw new ConflictException("This cycle is closed; its reflection is kept with the contract.");
		}
		return cycle;
	}

	private static Integer number(String text, String field, String message, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Optional<Integer> number = FormNumbers.wholeNumber(text);
		if (number.isEmpty()) {
			errors.put(field, message);
		}
		return number.orElse(null);
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
