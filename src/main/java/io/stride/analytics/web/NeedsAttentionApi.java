package io.stride.analytics.web;

import java.util.List;
import java.util.function.Function;

import io.stride.analytics.attention.NeedsAttention;
import io.stride.analytics.attention.NeedsAttentionReport;
import io.stride.analytics.attention.NeedsAttentionReport.Shortlist;
import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Analytics", description = "Course figures from the learning record, and where learners struggle")
@SecurityRequirement(name = "bearer")
class NeedsAttentionApi {

	private final NeedsAttention needsAttention;

	NeedsAttentionApi(NeedsAttention needsAttention) {
		this.needsAttention = needsAttention;
	}

	record ListView<T>(List<T> items, int total, int limit) {

		static <S, T> ListView<T> of(Shortlist<S> list, Function<S, T> view) {
			return new ListView<>(list.items().stream().map(view).toList(), list.total(), NeedsAttention.LIMIT);
		}
	}

	record UnclearLessonView(String courseId, String courseTitle, String lessonId, String lessonTitle, int unclear,
			int outdated, int reactions) {
	}

	record DropOffView(String courseId, String courseTitle, String lessonId, String lessonTitle, int reachedPrevious,
			int reached, double dropOff) {
	}

	record MissedQuestionView(String courseId, String courseTitle, String questionId, String prompt, int answers,
			int right, double shareRight) {
	}

	record WeakCourseView(String courseId, String courseTitle, int learners, int reactionScore, int reactions) {
	}

	record NeedsAttentionView(String courseId, int coursesConsidered, ListView<UnclearLessonView> unclearLessons,
			ListView<DropOffView> dropOffLessons, ListView<MissedQuestionView> missedQuestions,
			ListView<WeakCourseView> weakCourses) {
	}

	@GetMapping("/analytics/needs-attention")
	@Operation(summary = "Where learners struggle, most pressing first, at most 10 entries per list (total says how many "
			+ "there are): lessons with the most unclear or outdated reactions; lessons that at least 20% of the previous "
			+ "lesson's learners never reached (from 5 learners); questions with under 50% right answers (from 5 answers); "
			+ "courses with a reaction score below 0 after 10 or more learners started. Admins and L&D reviewers see every course, authors "
			+ "their courses, managers the courses their teams take (counting their teams' learners); with courseId, one "
			+ "course (404 unless the caller may see its figures)")
	NeedsAttentionView needsAttention(Viewer me,
			@Parameter(description = "one course; omitted: every course the caller may see") @RequestParam(required = false) String courseId) {
		NeedsAttentionReport r = courseId == null || courseId.isBlank() ? needsAttention.across(me)
				: needsAttention.forCourse(me, new CourseId(courseId.strip()));
		return new NeedsAttentionView(r.courseId() == null ? null : r.courseId().value(), r.coursesConsidered(),
				ListView.of(r.unclearLessons(), l -> new UnclearLessonView(l.courseId().value(), l.courseTitle(), l.lessonId(),
						l.lessonTitle(), l.unclear(), l.outdated(), l.reactions())),
				ListView.of(r.dropOffLessons(), l -> new DropOffView(l.courseId().value(), l.courseTitle(), l.lessonId(),
						l.lessonTitle(), l.reachedPrevious(), l.reached(), l.dropOff())),
				ListView.of(r.missedQuestions(), q -> new MissedQuestionView(q.courseId().value(), q.courseTitle(),
						q.questionId(), q.prompt(), q.answers(), q.right(), q.shareRight())),
				ListView.of(r.weakCourses(), c -> new WeakCourseView(c.courseId().value(), c.courseTitle(), c.learners(),
						c.reactionScore(), c.reactions())));
	}
}
