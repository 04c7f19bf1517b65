/**
 * Development tracks: ordered steps towards a capability or a role (courses, components, observed tasks, goal
 * suggestions, external activities) with prerequisites and pacing, teams' re-sequencing, entry approval for
 * high-investment tracks, and each enrolled person's progress.
 */
package io.stride.tracks;
