package io.stride.rhythm;

import io.stride.authoring.CoursesCreatedFromDraft;
import io.stride.authoring.CoursePublished;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Closes commissions from authoring's events: the courses made from a draft started with "Draft from this commission"
 * answer it, and publishing one of them closes it.
 */
@Component
class CommissionListeners {

	private final Commissions commissions;

	CommissionListeners(Commissions commissions) {
		this.commissions = commissions;
	}

	@ApplicationModuleListener
	void on(CoursesCreatedFromDraft event) {
		commissions.coursesFromDraft(event.draftId(), event.author(), event.courses());
	}

	@ApplicationModuleListener
	void on(CoursePublished event) {
		commissions.coursePublished(event.courseId(), event.version(), event.title(), event.publishedBy());
	}

	/** In the decision's own transaction: a declined spend and its commission's cancelling commit together. */
	@EventListener
	void on(BudgetSpendDecided event) {
		if (event.commission() == null) {
			return;
		}
		if (event.approved()) {
			commissions.fundingApproved(event.commission());
		}
		else {
			commissions.fundingDeclined(event.commission(), event.decidedBy());
		}
	}
}
