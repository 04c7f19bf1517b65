package io.stride.review;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.RiskTier;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
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
import static org.assertj.core.api.Assertions.within;

/**
 * The review module on its own (with authoring and what authoring needs): authoring's {@code CourseSubmittedForReview}
 * and {@code CoursePublished} open the cases reviewers find in their queue, and each case is announced by
 * {@link Reviews.ReviewRequested} (which notifications turn into messages). The catalogue, which finds similar
 * courses for the overlap check, is not part of this context.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "shared")
@Import(ModuleTestContext.class)
class ReviewModuleScenarioTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Reviews reviews;

	// the catalogue answers it in the application; here no live course shares the words, so no overlap is found
	@MockitoBean
	SimilarCourses similarCourses;

	Org org;

	Viewer author;

	Viewer reviewer;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		author = fixtures.viewer(org.managerA());
		PersonId id = fixtures.person(fixtures.admin(), "Rev", "rev", org.suffix(), Set.of(), Set.of(), Role.REVIEWER);
		reviewer = fixtures.viewer(id);
	}

	@Test
	void aMediumRiskCourseSubmittedForReviewWaitsInTheReviewersQueue(Scenario scenario) {
		Course draft = authoring.create(author, Fixtures.sampleCourse("Refunds " + org.suffix())
			.withTier(RiskTier.MEDIUM, "Customers' money"));

		scenario.stimulate(() -> authoring.requestPublication(author, draft.id(), draft.revision()))
			.andWaitForStateChange(() -> reviews.queue(reviewer).stream()
				.filter(c -> c.courseId().equals(draft.id()))
				.findFirst(), Optional::isPresent)
			.andVerify(found -> {
				ReviewCase opened = found.orElseThrow();
				assertThat(opened.kind()).isEqualTo(ReviewCase.BEFORE_PUBLISHING);
				assertThat(opened.tier()).isEqualTo(RiskTier.MEDIUM);
				assertThat(opened.authorId()).isEqualTo(org.managerA());
				assertThat(opened.currentStep()).map(ReviewStep::name).contains("Reviewer");
				// the medium tier's policy gives reviewers 72 hours
				assertThat(opened.dueAt()).isCloseTo(Instant.now().plus(Duration.ofHours(72)), within(Duration.ofMinutes(5)));
			});

		assertThat(authoring.forReview(draft.id()).isPublished()).isFalse();
	}

	@Test
	void theCaseIsAnnouncedToTheReviewersWhoMayDecideIt(Scenario scenario) {
		Course draft = authoring.create(author, Fixtures.sampleCourse("Chargebacks " + org.suffix())
			.withTier(RiskTier.MEDIUM, "Customers' money"));

		scenario.stimulate(() -> authoring.requestPublication(author, draft.id(), draft.revision()))
			.andWaitForEventOfType(Reviews.ReviewRequested.class)
			.matching(requested -> requested.courseId().equals(draft.id()))
			.toArriveAndVerify(requested -> {
				assertThat(requested.spotCheck()).isFalse();
				assertThat(requested.step()).isEqualTo("Reviewer");
				assertThat(requested.reviewers()).contains(reviewer.id()).doesNotContain(org.managerA());
			});
	}

	@Test
	void aLowRiskCoursePublishedAtOnceGetsItsPeerSpotCheck(Scenario scenario) {
		Course draft = authoring.create(author, Fixtures.sampleCourse("Filing receipts " + org.suffix()));

		scenario.stimulate(() -> authoring.requestPublication(author, draft.id(), draft.revision()))
			.andWaitForStateChange(() -> reviews.latestFor(draft.id()), Optional::isPresent)
			.andVerify((found, published) -> {
				assertThat(published.isPublished()).isTrue();
				ReviewCase spotCheck = found.orElseThrow();
				assertThat(spotCheck.spotCheck()).isTrue();
				assertThat(spotCheck.version()).isEqualTo(published.version());
				assertThat(spotCheck.currentStep()).map(ReviewStep::name).contains(Reviews.SPOT_CHECK_STEP);
				// the low tier's policy asks for the spot-check within 14 days
				assertThat(spotCheck.dueAt()).isCloseTo(Instant.now().plus(Duration.ofDays(14)), within(Duration.ofMinutes(5)));
				assertThat(reviews.queue(reviewer)).extracting(ReviewCase::id).contains(spotCheck.id());
			});
	}
}
