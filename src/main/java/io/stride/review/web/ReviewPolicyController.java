package io.stride.review.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stride.authoring.ReviewPolicies;
import io.stride.authoring.ReviewPolicy;
import io.stride.authoring.RiskTier;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.review.Reviews;
import io.stride.shared.ForbiddenException;
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

/** Admins edit the review policy of each tier and say who reviews what. */
@Controller
class ReviewPolicyController {

	private final ReviewPolicies policies;

	private final Reviews reviews;

	ReviewPolicyController(ReviewPolicies policies, Reviews reviews) {
		this.policies = policies;
		this.reviews = reviews;
	}

	@GetMapping("/admin/review-policies")
	String page(Viewer me, Model model) {
		return view(model, me, null, Map.of());
	}

	@PostMapping("/admin/review-policies/{tier}")
	String save(Viewer me, @PathVariable String tier,
			@RequestParam(name = "stepName", required = false) List<String> names,
			@RequestParam(name = "stepWho", required = false) List<String> whos, @RequestParam String slaHours,
			@RequestParam String reviewMonths, @RequestParam(defaultValue = "") String spotCheckDays,
			@RequestParam(defaultValue = "false") boolean recertifyOnChange,
			@RequestParam(defaultValue = "") String recertifyMonths, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		RiskTier riskTier = tier(tier);
		try {
			List<ReviewPolicy.Step> steps = new ArrayList<>();
			for (int i = 0; names != null && i < names.size(); i++) {
				String name = names.get(i) == null ? "" : names.get(i).strip();
				if (!name.isEmpty()) {
					String who = whos != null && i < whos.size() ? whos.get(i) : "ANY";
					steps.add(new ReviewPolicy.Step(name, who(who)));
				}
			}
			ReviewPolicy saved = policies.update(me, new ReviewPolicy(riskTier, steps, number("slaHours", slaHours),
					number("reviewMonths", reviewMonths), optional("spotCheckDays", spotCheckDays), recertifyOnChange,
					optional("recertifyMonths", recertifyMonths)));
			redirect.addFlashAttribute("notice", "Saved the " + riskTier.name().toLowerCase(Locale.ROOT)
					+ "-risk policy: " + ReviewPolicies.describe(saved) + ". It applies to submissions from now on.");
			return "redirect:/admin/review-policies";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, "The " + riskTier.name().toLowerCase(Locale.ROOT)
					+ "-risk policy was not saved. Check the fields marked below.");
			return view(model, me, riskTier, e.fieldErrors());
		}
	}

	@PostMapping("/admin/reviewers/{personId}")
	String setUp(Viewer me, @PathVariable String personId, @RequestParam(defaultValue = "") String topics,
			@RequestParam(defaultValue = "false") boolean learningTeam,
			@RequestParam(defaultValue = "false") boolean compliance, RedirectAttributes redirect) {
		try {
			reviews.setUp(me, new PersonId(personId), topics, learningTeam, compliance);
			redirect.addFlashAttribute("notice", "Saved who this reviewer reviews.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", String.join(" ", e.fieldErrors().values()));
		}
		return "redirect:/admin/review-policies#reviewers";
	}

	private String view(Model model, Viewer me, RiskTier failed, Map<String, String> errors) {
		if (!me.isAdmin()) {
			throw new ForbiddenException("Only admins change review policies.");
		}
		model.addAttribute("policies", policies.all());
		model.addAttribute("whos", ReviewPolicy.Who.values());
		model.addAttribute("maxSteps", ReviewPolicies.MAX_STEPS);
		model.addAttribute("reviewers", reviews.reviewers(me));
		model.addAttribute("failedTier", failed == null ? "" : failed.name());
		model.addAttribute("errors", errors);
		return "admin/review-policies";
	}

	static RiskTier tier(String text) {
		try {
			return RiskTier.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new NotFoundException("Review policy");
		}
	}

	static ReviewPolicy.Who who(String text) {
		try {
			return ReviewPolicy.Who.valueOf(text);
		}
		catch (RuntimeException e) {
			throw new InvalidInputException("steps", "Choose who may approve each step.");
		}
	}

	static int number(String field, String text) {
		return FormNumbers.wholeNumber(text).orElseThrow(() -> new InvalidInputException(field, "Enter a whole number."));
	}

	static Integer optional(String field, String text) {
		return text == null || text.isBlank() ? null : number(field, text);
	}
}
