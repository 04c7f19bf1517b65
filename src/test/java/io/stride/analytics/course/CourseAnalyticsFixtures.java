package io.stride.analytics.course;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningRecord;
import io.stride.activity.Verb;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.feedback.Feedback;
import io.stride.identity.PersonId;
import io.stride.shared.Ids;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A small, fixed learning history whose figures are worked out by hand in the tests. Statements are written with
 * chosen times (the learning record stamps "now"), in the same columns {@link LearningRecord} writes.
 *
 * <pre>
 * course: lessons L1, L2, L3 and a quiz with questions Q1, Q2
 * P1 learner A  (team A)   Mon 2026-03-02 09:00 opened, L1 09:05, L2 09:10, L3 09:15, attempt 09:20 failed 09:25,
 *                          attempt 09:30 passed 09:35, completed 09:40                  → 40 minutes
 * P2 learner A1 (team A1)  Tue 2026-03-03 10:00 opened, L1, L2, L3, attempt 11:00 passed 11:10, completed 11:30 → 90
 * P3 learner B  (team B)   Wed 2026-03-04 08:00 opened, L1 08:30, L2 09:00, stops
 * P4 extra      (team A)   Mon 2026-03-09 12:00 opened, L1 12:10, stops
 * P5 extra      (team B)   Tue 2026-03-10 07:00 opened, L1, L2, L3, attempt 07:40 passed 07:50, completed 08:00 → 60
 * P6 extra      (team B)   Wed 2026-03-11 09:00 opened only
 * reactions (current): P1 L1 helpful, P2 L2 unclear, P3 L2 outdated (the last two open improvement requests)
 * </pre>
 */
@Component
public class CourseAnalyticsFixtures {

	private final Fixtures fixtures;

	private final Authoring authoring;

	private final Feedback feedback;

	private final LearningRecord record;

	private final JdbcClient jdbc;

	CourseAnalyticsFixtures(Fixtures fixtures, Authoring authoring, Feedback feedback, LearningRecord record,
			JdbcClient jdbc) {
		this.fixtures = fixtures;
		this.authoring = authoring;
		this.feedback = feedback;
		this.record = record;
		this.jdbc = jdbc;
	}

	public record History(Org org, PersonId author, Course course, PersonId p1, PersonId p2, PersonId p3, PersonId p4,
			PersonId p5, PersonId p6) {

		public String lesson(int n) {
			return course.lessons().get(n - 1).id();
		}

		public String question(int n) {
			return course.quiz().questions().get(n - 1).id();
		}
	}

	public static CourseContent threeLessons(String title) {
		return new CourseContent(title, "Handling a complaint.",
				List.of(new Lesson(null, "Listen", "Let them finish."), new Lesson(null, "Log it", "Use the form."),
						new Lesson(null, "Follow up", "Call back within a day.")),
				new Quiz(50, List.of(
						new Question(null, QuestionKind.SINGLE_CHOICE, "Call back within?", List.of("a day", "a week"),
								List.of(0), "Within a day."),
						new Question(null, QuestionKind.SINGLE_CHOICE, "Log where?", List.of("the form", "a sticky note"),
								List.of(0), "In the form."))));
	}

	public Course published(PersonId author, CourseContent content) {
		var viewer = fixtures.viewer(author);
		Course draft = authoring.create(viewer, content);
		return authoring.publish(viewer, draft.id(), draft.revision());
	}

	public History history(String title) {
		Org org = fixtures.organization();
		var admin = fixtures.admin();
		PersonId author = fixtures.person(admin, "Author", "author", org.suffix(), Set.of(), Set.of());
		PersonId p4 = fixtures.person(admin, "Learner A2", "learner-a2", org.suffix(), Set.of(org.teamA()), Set.of());
		PersonId p5 = fixtures.person(admin, "Learner B2", "learner-b2", org.suffix(), Set.of(org.teamB()), Set.of());
		PersonId p6 = fixtures.person(admin, "Learner B3", "learner-b3", org.suffix(), Set.of(org.teamB()), Set.of());
		Course course = published(author, threeLessons(title + " " + org.suffix()));
		History h = new History(org, author, course, org.learnerA(), org.learnerSubA(), org.learnerB(), p4, p5, p6);
		String c = course.id().value();

		opened(h.p1(), c, "2026-03-02T09:00:00Z");
		read(h.p1(), c, h.lesson(1), "2026-03-02T09:05:00Z");
		read(h.p1(), c, h.lesson(2), "2026-03-02T09:10:00Z");
		read(h.p1(), c, h.lesson(3), "2026-03-02T09:15:00Z");
		attempt(h.p1(), c, "2026-03-02T09:20:00Z", false, "2026-03-02T09:25:00Z");
		attempt(h.p1(), c, "2026-03-02T09:30:00Z", true, "2026-03-02T09:35:00Z");
		add(h.p1(), Verb.COMPLETED, ActivityType.COURSE, c, c, "2026-03-02T09:40:00Z", true);

		opened(h.p2(), c, "2026-03-03T10:00:00Z");
		read(h.p2(), c, h.lesson(1), "2026-03-03T10:10:00Z");
		read(h.p2(), c, h.lesson(2), "2026-03-03T10:20:00Z");
		read(h.p2(), c, h.lesson(3), "2026-03-03T10:30:00Z");
		attempt(h.p2(), c, "2026-03-03T11:00:00Z", true, "2026-03-03T11:10:00Z");
		add(h.p2(), Verb.COMPLETED, ActivityType.COURSE, c, c, "2026-03-03T11:30:00Z", true);

		opened(h.p3(), c, "2026-03-04T08:00:00Z");
		read(h.p3(), c, h.lesson(1), "2026-03-04T08:30:00Z");
		read(h.p3(), c, h.lesson(2), "2026-03-04T09:00:00Z");

		opened(h.p4(), c, "2026-03-09T12:00:00Z");
		read(h.p4(), c, h.lesson(1), "2026-03-09T12:10:00Z");

		opened(h.p5(), c, "2026-03-10T07:00:00Z");
		read(h.p5(), c, h.lesson(1), "2026-03-10T07:10:00Z");
		read(h.p5(), c, h.lesson(2), "2026-03-10T07:20:00Z");
		read(h.p5(), c, h.lesson(3), "2026-03-10T07:30:00Z");
		attempt(h.p5(), c, "2026-03-10T07:40:00Z", true, "2026-03-10T07:50:00Z");
		add(h.p5(), Verb.COMPLETED, ActivityType.COURSE, c, c, "2026-03-10T08:00:00Z", true);

		opened(h.p6(), c, "2026-03-11T09:00:00Z");

		feedback.react(fixtures.viewer(h.p1()), course.id(), h.lesson(1), "HELPFUL", null);
		feedback.react(fixtures.viewer(h.p2()), course.id(), h.lesson(2), "UNCLEAR", "Which form?");
		feedback.react(fixtures.viewer(h.p3()), course.id(), h.lesson(2), "OUTDATED", null);
		return h;
	}

	public void opened(PersonId who, String course, String at) {
		add(who, Verb.OPENED, ActivityType.COURSE, course, course, at, null);
	}

	public void read(PersonId who, String course, String lesson, String at) {
		add(who, Verb.EXPERIENCED, ActivityType.LESSON, lesson, course, at, null);
	}

	public void attempt(PersonId who, String course, String startedAt, boolean passed, String gradedAt) {
		add(who, Verb.ATTEMPTED, ActivityType.ASSESSMENT, "quiz-" + course, course, startedAt, null);
		add(who, passed ? Verb.PASSED : Verb.FAILED, ActivityType.ASSESSMENT, "quiz-" + course, course, gradedAt, passed);
	}

	public void answered(String actor, String course, String question, boolean right, String at) {
		add(actor, Verb.ANSWERED, ActivityType.QUESTION, question, course, at, right);
	}

	public void add(PersonId who, Verb verb, ActivityType kind, String key, String course, String at, Boolean success) {
		add(who.value(), verb, kind, key, course, at, success);
	}

	public void add(String actor, Verb verb, ActivityType kind, String key, String course, String at, Boolean success) {
		Timestamp when = Timestamp.from(Instant.parse(at));
		String id = Ids.newId();
		jdbc.sql("INSERT INTO statements (id, actor_id, verb, object_id, course_id, result_score, result_success, "
				+ "occurred_at, stored_at, statement) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, actor, verb.iri(), record.activityIri(kind, key), course, null, success, when, when, "{}")
			.update();
		// as the learning record does: the analytics summaries fold it in before they are next read
		jdbc.sql("INSERT INTO statements_to_summarize (statement_id) VALUES (?)").param(id).update();
	}
}
