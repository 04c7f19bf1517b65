package io.stride.notification;

import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.tracks.TrackBaseChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Who hears of changes to development tracks: the managers of a team with its own version of a track are told when
 * the organization's track changes under it, so that they review their version.
 */
@Component
class TrackNotices {

	private final Notifications notifications;

	TrackNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(TrackBaseChanged event) {
		for (TeamId team : event.teams()) {
			for (PersonId manager : notifications.managersOfTeam(team)) {
				if (!manager.equals(event.by())) {
					notifications.notify(manager, "Track changed: " + event.title(),
							"The organization's track changed (v" + event.fromVersion() + " → v" + event.toVersion()
									+ ") since your team's version; review it and keep it, or reset it.",
							"/tracks/" + event.trackId().value() + "/teams/" + team.value());
				}
			}
		}
	}
}
