package io.stride.analytics.items.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.activity.Verb;
import io.stride.analytics.items.ItemAnalysisStatistics;
import io.stride.analytics.items.ItemAnalysisThresholds;
import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what item analysis needs from the learning record (submitted attempts and their answers, tied together by
 * the statements' registration) and keeps the organization's thresholds.
 */
@Repository
public class ItemAnalysisRecords {

	private static final String THRESHOLDS_ROW = "organization";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ItemAnalysisRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * The submitted attempts at a course (a passed or failed statement with a registration), oldest first; with
	 * {@code firstOnly}, each learner's first one only.
	 */
	public Set<String> submittedAttempts(CourseId course, boolean firstOnly) {
		Set<PersonId> seen = new HashSet<>();
		Set<String> attempts = new LinkedHashSet<>();
		submittedAttemptsWithLearners(course).forEach((registration, learner) -> {
			if (!firstOnly || seen.add(learner)) {
				attempts.add(registration);
			}
		});
		return attempts;
	}

	/** Every submitted attempt at a course with the learner who made it, oldest first. */
	public Map<String, PersonId> submittedAttemptsWithLearners(CourseId course) {
		Map<String, PersonId> attempts = new LinkedHashMap<>();
		jdbc.sql("SELECT registration, actor_id FROM statements WHERE course_id = ? AND verb IN (?, ?) "
				+ "AND registration IS NOT NULL ORDER BY occurred_at, registration")
			.params(course.value(), Verb.PASSED.iri(), Verb.FAILED.iri())
			.query(rs -> {
				attempts.putIfAbsent(rs.getString(1), new PersonId(rs.getString(2)));
			});
		return attempts;
	}

	/** The answers given in those attempts, by attempt id and then by question activity IRI. */
	public Map<String, Map<String, ItemAnalysisStatistics.Answered>> answers(CourseId course, Set<String> attempts) {
		Map<String, Map<String, ItemAnalysisStatistics.Answered>> byAttempt = new LinkedHashMap<>();
		attempts.forEach(id -> byAttempt.put(id, new HashMap<>()));
		// the response has its own column; statements stored before it existed have it only in their JSON
		jdbc.sql("SELECT registration, object_id, result_score, result_response, "
				+ "CASE WHEN result_response IS NULL THEN statement END FROM statements WHERE course_id = ? "
				+ "AND verb = ? AND registration IS NOT NULL")
			.params(course.value(), Verb.ANSWERED.iri())
			.query(rs -> {
				Map<String, ItemAnalysisStatistics.Answered> answers = byAttempt.get(rs.getString(1));
				if (answers != null) {
					double score = rs.getDouble(3);
					String response = rs.getString(4);
					answers.put(rs.getString(2), new ItemAnalysisStatistics.Answered(score,
							response != null ? response : response(rs.getString(5))));
				}
			});
		return byAttempt;
	}

	private String response(String statement) {
		JsonNode response = json.readTree(statement).path("result").path("response");
		return response.isString() ? response.asString() : "";
	}

	public Optional<ItemAnalysisThresholds> thresholds() {
		return jdbc
			.sql("SELECT too_easy, too_hard, weak_discrimination, minimum_attempts, revision FROM item_analysis_thresholds "
					+ "WHERE id = ?")
			.param(THRESHOLDS_ROW)
			.query((rs, n) -> new ItemAnalysisThresholds(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getInt(4),
					rs.getInt(5)))
			.optional();
	}

	/** Saves the thresholds if {@code revision} is still the saved one; false when someone saved in between. */
	public boolean saveThresholds(ItemAnalysisThresholds.Change change, PersonId by, Instant at) {
		return jdbc
			.sql("UPDATE item_analysis_thresholds SET too_easy = ?, too_hard = ?, weak_discrimination = ?, "
					+ "minimum_attempts = COALESCE(?, minimum_attempts), revision = revision + 1, updated_by = ?, "
					+ "updated_at = ? WHERE id = ? AND revision = ?")
			.params(change.tooEasy(), change.tooHard(), change.weakDiscrimination(), change.minimumAttempts(), by.value(),
					Timestamp.from(at), THRESHOLDS_ROW, change.revision())
			.update() == 1;
	}
}
