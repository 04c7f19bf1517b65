package io.stride.analytics.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import io.stride.analytics.redrafts.Redrafts;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
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
 * The redraft page of a flagged question: alternatives from its passage, the one picked in an edit form, saved in
 * place of the question; and the item analysis page's "publish / submit for review" for the redrafted working copy.
 */
@Controller
class RedraftController {

	/** Option fields the edit form shows at least. */
	static final int OPTION_FIELDS = 6;

	/** Option fields read from a post at most: more than any question may have, fewer than a forged post could send. */
	static final int MOST_OPTION_FIELDS = 50;

	private final Redrafts redrafts;

	RedraftController(Redrafts redrafts) {
		this.redrafts = redrafts;
	}

	/**
	 * The edit form's values; {@code options} padded with blanks to the fields shown. Ordering questions are edited as
	 * their steps in the right order, like in the builder; {@code correct} then is empty, or, when an alternative is
	 * picked, the right order of the options as drafted.
	 */
	record RedraftForm(String kind, String prompt, List<String> options, List<Integer> correct, String explanation,
			int revision) {

		static RedraftForm of(Question q, int revision) {
			boolean ordering = q.kind() == QuestionKind.ORDERING;
			List<String> options = new ArrayList<>(ordering ? q.correct().stream().map(q.options()::get).toList() : q.options());
			while (options.size() < OPTION_FIELDS && q.kind() != QuestionKind.TRUE_FALSE) {
				options.add("");
			}
			return new RedraftForm(q.kind().name(), q.prompt(), options, ordering ? List.of() : q.correct(),
					q.explanation(), revision);
		}

		static RedraftForm of(MultiValueMap<String, String> fields) {
			// every option posted, however many the question had (the form shows at least OPTION_FIELDS); too many
			// are refused by the course rules with a message, not dropped
			List<String> options = new ArrayList<>();
			for (int i = 0; i < MOST_OPTION_FIELDS && fields.containsKey("option-" + i); i++) {
				String option = fields.getFirst("option-" + i);
				options.add(option == null ? "" : option);
			}
			List<Integer> correct = new ArrayList<>();
			List<String> ticked = fields.get("correct");
			(ticked == null ? List.<String>of() : ticked).forEach(t -> {
				try {
					correct.add(Integer.valueOf(t));
				}
				catch (NumberFormatException e) {
					// not an option: ignored, and the rules then ask for a right answer
				}
			});
			String revision = fields.getFirst("revision");
			return new RedraftForm(fields.getFirst("kind"), value(fields.getFirst("prompt")), options, correct,
					value(fields.getFirst("explanation")), revision == null || !revision.matches("\\d{1,9}") ? -1
							: Integer.parseInt(revision));
		}

		private static String value(String text) {
			return text == null ? "" : text;
		}

		public boolean ordering() {
			return QuestionKind.ORDERING.name().equals(kind);
		}

		public boolean severalRight() {
			return QuestionKind.MULTIPLE_CHOICE.name().equals(kind);
		}

		/** Blank option fields are left out and the right answers renumbered. */
		Question question() {
			QuestionKind parsed;
			try {
				parsed = QuestionKind.valueOf(kind);
			}
			catch (RuntimeException e) {
				throw new InvalidInputException("question.kind", "Choose the kind of question.");
			}
			if (!parsed.choice() && parsed != QuestionKind.ORDERING) {
				// typed and matching answers have no fields here: the builder edits those
				throw new InvalidInputException("question.kind", "Edit this kind of question in the course builder.");
			}
			List<String> kept = new ArrayList<>();
			Map<Integer, Integer> renumbered = new HashMap<>();
			for (int i = 0; i < options.size(); i++) {
				if (!options.get(i).isBlank()) {
					renumbered.put(i, kept.size());
					kept.add(options.get(i).strip());
				}
			}
			List<Integer> right = correct.stream().filter(renumbered::containsKey).map(renumbered::get).toList();
			if (parsed == QuestionKind.ORDERING && right.isEmpty()) {
				// steps typed in their right order
				right = IntStream.range(0, kept.size()).boxed().toList();
			}
			return new Question(null, parsed, prompt.strip(), kept, right, explanation.strip());
		}
	}

	@GetMapping("/courses/{id}/item-analysis/questions/{questionId}/redraft")
	String page(Viewer me, @PathVariable String id, @PathVariable String questionId, Model model) {
		Redrafts.Alternatives alternatives = redrafts.alternatives(me, new CourseId(id),
				questionId);
		model.addAttribute("page", alternatives);
		model.addAttribute("errors", Map.of());
		return "analytics/redraft";
	}

	@PostMapping("/courses/{id}/item-analysis/questions/{questionId}/redraft/edit")
	String edit(Viewer me, @PathVariable String id, @PathVariable String questionId,
			@RequestParam MultiValueMap<String, String> fields, Model model, RedirectAttributes redirect) {
		Redrafts.Alternatives question = redrafts.question(me, new CourseId(id), questionId);
		try {
			return editView(model, question, RedraftForm.of(RedraftForm.of(fields).question(), question.course().revision()),
					Map.of());
		}
		catch (InvalidInputException e) {
			// the page offers only kinds the form holds; anything else goes back to the alternatives
			redirect.addFlashAttribute("problem", e.getMessage());
			return "redirect:/courses/" + id + "/item-analysis/questions/" + questionId + "/redraft";
		}
	}

	@PostMapping("/courses/{id}/item-analysis/questions/{questionId}/redraft")
	String save(Viewer me, @PathVariable String id, @PathVariable String questionId,
			@RequestParam MultiValueMap<String, String> fields, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		CourseId course = new CourseId(id);
		RedraftForm form = RedraftForm.of(fields);
		try {
			redrafts.redraft(me, course, questionId, form.revision() < 0 ? null : form.revision(), form.question());
			redirect.addFlashAttribute("notice", "Saved: the new question replaces the old one in the course's draft. "
					+ "Publish it or submit it for review below; learners keep the published version until then.");
			return "redirect:/courses/" + id + "/item-analysis#redrafts";
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("problem", "The question was not saved; see the fields marked below.");
			return editView(model, redrafts.question(me, course, questionId), form, e.fieldErrors());
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			Redrafts.Alternatives now = redrafts.question(me, course, questionId);
			return editView(model, now, new RedraftForm(form.kind(), form.prompt(), form.options(), form.correct(),
					form.explanation(), now.course().revision()), Map.of());
		}
	}

	@PostMapping("/courses/{id}/item-analysis/publish")
	String submit(Viewer me, @PathVariable String id, @RequestParam(required = false) Integer revision,
			RedirectAttributes redirect) {
		try {
			Course course = redrafts.submit(me, new CourseId(id),
					revision == null ? -1 : revision);
			redirect.addFlashAttribute("notice", course.isPublished()
					? "Published: version " + course.version() + " is what learners take now."
					: "Sent for review (" + course.riskTier().name().toLowerCase(Locale.ROOT) + " risk): version "
							+ course.version() + " is published when the review approves it.");
		}
		catch (ConflictException | InvalidInputException e) {
			redirect.addFlashAttribute("problem", "Not submitted: " + e.getMessage());
		}
		return "redirect:/courses/" + id + "/item-analysis#redrafts";
	}

	private static String editView(Model model, Redrafts.Alternatives question, RedraftForm form,
			Map<String, String> errors) {
		model.addAttribute("page", question);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "analytics/redraft";
	}
}
