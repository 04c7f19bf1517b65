package io.stride.analytics.attention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningRecord;
import io.stride.analytics.attention.NeedsAttentionReport.DropOffLesson;
import io.stride.analytics.attention.NeedsAttentionReport.MissedQuestion;
import io.stride.analytics.attention.NeedsAttentionReport.Shortlist;
import io.stride.analytics.attention.NeedsAttentionReport.UnclearLesson;
import io.stride.analytics.attention.NeedsAttentionReport.WeakCourse;
import io.stride.analytics.attention.internal.NeedsAttentionQueries;
import io.stride.analytics.attention.internal.NeedsAttentionQueries.AnswerCount;
import io.stride.analytics.course.CourseAnalytics;
import io.stride.analytics.course.CourseAnalyticsFilter;
import io.stride.analytics.internal.CourseAnalyticsAccess;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.feedback.CourseReactions;
import io.stride.feedback.Feedback;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where learners struggle: lessons found unclear or outdated, lessons many learners never reach, questions most
 * answers get wrong, and courses learners react to negatively. Admins and L&D see every course; authors their courses with
 * every learner; managers the courses their team trees take, counting their teams' learners only.
 */
@Service
@Transactional(readOnly = true)
public class NeedsAttention {

	/** The most entries each list shows. */
	public static final int LIMIT = 10;

	/** A drop-off is listed from this share of the previous lesson's learners... */
	public static final double HIGH_DROP_OFF = 0.2;

	/** ...when at least this many learners reached the previous lesson, so that two learners make no trend. */
	public static final int MIN_LEARNERS_FOR_DROP_OFF = 5;

	/** A question is listed when fewer than this share of its answers were right... */
	public static final double MISSED_BELOW = 0.5;

	/** ...after at least this many answers. */
	public static final int MIN_ANSWERS = 5;

	/** A course is listed with a reaction score below 0 once this many learners started it. */
	public static final int MIN_LEARNERS_FOR_SCORE = 10;

	private final Authoring authoring;

	private final CourseAnalyticsAccess access;

	private final NeedsAttentionQueries queries;

	private final Feedback feedback;

	private final LearningRecord record;

	NeedsAttention(Authoring authoring, CourseAnalyticsAccess access, NeedsAttentionQueries queries, Feedback feedback,
			LearningRecord record) {
		this.authoring = authoring;
		this.access = access;
		this.queries = queries;
		this.feedback = feedback;
		this.record = record;
	}

	/** Some courses, and the learners counted in them (null for everyone). */
	private record Group(List<CourseId> courses, Set<PersonId> learners) {

		List<String> courseIds() {
			return courses.stream().map(CourseId::value).toList();
		}

		List<String> actorIds() {
			return learners == null ? null : learners.stream().map(PersonId::value).toList();
		}
	}

	/** Across every course the viewer may see; empty lists for a learner who neither writes nor manages. */
	public NeedsAttentionReport across(Viewer viewer) {
		queries.catchUp();
		Set<CourseId> live = new LinkedHashSet<>();
		authoring.publishedCourses().forEach(course -> live.add(course.id()));
		List<Group> groups = new ArrayList<>();
		if (access.seesAll(viewer)) {
			groups.add(new Group(List.copyOf(live), null));
		}
		else {
			List<CourseId> own = authoring.authoredBy(viewer).stream().map(Course::id).filter(live::contains).toList();
			groups.add(new Group(own, null));
			if (viewer.isManager()) {
				Set<PersonId> members = access.membersOf(viewer.manages());
				List<CourseId> taken = queries.coursesTakenBy(members.stream().map(PersonId::value).toList())
					.stream()
					.map(CourseId::new)
					.filter(id -> live.contains(id) && !own.contains(id))
					.sorted(Comparator.comparing(CourseId::value))
					.toList();
				groups.add(new Group(taken, members));
			}
		}
		return report(null, null, groups, new HashMap<>());
	}

	/**
	 * The courses a team's people (its whole tree) have taken, with only their answers, reactions and progress
	 * counted: for the team's managers, admins and L&D; 404 for everyone else.
	 */
	public NeedsAttentionReport ofTeam(Viewer viewer, TeamId team) {
		if (!access.seesAll(viewer) && !access.manages(viewer, team)) {
			throw new NotFoundException("Team");
		}
		queries.catchUp();
		Set<CourseId> live = new LinkedHashSet<>();
		authoring.publishedCourses().forEach(course -> live.add(course.id()));
		Set<PersonId> members = access.membersOf(Set.of(team));
		List<CourseId> taken = members.isEmpty() ? List.of()
				: queries.coursesTakenBy(members.stream().map(PersonId::value).toList())
					.stream()
					.map(CourseId::new)
					.filter(live::contains)
					.sorted(Comparator.comparing(CourseId::value))
					.toList();
		return report(null, null, List.of(new Group(taken, members)), new HashMap<>());
	}

	/** For one course, with the same access as its figures: 404 for learners. */
	public NeedsAttentionReport forCourse(Viewer viewer, CourseId courseId) {
		queries.catchUp();
		CourseAnalyticsAccess.Scope scope = access.scope(viewer, courseId, CourseAnalyticsFilter.EVERYTHING);
		Map<CourseId, Optional<Course>> contents = new HashMap<>();
		contents.put(scope.course().id(), Optional.of(scope.course()));
		return report(scope.course().id(), scope.course().title(),
				List.of(new Group(List.of(scope.course().id()), scope.learners())), contents);
	}

	private NeedsAttentionReport report(CourseId courseId, String courseTitle, List<Group> groups,
			Map<CourseId, Optional<Course>> contents) {
		// every course's published version at once: a list over the whole library must not read them one by one
		List<CourseId> unread = groups.stream().flatMap(g -> g.courses().stream()).distinct()
			.filter(id -> !contents.containsKey(id)).toList();
		Map<CourseId, Course> live = authoring.published(unread);
		unread.forEach(id -> contents.put(id, Optional.ofNullable(live.get(id))));
		List<UnclearLesson> unclear = new ArrayList<>();
		List<DropOffLesson> dropOffs = new ArrayList<>();
		List<MissedQuestion> missed = new ArrayList<>();
		List<WeakCourse> weak = new ArrayList<>();
		int considered = 0;
		for (Group group : groups) {
			if (group.courses().isEmpty() || (group.learners() != null && group.learners().isEmpty())) {
				continue;
			}
			considered += group.courses().size();
			Map<CourseId, CourseReactions> reactions = feedback.reactionsAmong(group.courses(), group.learners());
			Map<String, Integer> started = queries.startedLearners(group.courseIds(), group.actorIds());
			reactions.forEach((course, r) -> {
				unclearLessons(course, r, contents).forEach(unclear::add);
				Integer score = r.score().score();
				int learners = started.getOrDefault(course.value(), 0);
				if (score != null && score < 0 && learners >= MIN_LEARNERS_FOR_SCORE) {
					content(course, contents).ifPresent(c -> weak.add(new WeakCourse(course, c.title(), learners, score,
							r.score().total())));
				}
			});
			queries.reachedByLesson(group.courseIds(), group.actorIds())
				.forEach((course, reached) -> dropOffs.addAll(dropOffs(new CourseId(course), reached, contents)));
			queries.answers(group.courseIds(), group.actorIds())
				.forEach((course, answers) -> missed.addAll(missedQuestions(new CourseId(course), answers, contents)));
		}
		unclear.sort(Comparator.comparingInt(UnclearLesson::negative)
			.reversed()
			.thenComparing(Comparator.comparingDouble((UnclearLesson l) -> l.negative() / (double) l.reactions()).reversed())
			.thenComparing(UnclearLesson::courseTitle)
			.thenComparing(UnclearLesson::lessonTitle));
		dropOffs.sort(Comparator.comparingDouble(DropOffLesson::dropOff)
			.reversed()
			.thenComparing(Comparator.comparingInt(DropOffLesson::reachedPrevious).reversed())
			.thenComparing(DropOffLesson::courseTitle));
		missed.sort(Comparator.comparingDouble(MissedQuestion::shareRight)
			.thenComparing(Comparator.comparingInt(MissedQuestion::answers).reversed())
			.thenComparing(MissedQuestion::courseTitle));
		weak.sort(Comparator.comparingInt(WeakCourse::reactionScore)
			.thenComparing(Comparator.comparingInt(WeakCourse::learners).reversed())
			.thenComparing(WeakCourse::courseTitle));
		return new NeedsAttentionReport(courseId, courseTitle, considered, Shortlist.of(unclear), Shortlist.of(dropOffs),
				Shortlist.of(missed), Shortlist.of(weak));
	}

	private List<UnclearLesson> unclearLessons(CourseId course, CourseReactions reactions,
			Map<CourseId, Optional<Course>> contents) {
		List<UnclearLesson> lessons = new ArrayList<>();
		reactions.byLesson().forEach((lessonId, score) -> {
			if (score.unclear() + score.outdated() == 0) {
				return;
			}
			// a lesson removed in a later version is no longer something to fix
			content(course, contents).flatMap(c -> c.lesson(lessonId).map(lesson -> new UnclearLesson(course, c.title(),
					lessonId, lesson.title(), score.unclear(), score.outdated(), score.total()))).ifPresent(lessons::add);
		});
		return lessons;
	}

	private List<DropOffLesson> dropOffs(CourseId courseId, Map<String, Integer> reachedByIri,
			Map<CourseId, Optional<Course>> contents) {
		if (reachedByIri.values().stream().noneMatch(n -> n >= MIN_LEARNERS_FOR_DROP_OFF)) {
			return List.of(); // not worth reading the course
		}
		List<DropOffLesson> lessons = new ArrayList<>();
		content(courseId, contents).ifPresent(course -> {
			Lesson previous = null;
			int before = 0;
			for (Lesson lesson : course.lessons()) {
				int reached = reachedByIri.getOrDefault(record.activityIri(ActivityType.LESSON, lesson.id()), 0);
				if (previous != null && before >= MIN_LEARNERS_FOR_DROP_OFF) {
					Double share = CourseAnalytics.dropOff(before, reached);
					if (share != null && share >= HIGH_DROP_OFF) {
						lessons.add(new DropOffLesson(courseId, course.title(), lesson.id(), lesson.title(),
								previous.title(), before, reached, share));
					}
				}
				previous = lesson;
				before = reached;
			}
		});
		return lessons;
	}

	private List<MissedQuestion> missedQuestions(CourseId courseId, Map<String, AnswerCount> answers,
			Map<CourseId, Optional<Course>> contents) {
		String prefix = record.activityIri(ActivityType.QUESTION, "");
		List<MissedQuestion> questions = new ArrayList<>();
		answers.forEach((iri, count) -> {
			if (count.answers() < MIN_ANSWERS || count.right() / (double) count.answers() >= MISSED_BELOW
					|| !iri.startsWith(prefix)) {
				return;
			}
			String questionId = iri.substring(prefix.length());
			content(courseId, contents).ifPresent(course -> course.question(questionId)
				.or(() -> course.knowledgeCheck(questionId))
				.map(Question::prompt)
				.ifPresent(prompt -> questions.add(new MissedQuestion(courseId, course.title(), questionId, prompt,
						count.answers(), count.right(), CourseAnalytics.round(count.right() / (double) count.answers())))));
		});
		return questions;
	}

	/** The published version learners take, read once per course and request. */
	private Optional<Course> content(CourseId id, Map<CourseId, Optional<Course>> contents) {
		return contents.computeIfAbsent(id, key -> {
			try {
				return Optional.of(authoring.published(key));
			}
			catch (NotFoundException e) {
				return Optional.empty(); // retired since: nothing left to fix
			}
		});
	}
}
