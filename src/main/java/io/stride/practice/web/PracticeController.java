package io.stride.practice.web;

import java.util.ArrayList;
import java.util.List;

import io.stride.identity.Organization;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.practice.Feeling;
import io.stride.practice.Practice;
import io.stride.practice.ReviewOutcome;
import io.stride.practice.ReviewQueue;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
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
 * The learner's daily review: one question at a time, feedback at once, the learner's retention per course; and
 * the manager's retention page per team.
 */
@Controller
class PracticeController {

	private final Practice practice;

	private final Organization organization;

	PracticeController(Practice practice, Organization organization) {
		this.practice = practice;
		this.organization = organization;
	}

	@GetMapping("/practice")
	String queue(Viewer me, Model model) {
		return queueView(model, me, practice.queue(me), List.of(), null);
	}

	@PostMapping("/practice/answers")
	String answer(Viewer me, @RequestParam String cardId, @RequestParam(defaultValue = "-1") int reviewNumber,
			@RequestParam(required = false) String feeling, @RequestParam MultiValueMap<String, String> params,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		List<Integer> selected = selected(params);
		try {
			ReviewOutcome outcome = practice.answer(me, cardId, reviewNumber, selected, Feeling.of(feeling));
			return "redirect:/practice/reviews/" + outcome.reviewId();
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			ReviewQueue queue = practice.queue(me);
			return queueView(model, me, queue, selected, String.join(" ", e.fieldErrors().values()));
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			return "redirect:/practice";
		}
	}

	@GetMapping("/practice/reviews/{id}")
	String result(Viewer me, @PathVariable String id, Model model) {
		ReviewOutcome outcome = practice.review(me, id);
		model.addAttribute("outcome", outcome);
		model.addAttribute("question", outcome.question());
		model.addAttribute("queue", practice.queue(me));
		return "practice/result";
	}

	@GetMapping("/teams/{id}/retention")
	String teamRetention(Viewer me, @PathVariable String id, Model model) {
		Team team = organization.managedTeam(me, new TeamId(id));
		model.addAttribute("team", team);
		model.addAttribute("rows", practice.teamRetention(me, team.id()));
		return "practice/team-retention";
	}

	private String queueView(Model model, Viewer me, ReviewQueue queue, List<Integer> selected, String problem) {
		model.addAttribute("queue", queue);
		model.addAttribute("card", queue.next());
		model.addAttribute("selected", selected);
		model.addAttribute("retention", practice.retention(me));
		if (problem != null) {
			model.addAttribute("problem", problem);
		}
		return "practice/queue";
	}

	/**
	 * Choice questions send "option" once per ticked box; ordering questions send "place-N" = the option put in
	 * place N (from 0). A place left empty makes the answer incomplete, which the service refuses with a message.
	 */
	static List<Integer> selected(MultiValueMap<String, String> params) {
		List<Integer> selected = new ArrayList<>();
		params.getOrDefault("option", List.of()).forEach(value -> selected.add(number(value)));
		for (int place = 0; params.containsKey("place-" + place); place++) {
			String value = params.getFirst("place-" + place);
			if (value != null && !value.isBlank()) {
				selected.add(number(value));
			}
		}
		return selected;
	}

	private static int number(String value) {
		return FormNumbers.wholeNumber(value).orElse(-1);
	}
}
