package io.stride.delivery.web;

import java.time.Instant;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.delivery.Certificate;
import io.stride.delivery.CourseProgress;
import io.stride.delivery.Delivery;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.Retry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lesson player and the certificate through the API: where the caller stands in a course, reading a lesson, and
 * completion certificates.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Learning", description = "Assignments, my learning and team progress")
@SecurityRequirement(name = "bearer")
class LessonPlayerApi {

	private final Delivery delivery;

	LessonPlayerApi(Delivery delivery) {
		this.delivery = delivery;
	}

	record LessonView(String id, String title, boolean read) {
	}

	/**
	 * {@code next}: LESSON (see {@code nextLessonId}), QUIZ, or NONE when everything is done; {@code certificate}
	 * tells whether a certificate is there to fetch.
	 */
	record CourseProgressView(String courseId, String title, int version, String status, Integer bestScore,
			List<LessonView> lessons, int lessonsRead, String next, String nextLessonId, boolean certificate) {

		static CourseProgressView of(CourseProgress p) {
			String nextLesson = p.nextUnreadLesson().map(lesson -> lesson.id()).orElse(null);
			String next = nextLesson != null ? "LESSON" : p.quizIsNext() ? "QUIZ" : "NONE";
			return new CourseProgressView(p.course().id().value(), p.course().title(), p.course().version(),
					p.status().name(), p.bestScore(),
					p.course().lessons().stream().map(l -> new LessonView(l.id(), l.title(), p.hasRead(l.id()))).toList(),
					p.readCount(), next, nextLesson, p.done());
		}
	}

	record CertificateView(String verificationId, String personId, String learnerName, String courseId,
			String courseTitle, int version, Instant completedAt, Integer score, boolean current) {

		static CertificateView of(Certificate c) {
			return new CertificateView(c.verificationId(), c.personId().value(), c.learnerName(), c.courseId().value(),
					c.courseTitle(), c.version(), c.completedAt(), c.score(), c.current());
		}
	}

	@GetMapping("/courses/{id}/progress")
	@Operation(summary = "Where the caller stands in a course: lessons read, status, and what comes next")
	CourseProgressView progress(Viewer me, @PathVariable String id) {
		return CourseProgressView.of(delivery.progressIn(me, new CourseId(id)));
	}

	@PostMapping("/courses/{id}/lessons/{lessonId}/read")
	@Operation(summary = "Records that the caller read a lesson (the lesson page does the same); 404 for an unknown lesson")
	CourseProgressView read(Viewer me, @PathVariable String id, @PathVariable String lessonId) {
		return CourseProgressView.of(Retry.onDuplicateKey(() -> delivery.readLesson(me, new CourseId(id), lessonId)));
	}

	@GetMapping("/courses/{id}/certificate")
	@Operation(summary = "The completion certificate of the caller, or with personId of someone the caller manages "
			+ "(admins: anyone); 404 before completion and for people the caller may not see")
	CertificateView certificate(Viewer me, @PathVariable String id, @RequestParam(required = false) String personId) {
		PersonId person = personId == null || personId.isBlank() ? null : new PersonId(personId.strip());
		return CertificateView.of(delivery.certificate(me, new CourseId(id), person));
	}

	@GetMapping("/certificates/{verificationId}")
	@Operation(summary = "Checks a certificate by its verification id (same visibility as the certificate); "
			+ "current is false once the learner started the course again")
	CertificateView verify(Viewer me, @PathVariable String verificationId) {
		return CertificateView.of(delivery.verify(me, verificationId));
	}
}
