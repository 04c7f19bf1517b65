package io.stride.delivery.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.assessment.AttemptClosed;
import io.stride.assessment.AttemptResult;
import io.stride.assessment.DrawnQuestion;
import io.stride.assessment.OpenAttempt;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Question;
import io.stride.authoring.QuizSettings;
import io.stride.delivery.CourseProgress;
import io.stride.delivery.Delivery;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The final quiz: opening it starts (or resumes) the learner's attempt on the server, answers are saved as they go
 * (by stride.js one at a time, or all at once with "Save answers" without JavaScript), and the result page explains
 * each answer.
 */
@Controller
class QuizController {

	private final Delivery delivery;

	private final Assessment assessment;

	private final Clock clock;

	QuizController(Delivery delivery, Assessment assessment, Clock clock) {
		this.delivery = delivery;
		this.assessment = assessment;
		this.clock = clock;
	}

	@GetMapping("/learning/courses/{id}/quiz")
	String quiz(Viewer me, @PathVariable String id, Model model, RedirectAttributes redirect) {
		Course course = quizCourse(me, id);
		Optional<AttemptResult> timedOut = assessment.closeIfExpired(me, course.id());
		if (timedOut.isPresent()) {
			redirect.addFlashAttribute("notice", timeUp());
			return result(timedOut.get());
		}
		Optional<AttemptResult> last = assessment.resultToShow(me, course.id());
		if (last.isPresent()) {
			// going back after submitting, or opening a quiz taken before, must not start an attempt unasked: the
			// result page offers "Try again", which starts one with a POST
			return result(last.get());
		}
		QuizSettings settings = course.quiz().settings();
		if (settings.timed() && assessment.current(me, course.id()).isEmpty()) {
			// a timed attempt starts when the learner says so, not when a link is opened
			model.addAttribute("course", course);
			model.addAttribute("attemptsLeft", assessment.attemptsLeft(me, course.id()));
			return "learning/quiz-start";
		}
		return start(me, course, model, redirect);
	}

	/** "Start the quiz" of a timed quiz, and "Try again" after a result: the only ways a new attempt starts. */
	@PostMapping("/learning/courses/{id}/quiz/start")
	String startAttempt(Viewer me, @PathVariable String id, Model model, RedirectAttributes redirect) {
		try {
			assessment.start(me, quizCourse(me, id).id());
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			return "redirect:/learning/courses/" + id;
		}
		return "redirect:/learning/courses/" + id + "/quiz";
	}

	/** "Save answers" (everything on the page) and "Submit answers", for browsers without JavaScript too. */
	@PostMapping("/learning/courses/{id}/quiz")
	String saveOrSubmit(Viewer me, @PathVariable String id, @RequestParam String attemptId,
			@RequestParam(defaultValue = "submit") String action, @RequestParam MultiValueMap<String, String> params,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Course course = quizCourse(me, id);
		Optional<OpenAttempt> attempt = assessment.current(me, course.id()).filter(a -> a.id().equals(attemptId));
		List<Answer> answers = attempt.map(a -> AnswerForm.answers(questions(a), params)).orElse(List.of());
		try {
			if ("save".equals(action)) {
				assessment.save(me, attemptId, answers);
				redirect.addFlashAttribute("notice", "Your answers are saved. Submit them when you are ready.");
				return "redirect:/learning/courses/" + id + "/quiz";
			}
			AttemptResult result = assessment.submit(me, attemptId, answers, attemptId);
			if (result.timedOut()) {
				redirect.addFlashAttribute("notice", timeUp());
			}
			return result(result);
		}
		catch (AttemptClosed closed) {
			redirect.addFlashAttribute("notice", closed.getMessage());
			return result(closed.attempt());
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, "Nothing was saved: " + String.join(" ", e.fieldErrors().values()));
			Map<String, Answer> shown = new LinkedHashMap<>(attempt.map(OpenAttempt::answers).orElse(Map.of()));
			answers.forEach(answer -> shown.put(answer.questionId(), answer));
			return attempt.map(a -> page(course, a, shown, model)).orElseGet(() -> "redirect:/learning/courses/" + id + "/quiz");
		}
	}

	/** Saves one answer as the learner changes it (stride.js); answers in JSON. */
	@PostMapping(path = "/learning/courses/{id}/quiz/answers", produces = "application/json")
	@ResponseBody
	ResponseEntity<Map<String, Object>> saveOne(Viewer me, @PathVariable String id, @RequestParam String attemptId,
			@RequestParam String questionId, @RequestParam MultiValueMap<String, String> params) {
		Course course = quizCourse(me, id);
		Optional<Question> question = assessment.current(me, course.id())
			.filter(a -> a.id().equals(attemptId))
			.flatMap(a -> questions(a).stream().filter(q -> q.id().equals(questionId)).findFirst());
		try {
			if (question.isEmpty()) {
				// the attempt was submitted elsewhere (another tab) or never had this question
				assessment.save(me, attemptId, List.of());
				return ResponseEntity.unprocessableContent()
					.body(Map.of("detail", "This question is not part of your attempt; reload the page."));
			}
			Instant saved = assessment.save(me, attemptId, List.of(AnswerForm.answer(question.get(), params)));
			return ResponseEntity.ok(Map.of("savedAt", saved.toString()));
		}
		catch (AttemptClosed closed) {
			return ResponseEntity.status(409).body(Map.of("detail", closed.getMessage(), "resultUrl",
					"/learning/courses/" + id + "/attempts/" + closed.attempt().attemptId()));
		}
		catch (InvalidInputException e) {
			return ResponseEntity.unprocessableContent()
				.body(Map.of("detail", String.join(" ", e.fieldErrors().values())));
		}
	}

	@GetMapping("/learning/courses/{id}/attempts/{attemptId}")
	String attempt(Viewer me, @PathVariable String id, @PathVariable String attemptId, Model model) {
		AttemptResult attempt = assessment.attempt(me, attemptId);
		if (!attempt.courseId().value().equals(id) || !attempt.personId().equals(me.id())) {
			throw new NotFoundException("Attempt");
		}
		CourseProgress progress = delivery.progressIn(me, attempt.courseId());
		model.addAttribute("course", progress.course());
		model.addAttribute("progress", progress);
		model.addAttribute("attempt", attempt);
		model.addAttribute("feedback", assessment.feedback(me, attempt));
		model.addAttribute("answersShown", assessment.showsAnswers(attempt));
		model.addAttribute("attemptsLeft", assessment.attemptsLeft(me, attempt.courseId()));
		return "learning/attempt";
	}

	private String start(Viewer me, Course course, Model model, RedirectAttributes redirect) {
		OpenAttempt attempt;
		try {
			attempt = assessment.start(me, course.id());
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			return "redirect:/learning/courses/" + course.id().value();
		}
		if (attempt.resumed() && !attempt.answers().isEmpty()) {
			model.addAttribute("notice", "Welcome back: your saved answers are filled in.");
		}
		return page(course, attempt, attempt.answers(), model);
	}

	private String page(Course course, OpenAttempt attempt, Map<String, Answer> answers, Model model) {
		model.addAttribute("course", course);
		model.addAttribute("attempt", attempt);
		model.addAttribute("answers", answers);
		if (attempt.deadline() != null) {
			long seconds = Math.max(0, Duration.between(clock.instant(), attempt.deadline()).toSeconds());
			model.addAttribute("minutesLeft", (seconds + 59) / 60);
			model.addAttribute("deadlineMillis", attempt.deadline().toEpochMilli());
		}
		return "learning/quiz";
	}

	private Course quizCourse(Viewer me, String id) {
		Course course = delivery.progressIn(me, new CourseId(id)).course();
		if (course.quiz().isEmpty()) {
			throw new NotFoundException("Quiz");
		}
		return course;
	}

	private static List<Question> questions(OpenAttempt attempt) {
		return attempt.questions().stream().map(DrawnQuestion::question).toList();
	}

	private static String result(AttemptResult attempt) {
		return "redirect:/learning/courses/" + attempt.courseId().value() + "/attempts/" + attempt.attemptId();
	}

	private static String timeUp() {
		return "Time was up: your attempt was graded with the answers saved before the deadline.";
	}
}
