package io.stride.authoring;

import java.util.Optional;

import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;

/**
 * Where a course stands in its life, and what that allows: the one place the rules about a course's status are
 * written. A course is written as a draft, published (at once or through review), edited again as a new version
 * while learners keep the published one, and retired.
 * <pre>
 *   DRAFT --publish--&gt; PUBLISHED --start a new version--&gt; DRAFT (version + 1)
 *   DRAFT --submit for review--&gt; IN_REVIEW --approved--&gt; PUBLISHED
 *                                 IN_REVIEW --changes asked--&gt; DRAFT
 *   PUBLISHED, or DRAFT of a later version --retire--&gt; RETIRED
 * </pre>
 * @param version the version the working copy is (or will be, once published)
 * @param liveVersion the newest published version, or null while none was published
 */
public record CourseState(CourseStatus status, int version, Integer liveVersion) {

	static final String ALREADY_IN_REVIEW = "This course is already in review.";

	static final String RETIRE_ONLY_PUBLISHED = "Only a published course can be retired.";

	/** Whether its content may be changed in place: only a draft is edited; what was published never changes. */
	public boolean isEditable() {
		return status == CourseStatus.DRAFT;
	}

	/** Why the content may not be changed in place, in the words authors are shown; empty for a draft. */
	public Optional<String> editRefusal() {
		return Optional.ofNullable(switch (status) {
			case DRAFT -> null;
			case PUBLISHED -> "This version is published and never changes: start a new version to edit it.";
			case IN_REVIEW -> "This course is in review; it can be edited again when a reviewer asks for changes.";
			case RETIRED -> "This course is retired; it can't be edited.";
		});
	}

	/** Refuses (422 at {@code status}) a change to content that is not a draft, saying why. */
	public void requireEditable() {
		editRefusal().ifPresent(refusal -> {
			throw new InvalidInputException("status", refusal);
		});
	}

	/** Whether the working copy is the published one: the newest version is published and nothing is written since. */
	public boolean isPublished() {
		return status == CourseStatus.PUBLISHED;
	}

	public boolean isInReview() {
		return status == CourseStatus.IN_REVIEW;
	}

	public boolean isRetired() {
		return status == CourseStatus.RETIRED;
	}

	/** Whether learners can be given the course: some version is published and the course is not retired. */
	public boolean isLive() {
		return liveVersion != null && !isRetired();
	}

	/** A new version is being written (or reviewed) while an earlier one stays with learners. */
	public boolean hasNewVersionInProgress() {
		return liveVersion != null && liveVersion < version;
	}

	/**
	 * Whether the working copy may be published (a low-risk course) or submitted for review (the others): what is
	 * published is what was edited, so only a draft is.
	 */
	public boolean canPublish() {
		return isEditable();
	}

	/** Whether the working copy may go to review; as for publishing, only a draft may. */
	public boolean canSubmitForReview() {
		return canPublish();
	}

	/** Refuses (409) a submission for review of a course that is not a draft. */
	public void requireSubmittable() {
		if (!canSubmitForReview()) {
			throw new ConflictException(isInReview() ? ALREADY_IN_REVIEW : Authoring.CONFLICT_MESSAGE);
		}
	}

	/** Whether a next version may be started: only from the published one, never beside one being written. */
	public boolean canStartNewVersion() {
		return isPublished();
	}

	/** Refuses (409) to start a new version of a course that is not published, saying why. */
	public void requireNewVersionAllowed() {
		if (!canStartNewVersion()) {
			throw new ConflictException(hasNewVersionInProgress()
					? "Version " + version + " is already being written; edit it instead."
					: "Only a published course gets a new version.");
		}
	}

	/** The version a new version starts as. */
	public int nextVersion() {
		return version + 1;
	}

	/** Why the course may not be retired; empty when it may: it is live and no new version is in review. */
	public Optional<String> retireRefusal() {
		if (isInReview()) {
			return Optional.of("A new version of this course is in review; wait for the decision, then retire it.");
		}
		if (!isLive()) {
			return Optional.of(RETIRE_ONLY_PUBLISHED);
		}
		return Optional.empty();
	}

	public boolean canRetire() {
		return retireRefusal().isEmpty();
	}

	/** Refuses (409) to retire a course that may not be, saying why. */
	public void requireRetirable() {
		retireRefusal().ifPresent(refusal -> {
			throw new ConflictException(refusal);
		});
	}

	/** The status a published version shows its learners: retired with the course, published otherwise. */
	public CourseStatus statusForLearners() {
		return isRetired() ? CourseStatus.RETIRED : CourseStatus.PUBLISHED;
	}
}
