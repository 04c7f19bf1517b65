package io.stride.analytics.lifecycle;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.Verb;
import io.stride.analytics.course.CourseAnalyticsFixtures;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A small, fixed library for the content lifecycle, written at the real time T0 and read after the clock moved
 * 100 days on, so that now − 90 days (the default idle period) is T0 + 10 days and every course published at T0 is
 * older than the period.
 *
 * <pre>
 * idle91   published T0, last opened now − 91 days (by 1 learner)        → ARCHIVE, last opened now − 91 days
 * idle89   published T0, last opened now − 89 days (by 1 learner)        → nothing
 * never    published T0, never opened                                    → ARCHIVE, never opened
 * young    published now − 30 days, never opened (younger than 90 days)  → nothing
 * draft    never published                                               → nothing
 * popular  published T0, in the last 10 days: 20 learners opened, 10 started (read lesson 1),
 *          4 completed, 6 attempts of which 5 passed                     → REFINE: completion 4 / 10 = 0.4 &lt; 0.5;
 *          pass rate 5 / 6 = 0.8333 and no reactions are not weak
 * fine     as popular but 8 of 10 completed (0.8) and 6 of 6 passed      → nothing
 * nineteen 19 learners opened, 10 started, 1 completed (0.1)             → nothing: under 20 learners is not popular
 * </pre>
 */
@Component
public class LifecycleFixtures {

	static final Duration MOVED = Duration.ofDays(100);

	private final Fixtures fixtures;

	private final Authoring authoring;

	private final CourseAnalyticsFixtures story;

	private final JdbcClient jdbc;

	LifecycleFixtures(Fixtures fixtures, Authoring authoring, CourseAnalyticsFixtures story, JdbcClient jdbc) {
		this.fixtures = fixtures;
		this.authoring = authoring;
		this.story = story;
		this.jdbc = jdbc;
	}

	public record Library(Org org, PersonId author, Course idle91, Course idle89, Course never, Course young, Course draft,
			Course popular, Course fine, Course nineteen) {
	}

	/** Writes the library at the clock's time, then moves the clock {@link #MOVED} on. */
	public Library library(MovableClock clock) {
		Org org = fixtures.organization();
		PersonId author = fixtures.person(fixtures.admin(), "Owner", "owner", org.suffix(), Set.of(org.teamA()), Set.of());
		var me = fixtures.viewer(author);
		String s = " " + org.suffix();
		Course idle91 = fixtures.publishedCourse(me, "Idle 91" + s);
		Course idle89 = fixtures.publishedCourse(me, "Idle 89" + s);
		Course never = fixtures.publishedCourse(me, "Never opened" + s);
		Course young = fixtures.publishedCourse(me, "Young" + s);
		Course draft = authoring.create(me, Fixtures.sampleCourse("Draft" + s));
		Course popular = fixtures.publishedCourse(me, "Popular" + s);
		Course fine = fixtures.publishedCourse(me, "Fine" + s);
		Course nineteen = fixtures.publishedCourse(me, "Nineteen" + s);
		clock.advance(MOVED);
		Instant now = clock.instant();
		opened("idle-" + org.suffix(), idle91, now.minus(Duration.ofDays(91)));
		opened("idle-" + org.suffix(), idle89, now.minus(Duration.ofDays(89)));
		publishedAt(young.id(), now.minus(Duration.ofDays(30)));
		used(org.suffix() + "-p", popular, 20, 10, 4, 5, 1, now.minus(Duration.ofDays(10)));
		used(org.suffix() + "-f", fine, 20, 10, 8, 6, 0, now.minus(Duration.ofDays(10)));
		used(org.suffix() + "-n", nineteen, 19, 10, 1, 1, 0, now.minus(Duration.ofDays(10)));
		return new Library(org, author, idle91, idle89, never, young, draft, popular, fine, nineteen);
	}

	/** Learners 0..opened-1 open the course; the first {@code started} read lesson 1, the first {@code completed} complete. */
	public void used(String prefix, Course course, int opened, int started, int completed, int passed, int failed, Instant at) {
		for (int i = 0; i < opened; i++) {
			String who = prefix + i;
			opened(who, course, at);
			if (i < started) {
				add(who, Verb.EXPERIENCED, ActivityType.LESSON, course.lessons().getFirst().id(), course, at);
			}
			if (i < completed) {
				add(who, Verb.COMPLETED, ActivityType.COURSE, course.id().value(), course, at);
			}
		}
		for (int i = 0; i < passed + failed; i++) {
			add(prefix + i, Verb.ATTEMPTED, ActivityType.ASSESSMENT, "quiz", course, at);
			story.add(prefix + i, i < passed ? Verb.PASSED : Verb.FAILED, ActivityType.ASSESSMENT, "quiz",
					course.id().value(), at.toString(), i < passed);
		}
	}

	public void opened(String who, Course course, Instant at) {
		add(who, Verb.OPENED, ActivityType.COURSE, course.id().value(), course, at);
	}

	private void add(String who, Verb verb, ActivityType kind, String key, Course course, Instant at) {
		story.add(who, verb, kind, key, course.id().value(), at.toString(), null);
	}

	public void publishedAt(CourseId course, Instant at) {
		jdbc.sql("UPDATE course_versions SET published_at = ? WHERE course_id = ?")
			.params(Timestamp.from(at), course.value())
			.update();
	}

	public void createdAt(CourseId course, Instant at) {
		jdbc.sql("UPDATE courses SET created_at = ? WHERE id = ?").params(Timestamp.from(at), course.value()).update();
	}

	public void reviewBy(CourseId course, LocalDate date) {
		jdbc.sql("UPDATE courses SET review_by = ? WHERE id = ?").params(date, course.value()).update();
	}
}
