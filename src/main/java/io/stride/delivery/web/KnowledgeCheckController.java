package io.stride.delivery.web;

import io.stride.assessment.Answer;
import io.stride.assessment.CheckView;
import io.stride.assessment.KnowledgeChecks;
import io.stride.assessment.QuestionFeedback;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.delivery.Delivery;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Answers to knowledge checks on the lesson page. Without JavaScript the page reloads at the check with its
 * feedback; stride.js asks for the check alone ({@code X-Stride-Fragment}) and puts it in place.
 */
@Controller
class KnowledgeCheckController {

	static final String FRAGMENT_HEADER = "X-Stride-Fragment";

	private final Delivery delivery;

	private final KnowledgeChecks checks;

	KnowledgeCheckController(Delivery delivery, KnowledgeChecks checks) {
		this.delivery = delivery;
		this.checks = checks;
	}

	@PostMapping("/learning/courses/{id}/lessons/{lessonId}/checks/{questionId}")
	String answer(Viewer me, @PathVariable String id, @PathVariable String lessonId, @PathVariable String questionId,
			@RequestParam MultiValueMap<String, String> params,
			@RequestHeader(name = FRAGMENT_HEADER, required = false) String fragment, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Course course = delivery.progressIn(me, new CourseId(id)).course();
		Lesson lesson = course.lesson(lessonId).orElseThrow(() -> new NotFoundException("Lesson"));
		Question question = lesson.knowledgeChecks()
			.stream()
			.filter(q -> q.id().equals(questionId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Knowledge check"));
		Answer answer = AnswerForm.answer(question, params);
		String back = "redirect:/learning/courses/" + id + "/lessons/" + lessonId + "#check-" + questionId;
		String problem = null;
		QuestionFeedback feedback = null;
		try {
			feedback = checks.answer(me, course.id(), questionId, answer);
		}
		catch (InvalidInputException e) {
			problem = "Not checked: " + String.join(" ", e.fieldErrors().values());
		}
		if (fragment == null) {
			if (problem != null) {
				redirect.addFlashAttribute("problem", problem);
			}
			return "redirect:/learning/courses/" + id + "/lessons/" + lessonId + "#check-" + questionId;
		}
		CheckView shown = checks.after(me, course, lessonId)
			.stream()
			.filter(c -> c.question().id().equals(questionId))
			.findFirst()
			.orElseThrow();
		// this answer and its feedback, whatever else was answered at the same moment
		CheckView check = new CheckView(lessonId, question, shown.order(), answer,
				feedback == null ? shown.feedback() : feedback);
		if (problem != null) {
			response.setStatus(422);
			model.addAttribute("checkProblem", problem);
		}
		model.addAttribute("course", course);
		model.addAttribute("lesson", lesson);
		model.addAttribute("check", check);
		return "learning/checks :: check(check=${check})";
	}
}
