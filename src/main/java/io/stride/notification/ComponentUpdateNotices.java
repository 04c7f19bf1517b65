package io.stride.notification;

import io.stride.authoring.Reuse;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the author of a course that reuses linked parts when their source publishes a new text (issue 18). Runs
 * after the publication is committed, like the other rules.
 */
@Component
class ComponentUpdateNotices {

	private final Notifications notifications;

	ComponentUpdateNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(Reuse.ComponentUpdatesAvailable event) {
		String parts = event.elements() == 1 ? "1 linked part" : event.elements() + " linked parts";
		notifications.notify(event.authorId(), "Update available: " + event.sourceTitle(),
				event.sourceTitle() + " published version " + event.version() + ", which changes " + parts + " of "
						+ event.title() + ". See what changed, then take the update or keep your copy.",
				"/courses/" + event.courseId().value() + "/assign#component-updates");
	}
}
