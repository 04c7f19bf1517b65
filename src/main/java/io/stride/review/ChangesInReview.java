package io.stride.review;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stride.authoring.ChangedParts;
import io.stride.authoring.CourseChanges;
import io.stride.authoring.CourseId;
import io.stride.authoring.RiskTier;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.review.internal.ReviewHistory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review proportionate to change: the parts of the version in a review case that are new or changed, to read, and
 * those unchanged or reused, with where they were reviewed before (the approval of the last published version, or of
 * the source's version a reused part was taken from). Seen by whoever may see the case.
 */
@Service
@Transactional(readOnly = true)
public class ChangesInReview {

	private final Reviews reviews;

	private final ChangedParts changedParts;

	private final ReviewHistory history;

	ChangesInReview(Reviews reviews, ChangedParts changedParts, ReviewHistory history) {
		this.reviews = reviews;
		this.changedParts = changedParts;
		this.history = history;
	}

	/**
	 * Where a part was reviewed before: in {@code version} of {@code courseId}; {@code approvedBy} empty when that
	 * version was published without review (a low-risk course not spot-checked yet).
	 */
	public record ReviewedBefore(CourseId courseId, int version, boolean spotCheck, List<PersonId> approvedBy,
			Instant approvedAt, RiskTier tier) {

		public boolean reviewed() {
			return !approvedBy.isEmpty();
		}

		/** Reviewed under a risk tier at least {@code needed}: what was read then need not be read again. */
		public boolean covers(RiskTier needed) {
			return reviewed() && (needed == null || tier != null && tier.ordinal() >= needed.ordinal());
		}
	}

	/** The parts, and where each unchanged or reused one was reviewed before (by element id; "" for the settings). */
	public record Changes(ReviewCase reviewCase, CourseChanges changes, Map<String, ReviewedBefore> reviewedBefore) {

		public ReviewedBefore before(CourseChanges.Part part) {
			return reviewedBefore.get(part.elementId() == null ? "" : part.elementId());
		}
	}

	/** 404 for a case the viewer may not see, as for the case itself. */
	public Changes of(Viewer viewer, String caseId) {
		ReviewCase reviewCase = reviews.reviewCase(viewer, caseId);
		Map<String, ReviewedBefore> approvals = new HashMap<>();
		// a part the same as before is folded only when that version was reviewed, under this case's tier or higher
		CourseChanges changes = changedParts.of(reviewCase.courseId(), reviewCase.version(),
				(course, version) -> approvals.computeIfAbsent(course.value() + "#" + version,
						k -> approval(course, version)).covers(reviewCase.tier()));
		Map<String, ReviewedBefore> before = new HashMap<>();
		for (CourseChanges.Part part : changes.parts()) {
			String key = part.elementId() == null ? "" : part.elementId();
			if (part.state() == CourseChanges.State.NOT_REVIEWED) {
				// why it is to read: its source's version, or else the course's own last one, was not reviewed enough
				ReviewedBefore why = null;
				if (part.source() != null) {
					CourseChanges.Source source = part.source();
					why = approvals.computeIfAbsent(source.courseId().value() + "#" + source.version(),
							k -> approval(source.courseId(), source.version()));
				}
				if ((why == null || why.covers(reviewCase.tier())) && changes.comparedWith() != null) {
					why = approvals.computeIfAbsent(reviewCase.courseId().value() + "#" + changes.comparedWith(),
							k -> approval(reviewCase.courseId(), changes.comparedWith()));
				}
				if (why != null) {
					before.put(key, why);
				}
			}
			else if (part.state() == CourseChanges.State.UNCHANGED && changes.comparedWith() != null) {
				before.put(key, approvals.computeIfAbsent(reviewCase.courseId().value() + "#" + changes.comparedWith(),
						k -> approval(reviewCase.courseId(), changes.comparedWith())));
			}
			else if (part.state() == CourseChanges.State.REUSED && part.source() != null) {
				CourseChanges.Source source = part.source();
				before.put(key, approvals.computeIfAbsent(source.courseId().value() + "#" + source.version(),
						k -> approval(source.courseId(), source.version())));
			}
		}
		return new Changes(reviewCase, changes, before);
	}

	private ReviewedBefore approval(CourseId course, int version) {
		return history.approvalOf(course, version)
			.map(a -> new ReviewedBefore(course, version, ReviewCase.SPOT_CHECK.equals(a.kind()), a.approvedBy(),
					a.approvedAt(), a.tier() == null ? null : RiskTier.valueOf(a.tier())))
			.orElse(new ReviewedBefore(course, version, false, List.of(), null, null));
	}
}
