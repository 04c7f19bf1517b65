package io.stride.authoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.stride.authoring.internal.CourseRules;
import io.stride.authoring.internal.CourseVersions;
import io.stride.authoring.internal.Courses;
import io.stride.authoring.internal.Snapshots;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
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

	private final CourseVersions versions;

	private final ReviewPolicies policies;

	private final Reuse reuse;

	private final ObjectProvider<LessonFiles> lessonFiles;

	Authoring(Courses courses, ApplicationEventPublisher events, Snapshots snapshots,
			CourseVersions versions, ReviewPolicies policies, Reuse reuse,
			ObjectProvider<LessonFiles> lessonFiles) {
		this.lessonFiles = lessonFiles;
		this.policies = policies;
		this.reuse = reuse;
		this.courses = courses;
		this.events = events;
		this.snapshots = snapshots;
		this.versions = versions;
	}

	public Course create(Viewer author, CourseContent content) {
		return create(author, new CourseId(Ids.newId()), content);
	}

	private Course create(Viewer author, CourseId id, CourseContent content) {
		validate(content, "The course was not created.");
		checkFiles(author, id, content, List.of(), "The course was not created.");
		content = resolveTier(content, "The course was not created.");
		courses.insert(id, author.id(), content);
		courses.recordEditor(id, 1, author.id());
		events.publishEvent(new CourseDrafted(id, content.title(), author.id()));
		events.publishEvent(new CourseTierChanged(id, content.title(), null, content.riskTier(), content.tierReason(),
				RiskSuggestion.of(content).tier(), author.id()));
		return courses.findById(id).orElseThrow();
	}

	/**
	 * The tier the author chose, or Stride's suggestion when they chose none. A tier below the suggestion needs a
	 * written reason, which the audit log keeps. Shared by every save of the course's own fields.
	 */
	static CourseContent resolveTier(CourseContent content, String message) {
		RiskSuggestion suggestion = RiskSuggestion.of(content);
		if (content.riskTier() == null) {
			return content.withTier(suggestion.tier(), null);
		}
		if (content.riskTier().ordinal() < suggestion.tier().ordinal() && content.tierReason() == null) {
			throw new InvalidInputException(message, Map.of("tierReason", "Stride suggests the " + suggestion.tier().name()
					.toLowerCase(Locale.ROOT) + " tier because " + suggestion.because()
					+ ". Choose it, or say why a lower tier is right."));
		}
		return content;
	}

	/** Refuses, at {@code tierReason}, a chosen tier below Stride's suggestion for the text without a reason. */
	private static void requireTierFits(CourseContent content, String message) {
		RiskSuggestion suggestion = RiskSuggestion.of(content);
		if (content.riskTier() != null && content.riskTier().ordinal() < suggestion.tier().ordinal()
				&& (content.tierReason() == null || content.tierReason().isBlank())) {
			throw new InvalidInputException(message, Map.of("tierReason", "Stride suggests the " + suggestion.tier()
				.name()
				.toLowerCase(Locale.ROOT) + " tier because " + suggestion.because()
					+ ". Choose it in the course's settings, or say there why a lower tier is right."));
		}
	}

	public Course update(Viewer editor, CourseId id, int revision, CourseContent content) {
		Course course = editable(editor, id);
		if (course.isPublished()) {
			// a published version is never changed: editing it starts the next version
			course = startVersion(editor, id, revision);
			revision = course.revision();
		}
		// the whole-course save has always answered a course in review or retired with 409
		course.state().editRefusal().ifPresent(refusal -> {
			throw new ConflictException(refusal);
		});
		validate(content, "The course was not saved.");
		checkFiles(editor, id, content, course.lessons(), "The course was not saved.");
		content = keepOwnIds(course, resolveTier(content, "The course was not saved."));
		reuse.refuseLinkedChanges(course, content);
		if (course.revision() == revision && !course.content().equals(content)) {
			snapshots.keep(id, course.revision(), course.content());
		}
		if (!courses.update(id, revision, content, editor.id())) {
			throw new ConflictException(CONFLICT_MESSAGE);
		}
		Course saved = courses.findById(id).orElseThrow();
		reuse.forgetRemoved(id, saved.content());
		recordSave(editor, course, content);
		return saved;
	}

	/**
	 * What every save of a course's own fields records once it is written, whichever page or API made it: the editor
	 * (who may then not approve this version) and, when the tier changed, the change for the audit log.
	 */
	void recordSave(Viewer editor, Course before, CourseContent saved) {
		courses.recordEditor(before.id(), before.version(), editor.id());
		if (before.riskTier() != saved.riskTier()) {
			events.publishEvent(new CourseTierChanged(before.id(), saved.title(), before.riskTier(), saved.riskTier(),
					saved.tierReason(), RiskSuggestion.of(saved).tier(), editor.id()));
		}
	}

	/**
	 * Starts the next version of a published course as a draft. Learners keep the published version until the new
	 * one is published through the tier's review policy.
	 */
	public Course startVersion(Viewer editor, CourseId id, int revision) {
		Course course = editable(editor, id);
		course.state().requireNewVersionAllowed();
		if (!courses.startVersion(id, revision)) {
			throw new ConflictException(CONFLICT_MESSAGE);
		}
		int next = course.state().nextVersion();
		courses.recordEditor(id, next, editor.id());
		events.publishEvent(new CourseVersionStarted(id, next, editor.id(), course.title()));
		return courses.findById(id).orElseThrow();
	}

	/** The topic the course is about; it routes the course to that topic's reviewers. */
	@Transactional(readOnly = true)
	public String topicOf(CourseId id) {
		return courses.topic(id);
	}

	public void setTopic(Viewer editor, CourseId id, String topic) {
		editable(editor, id);
		String t = topic == null || topic.isBlank() ? null : topic.strip();
		if (t != null && t.length() > 100) {
			throw new InvalidInputException("topic", "Name the topic in at most 100 characters.");
		}
		courses.setTopic(id, t);
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
		CourseContent back = keepOwnIds(course, snapshot.content());
		try {
			// a linked part shows its source as it is: an undo may not put back an older text of it (an update taken)
			reuse.refuseLinkedChanges(course, back);
		}
		catch (InvalidInputException linked) {
			throw new InvalidInputException("undo", "Undo would put an older text back into a part linked to the "
					+ "course it was reused from (an update you took, for instance), so nothing was undone. To change "
					+ "that part, keep out its updates or detach it to edit your own copy.");
		}
		if (!courses.update(id, revision, back)) {
			throw new ConflictException(CONFLICT_MESSAGE);
		}
		snapshots.forget(snapshot.id());
		reuse.forgetRemoved(id, courses.findById(id).orElseThrow().content());
		return courses.findById(id).orElseThrow();
	}

	public Course publish(Viewer publisher, CourseId id, int revision) {
		Course course = editable(publisher, id);
		if (course.isPublished()) {
			return course;
		}
		requireLessonsWritten(course);
		if (!courses.publish(id, revision, LocalDate.now().plusMonths(policies.policy(course.riskTier()).reviewMonths()))) {
			throw new ConflictException(CONFLICT_MESSAGE);
		}
		recordVersion(course, publisher.id());
		return courses.findById(id).orElseThrow();
	}

	/**
	 * What the author's "publish" does: a low-risk course is published at once; a medium or high one goes to review,
	 * and is published when its review is approved.
	 * @return the course, published or in review
	 */
	public Course requestPublication(Viewer author, CourseId id, int revision) {
		Course course = editable(author, id);
		if (course.state().canPublish()) {
			// the text may have changed since the tier was chosen (one element at a time, or by reuse): check again
			requireTierFits(course.content(), "Not published: the course's risk tier is below what it now says.");
		}
		if (policies.policy(course.riskTier()).publishesAtOnce() || course.isPublished()) {
			return publish(author, id, revision);
		}
		requireLessonsWritten(course);
		course.state().requireSubmittable();
		if (course.revision() != revision || !courses.changeStatus(id, "DRAFT", "IN_REVIEW")) {
			throw new ConflictException(CONFLICT_MESSAGE);
		}
		events.publishEvent(new CourseSubmittedForReview(id, course.version(), course.riskTier(), author.id(), course.title()));
		return courses.findById(id).orElseThrow();
	}

	/** A course goes to learners (or reviewers) only with lessons, each with text: an empty one is a slip, not a lesson. */
	private static void requireLessonsWritten(Course course) {
		if (course.lessons().isEmpty()) {
			throw new InvalidInputException("lessons", "Add at least one lesson before publishing.");
		}
		List<Lesson> lessons = course.lessons();
		java.util.Map<String, Long> sameTitle = lessons.stream()
			.collect(java.util.stream.Collectors.groupingBy(Lesson::title, java.util.stream.Collectors.counting()));
		List<String> empty = new java.util.ArrayList<>();
		for (int i = 0; i < lessons.size(); i++) {
			Lesson l = lessons.get(i);
			if (l.markdown() == null || l.markdown().isBlank()) {
				// lessons of the same title are told apart by their place in the outline
				empty.add("“" + l.title() + "”" + (sameTitle.get(l.title()) > 1 ? " (lesson " + (i + 1)
						+ (l.module() == null ? "" : ", in “" + l.module() + "”") + ")" : ""));
			}
		}
		if (!empty.isEmpty()) {
			throw new InvalidInputException("lessons", (empty.size() == 1 ? "The lesson " + empty.get(0) + " has"
					: "The lessons " + String.join(", ", empty) + " have")
					+ " no text yet: write it or remove it before publishing.");
		}
	}

	/** Publishes a course whose review was approved; called by the review module, which has checked the reviewers. */
	public Course publishReviewed(CourseId id, PersonId approvedBy) {
		Course course = find(id);
		if (!courses.publishFromReview(id, LocalDate.now().plusMonths(policies.policy(course.riskTier()).reviewMonths()))) {
			throw new ConflictException("This course is not in review.");
		}
		recordVersion(course, approvedBy);
		return courses.findById(id).orElseThrow();
	}

	/** Keeps the published content unchangeable, and tells the other modules whether it differs from the last. */
	private void recordVersion(Course course, PersonId by) {
		Course previous = course.liveVersion() == null ? null : liveView(course, course.liveVersion());
		boolean changed = previous == null || !sameForLearners(previous, course);
		versions.store(course.id(), course.version(), course.content(), by);
		events.publishEvent(new CoursePublished(course.id(), course.version(), by, course.title(), course.riskTier(), changed));
	}

	private static boolean sameForLearners(Course a, Course b) {
		Function<Course, List<String>> lessons = c -> c.lessons()
			.stream()
			.map(l -> l.title() + "\n" + l.markdown())
			.toList();
		Function<Question, String> question = q -> q.kind() + "\n" + q.prompt() + "\n" + q.options()
				+ "\n" + q.correct() + "\n" + q.matches() + "\n" + q.accepted() + "\n" + q.numeric() + "\n" + q.scoring();
		Function<Course, List<String>> questions = c -> Stream
			.concat(c.quiz().questions().stream(), c.knowledgeChecks().stream())
			.map(question)
			.toList();
		return lessons.apply(a).equals(lessons.apply(b)) && questions.apply(a).equals(questions.apply(b))
				&& a.quiz().passMark() == b.quiz().passMark();
	}

	/**
	 * A published version as learners see it. Courses published before versions were kept have no stored copy;
	 * their working copy is that version, since it could not be edited.
	 */
	private Course liveView(Course course, int version) {
		CourseStatus status = course.state().statusForLearners();
		return versions.find(course.id(), version)
			.map(stored -> liveView(course, stored))
			.orElseGet(() -> {
				Course full = find(course.id());
				return new Course(full.id(), full.title(), full.description(), status, full.version(), full.revision(),
						full.authorId(), full.lessons(), full.quiz(), full.updatedAt(), full.publishedAt(),
						full.objectives(), full.riskTier(), full.tierReason(), full.reviewBy(), full.liveVersion());
			});
	}

	private static Course liveView(Course course, CourseVersions.Stored stored) {
		CourseStatus status = course.state().statusForLearners();
		CourseContent c = stored.content();
		return new Course(course.id(), c.title(), c.description(), status, stored.version(), course.revision(),
				course.authorId(), c.lessons(), c.quiz(), course.updatedAt(), stored.publishedAt(), c.objectives(),
				c.riskTier() == null ? course.riskTier() : c.riskTier(), c.tierReason(), course.reviewBy(),
				course.liveVersion());
	}

	/** The published version before the one being written or reviewed, to compare with; empty for a first version. */
	@Transactional(readOnly = true)
	public Optional<Course> previousPublished(CourseId id) {
		Course course = find(id);
		if (course.liveVersion() == null || course.liveVersion() >= course.version()) {
			return Optional.empty();
		}
		return Optional.of(liveView(course, course.liveVersion()));
	}

	/**
	 * A published version as learners saw it, for reports on it; empty when there is no such version. Callers check
	 * who may see it.
	 */
	@Transactional(readOnly = true)
	public Optional<Course> publishedVersion(CourseId id, int version) {
		Course course = find(id);
		if (course.liveVersion() == null || version < 1 || version > course.liveVersion()) {
			return Optional.empty();
		}
		return Optional.of(liveView(course, version));
	}

	/** Published versions, newest first, with how many learners take each. */
	@Transactional(readOnly = true)
	public List<VersionInfo> versions(Viewer viewer, CourseId id) {
		Course course = editable(viewer, id);
		Map<Integer, Integer> learners = versions.learnersPerVersion(course.id());
		return versions.history(course.id())
			.stream()
			.map(v -> new VersionInfo(v.version(), v.publishedAt(), learners.getOrDefault(v.version(), 0),
					course.liveVersion() != null && v.version() == course.liveVersion()))
			.toList();
	}

	public record VersionInfo(int version, Instant publishedAt, int learners, boolean live) {
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
		course.state().requireRetirable();
		if (!courses.changeStatus(id, course.status().name(), "RETIRED")) {
			// retired, or put in review, since it was read
			throw new ConflictException(CourseState.RETIRE_ONLY_PUBLISHED);
		}
		events.publishEvent(new CourseRetired(id, course.title(), viewer.id()));
		return courses.findById(id).orElseThrow();
	}

	/** A course learners may still take: published, or retired (for those who started it; callers check). */
	@Transactional(readOnly = true)
	public Course deliverable(CourseId id) {
		Course course = header(id);
		if (course.liveVersion() == null) {
			throw new NotFoundException("Course");
		}
		return liveView(course, course.liveVersion());
	}

	/**
	 * The version this learner takes: the one they started, or the newest published one, which they are then
	 * pinned to so that a later version does not change the course under them.
	 */
	public Course deliverableFor(PersonId learner, CourseId id) {
		Course course = header(id);
		if (course.liveVersion() == null) {
			throw new NotFoundException("Course");
		}
		Optional<Integer> pinned = versions.pinned(learner, id);
		if (pinned.isEmpty()) {
			versions.pin(learner, id, course.liveVersion());
		}
		return liveView(course, pinned.orElse(course.liveVersion()));
	}

	/** The version this learner takes, without pinning (for reading only). */
	@Transactional(readOnly = true)
	public Course deliveredTo(PersonId learner, CourseId id) {
		Course course = header(id);
		if (course.liveVersion() == null) {
			throw new NotFoundException("Course");
		}
		return liveView(course, versions.pinned(learner, id).orElse(course.liveVersion()));
	}

	/** Moves a learner to the newest published version (recertification). */
	public Course movePinToNewest(PersonId learner, CourseId id) {
		Course course = header(id);
		if (course.liveVersion() == null) {
			throw new NotFoundException("Course");
		}
		versions.pin(learner, id, course.liveVersion());
		return liveView(course, course.liveVersion());
	}

	/** A course as its reviewers see it, whatever its state; the review module decides who is a reviewer. */
	@Transactional(readOnly = true)
	public Course forReview(CourseId id) {
		return find(id);
	}

	/** The working copy for its editors, and for reviewers while it is in review or has a new version in progress. */
	@Transactional(readOnly = true)
	public Course editableOrReviewable(Viewer viewer, CourseId id) {
		Course course = find(id);
		if (mayEdit(viewer, course) || (viewer.isReviewer() && !course.isRetired())) {
			return course;
		}
		throw new NotFoundException("Course");
	}

	/** People who edited this version of the course; they may not approve it. */
	@Transactional(readOnly = true)
	public Set<PersonId> editorsOf(CourseId id, int version) {
		return courses.editors(id, version);
	}

	/** The course as the viewer may see it: drafts only by their author and admins. */
	@Transactional(readOnly = true)
	public Course course(Viewer viewer, CourseId id) {
		Course course = find(id);
		if (mayEdit(viewer, course)) {
			return course;
		}
		if (!course.isLive()) {
			throw new NotFoundException("Course");
		}
		return liveView(course, course.liveVersion());
	}

	/** The course only if the viewer may edit it. */
	@Transactional(readOnly = true)
	public Course editable(Viewer viewer, CourseId id) {
		Course course = find(id);
		if (!mayEdit(viewer, course)) {
			if (course.isLive()) {
				throw new ForbiddenException("Only the course's author or an admin can change it.");
			}
			throw new NotFoundException("Course");
		}
		return course;
	}

	/** A published course, for delivering it to learners. */
	@Transactional(readOnly = true)
	public Course published(CourseId id) {
		// the header is enough: the live version has its own stored copy
		Course course = header(id);
		if (!course.isLive()) {
			throw new NotFoundException("Course");
		}
		return liveView(course, course.liveVersion());
	}

	/**
	 * The published versions learners take of these courses, read together (two queries, not two per course); courses
	 * that are not live, or unknown, are absent.
	 */
	@Transactional(readOnly = true)
	public Map<CourseId, Course> published(Collection<CourseId> ids) {
		Map<CourseId, Course> live = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return live;
		}
		Set<CourseId> wanted = new HashSet<>(ids);
		var stored = versions.live(wanted);
		for (Course course : courses.summaries("WHERE live_version IS NOT NULL")) {
			if (!wanted.contains(course.id()) || !course.isLive()) {
				continue;
			}
			var version = stored.get(course.id());
			live.put(course.id(), version == null ? liveView(course, course.liveVersion())
					: liveView(course, version));
		}
		return live;
	}

	@Transactional(readOnly = true)
	public List<Course> authoredBy(Viewer viewer) {
		return courses.summaries("WHERE author_id = ? ORDER BY updated_at DESC", viewer.id().value());
	}

	/** Published courses whose review-by date falls before {@code horizon}, soonest first, for reviewers and admins. */
	@Transactional(readOnly = true)
	public List<Course> dueForReview(Viewer viewer, LocalDate horizon) {
		if (!viewer.isReviewer()) {
			throw new ForbiddenException("Only reviewers and admins see the review-by list.");
		}
		return courses.summaries("WHERE live_version IS NOT NULL AND status <> 'RETIRED' AND review_by IS NOT NULL AND review_by <= ? "
				+ "ORDER BY review_by, title", horizon);
	}

	@Transactional(readOnly = true)
	public List<Course> publishedCourses() {
		return courses.summaries("WHERE live_version IS NOT NULL AND status <> 'RETIRED' ORDER BY title");
	}

	@Transactional(readOnly = true)
	public Map<CourseId, String> titles(List<CourseId> ids) {
		return courses.titles(ids);
	}

	@Transactional(readOnly = true)
	public Map<CourseId, RiskTier> tiers(List<CourseId> ids) {
		return courses.tiers(ids);
	}

	/** Which of these courses have a quiz. */
	@Transactional(readOnly = true)
	public Set<CourseId> withQuiz(List<CourseId> ids) {
		return courses.withQuiz(ids);
	}

	/** Every course in the organization without its content, for library counts; callers decide who sees them. */
	@Transactional(readOnly = true)
	public List<LibraryCourse> library() {
		return courses.library(null);
	}

	/** The courses this person wrote, without their content. */
	@Transactional(readOnly = true)
	public List<LibraryCourse> libraryOf(PersonId author) {
		return courses.library(author.value());
	}

	/** How many people take each of these courses, any version; courses nobody took are absent. Callers check. */
	@Transactional(readOnly = true)
	public Map<CourseId, Integer> learnersPerCourse(Collection<CourseId> ids) {
		return versions.learnersPerCourse(ids);
	}

	/**
	 * Where the course's reused lessons and questions came from, by element id (empty when it reuses nothing). Callers
	 * check who may see the course.
	 */
	@Transactional(readOnly = true)
	public Map<String, ElementOrigin> origins(CourseId id) {
		return reuse.origins(id);
	}

	/**
	 * Copies a lesson, module or question of another course's published version into the viewer's draft, linked or
	 * copied (see {@link Reuse#reuse}).
	 */
	public List<String> reuse(Viewer viewer, CourseId target, Reuse.Part part, ElementOrigin.Mode mode, String module,
			Integer position) {
		return reuse.reuse(viewer, target, part, mode, module, position);
	}

	public static boolean mayEdit(Viewer viewer, Course course) {
		return viewer.isAdmin() || viewer.is(course.authorId());
	}

	/** Lesson and question ids come back from the client; only this course's own, each once, are kept. */
	private static CourseContent keepOwnIds(Course course, CourseContent content) {
		Map<String, Lesson> ownLessons = new HashMap<>();
		course.lessons().forEach(lesson -> ownLessons.put(lesson.id(), lesson));
		Map<String, Question> ownQuestions = new HashMap<>();
		course.quiz().questions().forEach(question -> ownQuestions.put(question.id(), question));
		course.knowledgeChecks().forEach(question -> ownQuestions.put(question.id(), question));
		// sources are not edited in forms: an element that keeps its id keeps the sources it was drafted from
		UnaryOperator<Question> own = q -> {
			Question saved = q.id() == null ? null : ownQuestions.remove(q.id());
			Question kept = q.withId(saved == null ? null : saved.id());
			return q.source() == null && saved != null ? kept.withSource(saved.source()) : kept;
		};
		List<Question> questions = content.quiz().questions().stream().map(own).toList();
		List<Lesson> lessons = content.lessons().stream().map(l -> {
			Lesson saved = l.id() == null ? null : ownLessons.remove(l.id());
			return new Lesson(saved == null ? null : saved.id(), l.title(), l.markdown(),
					l.sources().isEmpty() && saved != null ? saved.sources() : l.sources(), l.module(),
					l.knowledgeChecks().stream().map(own).toList());
		}).toList();
		return content.with(lessons, content.quiz().withQuestions(questions));
	}

	private Course find(CourseId id) {
		if (!Ids.looksValid(id.value())) {
			throw new NotFoundException("Course");
		}
		return courses.findById(id).orElseThrow(() -> new NotFoundException("Course"));
	}

	/**
	 * The course's header without its working copy's lessons and questions: learners get a stored version, so
	 * their pages need not read the working copy (see {@link #liveView}).
	 */
	private Course header(CourseId id) {
		if (!Ids.looksValid(id.value())) {
			throw new NotFoundException("Course");
		}
		return courses.summaries("WHERE id = ?", id.value())
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Course"));
	}

	/**
	 * Refuses, at the lesson's text, a file the editor may not show in this course (another course's file they may
	 * not read); files the course's lessons showed already are not refused again.
	 */
	private void checkFiles(Viewer editor, CourseId id, CourseContent content, List<Lesson> before, String message) {
		LessonFiles files = lessonFiles.getIfAvailable();
		if (files == null) {
			return;
		}
		StringBuilder shown = new StringBuilder();
		before.forEach(l -> shown.append(l.markdown()).append('\n'));
		Map<String, String> errors = new LinkedHashMap<>();
		for (int i = 0; i < content.lessons().size(); i++) {
			String refusal = files.refusal(editor, id, content.lessons().get(i).markdown(), shown.toString());
			if (refusal != null) {
				errors.put("lessons[" + i + "].markdown", refusal);
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(message, errors);
		}
	}

	private static void validate(CourseContent content, String message) {
		Map<String, String> errors = CourseRules.check(content);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(message, errors);
		}
	}

	/** The version learners get today, when it was published, and whether the course is retired. */
	public record CurrentVersion(CourseId courseId, int version, Instant publishedAt, boolean retired) {
	}

	/** The version a learner is pinned to (the one they take). */
	public record Pin(PersonId personId, CourseId courseId, int version) {
	}

	/** Current versions of these courses (only those ever published). */
	@Transactional(readOnly = true)
	public Map<CourseId, CurrentVersion> currentVersions(Collection<CourseId> ids) {
		Map<CourseId, CurrentVersion> current = new HashMap<>();
		versions.current(ids)
			.forEach(v -> current.put(v.courseId(),
					new CurrentVersion(v.courseId(), v.version(), v.publishedAt(), v.retired())));
		return current;
	}

	/** Pins of these people on these courses. */
	@Transactional(readOnly = true)
	public List<Pin> pins(Collection<PersonId> people, Collection<CourseId> ids) {
		return versions.pins(people, ids).stream().map(p -> new Pin(p.personId(), p.courseId(), p.version())).toList();
	}
}
