package io.stride.analytics.lifecycle.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.analytics.lifecycle.LifecycleProposal;
import io.stride.analytics.lifecycle.LifecycleProposal.Kind;
import io.stride.analytics.lifecycle.LifecycleProposal.Status;
import io.stride.analytics.lifecycle.LifecycleProposal.Weakness;
import io.stride.analytics.lifecycle.LifecycleSettings;
import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps the lifecycle settings and proposals. Proposals are read without their course's title; the service adds it.
 */
@Repository
public class LifecycleRecords {

	private static final String SETTINGS_ROW = "organization";

	private static final String PROPOSAL = "SELECT id, course_id, owner_id, kind, status, last_opened_at, learners, "
			+ "completion_rate, pass_rate, reaction_score, weak, created_at, decided_at, decided_by FROM lifecycle_proposals ";

	private final JdbcClient jdbc;

	LifecycleRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<LifecycleSettings> settings() {
		return jdbc
			.sql("SELECT idle_days, popular_learners, weak_completion_rate, weak_pass_rate, weak_reaction_score, revision "
					+ "FROM lifecycle_settings WHERE id = ?")
			.param(SETTINGS_ROW)
			.query((rs, n) -> new LifecycleSettings(rs.getInt(1), rs.getInt(2), rs.getDouble(3), rs.getDouble(4),
					rs.getInt(5), rs.getInt(6)))
			.optional();
	}

	/** Saves the settings if {@code revision} is still the saved one; false when someone saved in between. */
	public boolean saveSettings(LifecycleSettings.Change change, PersonId by, Instant at) {
		return jdbc
			.sql("UPDATE lifecycle_settings SET idle_days = ?, popular_learners = ?, weak_completion_rate = ?, "
					+ "weak_pass_rate = ?, weak_reaction_score = ?, revision = revision + 1, updated_by = ?, updated_at = ? "
					+ "WHERE id = ? AND revision = ?")
			.params(change.idleDays(), change.popularLearners(), change.weakCompletionRate(), change.weakPassRate(),
					change.weakReactionScore(), by.value(), Timestamp.from(at), SETTINGS_ROW, change.revision())
			.update() == 1;
	}

	/** Course and kind of every open proposal, as "course id:KIND". */
	public Set<String> openKeys() {
		return new HashSet<>(jdbc.sql("SELECT open_key FROM lifecycle_proposals WHERE status = 'OPEN'")
			.query(String.class)
			.list());
	}

	/** Course and kind of the proposals decided since {@code since}, as "course id:KIND". */
	public Set<String> decidedSince(Instant since) {
		Set<String> keys = new HashSet<>();
		jdbc.sql("SELECT course_id, kind FROM lifecycle_proposals WHERE status <> 'OPEN' AND decided_at >= ?")
			.param(Timestamp.from(since))
			.query((ResultSet rs) -> {
				keys.add(key(new CourseId(rs.getString(1)), Kind.valueOf(rs.getString(2))));
			});
		return keys;
	}

	public static String key(CourseId course, Kind kind) {
		return course.value() + ":" + kind.name();
	}

	/** Saves a new open proposal; its id. */
	public String insert(CourseId course, PersonId owner, Kind kind, Instant lastOpenedAt, Integer learners,
			Double completionRate, Double passRate, Integer reactionScore, List<Weakness> weak, Instant at) {
		String id = Ids.newId();
		jdbc.sql("INSERT INTO lifecycle_proposals (id, course_id, kind, status, open_key, owner_id, last_opened_at, "
				+ "learners, completion_rate, pass_rate, reaction_score, weak, created_at) "
				+ "VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, course.value(), kind.name(), key(course, kind), owner.value(),
					lastOpenedAt == null ? null : Timestamp.from(lastOpenedAt), learners, completionRate, passRate,
					reactionScore, String.join(",", weak.stream().map(Weakness::name).toList()), Timestamp.from(at))
			.update();
		return id;
	}

	public Optional<LifecycleProposal> find(String id) {
		return jdbc.sql(PROPOSAL + "WHERE id = ?").param(id).query(this::proposal).optional();
	}

	/** Open proposals first, then decided ones, newest first; only the owner's unless {@code owner} is null. */
	public List<LifecycleProposal> list(PersonId owner, boolean openOnly) {
		StringBuilder where = new StringBuilder("WHERE 1 = 1");
		if (owner != null) {
			where.append(" AND owner_id = :owner");
		}
		if (openOnly) {
			where.append(" AND status = 'OPEN'");
		}
		var statement = jdbc.sql(PROPOSAL + where
				+ " ORDER BY CASE WHEN status = 'OPEN' THEN 0 ELSE 1 END, created_at DESC, id");
		if (owner != null) {
			statement = statement.param("owner", owner.value());
		}
		return statement.query(this::proposal).list();
	}

	/** Open proposals per kind among these courses (all courses when null). */
	public Map<Kind, Integer> openCounts(Set<CourseId> courses) {
		Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
		for (Kind kind : Kind.values()) {
			counts.put(kind, 0);
		}
		jdbc.sql("SELECT course_id, kind FROM lifecycle_proposals WHERE status = 'OPEN'").query((ResultSet rs) -> {
			if (courses == null || courses.contains(new CourseId(rs.getString(1)))) {
				counts.merge(Kind.valueOf(rs.getString(2)), 1, Integer::sum);
			}
		});
		return counts;
	}

	/** Decides an open proposal; false when it was decided meanwhile. */
	public boolean decide(String id, Status status, PersonId by, Instant at) {
		return jdbc.sql("UPDATE lifecycle_proposals SET status = ?, open_key = NULL, decided_at = ?, decided_by = ? "
				+ "WHERE id = ? AND status = 'OPEN'")
			.params(status.name(), Timestamp.from(at), by.value(), id)
			.update() == 1;
	}

	/** Dismisses an open proposal on nobody's behalf, when the data no longer supports it. */
	public void withdraw(String id, Instant at) {
		jdbc.sql("UPDATE lifecycle_proposals SET status = 'DISMISSED', open_key = NULL, decided_at = ? "
				+ "WHERE id = ? AND status = 'OPEN'")
			.params(Timestamp.from(at), id)
			.update();
	}

	private LifecycleProposal proposal(ResultSet rs, int n) throws SQLException {
		String weak = rs.getString(11);
		return new LifecycleProposal(rs.getString(1), new CourseId(rs.getString(2)), null, new PersonId(rs.getString(3)),
				Kind.valueOf(rs.getString(4)), Status.valueOf(rs.getString(5)), instant(rs.getTimestamp(6)),
				rs.getObject(7, Integer.class), rs.getObject(8, Double.class), rs.getObject(9, Double.class),
				rs.getObject(10, Integer.class),
				weak == null || weak.isBlank() ? List.of() : Arrays.stream(weak.split(",")).map(Weakness::valueOf).toList(),
				instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)),
				rs.getString(14) == null ? null : new PersonId(rs.getString(14)));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
