package io.stride.analytics.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.stride.analytics.lifecycle.LifecycleFixtures.Library;
import io.stride.analytics.lifecycle.LifecycleProposal.Kind;
import io.stride.analytics.lifecycle.LifecycleProposal.Status;
import io.stride.analytics.lifecycle.LifecycleProposal.Weakness;
import io.stride.analytics.lifecycle.internal.LifecycleRecords;
import io.stride.authoring.Authoring;
import io.stride.authoring.CourseStatus;
import io.stride.identity.Viewer;
import io.stride.notification.Notifications;
import io.stride.shared.ConflictException;
import io.stride.shared.NotFoundException;
import io.stride.support.Fixtures;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The lifecycle proposals on the fixed library of {@link LifecycleFixtures}, worked out by hand there.
 */
@SpringBootTest
@AutoConfigureMockMvc // the same context as the lifecycle API and page tests
@Import(MovableClock.Config.class)
class LifecycleTests {

	@Autowired
	Lifecycle lifecycle;

	@Autowired
	LifecycleFixtures fixtures;

	@Autowired
	Fixtures people;

	@Autowired
	Authoring authoring;

	@Autowired
	Notifications notifications;

	@Autowired
	LifecycleRecords records;

	@Autowired
	MovableClock clock;

	Library lib;

	Viewer owner;

	@BeforeEach
	void library() {
		lib = fixtures.library(clock);
		owner = people.viewer(lib.author());
	}

	@AfterEach
	void realTimeAgain() {
		clock.reset();
	}

	@Test
	void idleCoursesAreProposedForArchivingAndPopularWeakOnesForRefinement() {
		lifecycle.proposeNew();
		Instant now = clock.instant();
		List<LifecycleProposal> mine = lifecycle.proposals(owner, true);
		assertThat(mine).extracting(LifecycleProposal::courseId, LifecycleProposal::kind, LifecycleProposal::status)
			.containsExactlyInAnyOrder(tuple(lib.idle91().id(), Kind.ARCHIVE, Status.OPEN),
					tuple(lib.never().id(), Kind.ARCHIVE, Status.OPEN), tuple(lib.popular().id(), Kind.REFINE, Status.OPEN));
		LifecycleProposal idle = find(mine, lib.idle91().id().value(), Kind.ARCHIVE);
		assertThat(idle.lastOpenedAt()).isCloseTo(now.minus(Duration.ofDays(91)), within(1, ChronoUnit.MILLIS));
		assertThat(idle.courseTitle()).isEqualTo(lib.idle91().title());
		assertThat(find(mine, lib.never().id().value(), Kind.ARCHIVE).lastOpenedAt()).isNull();
		LifecycleProposal refine = find(mine, lib.popular().id().value(), Kind.REFINE);
		// 20 learners opened; completion 4 of 10 who started = 0.4; 5 of 6 attempts passed = 0.8333; no reactions
		assertThat(refine.learners()).isEqualTo(20);
		assertThat(refine.completionRate()).isEqualTo(0.4);
		assertThat(refine.passRate()).isEqualTo(0.8333);
		assertThat(refine.reactionScore()).isNull();
		assertThat(refine.weak()).containsExactly(Weakness.COMPLETION);
		assertThat(refine.weakInWords()).isEqualTo("completion rate");
	}

	@Test
	void theOwnerIsToldOnceNotEveryDay() {
		long before = notifications.page(owner, 0).total();
		assertThat(lifecycle.proposeNew()).isGreaterThanOrEqualTo(3);
		// told after the proposals are committed
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications.page(owner, 0).total()).isEqualTo(before + 3));
		var page = notifications.page(owner, 0);
		assertThat(page.items()).extracting(Notifications.Notification::subject)
			.contains("Archive “" + lib.idle91().title() + "”?", "Archive “" + lib.never().title() + "”?",
					"Refine “" + lib.popular().title() + "”?");
		assertThat(page.items()).filteredOn(n -> n.subject().contains(lib.popular().title()))
			.extracting(Notifications.Notification::body)
			.containsExactly("20 learners opened “" + lib.popular().title()
					+ "” in the last 90 days, but its completion rate is weak. Its analytics show where learners struggle.");
		lifecycle.proposeNew();
		// the next run, half a day later (a whole day would make idle89 idle for exactly 90 days)
		clock.advance(Duration.ofHours(12));
		lifecycle.proposeNew();
		assertThat(notifications.page(owner, 0).total()).isEqualTo(before + 3);
		assertThat(lifecycle.proposals(owner, false)).hasSize(3);
	}

	@Test
	void aDismissedProposalComesBackOnlyAfterAnotherIdlePeriod() {
		lifecycle.proposeNew();
		LifecycleProposal idle = find(lifecycle.proposals(owner, true), lib.idle91().id().value(), Kind.ARCHIVE);
		LifecycleProposal kept = lifecycle.dismiss(owner, idle.id());
		assertThat(kept.status()).isEqualTo(Status.DISMISSED);
		assertThat(kept.decidedBy()).isEqualTo(owner.id());
		assertThat(kept.decidedAt()).isCloseTo(clock.instant(), within(1, ChronoUnit.MILLIS));
		assertThat(authoring.course(owner, lib.idle91().id()).status()).isEqualTo(CourseStatus.PUBLISHED);

		clock.advance(Duration.ofDays(89));
		lifecycle.proposeNew();
		assertThat(archiveProposals(lib.idle91().id().value())).extracting(LifecycleProposal::status)
			.containsExactly(Status.DISMISSED);

		clock.advance(Duration.ofDays(2)); // 91 days after the dismissal, still never opened since
		lifecycle.proposeNew();
		assertThat(archiveProposals(lib.idle91().id().value())).extracting(LifecycleProposal::status)
			.containsExactly(Status.OPEN, Status.DISMISSED);
	}

	@Test
	void acceptingAnArchiveProposalRetiresTheCourse() {
		lifecycle.proposeNew();
		LifecycleProposal never = find(lifecycle.proposals(owner, true), lib.never().id().value(), Kind.ARCHIVE);
		LifecycleProposal accepted = lifecycle.accept(owner, never.id());
		assertThat(accepted.status()).isEqualTo(Status.ACCEPTED);
		assertThat(authoring.course(owner, lib.never().id()).status()).isEqualTo(CourseStatus.RETIRED);
		assertThat(authoring.publishedCourses()).extracting(c -> c.id()).doesNotContain(lib.never().id());
		assertThatThrownBy(() -> lifecycle.accept(owner, never.id())).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> lifecycle.dismiss(owner, never.id())).isInstanceOf(ConflictException.class);
		// retired, it is not proposed again
		clock.advance(Duration.ofDays(200));
		lifecycle.proposeNew();
		assertThat(archiveProposals(lib.never().id().value())).hasSize(1);
	}

	@Test
	void acceptingARefineProposalLeavesTheCoursePublished() {
		lifecycle.proposeNew();
		LifecycleProposal refine = find(lifecycle.proposals(owner, true), lib.popular().id().value(), Kind.REFINE);
		assertThat(lifecycle.accept(owner, refine.id()).status()).isEqualTo(Status.ACCEPTED);
		assertThat(authoring.course(owner, lib.popular().id()).status()).isEqualTo(CourseStatus.PUBLISHED);
	}

	@Test
	void aProposalTheDataNoLongerSupportsIsWithdrawn() {
		lifecycle.proposeNew();
		// a learner opens idle91 again half a day later: it is no longer idle (idle89, opened 89.5 days ago, is not yet)
		clock.advance(Duration.ofHours(12));
		fixtures.opened("back-" + lib.org().suffix(), lib.idle91(), clock.instant());
		lifecycle.proposeNew();
		assertThat(archiveProposals(lib.idle91().id().value())).singleElement().satisfies(p -> {
			assertThat(p.status()).isEqualTo(Status.DISMISSED);
			assertThat(p.decidedBy()).isNull();
		});
		assertThat(lifecycle.proposals(owner, true)).extracting(p -> p.courseId())
			.containsExactlyInAnyOrder(lib.never().id(), lib.popular().id());
	}

	@Test
	void twoNodesCannotBothSaveTheSameOpenProposal() {
		lifecycle.proposeNew();
		// what a second node running the daily job at the same moment would try: refused by the unique open key
		assertThatThrownBy(() -> records.insert(lib.never().id(), lib.author(), Kind.ARCHIVE, null, null, null, null,
				null, List.of(), clock.instant())).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(archiveProposals(lib.never().id().value())).hasSize(1);
	}

	@Test
	void onlyTheOwnerAndAdminsSeeAndDecideProposals() {
		lifecycle.proposeNew();
		LifecycleProposal idle = find(lifecycle.proposals(owner, true), lib.idle91().id().value(), Kind.ARCHIVE);
		Viewer stranger = people.viewer(lib.org().learnerA());
		assertThat(lifecycle.proposals(stranger, false)).isEmpty();
		assertThatThrownBy(() -> lifecycle.proposal(stranger, idle.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> lifecycle.accept(stranger, idle.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> lifecycle.dismiss(stranger, idle.id())).isInstanceOf(NotFoundException.class);
		Viewer admin = people.admin();
		assertThat(lifecycle.proposals(admin, true)).extracting(LifecycleProposal::id).contains(idle.id());
		assertThat(lifecycle.dismiss(admin, idle.id()).decidedBy()).isEqualTo(admin.id());
	}

	private List<LifecycleProposal> archiveProposals(String courseId) {
		return lifecycle.proposals(owner, false)
			.stream()
			.filter(p -> p.courseId().value().equals(courseId) && p.kind() == Kind.ARCHIVE)
			.toList();
	}

	private static LifecycleProposal find(List<LifecycleProposal> proposals, String courseId, Kind kind) {
		return proposals.stream()
			.filter(p -> p.courseId().value().equals(courseId) && p.kind() == kind)
			.findFirst()
			.orElseThrow();
	}
}
