package io.stride.authoring;

import java.util.List;
import java.util.Map;

import io.stride.delivery.Delivery;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What capabilities read of courses: the live version with when it was published and whether the course is
 * retired ("the current version" rules and retirement lower coverage), and the version each learner is pinned to.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class CurrentVersionsTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Delivery delivery;

	Org org;

	Viewer author;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		author = fixtures.viewer(org.managerA());
	}

	@Test
	void theLiveVersionIsReadWithItsPublicationAndRetirement() {
		Course course = fixtures.publishedCourse(author, "Forecasting " + org.suffix());
		Course neverPublished = authoring.create(author, Fixtures.sampleCourse("Draft only " + org.suffix()));
		assertThat(authoring.currentVersions(List.of(course.id(), neverPublished.id())))
			.containsOnlyKeys(course.id())
			.hasEntrySatisfying(course.id(), v -> {
				assertThat(v.version()).isEqualTo(1);
				assertThat(v.retired()).isFalse();
			});

		// a second version in the making leaves the first live; once published, the second is
		Course draft = authoring.startVersion(author, course.id(), course.revision());
		assertThat(authoring.currentVersions(List.of(course.id())).get(course.id()).version()).isEqualTo(1);
		Course v2 = authoring.publish(author, draft.id(), draft.revision());
		Map<CourseId, Authoring.CurrentVersion> current = authoring.currentVersions(List.of(course.id()));
		assertThat(current.get(course.id()).version()).isEqualTo(2);
		java.time.Instant v2PublishedAt = authoring.versions(author, course.id())
			.stream()
			.filter(Authoring.VersionInfo::live)
			.findFirst()
			.orElseThrow()
			.publishedAt();
		assertThat(current.get(course.id()).publishedAt()).isEqualTo(v2PublishedAt);

		authoring.retire(author, v2.id());
		assertThat(authoring.currentVersions(List.of(course.id())).get(course.id()))
			.satisfies(v -> {
				assertThat(v.retired()).isTrue();
				assertThat(v.version()).isEqualTo(2);
			});
		assertThat(authoring.currentVersions(List.of())).isEmpty();
	}

	@Test
	void pinsSayWhichVersionEachLearnerTakes() {
		Course course = fixtures.publishedCourse(author, "Escalations " + org.suffix());
		Course other = fixtures.publishedCourse(author, "Other " + org.suffix());
		delivery.open(fixtures.viewer(org.learnerA()), course.id());
		delivery.open(fixtures.viewer(org.learnerA()), other.id());
		Course draft = authoring.startVersion(author, course.id(), course.revision());
		authoring.publish(author, draft.id(), draft.revision());
		delivery.open(fixtures.viewer(org.learnerB()), course.id());

		assertThat(authoring.pins(List.of(org.learnerA(), org.learnerB(), org.learnerSubA()), List.of(course.id())))
			.containsExactlyInAnyOrder(new Authoring.Pin(org.learnerA(), course.id(), 1),
					new Authoring.Pin(org.learnerB(), course.id(), 2));
		assertThat(authoring.pins(List.of(org.learnerSubA()), List.of(course.id()))).isEmpty();
		assertThat(authoring.pins(List.of(), List.of(course.id()))).isEmpty();
	}
}
