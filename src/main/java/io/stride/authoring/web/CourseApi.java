package io.stride.authoring.web;

import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.identity.Organization;
import io.stride.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/courses")
@Tag(name = "Courses", description = "Writing and publishing courses")
@SecurityRequirement(name = "bearer")
class CourseApi {

	private final Authoring authoring;

	private final Organization organization;

	CourseApi(Authoring authoring, Organization organization) {
		this.authoring = authoring;
		this.organization = organization;
	}

	record LessonBody(String id, String title, String markdown, String module) {
	}

	record CitationBody(String source, String locator, Integer start, Integer end, String text) {
	}

	record QuestionBody(String id, String kind, String prompt, List<String> options, List<Integer> correct,
			String explanation, CitationBody citation) {
	}

	record QuizBody(Integer passMark, List<QuestionBody> questions) {
	}

	record CourseBody(String title, String description, List<LessonBody> lessons, QuizBody quiz, Integer revision,
			List<String> objectives, String riskTier, String tierReason) {

		CourseContent toContent() {
			List<Lesson> lessonList = lessons == null ? List.of()
					: lessons.stream().filter(java.util.Objects::nonNull)
						.map(l -> new Lesson(null, l.title() == null ? "" : l.title().trim(),
							l.markdown() == null ? "" : l.markdown(), List.of(), l.module())).toList();
			int passMark = quiz == null || quiz.passMark() == null ? 80 : quiz.passMark();
			List<Question> questions = quiz == null || quiz.questions() == null ? List.of()
					: quiz.questions().stream().filter(java.util.Objects::nonNull).map(CourseBody::question).toList();
			io.stride.authoring.RiskTier tier = null;
			if (riskTier != null && !riskTier.isBlank()) {
				try {
					tier = io.stride.authoring.RiskTier.valueOf(riskTier.strip());
				}
				catch (IllegalArgumentException e) {
					throw new InvalidInputException("riskTier", "The risk tier is LOW, MEDIUM or HIGH.");
				}
			}
			return new CourseContent(title, description, lessonList, new Quiz(passMark, questions), objectives, tier,
					tierReason);
		}

		private static Question question(QuestionBody q) {
			QuestionKind kind;
			try {
				kind = QuestionKind.valueOf(q.kind() == null ? "SINGLE_CHOICE" : q.kind());
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInputException("kind", "Unknown question kind: " + q.kind());
			}
			return new Question(null, kind, q.prompt() == null ? "" : q.prompt().trim(), q.options(), q.correct(),
					q.explanation());
		}
	}

	record CourseView(String id, int version, int revision, String status, String title, String description,
			List<String> objectives, String riskTier, String tierReason, java.time.LocalDate reviewBy,
			List<LessonBody> lessons, QuizBody quiz) {

		/** Learners get the questions without the answers and explanations; authors and admins get all. */
		static CourseView of(Course c, boolean withAnswers) {
			return new CourseView(c.id().value(), c.version(), c.revision(), c.status().name(), c.title(),
					c.description(), c.objectives(), c.riskTier().name(), c.tierReason(), c.reviewBy(), c.lessons().stream().map(l -> new LessonBody(l.id(), l.title(), l.markdown(), l.module())).toList(),
					new QuizBody(c.quiz().passMark(), c.quiz().questions().stream()
						.map(q -> new QuestionBody(q.id(), q.kind().name(), q.prompt(), q.options(),
								withAnswers ? q.correct() : null, withAnswers ? q.explanation() : null, null))
						.toList()));
		}
	}

	record Saved(String id, int version, int revision, String status, Integer publishedVersion) {

		static Saved of(Course c) {
			return new Saved(c.id().value(), c.version(), c.revision(), c.status().name(), c.liveVersion());
		}
	}

	record RevisionBody(Integer revision) {
	}

	@PostMapping("/{id}/versions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start the next version of a published course as a draft (learners keep the published one); "
			+ "409 when the course is not published or 'revision' is stale")
	Saved newVersion(@PathVariable String id, @RequestBody RevisionBody body) {
		if (body == null || body.revision() == null) {
			throw new InvalidInputException("revision", "Send the revision you last read.");
		}
		return Saved.of(authoring.startVersion(organization.currentViewer(), new CourseId(id), body.revision()));
	}

	@GetMapping("/{id}/versions")
	@Operation(summary = "Published versions of a course, newest first, with how many learners take each; for its author and admins")
	List<Authoring.VersionInfo> versions(@PathVariable String id) {
		return authoring.versions(organization.currentViewer(), new CourseId(id));
	}

	@PostMapping("/{id}/retire")
	@Operation(summary = "Retire a published course: kept for records and its learners, hidden from new ones")
	Saved retire(@PathVariable String id) {
		return Saved.of(authoring.retire(organization.currentViewer(), new CourseId(id)));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a draft course")
	Saved create(@RequestBody CourseBody body) {
		return Saved.of(authoring.create(organization.currentViewer(), body.toContent()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A course: drafts for their author and admins, published courses for everyone")
	CourseView get(@PathVariable String id) {
		var me = organization.currentViewer();
		Course course = authoring.course(me, new CourseId(id));
		return CourseView.of(course, Authoring.mayEdit(me, course));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a draft's content; 'revision' must be the one last read (409 otherwise). "
			+ "On a published course this starts the next version as a draft: the published one never changes")
	Saved update(@PathVariable String id, @RequestBody CourseBody body) {
		if (body.revision() == null) {
			throw new InvalidInputException("revision", "Send the revision you last read, to avoid overwriting a newer save.");
		}
		return Saved.of(authoring.update(organization.currentViewer(), new CourseId(id), body.revision(), body.toContent()));
	}

}
