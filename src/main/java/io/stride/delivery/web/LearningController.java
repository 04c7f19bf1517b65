package io.stride.delivery.web;

import java.util.List;

import io.stride.assessment.Assessment;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.delivery.CourseProgress;
import io.stride.delivery.Delivery;
import io.stride.identity.Organization;
import io.stride.identity.Viewer;
import io.stride.shared.Retry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The learner's side: "my learning" and the lesson player (the quiz is {@link QuizController}'s).
 */
@Controller
class LearningController {

	private final Delivery delivery;

	private final Assessment assessment;

	private final Organization organization;

	LearningController(Delivery delivery, Assessment assessment, Organization organization) {
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
		model.addAttribute("items", delivery.myLearning(me));
		return "learning/my-learning";
	}

	@GetMapping("/learning/courses/{id}")
	String course(@PathVariable String id, Model model) {
		Viewer me = organization.currentViewer();
		CourseProgress progress = Retry.onDuplicateKey(() -> delivery.open(me, new CourseId(id)));
		model.addAttribute("progress", progress);
		model.addAttribute("course", progress.course());
		model.addAttribute("attempts", assessment.attemptsOf(me, progress.course().id()));
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
		model.addAttribute("checks", assessment.checksAfter(me, course, lessonId));
		return "learning/lesson";
	}
}
