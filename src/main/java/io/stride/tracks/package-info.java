/**
 * Development tracks: ordered steps towards a capability or a role (courses, components, observed tasks, goal
 * suggestions, external activities) with prerequisites and pacing, teams' re-sequencing, entry approval for
 * high-investment tracks, and each enrolled person's progress.
 */
@ApplicationModule(allowedDependencies = {
		"activity", "authoring", "capability", "cycles", "delivery", "identity", "library", "mastery", "shared" })
package io.stride.tracks;

import org.springframework.modulith.ApplicationModule;
