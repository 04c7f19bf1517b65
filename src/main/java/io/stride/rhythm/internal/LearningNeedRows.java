package io.stride.rhythm.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Learning needs and the voices colleagues add to them. */
@Repository
public class LearningNeedRows {

	public record NeedRow(String id, String filedBy, String what, String capabilityId, String teamId, String status,
			int voices, String commissionId, String answerCourseId, String answeredBy, Instant answeredAt,
			Instant createdAt) {
	}

	public record VoiceRow(String needId, String personId, String note, Instant createdAt) {
	}

	/** What a list of needs is narrowed to; null fields narrow nothing. */
	public record Filter(String status, String teamId, String capabilityId, String words) {
	}

	private static final String COLUMNS = "SELECT id, filed_by, what, capability_id, team_id, status, voices, "
			+ "commission_id, answer_course_id, answered_by, answered_at, created_at FROM learning_needs ";

	private final JdbcClient jdbc;

	public LearningNeedRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(NeedRow r) {
		jdbc.sql("INSERT INTO learning_needs (id, filed_by, what, capability_id, team_id, status, voices, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, 'OPEN', 0, ?)")
			.params(r.id(), r.filedBy(), r.what(), r.capabilityId(), r.teamId(), Timestamp.from(r.createdAt()))
			.update();
	}

	public Optional<NeedRow> find(String id) {
		return jdbc.sql(COLUMNS + "WHERE id = ?").param(id).query(LearningNeedRows::row).optional();
	}

	/** Needs by most voices, then newest; at most {@code limit}. */
	/** The open needs filed for these teams, most voices first. */
	public List<NeedRow> openOfTeams(Collection<String> teamIds, int limit) {
		if (teamIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + "WHERE team_id = ANY(:teams) AND status = 'OPEN' ORDER BY voices DESC, created_at DESC, "
				+ "id FETCH FIRST " + limit + " ROWS ONLY")
			.param("teams", SqlArrays.varchars(List.copyOf(teamIds)))
			.query(LearningNeedRows::row)
			.list();
	}

	public List<NeedRow> list(Filter filter, int limit) {
		StringBuilder where = new StringBuilder("WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (filter.status() != null) {
			where.append(" AND status = ?");
			params.add(filter.status());
		}
		if (filter.teamId() != null) {
			where.append(" AND team_id = ?");
			params.add(filter.teamId());
		}
		if (filter.capabilityId() != null) {
			where.append(" AND capability_id = ?");
			params.add(filter.capabilityId());
		}
		if (filter.words() != null) {
			where.append(" AND LOWER(what) LIKE ? ESCAPE '\\'");
			params.add("%" + filter.words().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
				.replace("_", "\\_") + "%");
		}
		return jdbc.sql(COLUMNS + where + " ORDER BY voices DESC, created_at DESC, id FETCH FIRST " + limit + " ROWS ONLY")
			.params(params)
			.query(LearningNeedRows::row)
			.list();
	}

	/** Adds a voice; false when the person added theirs already. */
	public boolean addVoice(VoiceRow v) {
		int added = jdbc.sql("INSERT INTO learning_need_voices (need_id, person_id, note, created_at) "
				+ "SELECT ?, ?, ?, ? FROM learning_needs WHERE id = ? AND NOT EXISTS "
				+ "(SELECT 1 FROM learning_need_voices WHERE need_id = ? AND person_id = ?)")
			.params(v.needId(), v.personId(), v.note(), Timestamp.from(v.createdAt()), v.needId(), v.needId(),
					v.personId())
			.update();
		if (added == 1) {
			recount(v.needId());
		}
		return added == 1;
	}

	public boolean withdraw(String needId, String personId) {
		int removed = jdbc.sql("DELETE FROM learning_need_voices WHERE need_id = ? AND person_id = ?")
			.params(needId, personId)
			.update();
		if (removed == 1) {
			recount(needId);
		}
		return removed == 1;
	}

	/** Counted again from the voices: two voices at once cannot count one away. */
	private void recount(String needId) {
		jdbc.sql("UPDATE learning_needs SET voices = (SELECT COUNT(*) FROM learning_need_voices WHERE need_id = ?) "
				+ "WHERE id = ?")
			.params(needId, needId)
			.update();
	}

	public List<VoiceRow> voices(String needId) {
		return jdbc.sql("SELECT need_id, person_id, note, created_at FROM learning_need_voices WHERE need_id = ? "
				+ "ORDER BY created_at, person_id")
			.param(needId)
			.query((rs, n) -> new VoiceRow(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/** Which of these needs the person added their voice to. */
	public Set<String> votedBy(String personId, Collection<String> needIds) {
		Set<String> voted = new HashSet<>();
		if (needIds.isEmpty()) {
			return voted;
		}
		jdbc.sql("SELECT need_id FROM learning_need_voices WHERE person_id = :person AND need_id = ANY(:needs)")
			.param("person", personId)
			.param("needs", SqlArrays.varchars(needIds))
			.query(rs -> {
				voted.add(rs.getString(1));
			});
		return voted;
	}

	/** An open need is now carried out by a commission; false when it was no longer open. */
	public boolean commissioned(String needId, String commissionId) {
		return jdbc.sql("UPDATE learning_needs SET status = 'COMMISSIONED', commission_id = ? WHERE id = ? AND status = 'OPEN'")
			.params(commissionId, needId)
			.update() == 1;
	}

	/** The need is answered by a course; false when it was answered already. */
	public boolean answered(String needId, String courseId, String by, Instant at) {
		return jdbc.sql("UPDATE learning_needs SET status = 'ANSWERED', answer_course_id = ?, answered_by = ?, "
				+ "answered_at = ? WHERE id = ? AND status <> 'ANSWERED'")
			.params(courseId, by, Timestamp.from(at), needId)
			.update() == 1;
	}

	/** A commission made from the need was cancelled: the need is open again. */
	public void reopen(String needId, String commissionId) {
		jdbc.sql("UPDATE learning_needs SET status = 'OPEN', commission_id = NULL WHERE id = ? AND commission_id = ? "
				+ "AND status = 'COMMISSIONED'")
			.params(needId, commissionId)
			.update();
	}

	private static NeedRow row(ResultSet rs, int n) throws SQLException {
		return new NeedRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10),
				CommissionRows.instant(rs.getTimestamp(11)), rs.getTimestamp(12).toInstant());
	}
}
