package io.stride.delivery.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.assessment.AttemptResult;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.delivery.Certificate;
import io.stride.delivery.CourseProgress;
import io.stride.delivery.Delivery;
import io.stride.delivery.LearningItem;
import io.stride.delivery.ReviewDueItem;
import io.stride.identity.PersonId;
import io.stride.identity.Organization;
import io.stride.identity.Viewer;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.shared.Retry;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The learner's side: "my learning", the lesson player, the quiz and its feedback, the completion certificate.
 */
@Controller
class LearningController {

	private final Delivery delivery;

	private final Assessment assessment;

	private final Organization organization;

	private final io.stride.practice.Practice practice;

	private final io.stride.mastery.Mastery mastery;

	LearningController(Delivery delivery, Assessment assessment, Organization organization,
			io.stride.practice.Practice practice, io.stride.mastery.Mastery mastery) {
		this.practice = practice;
		this.mastery = mastery;
		this.delivery = delivery;
		this.assessment = assessment;
		this.organization = organization;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/learning";
	}

	@GetMapping("/learning")
	String myLearning(Model model) {
		Viewer me = organization.currentViewer();
		List<LearningItem> items = delivery.myLearning(me);
		model.addAttribute("items", items);
		model.addAttribute("assigned", section(items, LearningItem.Section.ASSIGNED));
		model.addAttribute("inProgress", section(items, LearningItem.Section.IN_PROGRESS));
		model.addAttribute("completed", section(items, LearningItem.Section.COMPLETED));
		model.addAttribute("today", delivery.today());
		// the section shows only when spaced-review questions are due today
		model.addAttribute("reviewDue", practice.dueToday(me)
			.stream()
			.map(d -> new ReviewDueItem(d.courseId().value(), d.title(), d.dueCount()))
			.toList());
		model.addAttribute("mastered", mastery.masteredCourses(me.id()).stream().map(c -> c.value()).toList());
		return "learning/my-learning";
	}

	private static List<LearningItem> section(List<LearningItem> items, LearningItem.Section section) {
		return items.stream().filter(item -> item.section() == section).toList();
	}

	/** "Resume": the next unread lesson, or the quiz once every lesson is read, or the course page. */
	@GetMapping("/learning/courses/{id}/resume")
	String resume(@PathVariable String id) {
		CourseProgress progress = delivery.progressIn(organization.currentViewer(), new CourseId(id));
		return "redirect:" + resumePath(progress);
	}

	static String resumePath(CourseProgress progress) {
		String course = "/learning/courses/" + progress.course().id().value();
		return progress.nextUnreadLesson()
			.map(lesson -> course + "/lessons/" + lesson.id())
			.orElse(progress.quizIsNext() ? course + "/quiz" : course);
	}

	@GetMapping("/learning/courses/{id}/certificate")
	String certificate(@PathVariable String id, @RequestParam(required = false) String personId, Model model) {
		Viewer me = organization.currentViewer();
		PersonId person = personId == null || personId.isBlank() ? null : new PersonId(personId.strip());
		Certificate certificate = delivery.certificate(me, new CourseId(id), person);
		model.addAttribute("certificate", certificate);
		java.time.LocalDate completedOn = java.time.LocalDate.ofInstant(certificate.completedAt(), java.time.ZoneOffset.UTC);
		model.addAttribute("completedOn", completedOn.toString());
		model.addAttribute("completedOnText",
				completedOn.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)));
		model.addAttribute("own", me.is(certificate.personId()));
		return "learning/certificate";
	}

	@GetMapping("/learning/courses/{id}")
	String course(@PathVariable String id, Model model) {
		Viewer me = organization.currentViewer();
		CourseProgress progress = Retry.onDuplicateKey(() -> delivery.open(me, new CourseId(id)));
		model.addAttribute("progress", progress);
		model.addAttribute("course", progress.course());
		model.addAttribute("attempts", assessment.attemptsOf(me, progress.course().id()));
		model.addAttribute("resume", resumePath(progress));
		return "learning/course";
	}

	@GetMapping("/learning/courses/{id}/lessons/{lessonId}")
	String lesson(@PathVariable String id, @PathVariable String lessonId, Model model) {
		Viewer me = organization.currentViewer();
		CourseProgress progress = Retry.onDuplicateKey(() -> delivery.readLesson(me, new CourseId(id), lessonId));
		Course course = progress.course();
		List<Lesson> lessons = course.lessons();
		int index = lessons.indexOf(course.lesson(lessonId).orElseThrow());
		model.addAttribute("progress", progress);
		model.addAttribute("course", course);
		model.addAttribute("lesson", lessons.get(index));
		model.addAttribute("number", index + 1);
		model.addAttribute("previous", index > 0 ? lessons.get(index - 1) : null);
		model.addAttribute("next", index < lessons.size() - 1 ? lessons.get(index + 1) : null);
		model.addAttribute("unread", lessons.size() - progress.readCount());
		model.addAttribute("firstUnread", progress.nextUnreadLesson().orElse(null));
		return "learning/lesson";
	}

	@GetMapping("/learning/courses/{id}/quiz")
	String quiz(@PathVariable String id, Model model) {
		Viewer me = organization.currentViewer();
		CourseProgress progress = delivery.progressIn(me, new CourseId(id));
		if (progress.course().quiz().isEmpty()) {
			throw new NotFoundException("Quiz");
		}
		model.addAttribute("course", progress.course());
		model.addAttribute("attemptKey", Ids.newId());
		model.addAttribute("selected", Map.of());
		model.addAttribute("orders", displayOrders(progress.course()));
		return "learning/quiz";
	}

	@PostMapping("/learning/courses/{id}/quiz")
	String submit(@PathVariable String id, @RequestParam String attemptKey,
			@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
		Viewer me = organization.currentViewer();
		CourseId courseId = new CourseId(id);
		Course course = delivery.progressIn(me, courseId).course();
		List<Answer> answers = new ArrayList<>();
		Map<String, List<Integer>> selected = new java.util.HashMap<>();
		for (var question : course.quiz().questions()) {
			if (question.kind().ordered()) {
				List<Integer> order = positions(question.id(), question.options().size(), params);
				selected.put(question.id(), order);
				answers.add(new Answer(question.id(), order));
				continue;
			}
			List<Integer> picks = new ArrayList<>();
			for (String value : params.getOrDefault("q-" + question.id(), List.of())) {
				try {
					picks.add(Integer.parseInt(value));
				}
				catch (NumberFormatException e) {
					picks.add(-1);
				}
			}
			selected.put(question.id(), picks);
			answers.add(new Answer(question.id(), picks));
		}
		try {
			AttemptResult result = assessment.submit(me, courseId, answers, attemptKey);
			return "redirect:/learning/courses/" + id + "/attempts/" + result.attemptId();
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("problem", String.join(" ", e.fieldErrors().values()));
			model.addAttribute("course", course);
			model.addAttribute("attemptKey", attemptKey);
			model.addAttribute("selected", selected);
			model.addAttribute("orders", displayOrders(course));
			return "learning/quiz";
		}
	}

	/**
	 * The learner's order from the position chosen for each option ("q-ID-pos-N" = position of option N). A
	 * position used twice or left out gives no order at all, which counts as wrong.
	 */
	static List<Integer> positions(String questionId, int options, MultiValueMap<String, String> params) {
		Integer[] byPosition = new Integer[options];
		for (int option = 0; option < options; option++) {
			String value = params.getFirst("q-" + questionId + "-pos-" + option);
			try {
				int position = Integer.parseInt(value == null ? "" : value.strip()) - 1;
				if (position < 0 || position >= options || byPosition[position] != null) {
					return List.of();
				}
				byPosition[position] = option;
			}
			catch (NumberFormatException e) {
				return List.of();
			}
		}
		return List.of(byPosition);
	}

	/** Ordering questions show their steps in a fixed mixed order that is never the right one. */
	static Map<String, List<Integer>> displayOrders(Course course) {
		Map<String, List<Integer>> orders = new java.util.HashMap<>();
		for (var question : course.quiz().questions()) {
			if (question.kind().ordered()) {
				List<Integer> order = new ArrayList<>(question.correct());
				java.util.Collections.shuffle(order, new java.util.Random(question.id().hashCode()));
				if (order.equals(question.correct()) && order.size() > 1) {
					java.util.Collections.swap(order, 0, order.size() - 1);
				}
				orders.put(question.id(), order);
			}
		}
		return orders;
	}

	@GetMapping("/learning/courses/{id}/attempts/{attemptId}")
	String attempt(@PathVariable String id, @PathVariable String attemptId, Model model) {
		Viewer me = organization.currentViewer();
		AttemptResult attempt = assessment.attempt(me, attemptId);
		if (!attempt.courseId().value().equals(id) || !attempt.personId().equals(me.id())) {
			throw new NotFoundException("Attempt");
		}
		CourseProgress progress = delivery.progressIn(me, attempt.courseId());
		model.addAttribute("course", progress.course());
		model.addAttribute("progress", progress);
		model.addAttribute("attempt", attempt);
		return "learning/attempt";
	}
}
