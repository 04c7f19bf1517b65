package io.stride.capability;

import io.stride.identity.Viewer;
import io.stride.review.Reviews;
import org.springframework.stereotype.Component;

/**
 * Who counts as L&D for capabilities: admins, and reviewers on the L&D team (a reviewer nobody set up counts as
 * L&D). Compliance-only and topic reviewers are not: they keep and read what their other roles allow.
 */
@Component
public class LearningTeam {

	private final Reviews reviews;

	LearningTeam(Reviews reviews) {
		this.reviews = reviews;
	}

	public boolean includes(Viewer viewer) {
		return viewer.isAdmin() || viewer.isReviewer() && reviews.profile(viewer.id()).learningTeam();
	}
}
