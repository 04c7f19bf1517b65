package io.stride.delivery.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.stride.assessment.Assessment;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.delivery.Certificate;
import io.stride.delivery.CourseProgress;
import io.stride.delivery.Delivery;
import io.stride.delivery.LearningItem;
import io.stride.delivery.ReviewDueItem;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.mastery.Mastery;
import io.stride.practice.Practice;
import io.stride.shared.Retry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The learner's side: "my learning", the lesson player and the completion certificate (the quiz is
 * {@link QuizController}'s).
 */
@Controller
class LearningController {

	private final Delivery delivery;

	private final Assessment assessment;

	private final Practice practice;

	private final Mastery mastery;

	LearningController(Delivery delivery, Assessment assessment, Practice practice, Mastery mastery) {
		this.practice = practice;
		this.mastery = mastery;
		this.delivery = delivery;
		this.assessment = assessment;
	}

	/** Managers start on their home (rhythm's page: named by its path, so delivery does not depend on it). */
	@GetMapping("/")
	String home(Viewer me) {
		return me.isManager() ? "redirect:/home" : "redirect:/learning";
	}

	@GetMapping("/learning")
	String myLearning(Viewer me, Model model) {
		List<LearningItem> items = delivery.myLearning(me);
		model.addAttribute("items", items);
		model.addAttribute("assigned", section(items, LearningItem.Section.ASSIGNED));
		model.addAttribute("selfChosen", section(items, LearningItem.Section.SELF_CHOSEN));
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
	String resume(Viewer me, @PathVariable String id) {
		CourseProgress progress = delivery.progressIn(me, new CourseId(id));
		return "redirect:" + resumePath(progress);
	}

	static String resumePath(CourseProgress progress) {
		String course = "/learning/courses/" + progress.course().id().value();
		return progress.nextUnreadLesson()
			.map(lesson -> course + "/lessons/" + lesson.id())
			.orElse(progress.quizIsNext() ? course + "/quiz" : course);
	}

	@GetMapping("/learning/courses/{id}/certificate")
	String certificate(Viewer me, @PathVariable String id, @RequestParam(required = false) String personId,
			Model model) {
		PersonId person = personId == null || personId.isBlank() ? null : new PersonId(personId.strip());
		Certificate certificate = delivery.certificate(me, new CourseId(id), person);
		model.addAttribute("certificate", certificate);
		LocalDate completedOn = LocalDate.ofInstant(certificate.completedAt(), ZoneOffset.UTC);
		model.addAttribute("completedOn", completedOn.toString());
		model.addAttribute("completedOnText",
				completedOn.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)));
		model.addAttribute("own", me.is(certificate.personId()));
		return "learning/certificate";
	}

	@GetMapping("/learning/courses/{id}")
	String course(Viewer me, @PathVariable String id, Model model) {
		CourseProgress progress = Retry.onDuplicateKey(() -> delivery.open(me, new CourseId(id)));
		model.addAttribute("progress", progress);
		model.addAttribute("course", progress.course());
		model.addAttribute("attempts", assessment.attemptsOf(me, progress.course().id()));
		model.addAttribute("resume", resumePath(progress));
		return "learning/course";
	}

	@GetMapping("/learning/courses/{id}/lessons/{lessonId}")
	String lesson(Viewer me, @PathVariable String id, @PathVariable String lessonId, Model model) {
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
		// the lessons skipped are the others not read: a lesson that plays a package is read only once the package
		// says it is done, so this one may still be unread while the learner is on it
		List<Lesson> skipped = lessons.stream().filter(l -> !l.id().equals(lessonId) && !progress.hasRead(l.id())).toList();
		model.addAttribute("unread", skipped.size());
		model.addAttribute("firstUnread", skipped.isEmpty() ? null : skipped.getFirst());
		model.addAttribute("checks", assessment.checksAfter(me, course, lessonId));
		return "learning/lesson";
	}
}
