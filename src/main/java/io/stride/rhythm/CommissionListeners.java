package io.stride.rhythm;

import io.stride.authoring.CourseDrafted;
import io.stride.authoring.CoursePublished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Closes commissions from authoring's events: a course created after "Draft from this commission", then published. */
@Component
class CommissionListeners {

	private final Commissions commissions;

	CommissionListeners(Commissions commissions) {
		this.commissions = commissions;
	}

	@ApplicationModuleListener
	void on(CourseDrafted event) {
		commissions.courseCreated(event.author(), event.courseId());
	}

	@ApplicationModuleListener
	void on(CoursePublished event) {
		commissions.coursePublished(event.courseId(), event.version(), event.title(), event.publishedBy());
	}

	/** In the decision's own transaction: a declined spend and its commission's cancelling commit together. */
	@org.springframework.context.event.EventListener
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
