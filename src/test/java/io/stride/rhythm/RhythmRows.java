package io.stride.rhythm;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rituals, gaps and interventions as rows, for tests of what reads them (pre-reads, history): the rituals' own
 * services are built beside these tests. Sessions come from {@link RitualSchedule#prepare}.
 */
@Component
public class RhythmRows {

	private final JdbcClient jdbc;

	RhythmRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A weekly ritual of the team in UTC, first meeting at {@code firstStartsAt}. */
	public RitualId weekly(TeamId team, String name, RitualKind kind, Instant firstStartsAt, int preReadHours,
			PersonId by) {
		String id = Ids.newId();
		Timestamp now = Timestamp.from(firstStartsAt);
		jdbc.sql("INSERT INTO rituals (id, team_id, kind, name, cadence, first_starts_at, time_zone, duration_minutes, "
				+ "agenda_minutes, agenda_note, pre_read_hours, revision, created_by, created_at, updated_at) "
				+ "VALUES (?, ?, ?, ?, 'WEEKLY', ?, 'UTC', 60, 15, '', ?, 1, ?, ?, ?)")
			.params(id, team.value(), kind.name(), name, Timestamp.from(firstStartsAt), preReadHours, by.value(), now, now)
			.update();
		return new RitualId(id);
	}

	public String gap(SessionId session, CapabilityId capability, String note, PersonId by, PersonId... people) {
		String id = Ids.newId();
		jdbc.sql("INSERT INTO session_gaps (id, session_id, capability_id, note, created_by, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, session.value(), capability.value(), note, by.value(), Timestamp.from(Instant.now()))
			.update();
		for (PersonId p : people) {
			jdbc.sql("INSERT INTO session_gap_people (gap_id, person_id) VALUES (?, ?)").params(id, p.value()).update();
		}
		return id;
	}

	/** An intervention with what coverage and the indicator were when it was recorded. */
	public InterventionId intervention(SessionId session, TeamId team, int position, InterventionKind kind,
			CapabilityId capability, PersonId owner, LocalDate dueOn, String metricId, String description, String status,
			Integer holdersBefore, Double metricBefore) {
		String id = Ids.newId();
		jdbc.sql("INSERT INTO interventions (id, session_id, team_id, position, kind, capability_id, owner_id, due_on, "
				+ "metric_id, description, status, holders_before, metric_before, revision, created_by, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")
			.params(id, session.value(), team.value(), position, kind.name(), capability.value(), owner.value(),
					Date.valueOf(dueOn), metricId, description, status, holdersBefore,
					metricBefore == null ? null : BigDecimal.valueOf(metricBefore), owner.value(),
					Timestamp.from(Instant.now()))
			.update();
		return new InterventionId(id);
	}

	/** Marks the session held when it started (the pre-read reviews the last session held). */
	public void held(SessionId session) {
		jdbc.sql("UPDATE ritual_sessions SET status = 'HELD', held_at = starts_at WHERE id = ?")
			.param(session.value())
			.update();
	}

	public Instant preReadSentAt(SessionId session) {
		Timestamp at = jdbc.sql("SELECT pre_read_sent_at FROM ritual_sessions WHERE id = ?")
			.param(session.value())
			.query(Timestamp.class)
			.single();
		return at == null ? null : at.toInstant();
	}
}
