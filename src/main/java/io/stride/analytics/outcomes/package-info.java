/**
 * Outcome indicators: a team's business metrics with their values per period, linked to courses and read against
 * their rollout (used by rhythm's interventions, home and pre-reads, and by the demo).
 */
@NamedInterface("outcomes")
package io.stride.analytics.outcomes;

import org.springframework.modulith.NamedInterface;
