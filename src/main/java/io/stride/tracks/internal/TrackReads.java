package io.stride.tracks.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.tracks.Confirmation;
import io.stride.tracks.Pacing;
import io.stride.tracks.PacingRule;
import io.stride.tracks.StepKind;
import io.stride.tracks.Track;
import io.stride.tracks.TrackId;
import io.stride.tracks.TrackStatus;
import io.stride.tracks.TrackStep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tracks, their steps and teams' versions as stored. */
@Repository
public class TrackReads {

	/** A team's version as stored: step ids in the team's order, pacing per step id (JSON as written). */
	public record OverrideRow(String trackId, String teamId, String stepOrder, String pacing, String note,
			int baseVersion, int revision, String updatedBy, Instant updatedAt) {
	}

	private static final String TRACK = "SELECT id, title, description, role_family, capability_id, high_investment, "
			+ "investment_note, status, owner_team_id, version, revision, created_by, published_at FROM tracks ";

	private final JdbcClient jdbc;

	public TrackReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Track> track(TrackId id) {
		return jdbc.sql(TRACK + "WHERE id = ?").param(id.value()).query(TrackReads::track).optional();
	}

	/** Tracks not archived (and archived ones when asked), of one role family when given, by title. */
	public List<Track> tracks(String roleFamily, boolean archived) {
		String where = (archived ? "WHERE 1 = 1 " : "WHERE status <> 'ARCHIVED' ")
				+ (roleFamily == null ? "" : "AND LOWER(role_family) = LOWER(?) ");
		var statement = jdbc.sql(TRACK + where + "ORDER BY title, id");
		if (roleFamily != null) {
			statement = statement.param(roleFamily);
		}
		return statement.query(TrackReads::track).list();
	}

	public List<TrackStep> steps(TrackId id) {
		Map<String, Set<String>> prerequisites = new HashMap<>();
		jdbc.sql("SELECT p.step_id, p.requires_step_id FROM track_step_prerequisites p JOIN track_steps s "
				+ "ON s.id = p.step_id WHERE s.track_id = ?")
			.param(id.value())
			.query((ResultSet rs) -> {
				prerequisites.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
			});
		return new ArrayList<>(jdbc.sql("SELECT id, position, kind, title, description, course_id, component_id, "
				+ "checklist_task_id, capability_id, goal_text, external_url, confirmation, pacing, pacing_days, release_on, "
				+ "high_investment FROM track_steps WHERE track_id = ? ORDER BY position, id")
			.param(id.value())
			.query((rs, n) -> step(rs, prerequisites.getOrDefault(rs.getString(1), Set.of())))
			.list());
	}

	/** How many people have done this step in their enrolments (whatever the enrolment's state now). */
	public int peopleWhoDid(String stepId) {
		return jdbc.sql("SELECT COUNT(DISTINCT e.person_id) FROM track_step_progress p JOIN track_enrolments e "
				+ "ON e.id = p.enrolment_id WHERE p.step_id = ? AND p.done_at IS NOT NULL")
			.param(stepId)
			.query(Integer.class)
			.single();
	}

	public Optional<OverrideRow> override(TrackId track, TeamId team) {
		return jdbc.sql("SELECT track_id, team_id, step_order, pacing, note, base_version, revision, updated_by, updated_at "
				+ "FROM track_team_overrides WHERE track_id = ? AND team_id = ?")
			.params(track.value(), team.value())
			.query((rs, n) -> new OverrideRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
			.optional();
	}

	static Track track(ResultSet rs, int n) throws SQLException {
		String owner = rs.getString(9);
		Timestamp published = rs.getTimestamp(13);
		return new Track(new TrackId(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getBoolean(6), rs.getString(7), TrackStatus.valueOf(rs.getString(8)),
				owner == null ? null : new TeamId(owner), rs.getInt(10), rs.getInt(11), new PersonId(rs.getString(12)),
				published == null ? null : published.toInstant());
	}

	private static TrackStep step(ResultSet rs, Set<String> prerequisites) throws SQLException {
		String course = rs.getString(6);
		String confirmation = rs.getString(12);
		int days = rs.getInt(14);
		Integer pacingDays = rs.wasNull() ? null : days;
		Date releaseOn = rs.getDate(15);
		return new TrackStep(rs.getString(1), rs.getInt(2), StepKind.valueOf(rs.getString(3)), rs.getString(4),
				rs.getString(5), course == null ? null : new CourseId(course), rs.getString(7), rs.getString(8),
				rs.getString(9), rs.getString(10), rs.getString(11),
				confirmation == null ? null : Confirmation.valueOf(confirmation),
				new Pacing(PacingRule.valueOf(rs.getString(13)), pacingDays, releaseOn == null ? null : releaseOn.toLocalDate()),
				prerequisites, rs.getBoolean(16));
	}
}
