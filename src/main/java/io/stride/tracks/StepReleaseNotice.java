package io.stride.tracks;

import java.util.List;

import io.stride.identity.PersonId;

/** What one release run opened for one person: per track, the titles of the steps now open. */
public record StepReleaseNotice(PersonId person, List<Opened> tracks) {

	public record Opened(TrackId trackId, String trackTitle, List<String> stepTitles) {

		public Opened {
			stepTitles = List.copyOf(stepTitles);
		}
	}

	public StepReleaseNotice {
		tracks = List.copyOf(tracks);
	}

	public int steps() {
		return tracks.stream().mapToInt(t -> t.stepTitles().size()).sum();
	}
}
