package io.stride.authoring;

import java.util.Map;

import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each state of a course allows, and what an author is told when it does not: the rules in one table. */
class CourseStateTests {

	/** The states a course goes through, by name: status, version, live version. */
	private static final Map<String, CourseState> STATES = Map.of(
			"new draft", new CourseState(CourseStatus.DRAFT, 1, null),
			"first version in review", new CourseState(CourseStatus.IN_REVIEW, 1, null),
			"published", new CourseState(CourseStatus.PUBLISHED, 1, 1),
			"draft of version 2", new CourseState(CourseStatus.DRAFT, 2, 1),
			"version 2 in review", new CourseState(CourseStatus.IN_REVIEW, 2, 1),
			"retired", new CourseState(CourseStatus.RETIRED, 1, 1),
			"retired with a draft of version 2", new CourseState(CourseStatus.RETIRED, 2, 1));

	@ParameterizedTest(name = "{0}, {1}: {2}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			new draft                         | edit            | allowed
			new draft                         | publish         | allowed
			new draft                         | submit          | allowed
			new draft                         | new version     | Only a published course gets a new version.
			new draft                         | retire          | Only a published course can be retired.
			first version in review           | edit            | This course is in review; it can be edited again when a reviewer asks for changes.
			first version in review           | publish         | refused
			first version in review           | submit          | This course is already in review.
			first version in review           | new version     | Only a published course gets a new version.
			first version in review           | retire          | A new version of this course is in review; wait for the decision, then retire it.
			published                         | edit            | This version is published and never changes: start a new version to edit it.
			published                         | publish         | refused
			published                         | submit          | This course was saved elsewhere (another tab or person) after you opened it. Your changes were not saved; reload to see the latest version, then make them again.
			published                         | new version     | allowed
			published                         | retire          | allowed
			draft of version 2                | edit            | allowed
			draft of version 2                | publish         | allowed
			draft of version 2                | submit          | allowed
			draft of version 2                | new version     | Version 2 is already being written; edit it instead.
			draft of version 2                | retire          | allowed
			version 2 in review               | edit            | This course is in review; it can be edited again when a reviewer asks for changes.
			version 2 in review               | publish         | refused
			version 2 in review               | submit          | This course is already in review.
			version 2 in review               | new version     | Version 2 is already being written; edit it instead.
			version 2 in review               | retire          | A new version of this course is in review; wait for the decision, then retire it.
			retired                           | edit            | This course is retired; it can't be edited.
			retired                           | publish         | refused
			retired                           | submit          | This course was saved elsewhere (another tab or person) after you opened it. Your changes were not saved; reload to see the latest version, then make them again.
			retired                           | new version     | Only a published course gets a new version.
			retired                           | retire          | Only a published course can be retired.
			retired with a draft of version 2 | edit            | This course is retired; it can't be edited.
			retired with a draft of version 2 | new version     | Version 2 is already being written; edit it instead.
			retired with a draft of version 2 | retire          | Only a published course can be retired.
			""")
	void eachStateAllowsOrRefusesEachActionWithItsReason(String state, String action, String expected) {
		CourseState course = STATES.get(state);
		switch (action) {
			case "edit" -> {
				assertThat(course.isEditable()).isEqualTo(expected.equals("allowed"));
				assertThat(refusal(course::requireEditable)).isEqualTo(expected);
			}
			case "publish" -> assertThat(course.canPublish() ? "allowed" : "refused").isEqualTo(expected);
			case "submit" -> {
				assertThat(course.canSubmitForReview()).isEqualTo(expected.equals("allowed"));
				assertThat(refusal(course::requireSubmittable)).isEqualTo(expected);
			}
			case "new version" -> {
				assertThat(course.canStartNewVersion()).isEqualTo(expected.equals("allowed"));
				assertThat(refusal(course::requireNewVersionAllowed)).isEqualTo(expected);
			}
			case "retire" -> {
				assertThat(course.canRetire()).isEqualTo(expected.equals("allowed"));
				assertThat(refusal(course::requireRetirable)).isEqualTo(expected);
			}
			default -> throw new IllegalArgumentException(action);
		}
	}

	@Test
	void anEditRefusedIsAnInvalidStatusAndTheOtherRefusalsAreConflicts() {
		CourseState published = STATES.get("published");
		assertThatThrownBy(published::requireEditable).isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsOnlyKeys("status"));
		assertThatThrownBy(published::requireSubmittable).isInstanceOf(ConflictException.class);
		assertThatThrownBy(STATES.get("new draft")::requireNewVersionAllowed).isInstanceOf(ConflictException.class);
		assertThatThrownBy(STATES.get("new draft")::requireRetirable).isInstanceOf(ConflictException.class);
	}

	@Test
	void aNewVersionStartsAfterThePublishedOne() {
		assertThat(STATES.get("published").nextVersion()).isEqualTo(2);
	}

	@Test
	void learnersMayBeGivenACourseWhileSomeVersionIsPublishedAndItIsNotRetired() {
		assertThat(STATES.get("new draft").isLive()).isFalse();
		assertThat(STATES.get("first version in review").isLive()).isFalse();
		assertThat(STATES.get("published").isLive()).isTrue();
		assertThat(STATES.get("draft of version 2").isLive()).isTrue();
		assertThat(STATES.get("version 2 in review").isLive()).isTrue();
		assertThat(STATES.get("retired").isLive()).isFalse();
	}

	@Test
	void aPublishedVersionShowsItsLearnersRetiredOnlyWithTheCourse() {
		assertThat(STATES.get("draft of version 2").statusForLearners()).isEqualTo(CourseStatus.PUBLISHED);
		assertThat(STATES.get("version 2 in review").statusForLearners()).isEqualTo(CourseStatus.PUBLISHED);
		assertThat(STATES.get("retired").statusForLearners()).isEqualTo(CourseStatus.RETIRED);
	}

	@Test
	void onlyAWorkingCopyBeyondTheLiveVersionIsANewVersionInProgress() {
		assertThat(STATES.get("published").hasNewVersionInProgress()).isFalse();
		assertThat(STATES.get("draft of version 2").hasNewVersionInProgress()).isTrue();
		assertThat(STATES.get("new draft").hasNewVersionInProgress()).isFalse();
	}

	/** What the rule says when it refuses ("allowed" when it does not). */
	private static String refusal(Runnable rule) {
		try {
			rule.run();
			return "allowed";
		}
		catch (InvalidInputException e) {
			return e.fieldErrors().get("status");
		}
		catch (ConflictException e) {
			return e.getMessage();
		}
	}
}
