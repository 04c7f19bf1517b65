package io.stride.cycles.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.stride.cycles.CycleStatus;
import io.stride.cycles.GoalId;
import io.stride.cycles.GoalOutcome;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.PeerValidation;
import io.stride.cycles.ValidationRequest;
import io.stride.cycles.ValidationStatus;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's page to ask colleagues to validate a goal, and the validator's inbox with the answer forms. */
@Controller
class PeerValidationController {

	private final PeerValidation validation;

	private final LearningCycles cycles;

	private final Organization organization;

	PeerValidationController(PeerValidation validation, LearningCycles cycles, Organization organization) {
		this.validation = validation;
		this.cycles = cycles;
		this.organization = organization;
	}

	/** The ask form as typed: suggested colleagues ticked, another from the list, or one by email. */
	record AskForm(List<String> validators, String other, String otherEmail, String message) {

		AskForm {
			validators = validators == null ? List.of() : validators;
		}
	}

	@GetMapping("/goals/{id}/validation")
	String page(Viewer me, @PathVariable String id, Model model) {
		return page(model, me, new GoalId(id), new AskForm(List.of(), "", "", ""), Map.of());
	}

	@PostMapping("/goals/{id}/validation")
	String ask(Viewer me, @PathVariable String id, AskForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		GoalId goal = new GoalId(id);
		try {
			List<PersonId> people = new ArrayList<>();
			form.validators().stream().filter(v -> !blank(v)).forEach(v -> people.add(new PersonId(v.strip())));
			if (!blank(form.otherEmail())) {
				people.add(organization.activePersonByEmail(form.otherEmail().strip())
					.map(Person::id)
					.orElseThrow(() -> new InvalidInputException("validators", "No active colleague has this email.")));
			}
			else if (!blank(form.other())) {
				people.add(new PersonId(form.other().strip()));
			}
			List<ValidationRequest> asked = validation.ask(me, goal, people, form.message());
			redirect.addFlashAttribute("notice", "Asked " + String.join(", ",
					asked.stream().map(r -> r.validator().name()).toList()) + ". They are notified and reminded once "
					+ "after " + validation.reminderAfterDays() + " days.");
			return "redirect:/goals/" + goal.value() + "/validation";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model,
					e.getMessage() + (e.fieldErrors().isEmpty() ? "" : " Correct the fields marked below."));
			return page(model, me, goal, form, e.fieldErrors());
		}
	}

	@GetMapping("/validations")
	String inbox(Viewer me, Model model) {
		return inbox(model, me, null, null, Map.of());
	}

	@PostMapping("/validations/{id}/answer")
	String answer(Viewer me, @PathVariable String id, @RequestParam(required = false) String answer,
			@RequestParam(required = false) String note, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			ValidationStatus status = parse(answer);
			ValidationRequest done = validation.answer(me, id, status, note);
			redirect.addFlashAttribute("notice", "Answered “" + done.status().label() + "” on " + done.owner().name()
					+ "’s goal. They are notified.");
			return "redirect:/validations";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model,
					e.getMessage() + (e.fieldErrors().isEmpty() ? "" : " Correct the fields marked below."));
			return inbox(model, me, id, new AnswerForm(answer, note), e.fieldErrors());
		}
	}

	record AnswerForm(String answer, String note) {
	}

	private String inbox(Model model, Viewer me, String failedId, AnswerForm failed, Map<String, String> errors) {
		List<ValidationRequest> all = validation.inbox(me);
		model.addAttribute("open", all.stream().filter(ValidationRequest::open).toList());
		model.addAttribute("answered", all.stream().filter(r -> !r.open()).toList());
		model.addAttribute("requested", validation.requested(me));
		model.addAttribute("failedId", failedId);
		model.addAttribute("failed", failed == null ? new AnswerForm("", "") : failed);
		model.addAttribute("errors", errors);
		model.addAttribute("noErrors", Map.of());
		model.addAttribute("maxNote", PeerValidation.MAX_NOTE);
		return "cycles/validations";
	}

	private String page(Model model, Viewer me, GoalId goalId, AskForm form, Map<String, String> errors) {
		LearningCycles.GoalInCycle found = cycles.goal(me, goalId);
		List<ValidationRequest> requests = validation.ofGoal(me, goalId);
		List<PeerValidation.Suggestion> suggestions = validation.suggestions(me, goalId);
		Set<PersonId> shown = new HashSet<>();
		suggestions.forEach(s -> shown.add(s.person().id()));
		requests.forEach(r -> shown.add(r.validator().id()));
		Map<PersonId, Person> colleagues = new LinkedHashMap<>();
		for (TeamId team : me.teamIds()) {
			organization.membersOfTeamTree(team)
				.stream()
				.filter(p -> !me.is(p.id()) && !shown.contains(p.id()))
				.forEach(p -> colleagues.putIfAbsent(p.id(), p));
		}
		model.addAttribute("cycle", found.cycle());
		model.addAttribute("goal", found.goal());
		model.addAttribute("requests", requests);
		model.addAttribute("validatedCount", requests.stream().filter(r -> r.status() == ValidationStatus.VALIDATED).count());
		model.addAttribute("suggestions", suggestions);
		model.addAttribute("colleagues", colleagues.values()
			.stream()
			.sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER))
			.toList());
		model.addAttribute("shareBack", found.cycle().status() == CycleStatus.CLOSED
				|| found.goal().outcome() == GoalOutcome.LEARNED);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("maxMessage", PeerValidation.MAX_MESSAGE);
		return "cycles/validation";
	}

	private static ValidationStatus parse(String answer) {
		try {
			ValidationStatus status = blank(answer) ? null : ValidationStatus.valueOf(answer.strip().toUpperCase(Locale.ROOT));
			if (status != null && status.isAnswer()) {
				return status;
			}
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		throw new InvalidInputException("answer", "Choose Validated, Not yet, or Decline.");
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
