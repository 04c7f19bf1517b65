package io.stride.authoring;

import java.util.List;
import java.util.Set;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.assessment.AttemptResult;
import io.stride.delivery.CourseProgress;
import io.stride.delivery.Delivery;
import io.stride.delivery.LearningItem;
import io.stride.delivery.ProgressStatus;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.review.ReviewCase;
import io.stride.review.Reviews;
import io.stride.shared.ConflictException;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A published version never changes: editing it makes a new draft version; learners in progress finish the
 * version they started, new learners get the newest; a changed high-risk course asks those who completed it to
 * recertify.
 */
@SpringBootTest
class CourseVersionTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Delivery delivery;

	@Autowired
	Assessment assessment;

	@Autowired
	Reviews reviews;

	Org org;

	Viewer author;

	Viewer early;

	Viewer late;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		author = fixtures.viewer(org.managerA());
		early = fixtures.viewer(org.learnerA());
		late = fixtures.viewer(fixtures.person(fixtures.admin(), "Late Learner", "late", org.suffix(), Set.of(org.teamA()),
				Set.of()));
	}

	@Test
	void learnersInProgressFinishTheirVersionAndNewLearnersGetTheNewest() {
		Course v1 = authoring.create(author, Fixtures.sampleCourse("Incident reports " + org.suffix()).withTier(RiskTier.LOW, "internal how-to"));
		v1 = authoring.publish(author, v1.id(), v1.revision());
		String firstLesson = v1.lessons().get(0).id();

		CourseProgress started = delivery.readLesson(early, v1.id(), firstLesson);
		assertThat(started.course().lessons().get(0).markdown()).contains("within **1 hour**");

		// editing the published course starts version 2; learners still get version 1
		Course draft = authoring.update(author, v1.id(), v1.revision(), changed(v1.content()));
		assertThat(draft.version()).isEqualTo(2);
		assertThat(draft.status()).isEqualTo(CourseStatus.DRAFT);
		assertThat(draft.liveVersion()).isEqualTo(1);
		assertThat(authoring.published(v1.id()).lessons().get(0).markdown()).contains("within **1 hour**");
		assertThat(authoring.course(late, v1.id()).version()).isEqualTo(1);

		Course v2 = authoring.publish(author, draft.id(), draft.revision());
		assertThat(v2.liveVersion()).isEqualTo(2);

		// the learner who started version 1 keeps it, lessons read included
		CourseProgress earlyView = delivery.open(early, v1.id());
		assertThat(earlyView.course().version()).isEqualTo(1);
		assertThat(earlyView.course().lessons().get(0).markdown()).contains("within **1 hour**");
		assertThat(earlyView.hasRead(firstLesson)).isTrue();

		// a new learner gets version 2
		CourseProgress lateView = delivery.open(late, v1.id());
		assertThat(lateView.course().version()).isEqualTo(2);
		assertThat(lateView.course().lessons().get(0).markdown()).contains("within **30 minutes**");

		// each is graded against their own version's questions
		Course earlyCourse = earlyView.course();
		AttemptResult earlyResult = assessment.submit(early, v1.id(), List.of(
				new Answer(earlyCourse.quiz().questions().get(0).id(), List.of(0)),
				new Answer(earlyCourse.quiz().questions().get(1).id(), List.of(0, 1))), null);
		assertThat(earlyResult.score()).isEqualTo(100);
		Course lateCourse = lateView.course();
		assertThat(lateCourse.quiz().questions().get(0).options()).containsExactly("30 minutes", "1 hour", "1 week");
		AttemptResult lateResult = assessment.submit(late, v1.id(), List.of(
				new Answer(lateCourse.quiz().questions().get(0).id(), List.of(1)),
				new Answer(lateCourse.quiz().questions().get(1).id(), List.of(0, 1))), null);
		assertThat(lateResult.score()).isEqualTo(50);

		assertThat(authoring.versions(author, v1.id())).extracting(Authoring.VersionInfo::version, Authoring.VersionInfo::learners)
			.containsExactly(tuple(2, 1), tuple(1, 1));
	}

	@Test
	void aPublishedVersionCannotBeUndoneOrStartedTwice() {
		Course v1 = authoring.create(author, Fixtures.sampleCourse("Versions " + org.suffix()).withTier(RiskTier.LOW, "how-to"));
		v1 = authoring.publish(author, v1.id(), v1.revision());
		Course draft = authoring.startVersion(author, v1.id(), v1.revision());
		Course current = draft;
		assertThatThrownBy(() -> authoring.startVersion(author, current.id(), current.revision()))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("already being written");
		assertThatThrownBy(() -> authoring.startVersion(late, current.id(), current.revision()))
			.isInstanceOf(io.stride.shared.ForbiddenException.class);
	}

	@Test
	void aChangedHighRiskCourseAsksThoseWhoCompletedItToRecertify() {
		Viewer sme = fixtures.viewer(fixtures.person(fixtures.admin(), "Sme", "sme", org.suffix(), Set.of(), Set.of(), Role.REVIEWER));
		Viewer compliance = fixtures.viewer(fixtures.person(fixtures.admin(), "Compliance", "compliance", org.suffix(), Set.of(), Set.of(), Role.REVIEWER));
		fixtures.complianceReviewer(compliance.id());
		Course course = authoring.create(author, Fixtures.sampleCourse("Data breaches " + org.suffix()).withTier(RiskTier.HIGH, null));
		course = publishThroughReview(course, sme, compliance);

		Course v1 = delivery.open(early, course.id()).course();
		v1.lessons().forEach(lesson -> delivery.readLesson(early, v1.id(), lesson.id()));
		assessment.submit(early, v1.id(), List.of(new Answer(v1.quiz().questions().get(0).id(), List.of(0)),
				new Answer(v1.quiz().questions().get(1).id(), List.of(0, 1))), null);
		assertThat(item(early, v1.id()).status()).isEqualTo(ProgressStatus.PASSED);

		Course draft = authoring.update(author, course.id(), authoring.editable(author, course.id()).revision(), changed(v1.content()));
		publishThroughReview(draft, sme, compliance);

		LearningItem item = item(early, v1.id());
		assertThat(item.recertify()).isTrue();
		assertThat(item.recertifyReason()).isEqualTo("Version 2 changed the content");
		assertThat(item.done()).isFalse();

		CourseProgress again = delivery.open(early, v1.id());
		assertThat(again.course().version()).isEqualTo(2);
		assertThat(again.status()).isEqualTo(ProgressStatus.IN_PROGRESS);
		assertThat(again.readLessonIds()).isEmpty();
		assertThat(item(early, v1.id()).recertify()).isFalse();
	}

	private Course publishThroughReview(Course course, Viewer first, Viewer second) {
		Course submitted = authoring.requestPublication(author, course.id(), authoring.editable(author, course.id()).revision());
		assertThat(submitted.status()).isEqualTo(CourseStatus.IN_REVIEW);
		ReviewCase reviewCase = reviews.latestFor(course.id()).orElseThrow();
		reviews.approve(first, reviewCase.id(), null);
		ReviewCase done = reviews.approve(second, reviewCase.id(), null);
		assertThat(done.status()).isEqualTo("APPROVED");
		return authoring.editable(author, course.id());
	}

	private LearningItem item(Viewer learner, CourseId id) {
		return delivery.myLearning(learner).stream().filter(i -> i.courseId().equals(id)).findFirst().orElseThrow();
	}

	private static CourseContent changed(CourseContent content) {
		List<Lesson> lessons = new java.util.ArrayList<>(content.lessons());
		Lesson first = lessons.get(0);
		lessons.set(0, new Lesson(first.id(), first.title(), "Report within **30 minutes**.\n\n1. Stop\n2. Report",
				first.sources(), first.module()));
		List<Question> questions = new java.util.ArrayList<>(content.quiz().questions());
		Question q = questions.get(0);
		questions.set(0, new Question(q.id(), q.kind(), q.prompt(), List.of("30 minutes", "1 hour", "1 week"), List.of(0),
				"The policy now says 30 minutes.", q.source()));
		return content.with(lessons, new Quiz(content.quiz().passMark(), questions));
	}
}
