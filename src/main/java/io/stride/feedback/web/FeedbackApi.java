package io.stride.feedback.web;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.stride.authoring.CourseId;
import io.stride.feedback.AuthorFeedback;
import io.stride.feedback.CourseFeedback;
import io.stride.feedback.Feedback;
import io.stride.feedback.ImprovementRequest;
import io.stride.feedback.ImprovementRequest.Status;
import io.stride.feedback.Reaction;
import io.stride.feedback.ReactionScore;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.Retry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reactions", description = "Reactions to lessons, improvement requests and reaction scores")
@SecurityRequirement(name = "bearer")
class FeedbackApi {

	private final Feedback feedback;

	FeedbackApi(Feedback feedback) {
		this.feedback = feedback;
	}

	record ReactionRequest(String lessonId, String kind, String comment) {
	}

	record ReactionView(String courseId, String lessonId, String kind, String comment, Instant reactedAt,
			String improvementRequestId) {

		static ReactionView of(Reaction r) {
			return new ReactionView(r.courseId().value(), r.lessonId(), r.kind().name(), r.comment(), r.reactedAt(),
					r.improvementRequestId());
		}
	}

	record RequestView(String id, String courseId, String courseTitle, String lessonId, String lessonTitle, int version,
			String kind, String comment, String status, Instant createdAt, String reply, Instant resolvedAt) {

		static RequestView of(ImprovementRequest r, String courseTitle) {
			return new RequestView(r.id(), r.courseId().value(), courseTitle, r.lessonId(), r.lessonTitle(), r.version(),
					r.kind().name(), r.comment(), r.status().name(), r.createdAt(), r.reply(), r.resolvedAt());
		}
	}

	record ReplyRequest(String reply) {
	}

	record LessonScoreView(String lessonId, String title, Integer reactionScore, int helpful, int unclear, int outdated) {
	}

	record ScoreView(String courseId, Integer reactionScore, int helpful, int unclear, int outdated, int reactions,
			int openRequests, List<LessonScoreView> lessons) {
	}

	@PostMapping("/courses/{id}/reactions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "React to a lesson: HELPFUL, UNCLEAR or OUTDATED, with an optional comment (up to 1000 characters). "
			+ "One reaction per learner and lesson; posting again changes it. UNCLEAR and OUTDATED open an improvement request "
			+ "for the author. 404 unless the caller may take the course; 422 for an unknown lesson or kind")
	ReactionView react(Viewer me, @PathVariable String id, @RequestBody ReactionRequest request) {
		return ReactionView.of(Retry.onDuplicateKey(
				() -> feedback.react(me, new CourseId(id), request.lessonId(), request.kind(), request.comment())));
	}

	@GetMapping("/courses/{id}/reactions/mine")
	@Operation(summary = "The caller's reactions to the lessons of a course")
	List<ReactionView> mine(Viewer me, @PathVariable String id) {
		return feedback.mine(me, new CourseId(id)).stream().map(ReactionView::of).toList();
	}

	@GetMapping("/courses/{id}/improvement-requests")
	@Operation(summary = "Improvement requests on a course, open ones first (status: OPEN, RESOLVED, WITHDRAWN or ALL, the "
			+ "default); for the course's author and admins, 404 for everyone else")
	List<RequestView> requests(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "ALL") String status) {
		CourseFeedback course = feedback.course(me, new CourseId(id), statuses(status));
		return course.requests().stream().map(r -> RequestView.of(r, course.course().title())).toList();
	}

	@GetMapping("/courses/{id}/reaction-score")
	@Operation(summary = "The course's reaction score, (helpful − unclear − outdated) / reactions × 100 rounded, null without "
			+ "reactions, with the counts per lesson; for the course's author and admins")
	ScoreView score(Viewer me, @PathVariable String id) {
		CourseFeedback course = feedback.course(me, new CourseId(id), List.of(Status.OPEN));
		ReactionScore total = course.score();
		List<LessonScoreView> lessons = course.course()
			.lessons()
			.stream()
			.map(lesson -> {
				ReactionScore s = course.byLesson().getOrDefault(lesson.id(), ReactionScore.NONE);
				return new LessonScoreView(lesson.id(), lesson.title(), s.score(), s.helpful(), s.unclear(), s.outdated());
			})
			.toList();
		return new ScoreView(course.course().id().value(), total.score(), total.helpful(), total.unclear(), total.outdated(),
				total.total(), course.open(), lessons);
	}

	@GetMapping("/me/improvement-requests")
	@Operation(summary = "Improvement requests on every course the caller wrote (admins: every course), open ones first")
	List<RequestView> acrossCourses(Viewer me, @RequestParam(defaultValue = "ALL") String status) {
		AuthorFeedback all = feedback.acrossCourses(me, statuses(status));
		return all.requests().stream().map(r -> RequestView.of(r, all.titleOf(r.courseId()))).toList();
	}

	@PostMapping("/improvement-requests/{id}/resolve")
	@Operation(summary = "Answer an improvement request; the learner is notified. 404 unless the caller wrote the course or "
			+ "is an admin; 409 when it was already answered or withdrawn; 422 without a reply (at most 2000 characters)")
	RequestView resolve(Viewer me, @PathVariable String id, @RequestBody(required = false) ReplyRequest request) {
		ImprovementRequest resolved = feedback.resolve(me, id, request == null ? null : request.reply());
		return RequestView.of(resolved, feedback.course(me, resolved.courseId(), List.of()).course().title());
	}

	private static Collection<Status> statuses(String status) {
		if ("ALL".equalsIgnoreCase(status)) {
			return List.of(Status.values());
		}
		for (Status s : Status.values()) {
			if (s.name().equalsIgnoreCase(status)) {
				return List.of(s);
			}
		}
		throw new InvalidInputException("Unknown status.", Map.of("status", "Use OPEN, RESOLVED, WITHDRAWN or ALL."));
	}
}
