package io.stride.drafting.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.stride.shared.Ids;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class HousekeepingTests {

	@Autowired
	Housekeeping housekeeping;

	@Autowired
	JdbcClient jdbc;

	@Test
	void oldDraftsAndJobsAreForgottenRecentOnesStay() {
		String old = insertDraft(Instant.now().minus(Duration.ofDays(31)));
		String recent = insertDraft(Instant.now().minus(Duration.ofDays(2)));
		housekeeping.forgetOldDrafts();
		assertThat(count(old)).isZero();
		assertThat(count(recent)).isOne();
	}

	private String insertDraft(Instant createdAt) {
		String id = Ids.newId();
		jdbc.sql("INSERT INTO drafts (id, owner_id, title, content, created_at) VALUES (?, ?, 'T', '{}', ?)")
			.params(id, Ids.newId(), Timestamp.from(createdAt))
			.update();
		return id;
	}

	private long count(String id) {
		return jdbc.sql("SELECT COUNT(*) FROM drafts WHERE id = ?").param(id).query(Long.class).single();
	}
}
