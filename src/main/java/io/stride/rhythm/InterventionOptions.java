package io.stride.rhythm;

import java.util.List;
import java.util.Map;

import io.stride.analytics.outcomes.OutcomeMetric;
import io.stride.identity.PersonId;

/**
 * What the form for a session's interventions offers: the people who may own one or be named (the team's, and the
 * one recording it), the team's outcome indicators and the published courses.
 */
public record InterventionOptions(Map<PersonId, String> people, List<OutcomeMetric> metrics, List<Option> courses) {

	public record Option(String id, String label) {
	}
}
