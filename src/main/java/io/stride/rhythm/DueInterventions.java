package io.stride.rhythm;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.rhythm.internal.DueInterventionRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open interventions by their due dates, for calendars. Checks no access: callers ask for the viewer's own or for
 * teams they may see.
 */
@Service
@Transactional(readOnly = true)
public class DueInterventions {

	/** At most this many are listed per call. */
	static final int LIMIT = 500;

	private final DueInterventionRows rows;

	DueInterventions(DueInterventionRows rows) {
		this.rows = rows;
	}

	/** An open intervention due on {@code dueOn}; {@code description} is what it says to do. */
	public record Due(InterventionId id, SessionId session, TeamId team, InterventionKind kind, PersonId owner,
			String description, LocalDate dueOn) {
	}

	/**
	 * Open interventions the person owns or that name them (to pair with, or a goal proposed to them), due from
	 * {@code from} to {@code to} (both inclusive), by due date.
	 */
	public List<Due> addressedTo(PersonId person, LocalDate from, LocalDate to) {
		return rows.addressedTo(person.value(), from, to, LIMIT).stream().map(DueInterventions::due).toList();
	}

	/** Open interventions of these teams, due from {@code from} to {@code to} (both inclusive), by due date. */
	public List<Due> ofTeams(Collection<TeamId> teams, LocalDate from, LocalDate to) {
		if (teams.isEmpty()) {
			return List.of();
		}
		return rows.ofTeams(teams.stream().map(TeamId::value).distinct().toList(), from, to, LIMIT)
			.stream()
			.map(DueInterventions::due)
			.toList();
	}

	private static Due due(DueInterventionRows.Row r) {
		return new Due(new InterventionId(r.id()), new SessionId(r.sessionId()), new TeamId(r.teamId()),
				InterventionKind.valueOf(r.kind()), new PersonId(r.ownerId()), r.description(), r.dueOn());
	}
}
