package io.stride.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Result;
import io.stride.activity.Verb;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.delivery.Delivery;
import io.stride.feedback.ImprovementRequest.Status;
import io.stride.feedback.internal.Reactions;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reactions to lessons and the improvement requests they raise. Anyone who may take a course reacts to its lessons,
 * one reaction per lesson that they can change; the course's author and admins see the requests and the score, and
 * answer the requests. Everyone else gets "not found".
 */
@Service
@Transactional
public class Feedback {

	public static final int MAX_COMMENT = 1000;

	public static final int MAX_REPLY = 2000;

	/** The most requests one list shows; open ones come first. */
	public static final int LIST_LIMIT = 200;

	private final Delivery delivery;

	private final Authoring authoring;

	private final Reactions reactions;

	private final LearningRecord record;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Feedback(Delivery delivery, Authoring authoring, Reactions reactions, LearningRecord record,
			ApplicationEventPublisher events, Clock clock) {
		this.delivery = delivery;
		this.authoring = authoring;
		this.reactions = reactions;
		this.record = record;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records (or changes) the learner's reaction to a lesson of the version they take. "Unclear" and "outdated" open
	 * an improvement request, or change the learner's open one; "helpful" withdraws it.
	 */
	public Reaction react(Viewer learner, CourseId courseId, String lessonId, String kindText, String comment) {
		Course course = delivery.progressIn(learner, courseId).course();
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<ReactionKind> kind = ReactionKind.parse(kindText);
		if (kind.isEmpty()) {
			errors.put("kind", "Choose helpful, unclear or outdated.");
		}
		Optional<Lesson> lesson = lessonId == null ? Optional.empty() : course.lesson(lessonId);
		if (lesson.isEmpty()) {
			errors.put("lessonId", "This course has no such lesson.");
		}
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		if (text != null && text.length() > MAX_COMMENT) {
			errors.put("comment", "Keep the comment to at most " + MAX_COMMENT + " characters; it has " + text.length() + ".");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The reaction was not saved.", errors);
		}
		Optional<Reaction> before = reactions.ofPerson(learner.id(), courseId)
			.stream()
			.filter(r -> r.lessonId().equals(lessonId))
			.findFirst();
		if (before.isPresent() && before.get().kind() == kind.get() && Objects.equals(before.get().comment(), text)) {
			return before.get(); // the same reaction again (a double submit): nothing changes
		}
		Instant now = clock.instant();
		reactions.save(learner.id(), courseId, lessonId, course.version(), kind.get(), text, now);
		if (before.isEmpty() || before.get().kind() != kind.get()) {
			events.publishEvent(new LessonReacted(learner.id(), courseId, lessonId,
					before.map(Reaction::kind).orElse(null), kind.get()));
		}
		String requestId = improvementRequest(learner, course, lesson.get(), kind.get(), text, now);
		String response = kind.get().name().toLowerCase(Locale.ROOT) + (text == null ? "" : ": " + text);
		record.record(new LearningAction(learner.id(), learner.name(), Verb.COMMENTED, ActivityType.LESSON, lessonId,
				lesson.get().title(), courseId.value(), new Result(null, null, null, null, null, response)));
		return new Reaction(courseId, lessonId, kind.get(), text, now, requestId);
	}

	/** Opens, changes or withdraws the learner's open request on the lesson; answers the open one's id, if any. */
	private String improvementRequest(Viewer learner, Course course, Lesson lesson, ReactionKind kind, String comment,
			Instant now) {
		Optional<Reactions.StoredRequest> open = reactions.openRequest(learner.id(), lesson.id());
		if (!kind.asksForImprovement()) {
			open.ifPresent(request -> reactions.withdraw(request.request().id(), now));
			return null;
		}
		if (open.isPresent()) {
			reactions.changeRequest(open.get().request().id(), kind, comment, now);
			return open.get().request().id();
		}
		String id = reactions.openRequest(learner.id(), course.id(), lesson.id(), lesson.title(), course.version(), kind,
				comment, now);
		if (!learner.is(course.authorId())) {
			events.publishEvent(new ImprovementRequested(id, course.id(), course.title(), lesson.title(), kind, comment,
					course.authorId()));
		}
		return id;
	}

	/** The viewer's own reactions in a course they may take. */
	@Transactional(readOnly = true)
	public List<Reaction> mine(Viewer learner, CourseId courseId) {
		delivery.progressIn(learner, courseId);
		return reactions.ofPerson(learner.id(), courseId);
	}

	/** The viewer's reaction to one lesson and their latest request on it, for the lesson page. */
	@Transactional(readOnly = true)
	public LessonFeedback onLesson(Viewer learner, CourseId courseId, String lessonId) {
		Optional<Reaction> reaction = reactions.ofPerson(learner.id(), courseId)
			.stream()
			.filter(r -> r.lessonId().equals(lessonId))
			.findFirst();
		return new LessonFeedback(reaction, reactions.latestRequest(learner.id(), lessonId));
	}

	/** A course's reactions and requests (filtered to {@code statuses}), for its author and admins. */
	@Transactional(readOnly = true)
	public CourseFeedback course(Viewer viewer, CourseId courseId, Collection<Status> statuses) {
		Course course = authored(viewer, courseId);
		Map<String, ReactionScore> byLesson = reactions.scoreByLesson(course.id());
		ReactionScore total = ReactionScore.NONE;
		for (ReactionScore score : byLesson.values()) {
			total = total.plus(ReactionKind.HELPFUL, score.helpful())
				.plus(ReactionKind.UNCLEAR, score.unclear())
				.plus(ReactionKind.OUTDATED, score.outdated());
		}
		return new CourseFeedback(course, total, byLesson, reactions.requests(List.of(course.id()), statuses, LIST_LIMIT),
				reactions.openCounts(List.of(course.id())).getOrDefault(course.id(), 0));
	}

	/** The score and number of open requests for the course's page, when the viewer may see them. */
	@Transactional(readOnly = true)
	public Optional<CourseFeedback> summaryFor(Viewer viewer, Course course) {
		if (!Authoring.mayEdit(viewer, course)) {
			return Optional.empty();
		}
		return Optional.of(course(viewer, course.id(), List.of(Status.OPEN)));
	}

	/**
	 * Current reactions and open requests per course, counting only {@code learners} (everyone when null), for
	 * analytics. Nothing is checked here: the caller passes only courses and learners the viewer may see.
	 */
	@Transactional(readOnly = true)
	public Map<CourseId, CourseReactions> reactionsAmong(Collection<CourseId> courses,
			Collection<PersonId> learners) {
		Map<CourseId, CourseReactions> result = new LinkedHashMap<>();
		if (courses.isEmpty() || (learners != null && learners.isEmpty())) {
			return result;
		}
		Map<CourseId, Map<String, ReactionScore>> byLesson = reactions.scoreByLesson(courses, learners);
		Map<CourseId, Integer> open = reactions.openCounts(courses, learners);
		for (CourseId course : courses) {
			Map<String, ReactionScore> lessons = byLesson.getOrDefault(course, Map.of());
			ReactionScore total = ReactionScore.NONE;
			for (ReactionScore score : lessons.values()) {
				total = total.plus(ReactionKind.HELPFUL, score.helpful())
					.plus(ReactionKind.UNCLEAR, score.unclear())
					.plus(ReactionKind.OUTDATED, score.outdated());
			}
			result.put(course, new CourseReactions(total, lessons, open.getOrDefault(course, 0)));
		}
		return result;
	}

	/** Requests across every course the viewer wrote; admins see those of every course. */
	@Transactional(readOnly = true)
	public AuthorFeedback acrossCourses(Viewer viewer, Collection<Status> statuses) {
		List<CourseId> own = authoring.authoredBy(viewer)
			.stream()
			.filter(course -> course.liveVersion() != null)
			.map(Course::id)
			.toList();
		List<ImprovementRequest> requests = reactions.requests(viewer.isAdmin() ? null : own, statuses, LIST_LIMIT);
		Set<CourseId> shown = new LinkedHashSet<>(own);
		requests.forEach(request -> shown.add(request.courseId()));
		List<CourseId> ids = new ArrayList<>(shown);
		return new AuthorFeedback(own, authoring.titles(ids), reactions.scores(ids), reactions.openCounts(ids), requests);
	}

	/** The author answers a request; the learner is told. A request answered or withdrawn before is a conflict. */
	public ImprovementRequest resolve(Viewer viewer, String requestId, String reply) {
		if (!Ids.looksValid(requestId)) {
			throw new NotFoundException("Improvement request");
		}
		Reactions.StoredRequest stored = reactions.request(requestId)
			.orElseThrow(() -> new NotFoundException("Improvement request"));
		Course course = authored(viewer, stored.request().courseId());
		String text = reply == null ? "" : reply.strip();
		if (text.isEmpty()) {
			throw new InvalidInputException("reply", "Write a reply: the learner gets it as a notification.");
		}
		if (text.length() > MAX_REPLY) {
			throw new InvalidInputException("reply", "Keep the reply to at most " + MAX_REPLY + " characters; it has " + text.length() + ".");
		}
		if (!reactions.resolve(requestId, text, viewer.id(), clock.instant())) {
			Status now = reactions.request(requestId).map(r -> r.request().status()).orElse(Status.RESOLVED);
			throw new ConflictException(now == Status.WITHDRAWN
					? "The learner changed their reaction to helpful; there is nothing left to answer."
					: "This request was already answered.");
		}
		ImprovementRequest request = stored.request();
		events.publishEvent(new ImprovementRequestResolved(request.id(), course.id(), course.title(), request.lessonId(),
				request.lessonTitle(), stored.learner(), text));
		return reactions.request(requestId).orElseThrow().request();
	}

	/** The course, if the viewer wrote it or is an admin; "not found" for everyone else. */
	private Course authored(Viewer viewer, CourseId courseId) {
		Course course = authoring.course(viewer, courseId);
		if (!Authoring.mayEdit(viewer, course)) {
			throw new NotFoundException("Course");
		}
		return course;
	}
}
