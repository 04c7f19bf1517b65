package io.stride.review;

import java.util.List;
import java.util.Locale;

import io.stride.authoring.ReviewPolicy;
import io.stride.identity.PersonId;

/**
 * What a reviewer may approve: courses on their topics, any topic when they are on the L&D team, and compliance
 * steps when they are compliance reviewers. A reviewer nobody has set up counts as an L&D reviewer.
 */
public record ReviewerProfile(PersonId personId, List<String> topics, boolean learningTeam, boolean compliance) {

	public ReviewerProfile {
		topics = topics == null ? List.of() : List.copyOf(topics);
	}

	public static ReviewerProfile unset(PersonId person) {
		return new ReviewerProfile(person, List.of(), true, false);
	}

	public boolean mayDecide(ReviewPolicy.Who who, String topic) {
		return switch (who) {
			case ANY -> true;
			case COMPLIANCE -> compliance;
			case TOPIC -> learningTeam || (topic != null
					&& topics.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).equals(topic.strip().toLowerCase(Locale.ROOT))));
		};
	}

	public String summary() {
		StringBuilder s = new StringBuilder();
		if (learningTeam) {
			s.append("L&D (all topics)");
		}
		else if (!topics.isEmpty()) {
			s.append("Topics: ").append(String.join(", ", topics));
		}
		else {
			s.append("No topics");
		}
		if (compliance) {
			s.append("; compliance");
		}
		return s.toString();
	}
}
