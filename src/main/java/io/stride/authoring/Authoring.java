package io.stride.authoring;

import java.util.List;
import java.util.Map;

import io.stride.authoring.internal.CourseRules;
import io.stride.authoring.internal.Courses;
import io.stride.authoring.internal.Snapshots;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing and publishing courses. Anyone may author; a draft is seen and edited by its author and admins only;
 * a published course is visible to everyone in the organization and no longer edited in place.
 */
@Service
@Transactional
public class Authoring {

	public static final String CONFLICT_MESSAGE = "This course was saved elsewhere (another tab or person) after you "
			+ "opened it. Your changes were not saved; reload to see the latest version, then make them again.";

	private final Courses courses;

	private final ApplicationEventPublisher events;

	private final Snapshots snapshots;

	Authoring(Courses courses, ApplicationEventPublisher events, Snapshots snapshots) {
		this.courses = courses;
		this.events = events;
		this.snapshots = snapshots;
	}

	public Course create(Viewer author, CourseContent content) {
		validate(content, "The course was not created.");
		content = resolveTier(content, "The course was not created.");
		CourseId id = new CourseId(Ids.newId());
		courses.insert(id, author.id(), content);
		courses.recordEditor(id, 1, author.id());
		events.publishEvent(new CourseDrafted(id, content.title(), author.id()));
		events.publishEvent(new CourseTierChanged(id, content.title(), null, content.riskTier(), content.tierReason(),
				RiskSuggestion.of(content).tier(), author.id()));
		return courses.findById(id).orElseThrow();
	}

	/**
	 * The tier the author chose, or Stride's suggestion when they chose none. A tier below the suggestion needs a
	 * written reason, which the audit log keeps.
	 */
	private static CourseContent resolveTier(CourseContent content, String message) {
		RiskSuggestion suggestion = RiskSuggestion.of(content);
		if (content.riskTier() == null) {
			return content.withTier(suggestion.tier(), null);
		}
		if (content.riskTier().ordinal() < suggestion.tier().ordinal() && content.tierReason() == null) {
			throw new InvalidInputException(message, Map.of("tierReason", "Stride suggests the " + suggestion.tier().name()
					.toLowerCase(java.util.Locale.ROOT) + " tier because " + suggestion.because()
					+ ". Choose it, or say why a lower tier is right."));
		}
		return content;
	}

	public Course update(Viewer editor, CourseId id, int revision, CourseContent content) {
		Course course = editable(editor, id);
		if (course.isPublished()) {
			throw new ConflictException("A published course can't be edited in place yet.");
		}
		if (course.status() == CourseStatus.IN_REVIEW) {
			throw new ConflictException("This course is in review; it can be edited again when a reviewer asks for changes.");
		}
		validate(content, "The course was not saved.");
		content = keepOwnIds(course, resolveTier(content, "The course was not saved."));
		if (course.revision() == revision && !course.content().equals(content)) {
			snapshots.keep(id, course.revision(), course.content());
		}
		if (!courses.update(id, revision, content)) {
			throw new ConflictException(CONFLICT_MESSAGE);
		}
		courses.recordEditor(id, course.version(), editor.id());
		if (course.riskTier() != content.riskTier()) {
			events.publishEvent(new CourseTierChanged(id, content.title(), course.riskTier(), content.riskTier(),
					content.tierReason(), RiskSuggestion.of(content).tier(), editor.id()));
		}
		return courses.findById(id).orElseThrow();
	}

	/** Whether there is an earlier content to go back to. */
	@Transactional(readOnly = true)
	public boolean canUndo(Viewer editor, CourseId id) {
		editable(editor, id);
		return snapshots.latest(id).isPresent();
	}

	/**
	 * Puts back the content from before the last save. Repeated, it goes further back; it refuses when someone
	 * saved in the meantime, like any other save.
	 */
	public Course undo(Viewer editor, CourseId id, int revision) {
		Course course = editable(editor, id);
		if (course.isPublished()) {
			throw new ConflictException("A published course can't be changed in place yet.");
		}
		Snapshots.Snapshot snapshot = snapshots.latest(id)
			.orElseThrow(() -> new InvalidInputException("undo", "There is no earlier version to go back to."));
		if (!courses.update(id, revision, keepOwnIds(course, snapshot.content()))) {
			throw new ConflictException(CONFLICT_MESSAGE);
		}
		snapshots.forget(snapshot.id());
		return courses.findById(id).orElseThrow();
	}

	public Course publish(Viewer publisher, CourseId id, int revision) {
		Course course = editable(publisher, id);
		if (course.isPublished()) {
			return course;
		}
		if (course.lessons().isEmpty()) {
			throw new InvalidInputException("lessons", "Add at least one lesson before publishing.");
		}
		if (!courses.publish(id, revision, java.time.LocalDate.now().plusMonths(course.riskTier().reviewMonths()))) {
			throw new ConflictException(CONFLICT_MESSAGE);
		}
		events.publishEvent(new CoursePublished(id, course.version(), publisher.id(), course.title()));
		return courses.findById(id).orElseThrow();
	}

	/**
	 * What the author's "publish" does: a low-risk course is published at once; a medium or high one goes to review,
	 * and is published when its review is approved.
	 * @return the course, published or in review
	 */
	public Course requestPublication(Viewer author, CourseId id, int revision) {
		Course course = editable(author, id);
		if (course.riskTier() == RiskTier.LOW || course.isPublished()) {
			return publish(author, id, revision);
		}
		if (course.lessons().isEmpty()) {
			throw new InvalidInputException("lessons", "Add at least one lesson before publishing.");
		}
		if (course.revision() != revision || !courses.changeStatus(id, "DRAFT", "IN_REVIEW")) {
			throw new ConflictException(course.status() == CourseStatus.IN_REVIEW ? "This course is already in review."
					: CONFLICT_MESSAGE);
		}
		events.publishEvent(new CourseSubmittedForReview(id, course.version(), course.riskTier(), author.id(), course.title()));
		return courses.findById(id).orElseThrow();
	}

	/** Publishes a course whose review was approved; called by the review module, which has checked the reviewers. */
	public Course publishReviewed(CourseId id, io.stride.identity.PersonId approvedBy) {
		Course course = find(id);
		if (!courses.publishFromReview(id, java.time.LocalDate.now().plusMonths(course.riskTier().reviewMonths()))) {
			throw new ConflictException("This course is not in review.");
		}
		events.publishEvent(new CoursePublished(id, course.version(), approvedBy, course.title()));
		return courses.findById(id).orElseThrow();
	}

	/** A reviewer asked for changes: the course is a draft again, for its author to fix and resubmit. */
	public void returnToDraft(CourseId id) {
		courses.changeStatus(id, "IN_REVIEW", "DRAFT");
	}

	/**
	 * Retires a published course: it stays for the records and for learners who started it, and is hidden from
	 * new learners and new assignments.
	 */
	public Course retire(Viewer viewer, CourseId id) {
		Course course = editable(viewer, id);
		if (!courses.changeStatus(id, "PUBLISHED", "RETIRED")) {
			throw new ConflictException("Only a published course can be retired.");
		}
		events.publishEvent(new CourseRetired(id, course.title(), viewer.id()));
		return courses.findById(id).orElseThrow();
	}

	/** A course learners may still take: published, or retired (for those who started it; callers check). */
	@Transactional(readOnly = true)
	public Course deliverable(CourseId id) {
		Course course = find(id);
		if (course.status() != CourseStatus.PUBLISHED && course.status() != CourseStatus.RETIRED) {
			throw new NotFoundException("Course");
		}
		return course;
	}

	/** A course as its reviewers see it, whatever its state; the review module decides who is a reviewer. */
	@Transactional(readOnly = true)
	public Course forReview(CourseId id) {
		return find(id);
	}

	/** People who edited this version of the course; they may not approve it. */
	@Transactional(readOnly = true)
	public java.util.Set<io.stride.identity.PersonId> editorsOf(CourseId id, int version) {
		return courses.editors(id, version);
	}

	/** The course as the viewer may see it: drafts only by their author and admins. */
	@Transactional(readOnly = true)
	public Course course(Viewer viewer, CourseId id) {
		Course course = find(id);
		if (!course.isPublished() && !mayEdit(viewer, course)) {
			throw new NotFoundException("Course");
		}
		return course;
	}

	/** The course only if the viewer may edit it. */
	@Transactional(readOnly = true)
	public Course editable(Viewer viewer, CourseId id) {
		Course course = find(id);
		if (!mayEdit(viewer, course)) {
			if (course.isPublished()) {
				throw new ForbiddenException("Only the course's author or an admin can change it.");
			}
			throw new NotFoundException("Course");
		}
		return course;
	}

	/** A published course, for delivering it to learners. */
	@Transactional(readOnly = true)
	public Course published(CourseId id) {
		Course course = find(id);
		if (!course.isPublished()) {
			throw new NotFoundException("Course");
		}
		return course;
	}

	@Transactional(readOnly = true)
	public List<Course> authoredBy(Viewer viewer) {
		return courses.summaries("WHERE author_id = ? ORDER BY updated_at DESC", viewer.id().value());
	}

	/** Published courses whose review-by date falls before {@code horizon}, soonest first, for reviewers and admins. */
	@Transactional(readOnly = true)
	public List<Course> dueForReview(Viewer viewer, java.time.LocalDate horizon) {
		if (!viewer.isReviewer()) {
			throw new ForbiddenException("Only reviewers and admins see the review-by list.");
		}
		return courses.summaries("WHERE status = 'PUBLISHED' AND review_by IS NOT NULL AND review_by <= ? "
				+ "ORDER BY review_by, title", horizon);
	}

	@Transactional(readOnly = true)
	public List<Course> publishedCourses() {
		return courses.summaries("WHERE status = 'PUBLISHED' ORDER BY title");
	}

	@Transactional(readOnly = true)
	public Map<CourseId, String> titles(List<CourseId> ids) {
		return courses.titles(ids);
	}

	/** Which of these courses have a quiz. */
	@Transactional(readOnly = true)
	public java.util.Set<CourseId> withQuiz(List<CourseId> ids) {
		return courses.withQuiz(ids);
	}

	public static boolean mayEdit(Viewer viewer, Course course) {
		return viewer.isAdmin() || viewer.is(course.authorId());
	}

	/** Lesson and question ids come back from the client; only this course's own, each once, are kept. */
	private static CourseContent keepOwnIds(Course course, CourseContent content) {
		java.util.Map<String, Lesson> ownLessons = new java.util.HashMap<>();
		course.lessons().forEach(lesson -> ownLessons.put(lesson.id(), lesson));
		java.util.Map<String, Question> ownQuestions = new java.util.HashMap<>();
		course.quiz().questions().forEach(question -> ownQuestions.put(question.id(), question));
		// sources are not edited in forms: an element that keeps its id keeps the sources it was drafted from
		List<Lesson> lessons = content.lessons().stream().map(l -> {
			Lesson own = l.id() == null ? null : ownLessons.remove(l.id());
			return new Lesson(own == null ? null : own.id(), l.title(), l.markdown(),
					l.sources().isEmpty() && own != null ? own.sources() : l.sources(), l.module());
		}).toList();
		List<Question> questions = content.quiz().questions().stream().map(q -> {
			Question own = q.id() == null ? null : ownQuestions.remove(q.id());
			return new Question(own == null ? null : own.id(), q.kind(), q.prompt(), q.options(), q.correct(),
					q.explanation(), q.source() == null && own != null ? own.source() : q.source());
		}).toList();
		return content.with(lessons, new Quiz(content.quiz().passMark(), questions));
	}

	private Course find(CourseId id) {
		if (!Ids.looksValid(id.value())) {
			throw new NotFoundException("Course");
		}
		return courses.findById(id).orElseThrow(() -> new NotFoundException("Course"));
	}

	private static void validate(CourseContent content, String message) {
		Map<String, String> errors = CourseRules.check(content);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(message, errors);
		}
	}
}
