package io.stride.tracks.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.tracks.Enrolment;
import io.stride.tracks.EnrolmentStatus;
import io.stride.tracks.TrackId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Enrolments as stored; status changes are conditional on the revision read, so a second decision is caught. */
@Repository
public class EnrolmentRows {

	private static final String COLUMNS = "SELECT id, track_id, person_id, team_id, status, requested_by, requested_at, "
			+ "request_note, decided_by, decided_at, decision_reason, enrolled_on, completed_at, revision FROM track_enrolments ";

	private final JdbcClient jdbc;

	public EnrolmentRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Enrolment> find(String id) {
		return jdbc.sql(COLUMNS + "WHERE id = ?").param(id).query(EnrolmentRows::row).optional();
	}

	/** The row, locked for the rest of the transaction. */
	public Optional<Enrolment> lock(String id) {
		return jdbc.sql(COLUMNS + "WHERE id = ? FOR UPDATE").param(id).query(EnrolmentRows::row).optional();
	}

	/** Locks the active enrolments among these (in id order, as single locks are taken one at a time). */
	public List<Enrolment> lockActive(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + "WHERE id IN (:ids) AND status = 'ACTIVE' ORDER BY id FOR UPDATE")
			.param("ids", List.copyOf(ids))
			.query(EnrolmentRows::row)
			.list();
	}

	public Optional<Enrolment> of(TrackId track, PersonId person) {
		return jdbc.sql(COLUMNS + "WHERE track_id = ? AND person_id = ?")
			.params(track.value(), person.value())
			.query(EnrolmentRows::row)
			.optional();
	}

	public List<Enrolment> ofPerson(PersonId person) {
		return jdbc.sql(COLUMNS + "WHERE person_id = ? ORDER BY requested_at DESC, id").param(person.value())
			.query(EnrolmentRows::row).list();
	}

	/** Enrolments of one track; of these people only, unless {@code people} is null (everyone). */
	public List<Enrolment> ofTrack(TrackId track, Collection<PersonId> people) {
		if (people != null && people.isEmpty()) {
			return List.of();
		}
		var spec = jdbc.sql(COLUMNS + "WHERE track_id = :track" + (people == null ? "" : " AND person_id IN (:people)")
				+ " ORDER BY requested_at, id")
			.param("track", track.value());
		if (people != null) {
			spec = spec.param("people", people.stream().map(PersonId::value).toList());
		}
		return spec.query(EnrolmentRows::row).list();
	}

	/** Active enrolments of a track with an id after {@code afterId}, by id, at most {@code limit}: a batch. */
	public List<Enrolment> activeOfTrack(TrackId track, String afterId, int limit) {
		return jdbc.sql(COLUMNS + "WHERE track_id = ? AND status = 'ACTIVE' AND id > ? ORDER BY id FETCH FIRST " + limit
				+ " ROWS ONLY")
			.params(track.value(), afterId)
			.query(EnrolmentRows::row)
			.list();
	}

	/** Enrolments under way of these people, oldest first. */
	public List<Enrolment> activeOf(Collection<PersonId> people) {
		if (people.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + "WHERE status = 'ACTIVE' AND person_id IN (:people) ORDER BY requested_at, id")
			.param("people", people.stream().map(PersonId::value).toList())
			.query(EnrolmentRows::row)
			.list();
	}

	/** Requests waiting for a decision, oldest first; of these people only, unless {@code people} is null. */
	public List<Enrolment> waiting(Collection<PersonId> people) {
		if (people != null && people.isEmpty()) {
			return List.of();
		}
		var spec = jdbc.sql(COLUMNS + "WHERE status = 'REQUESTED'" + (people == null ? "" : " AND person_id IN (:people)")
				+ " ORDER BY requested_at, id");
		if (people != null) {
			spec = spec.param("people", people.stream().map(PersonId::value).toList());
		}
		return spec.query(EnrolmentRows::row).list();
	}

	/** For each of these tracks, the viewer's enrolment status. */
	public Map<String, EnrolmentStatus> statusesOf(PersonId person) {
		Map<String, EnrolmentStatus> statuses = new HashMap<>();
		jdbc.sql("SELECT track_id, status FROM track_enrolments WHERE person_id = ?").param(person.value())
			.query((ResultSet rs) -> {
				statuses.put(rs.getString(1), EnrolmentStatus.valueOf(rs.getString(2)));
			});
		return statuses;
	}

	public void insert(Enrolment e) {
		jdbc.sql("INSERT INTO track_enrolments (id, track_id, person_id, team_id, status, requested_by, requested_at, "
				+ "request_note, enrolled_on, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
			.params(e.id(), e.trackId().value(), e.personId().value(), e.team() == null ? null : e.team().value(),
					e.status().name(), e.requestedBy().value(), Timestamp.from(e.requestedAt()), e.requestNote(),
					e.enrolledOn() == null ? null : Date.valueOf(e.enrolledOn()))
			.update();
	}

	/** Starts a declined or withdrawn enrolment afresh (the audit log keeps what it was). */
	public boolean restart(Enrolment was, EnrolmentStatus status, TeamId team, PersonId by, Instant at, String note,
			LocalDate enrolledOn) {
		return jdbc.sql("UPDATE track_enrolments SET status = ?, team_id = ?, requested_by = ?, requested_at = ?, "
				+ "request_note = ?, decided_by = NULL, decided_at = NULL, decision_reason = NULL, enrolled_on = ?, "
				+ "completed_at = NULL, revision = revision + 1 WHERE id = ? AND revision = ?")
			.params(status.name(), team == null ? null : team.value(), by.value(), Timestamp.from(at), note,
					enrolledOn == null ? null : Date.valueOf(enrolledOn), was.id(), was.revision())
			.update() == 1;
	}

	/** Approves or declines a request read at {@code revision}; false when it changed since. */
	public boolean decide(Enrolment was, EnrolmentStatus status, PersonId by, Instant at, String reason,
			LocalDate enrolledOn) {
		return jdbc.sql("UPDATE track_enrolments SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?, "
				+ "enrolled_on = ?, revision = revision + 1 WHERE id = ? AND revision = ? AND status = 'REQUESTED'")
			.params(status.name(), by.value(), Timestamp.from(at), reason,
					enrolledOn == null ? null : Date.valueOf(enrolledOn), was.id(), was.revision())
			.update() == 1;
	}

	public boolean withdraw(Enrolment was) {
		return jdbc.sql("UPDATE track_enrolments SET status = 'WITHDRAWN', revision = revision + 1 "
				+ "WHERE id = ? AND revision = ? AND status IN ('REQUESTED', 'ACTIVE')")
			.params(was.id(), was.revision())
			.update() == 1;
	}

	/** Marks an active enrolment completed; false when it was not active (completed already). */
	public boolean complete(String id, Instant at) {
		return jdbc.sql("UPDATE track_enrolments SET status = 'COMPLETED', completed_at = ?, revision = revision + 1 "
				+ "WHERE id = ? AND status = 'ACTIVE'")
			.params(Timestamp.from(at), id)
			.update() == 1;
	}

	/**
	 * Published tracks, by title, for the list (their definitions are read through TrackDefinitions): the
	 * organization's and those owned by one of {@code ownerTeams}; every one when {@code ownerTeams} is null.
	 */
	public List<TrackId> publishedTracks(Collection<TeamId> ownerTeams) {
		if (ownerTeams == null) {
			return jdbc.sql("SELECT id FROM tracks WHERE status = 'PUBLISHED' ORDER BY LOWER(title), id")
				.query((rs, n) -> new TrackId(rs.getString(1)))
				.list();
		}
		String teams = ownerTeams.isEmpty() ? "" : " OR owner_team_id IN (:teams)";
		var spec = jdbc.sql("SELECT id FROM tracks WHERE status = 'PUBLISHED' AND (owner_team_id IS NULL" + teams
				+ ") ORDER BY LOWER(title), id");
		if (!ownerTeams.isEmpty()) {
			spec = spec.param("teams", ownerTeams.stream().map(TeamId::value).toList());
		}
		return spec.query((rs, n) -> new TrackId(rs.getString(1))).list();
	}

	private static Enrolment row(ResultSet rs, int n) throws SQLException {
		String team = rs.getString(4);
		String decidedBy = rs.getString(9);
		Timestamp decidedAt = rs.getTimestamp(10);
		Date enrolledOn = rs.getDate(12);
		Timestamp completedAt = rs.getTimestamp(13);
		return new Enrolment(rs.getString(1), new TrackId(rs.getString(2)), new PersonId(rs.getString(3)),
				team == null ? null : new TeamId(team), EnrolmentStatus.valueOf(rs.getString(5)),
				new PersonId(rs.getString(6)), rs.getTimestamp(7).toInstant(), rs.getString(8),
				decidedBy == null ? null : new PersonId(decidedBy), decidedAt == null ? null : decidedAt.toInstant(),
				rs.getString(11), enrolledOn == null ? null : enrolledOn.toLocalDate(),
				completedAt == null ? null : completedAt.toInstant(), rs.getInt(14));
	}
}
