package io.stride.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.stride.identity.PersonId;
import io.stride.shared.Ids;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Recording many statements at once stores what recording each alone stores, in batches, with one event a batch. */
@SpringBootTest
@RecordApplicationEvents
class LearningRecordBatchTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	LearningRecord record;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ApplicationEvents events;

	@Test
	void aBatchStoresTheSameStatementsAsOneByOneWithOneEventPerThousand() {
		PersonId person = new PersonId(Ids.newId());
		String registration = Ids.newId();
		String courseId = Ids.newId();
		List<LearningAction> actions = new ArrayList<>();
		for (int i = 0; i < LearningRecord.BATCH + 1; i++) {
			actions.add(new LearningAction(person, "Batch Person", Verb.LAUNCHED, ActivityType.TRACK_STEP, "step-" + i,
					"Step " + i, null, Result.NONE, registration));
		}
		LearningAction withCourse = new LearningAction(person, "Batch Person", Verb.EXPERIENCED, ActivityType.LESSON,
				"lesson-1", "Lesson 1", courseId, Result.NONE);
		TransactionTemplate tx = new TransactionTemplate(transactions);
		String single = tx.execute(s -> record.record(actions.getFirst()));
		List<String> ids = tx.execute(s -> record.recordAll(actions));
		List<String> withCourseIds = tx.execute(s -> record.recordAll(List.of(withCourse)));

		assertThat(ids).hasSize(LearningRecord.BATCH + 1).doesNotHaveDuplicates().doesNotContain(single);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM statements WHERE actor_id = ?").param(person.value())
			.query(Integer.class).single()).isEqualTo(LearningRecord.BATCH + 3);
		// the same columns and the same statement as recording alone, but for the id and times
		Map<String, Object> alone = row(single);
		Map<String, Object> batched = row(ids.getFirst());
		for (String column : List.of("actor_id", "verb", "object_id", "course_id", "registration")) {
			assertThat(batched.get(column)).as(column).isEqualTo(alone.get(column));
		}
		assertThat(withoutIdAndTimes((String) batched.get("statement")))
			.isEqualTo(withoutIdAndTimes((String) alone.get("statement")));
		assertThat(row(ids.getLast()).get("object_id")).asString().endsWith("/track_step/step-" + LearningRecord.BATCH);
		// course statements are queued for the analytics summaries as one by one
		assertThat(jdbc.sql("SELECT COUNT(*) FROM statements_to_summarize WHERE statement_id = ?")
			.param(withCourseIds.getFirst()).query(Integer.class).single()).isEqualTo(1);

		List<StatementsRecorded> batches = events.stream(StatementsRecorded.class).toList();
		assertThat(batches).extracting(b -> b.statements().size()).containsExactly(LearningRecord.BATCH, 1, 1);
		assertThat(batches.getFirst().statements().getFirst().statementId()).isEqualTo(ids.getFirst());
		assertThat(events.stream(StatementRecorded.class).map(StatementRecorded::statementId)).containsExactly(single);
	}

	private Map<String, Object> row(String id) {
		return jdbc.sql("SELECT actor_id, verb, object_id, course_id, registration, statement FROM statements WHERE id = ?")
			.param(id)
			.query((rs, n) -> {
				Map<String, Object> row = new java.util.HashMap<>();
				for (String column : List.of("actor_id", "verb", "object_id", "course_id", "registration", "statement")) {
					row.put(column, rs.getString(column));
				}
				return row;
			})
			.single();
	}

	private static JsonNode withoutIdAndTimes(String statement) {
		var node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(statement);
		node.remove(List.of("id", "timestamp", "stored"));
		return node;
	}
}
