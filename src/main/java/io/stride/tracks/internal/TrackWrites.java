package io.stride.tracks.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.stride.tracks.TrackStep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes tracks, their steps and teams' versions. Every change to a track goes through {@link #touch} first, which
 * moves the track's revision (and version, for a published track's steps) and locks its row, so that two writers of
 * the same track are serialized and the second one with a stale revision changes nothing.
 */
@Repository
public class TrackWrites {

	/** A track's own fields as stored. */
	public record TrackRow(String id, String title, String description, String roleFamily, String capabilityId,
			boolean highInvestment, String investmentNote, String ownerTeamId) {
	}

	private final JdbcClient jdbc;

	public TrackWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the track's row until the transaction ends, so that a change reads the steps no one else is changing. */
	public void lock(String trackId) {
		jdbc.sql("SELECT id FROM tracks WHERE id = ? FOR UPDATE").param(trackId).query(String.class).optional();
	}

	public void insert(TrackRow row, String createdBy, Instant now) {
		jdbc.sql("INSERT INTO tracks (id, title, description, role_family, capability_id, high_investment, "
				+ "investment_note, status, owner_team_id, version, revision, created_by, created_at, updated_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, 1, 1, ?, ?, ?)")
			.params(row.id(), row.title(), row.description(), row.roleFamily(), row.capabilityId(),
					row.highInvestment(), row.investmentNote(), row.ownerTeamId(), createdBy, Timestamp.from(now),
					Timestamp.from(now))
			.update();
	}

	/** Saves a track's own fields when its revision is still {@code revision}; false when it is not. */
	public boolean update(TrackRow row, int revision, Instant now) {
		return jdbc.sql("UPDATE tracks SET title = ?, description = ?, role_family = ?, capability_id = ?, "
				+ "high_investment = ?, investment_note = ?, revision = revision + 1, updated_at = ? "
				+ "WHERE id = ? AND revision = ?")
			.params(row.title(), row.description(), row.roleFamily(), row.capabilityId(), row.highInvestment(),
					row.investmentNote(), Timestamp.from(now), row.id(), revision)
			.update() == 1;
	}

	/**
	 * Moves the track's revision, and its version when {@code bumpVersion}; checks {@code revision} when given. False
	 * when the revision was stale.
	 */
	public boolean touch(String trackId, Integer revision, boolean bumpVersion, Instant now) {
		String version = bumpVersion ? ", version = version + 1" : "";
		if (revision == null) {
			return jdbc.sql("UPDATE tracks SET revision = revision + 1" + version + ", updated_at = ? WHERE id = ?")
				.params(Timestamp.from(now), trackId)
				.update() == 1;
		}
		return jdbc.sql("UPDATE tracks SET revision = revision + 1" + version + ", updated_at = ? WHERE id = ? AND revision = ?")
			.params(Timestamp.from(now), trackId, revision)
			.update() == 1;
	}

	public boolean publish(String trackId, int revision, Instant now) {
		return jdbc.sql("UPDATE tracks SET status = 'PUBLISHED', published_at = ?, revision = revision + 1, updated_at = ? "
				+ "WHERE id = ? AND revision = ? AND status = 'DRAFT'")
			.params(Timestamp.from(now), Timestamp.from(now), trackId, revision)
			.update() == 1;
	}

	public void archive(String trackId, Instant now) {
		jdbc.sql("UPDATE tracks SET status = 'ARCHIVED', revision = revision + 1, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), trackId)
			.update();
	}

	/** Inserts or replaces a step's row (not its position) and its prerequisites. */
	public void saveStep(String trackId, TrackStep step, boolean isNew) {
		Object[] values = { step.kind().name(), step.title(), step.description(),
				step.courseId() == null ? null : step.courseId().value(), step.componentId(), step.checklistTaskId(),
				step.capabilityId(), step.goalText(), step.externalUrl(),
				step.confirmation() == null ? null : step.confirmation().name(), step.pacing().rule().name(),
				step.pacing().days(), step.pacing().releaseOn() == null ? null : Date.valueOf(step.pacing().releaseOn()),
				step.highInvestment() };
		if (isNew) {
			jdbc.sql("INSERT INTO track_steps (kind, title, description, course_id, component_id, checklist_task_id, "
					+ "capability_id, goal_text, external_url, confirmation, pacing, pacing_days, release_on, high_investment, "
					+ "id, track_id, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(concat(values, step.id(), trackId, step.position()))
				.update();
		}
		else {
			jdbc.sql("UPDATE track_steps SET kind = ?, title = ?, description = ?, course_id = ?, component_id = ?, "
					+ "checklist_task_id = ?, capability_id = ?, goal_text = ?, external_url = ?, confirmation = ?, pacing = ?, "
					+ "pacing_days = ?, release_on = ?, high_investment = ? WHERE id = ? AND track_id = ?")
				.params(concat(values, step.id(), trackId))
				.update();
			jdbc.sql("DELETE FROM track_step_prerequisites WHERE step_id = ?").param(step.id()).update();
		}
		for (String requires : step.prerequisites()) {
			jdbc.sql("INSERT INTO track_step_prerequisites (step_id, requires_step_id) VALUES (?, ?)")
				.params(step.id(), requires)
				.update();
		}
	}

	public void removeStep(String trackId, String stepId) {
		jdbc.sql("DELETE FROM track_step_prerequisites WHERE step_id = ? OR requires_step_id = ?")
			.params(stepId, stepId)
			.update();
		jdbc.sql("DELETE FROM track_steps WHERE id = ? AND track_id = ?").params(stepId, trackId).update();
	}

	/** Puts the track's steps in this order (positions 0, 1, 2 …). */
	public void order(String trackId, List<String> stepIds) {
		for (int i = 0; i < stepIds.size(); i++) {
			jdbc.sql("UPDATE track_steps SET position = ? WHERE id = ? AND track_id = ?")
				.params(i, stepIds.get(i), trackId)
				.update();
		}
	}

	/** Teams with a version of their own of this track. */
	public Set<String> overriddenBy(String trackId) {
		return Set.copyOf(jdbc.sql("SELECT team_id FROM track_team_overrides WHERE track_id = ?")
			.param(trackId)
			.query(String.class)
			.list());
	}

	public void insertOverride(TrackReads.OverrideRow row) {
		jdbc.sql("INSERT INTO track_team_overrides (track_id, team_id, step_order, pacing, note, base_version, revision, "
				+ "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)")
			.params(row.trackId(), row.teamId(), row.stepOrder(), row.pacing(), row.note(), row.baseVersion(),
					row.updatedBy(), Timestamp.from(row.updatedAt()))
			.update();
	}

	/** Replaces a team's version when its revision is still {@code revision}; false when it is not. */
	public boolean updateOverride(TrackReads.OverrideRow row, int revision) {
		return jdbc.sql("UPDATE track_team_overrides SET step_order = ?, pacing = ?, note = ?, base_version = ?, "
				+ "revision = revision + 1, updated_by = ?, updated_at = ? WHERE track_id = ? AND team_id = ? AND revision = ?")
			.params(row.stepOrder(), row.pacing(), row.note(), row.baseVersion(), row.updatedBy(),
					Timestamp.from(row.updatedAt()), row.trackId(), row.teamId(), revision)
			.update() == 1;
	}

	public boolean deleteOverride(String trackId, String teamId) {
		return jdbc.sql("DELETE FROM track_team_overrides WHERE track_id = ? AND team_id = ?")
			.params(trackId, teamId)
			.update() == 1;
	}

	private static Object[] concat(Object[] values, Object... more) {
		Object[] all = Arrays.copyOf(values, values.length + more.length);
		System.arraycopy(more, 0, all, values.length, more.length);
		return all;
	}
}
