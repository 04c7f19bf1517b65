package io.stride.authoring.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import io.stride.authoring.AnswersShown;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.CourseEstimates;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.authoring.NumericAnswer;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.authoring.QuizSettings;
import io.stride.authoring.RiskTier;
import io.stride.authoring.Scoring;
import io.stride.authoring.SourceNote;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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

	private final CourseEstimates estimates;

	CourseApi(Authoring authoring, CourseEstimates estimates) {
		this.authoring = authoring;
		this.estimates = estimates;
	}

	/**
	 * A lesson. {@code citations} are where a drafted lesson's text comes from; Stride sets them when it drafts, so a
	 * client's are ignored on writing, and an edited lesson keeps its own.
	 */
	record LessonBody(String id, String title, String markdown, String module, List<QuestionBody> knowledgeChecks,
			@Schema(accessMode = Schema.AccessMode.READ_ONLY) List<CitationBody> citations) {

		LessonBody(String id, String title, String markdown, String module) {
			this(id, title, markdown, module, null, null);
		}

		static LessonBody of(Lesson l, boolean withAnswers) {
			return new LessonBody(l.id(), l.title(), l.markdown(), l.module(),
					l.knowledgeChecks().stream().map(q -> QuestionBody.of(q, withAnswers)).toList(),
					l.sources().stream().map(CitationBody::of).toList());
		}
	}

	/** Where a drafted element comes from: {@code text} is exactly the source's extracted text from start to end. */
	record CitationBody(String source, String locator, Integer start, Integer end, String text) {

		static CitationBody of(SourceNote note) {
			return note == null ? null
					: new CitationBody(note.source(), note.locator(), note.start(), note.end(), note.text());
		}
	}

	/**
	 * A question: the API's Question shape plus what the kinds beyond choice and ordering need. {@code scoring}:
	 * ALL_OR_NOTHING (default) or PARTIAL for MULTIPLE_CHOICE and MATCHING; SHORT_ANSWER: {@code accepted}
	 * alternatives and {@code similarity} (0.5 to 1, null for text match only); NUMERIC: {@code value},
	 * {@code tolerance} (default 0) and {@code unit}; MATCHING: {@code options} are the items, {@code matches} what
	 * they match (kept in alphabetical order), {@code correct[i]} the index of item i's match.
	 */
	record QuestionBody(String id, String kind, String prompt, List<String> options, List<Integer> correct,
			String explanation, CitationBody citation, String scoring, List<String> accepted, Double similarity,
			BigDecimal value, BigDecimal tolerance, String unit, List<String> matches) {

		/** The question as the viewer may see it: learners get no answers, explanations or accepted alternatives. */
		static QuestionBody of(Question q, boolean withAnswers) {
			NumericAnswer numeric = q.numeric();
			return new QuestionBody(q.id(), q.kind().name(), q.prompt(), q.options(), withAnswers ? q.correct() : null,
					withAnswers ? q.explanation() : null, withAnswers ? CitationBody.of(q.source()) : null,
					q.scoring().name(), withAnswers ? q.accepted() : null,
					withAnswers ? q.similarity() : null, withAnswers && numeric != null ? numeric.value() : null,
					withAnswers && numeric != null ? numeric.tolerance() : null, numeric == null ? null : numeric.unit(),
					q.matches());
		}

		Question toQuestion() {
			QuestionKind parsed;
			try {
				parsed = QuestionKind.valueOf(kind == null ? "SINGLE_CHOICE" : kind);
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInputException("kind", "Unknown question kind: " + kind);
			}
			Scoring rule;
			try {
				rule = scoring == null || scoring.isBlank() ? Scoring.ALL_OR_NOTHING : Scoring.valueOf(scoring.strip());
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInputException("scoring", "The scoring is ALL_OR_NOTHING or PARTIAL.");
			}
			List<Integer> pairs = correct;
			if (parsed == QuestionKind.MATCHING && correct == null && options != null) {
				// pairs given in order: item i matches match i
				pairs = IntStream.range(0, options.size()).boxed().toList();
			}
			return new Question(id, parsed, prompt == null ? "" : prompt.trim(), options, pairs, explanation, null, rule,
					accepted, similarity,
					parsed == QuestionKind.NUMERIC ? new NumericAnswer(value, tolerance == null ? BigDecimal.ZERO : tolerance, unit)
							: null,
					matches);
		}
	}

	/** The final quiz and how it is taken; empty settings mean no limit and all questions. */
	record QuizBody(@Schema(type = "integer", minimum = "0", maximum = "100") BigDecimal passMark,
			List<QuestionBody> questions, Integer attemptLimit, Integer timeLimitMinutes,
			Integer drawCount, Boolean shuffleOptions,
			@Schema(description = "When learners see the right answers and explanations", allowableValues = {
					"AFTER_EACH_ATTEMPT", "ONCE_PASSED_OR_OUT_OF_ATTEMPTS", "NEVER" },
					defaultValue = "ONCE_PASSED_OR_OUT_OF_ATTEMPTS") String answersShown) {
	}

	/**
	 * {@code estimatedMinutes}: optional; when given (1 to 6000) it becomes the course's estimated learning time,
	 * otherwise the estimate stays as it was (computed from the lessons' length when none was ever given).
	 */
	record CourseBody(String title, String description, List<LessonBody> lessons, QuizBody quiz, Integer revision,
			List<String> objectives, String riskTier, String tierReason, Integer estimatedMinutes) {

		CourseContent toContent() {
			List<Lesson> lessonList = lessons == null ? List.of()
					: lessons.stream().filter(Objects::nonNull)
						// ids sent back keep the course's own elements (a linked one is checked against its source);
						// others are new
						.map(l -> new Lesson(l.id(), l.title() == null ? "" : l.title().trim(),
							l.markdown() == null ? "" : l.markdown(), List.of(), l.module(), questions(l.knowledgeChecks())))
						.toList();
			int passMark = quiz == null || quiz.passMark() == null ? 80 : wholePercent(quiz.passMark());
			List<Question> questions = quiz == null ? List.of() : questions(quiz.questions());
			QuizSettings settings = quiz == null ? QuizSettings.NONE
					: new QuizSettings(quiz.attemptLimit(), quiz.timeLimitMinutes(), quiz.drawCount(),
							Boolean.TRUE.equals(quiz.shuffleOptions()), AnswersShown.parse(quiz.answersShown()));
			RiskTier tier = null;
			if (riskTier != null && !riskTier.isBlank()) {
				try {
					tier = RiskTier.valueOf(riskTier.strip());
				}
				catch (IllegalArgumentException e) {
					throw new InvalidInputException("riskTier", "The risk tier is LOW, MEDIUM or HIGH.");
				}
			}
			return new CourseContent(title, description, lessonList, new Quiz(passMark, questions, settings), objectives,
					tier, tierReason);
		}

		/**
		 * Read as a number so that 80.5 is refused rather than cut to 80: anything but a whole number near the range
		 * becomes -1, which the course rules refuse together with any other problem of the course.
		 */
		private static int wholePercent(BigDecimal passMark) {
			BigDecimal whole = passMark.stripTrailingZeros();
			boolean wholeAndNear = whole.scale() <= 0 && whole.abs().compareTo(BigDecimal.valueOf(1000)) <= 0;
			return wholeAndNear ? whole.intValueExact() : -1;
		}

		private static List<Question> questions(List<QuestionBody> bodies) {
			return bodies == null ? List.of()
					: bodies.stream().filter(Objects::nonNull).map(QuestionBody::toQuestion).toList();
		}
	}

	/**
	 * {@code estimatedMinutes}: how long the course takes; {@code estimateGiven} false when it is computed from the
	 * lessons' length (about 200 words a minute) because neither a draft nor the author gave one.
	 */
	record CourseView(String id, int version, int revision, String status, String title, String description,
			List<String> objectives, String riskTier, String tierReason, LocalDate reviewBy,
			List<LessonBody> lessons, QuizBody quiz, Integer estimatedMinutes, Boolean estimateGiven) {

		/** Learners get the questions without the answers and explanations; authors and admins get all. */
		static CourseView of(Course c, boolean withAnswers, CourseEstimates.Estimate estimate) {
			QuizSettings settings = c.quiz().settings();
			return new CourseView(c.id().value(), c.version(), c.revision(), c.status().name(), c.title(),
					c.description(), c.objectives(), c.riskTier().name(), c.tierReason(), c.reviewBy(),
					c.lessons().stream().map(l -> LessonBody.of(l, withAnswers)).toList(),
					new QuizBody(BigDecimal.valueOf(c.quiz().passMark()),
							c.quiz().questions().stream().map(q -> QuestionBody.of(q, withAnswers)).toList(),
							settings.attemptLimit(), settings.timeLimitMinutes(), settings.drawCount(),
							settings.shuffleOptions(), settings.answersShown().name()),
					estimate == null ? null : estimate.minutes(), estimate == null ? null : estimate.given());
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
	Saved newVersion(Viewer me, @PathVariable String id, @RequestBody RevisionBody body) {
		if (body == null || body.revision() == null) {
			throw new InvalidInputException("revision", "Send the revision you last read.");
		}
		return Saved.of(authoring.startVersion(me, new CourseId(id), body.revision()));
	}

	@GetMapping("/{id}/versions")
	@Operation(summary = "Published versions of a course, newest first, with how many learners take each; for its author and admins")
	List<Authoring.VersionInfo> versions(Viewer me, @PathVariable String id) {
		return authoring.versions(me, new CourseId(id));
	}

	@PostMapping("/{id}/retire")
	@Operation(summary = "Retire a published course: kept for records and its learners, hidden from new ones")
	Saved retire(Viewer me, @PathVariable String id) {
		return Saved.of(authoring.retire(me, new CourseId(id)));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a draft course")
	Saved create(Viewer me, @RequestBody CourseBody body) {
		CourseEstimates.check(body.estimatedMinutes());
		Course course = authoring.create(me, body.toContent());
		if (body.estimatedMinutes() != null) {
			estimates.set(me, course.id(), body.estimatedMinutes());
		}
		return Saved.of(course);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A course: drafts for their author and admins, published courses for everyone")
	CourseView get(Viewer me, @PathVariable String id) {
		Course course = authoring.course(me, new CourseId(id));
		return CourseView.of(course, Authoring.mayEdit(me, course), estimates.of(List.of(course.id())).get(course.id()));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a draft's content; 'revision' must be the one last read (409 otherwise). "
			+ "On a published course this starts the next version as a draft: the published one never changes")
	Saved update(Viewer me, @PathVariable String id, @RequestBody CourseBody body) {
		if (body.revision() == null) {
			throw new InvalidInputException("revision", "Send the revision you last read, to avoid overwriting a newer save.");
		}
		CourseEstimates.check(body.estimatedMinutes());
		Course course = authoring.update(me, new CourseId(id), body.revision(), body.toContent());
		if (body.estimatedMinutes() != null) {
			estimates.set(me, course.id(), body.estimatedMinutes());
		}
		return Saved.of(course);
	}

	record EstimateBody(Integer estimatedMinutes) {
	}

	record EstimateView(int estimatedMinutes, boolean estimateGiven) {
	}

	@PutMapping("/{id}/estimate")
	@Operation(summary = "Set a course's estimated learning time in minutes (1 to 6000), published or not, for its "
			+ "author and admins; null goes back to the estimate from the lessons' length; 422 at 'estimatedMinutes'")
	EstimateView setEstimate(Viewer me, @PathVariable String id, @RequestBody EstimateBody body) {
		CourseEstimates.Estimate estimate = estimates.set(me, new CourseId(id),
				body == null ? null : body.estimatedMinutes());
		return new EstimateView(estimate.minutes(), estimate.given());
	}

}
