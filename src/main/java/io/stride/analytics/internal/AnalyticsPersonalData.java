package io.stride.analytics.internal;

import java.util.List;

import io.stride.identity.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Figures folded from the learning record per learner, and lifecycle proposals the person owns: ids only, kept.
 */
@Component
class AnalyticsPersonalData implements PersonalData {

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("activity_learners", "actor_id"),
				PersonTable.of("lifecycle_proposals", "owner_id"));
	}
}
