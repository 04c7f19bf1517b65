package io.stride.badges;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.authoring.Course;
import io.stride.authoring.Question;
import io.stride.cycles.CycleClosed;
import io.stride.cycles.CycleId;
import io.stride.identity.Viewer;
import io.stride.review.SimilarCourses;
import io.stride.shared.Ids;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.ModuleTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Badges as a module (with the modules they depend on, not the whole application). Its listeners are
 * {@code @ApplicationModuleListener}s: they run after the publisher's transaction commits, on another thread, from
 * Modulith's event publication registry, so the tests wait for the credential to appear on *My badges*.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "shared")
@Import(ModuleTestContext.class)
class BadgeModuleScenarioTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Badges badges;

	@Autowired
	Assessment assessment;

	// review comes in through capability; the catalogue, which answers review's overlap check, is not in this context
	@MockitoBean
	SimilarCourses similarCourses;

	Org org;

	Viewer learner;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		learner = fixtures.viewer(org.learnerA());
	}

	/** assessment's {@code QuizAttempted} → mastery's {@code CourseMasteryChanged} → badges, after commit. */
	@Test
	void passingTheQuizMastersTheCourseAndEarnsItsBadge(Scenario scenario) {
		Course course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Escalations " + org.suffix());
		Badge badge = badges.define(fixtures.admin(), new BadgeDraft("Escalations mastered " + org.suffix(),
				"Knows escalations.", "Master the escalations course.", CriterionKind.COURSE_MASTERED, null, null, null,
				course.id(), List.of()));
		assertThat(earned(badge)).isEmpty();

		List<Answer> answers = new ArrayList<>();
		for (Question q : course.quiz().questions()) {
			answers.add(new Answer(q.id(), q.correct()));
		}
		scenario.stimulate(() -> assessment.submit(learner, course.id(), answers, Ids.newId()))
			.andWaitForStateChange(() -> earned(badge), Optional::isPresent)
			.andVerify((credential, attempt) -> {
				assertThat(attempt.passed()).isTrue();
				assertThat(credential.orElseThrow().badgeName()).isEqualTo("Escalations mastered " + org.suffix());
				assertThat(credential.orElseThrow().revokedAt()).isNull();
			});
	}

	/** cycles' {@code CycleClosed} → badges, after commit. */
	@Test
	void closingACycleWithEnoughValidatedGoalsEarnsTheCycleBadge(Scenario scenario) {
		// as many validated goals as a badge may ask for, so that other tests' closed cycles do not earn this badge
		Badge badge = badges.define(fixtures.admin(), new BadgeDraft("Cycle finisher " + org.suffix(), "Closed a cycle.",
				"Close a learning cycle with fifty validated goals.", CriterionKind.CYCLE_CLOSED_WITH_VALIDATED_GOALS, null,
				null, Badges.MAX_VALIDATED_GOALS, null, List.of()));

		scenario.publish(new CycleClosed(new CycleId(Ids.newId()), org.learnerA(), Badges.MAX_VALIDATED_GOALS,
				Badges.MAX_VALIDATED_GOALS, Instant.now()))
			.andWaitForStateChange(() -> earned(badge), Optional::isPresent)
			.andVerify(credential -> assertThat(credential.orElseThrow().personId()).isEqualTo(org.learnerA()));
	}

	private Optional<IssuedBadge> earned(Badge badge) {
		return badges.mine(learner).stream().filter(b -> b.badgeId().equals(badge.id())).findFirst();
	}
}
