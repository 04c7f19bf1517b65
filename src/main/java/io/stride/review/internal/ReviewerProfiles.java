package io.stride.review.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.stride.identity.PersonId;
import io.stride.review.ReviewerProfile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ReviewerProfiles {

	private final JdbcClient jdbc;

	public ReviewerProfiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ReviewerProfile> find(PersonId person) {
		return jdbc.sql("SELECT topics, learning_team, compliance FROM reviewer_profiles WHERE person_id = ?")
			.param(person.value())
			.query((rs, n) -> new ReviewerProfile(person, topics(rs.getString(1)), rs.getBoolean(2), rs.getBoolean(3)))
			.optional();
	}

	public void save(ReviewerProfile profile) {
		String topics = String.join(", ", profile.topics());
		int updated = jdbc.sql("UPDATE reviewer_profiles SET topics = ?, learning_team = ?, compliance = ? WHERE person_id = ?")
			.params(topics, profile.learningTeam(), profile.compliance(), profile.personId().value())
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO reviewer_profiles (person_id, topics, learning_team, compliance) VALUES (?, ?, ?, ?)")
				.params(profile.personId().value(), topics, profile.learningTeam(), profile.compliance())
				.update();
		}
	}

	static List<String> topics(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
	}
}
