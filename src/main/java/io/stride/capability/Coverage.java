package io.stride.capability;

import java.time.LocalDate;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team coverage against targets: managers see their team tree, admins and L&D reviewers every team, everyone else
 * gets 404. Managers (and admins) set targets and act on the people closest to qualifying.
 */
@Service
@Transactional
public class Coverage {

	public static final int FORECAST_DAYS = 90;

	/** A target as set on a team, with the warning when it asks for more people than the team has. */
	public record TargetSet(Target target, int members, String warning) {
	}

	/** Coverage points over time for a team, from the weekly (and on-demand) snapshots. */
	public record TrendPoint(LocalDate takenOn, CapabilityId capabilityId, String name, int qualified, int target) {
	}

	/** Coverage on {@code on} (today when null; at most {@link #FORECAST_DAYS} ahead, 422 otherwise). */
	@Transactional(readOnly = true)
	public TeamCoverage coverage(Viewer viewer, TeamId team, LocalDate on) {
		throw new UnsupportedOperationException("not yet");
	}

	/** The matrix, optionally of one category and of capabilities in one status. */
	@Transactional(readOnly = true)
	public CapabilityMatrix matrix(Viewer viewer, TeamId team, String category, CoverageStatus status) {
		throw new UnsupportedOperationException("not yet");
	}

	/** Targets that apply to the team: its own and those inherited from the nearest team above. */
	@Transactional(readOnly = true)
	public List<Target> targets(Viewer viewer, TeamId team) {
		throw new UnsupportedOperationException("not yet");
	}

	/**
	 * Sets (or changes) the team's own target; managers of the team and admins. 422 for {@code minPeople} ≤ 0, an
	 * unknown level or a retired capability; above the team's size is allowed with a warning.
	 */
	public TargetSet setTarget(Viewer viewer, TeamId team, CapabilityId capability, int levelRank, int minPeople) {
		throw new UnsupportedOperationException("not yet");
	}

	public void removeTarget(Viewer viewer, TeamId team, CapabilityId capability) {
		throw new UnsupportedOperationException("not yet");
	}

	/** Admins and L&D reviewers; 404 for everyone else. */
	@Transactional(readOnly = true)
	public RiskReport riskReport(Viewer viewer, LocalDate on) {
		throw new UnsupportedOperationException("not yet");
	}

	/** Takes today's snapshot of the team tree (admins: of every team when {@code team} is null); how many rows. */
	public int snapshot(Viewer viewer, TeamId team) {
		throw new UnsupportedOperationException("not yet");
	}

	@Transactional(readOnly = true)
	public List<TrendPoint> trend(Viewer viewer, TeamId team) {
		throw new UnsupportedOperationException("not yet");
	}

	/**
	 * Assigns the course a person lacks for a capability (a one-person assignment); managers of the person. The
	 * course appears in the person's My learning as assigned, with the capability as the reason.
	 */
	public void assignMissingCourse(Viewer viewer, PersonId person, CapabilityId capability, CourseId course,
			LocalDate dueDate) {
		throw new UnsupportedOperationException("not yet");
	}

	/** Asks the people who may sign off the task (the person's managers, the checklist's experts) to observe it. */
	public void requestSignOff(Viewer viewer, PersonId person, CapabilityId capability, String taskId) {
		throw new UnsupportedOperationException("not yet");
	}
}
