package io.stride.drafting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.stride.drafting.CourseDraft;
import io.stride.identity.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class Drafts {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public Drafts(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public record Saved(String id, PersonId owner, CourseDraft draft, Instant createdAt) {
	}

	/** A source's extracted text, which citations' spans index into. */
	public record SourceText(String name, String text) {
	}

	private static final TypeReference<List<SourceText>> SOURCES = new TypeReference<>() {
	};

	public void insert(String id, PersonId owner, CourseDraft draft, List<SourceText> sources) {
		String title = draft.title().length() > 400 ? draft.title().substring(0, 400) : draft.title();
		String texts = json.writeValueAsString(sources);
		jdbc.sql("INSERT INTO drafts (id, owner_id, title, content, created_at, sources) VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, owner.value(), title, json.writeValueAsString(draft), Timestamp.from(Instant.now()),
					texts.length() <= 1_000_000 ? texts : null)
			.update();
	}

	public List<SourceText> sources(String id) {
		return jdbc.sql("SELECT sources FROM drafts WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.map(texts -> json.readValue(texts, SOURCES))
			.orElse(List.of());
	}

	public Optional<Saved> find(String id) {
		return jdbc.sql("SELECT id, owner_id, content, created_at FROM drafts WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Saved(rs.getString(1), new PersonId(rs.getString(2)),
					json.readValue(rs.getString(3), CourseDraft.class), rs.getTimestamp(4).toInstant()))
			.optional();
	}

	public record Summary(String id, String title, Instant createdAt) {
	}

	public List<Summary> of(PersonId owner) {
		return jdbc.sql("SELECT id, title, created_at FROM drafts WHERE owner_id = ? ORDER BY created_at DESC LIMIT 50")
			.param(owner.value())
			.query((rs, n) -> new Summary(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}
}
