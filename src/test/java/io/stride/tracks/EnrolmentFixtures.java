package io.stride.tracks;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tracks and steps written straight into their tables: slice 3 owns writing tracks, so enrolment tests make the
 * tracks they need with SQL and read them through {@link TrackDefinitions} like the application does.
 */
public final class EnrolmentFixtures {

	private final JdbcClient jdbc;

	public EnrolmentFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A published track, open or high-investment. */
	public TrackId track(String title, boolean highInvestment, PersonId by) {
		return track(title, highInvestment, TrackStatus.PUBLISHED, by);
	}

	public TrackId track(String title, boolean highInvestment, TrackStatus status, PersonId by) {
		String id = Ids.newId();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("INSERT INTO tracks (id, title, description, role_family, high_investment, investment_note, status, "
				+ "version, revision, created_by, created_at, updated_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?, ?, ?)")
			.params(id, title, "What " + title + " builds.", "Customer Success", highInvestment,
					highInvestment ? "An external certification: 2,000 EUR and three days away." : null, status.name(),
					by.value(), now, now, status == TrackStatus.PUBLISHED ? now : null)
			.update();
		return new TrackId(id);
	}

	/** A step at {@code position}, opening when the person enrols. */
	public String step(TrackId track, int position, StepKind kind, String title) {
		String id = Ids.newId();
		jdbc.sql("INSERT INTO track_steps (id, track_id, position, kind, title, description, pacing, high_investment) "
				+ "VALUES (?, ?, ?, ?, ?, ?, 'ON_ENROLMENT', FALSE)")
			.params(id, track.value(), position, kind.name(), title, "Do " + title + ".")
			.update();
		if (kind == StepKind.EXTERNAL) {
			jdbc.sql("UPDATE track_steps SET external_url = 'https://example.org/programme', confirmation = 'SELF' WHERE id = ?")
				.param(id).update();
		}
		return id;
	}

	public String courseStep(TrackId track, int position, String title, String courseId) {
		String id = step(track, position, StepKind.COURSE, title);
		jdbc.sql("UPDATE track_steps SET course_id = ? WHERE id = ?").params(courseId, id).update();
		return id;
	}

	public String componentStep(TrackId track, int position, String title, String lessonId) {
		String id = step(track, position, StepKind.COMPONENT, title);
		jdbc.sql("UPDATE track_steps SET component_id = ? WHERE id = ?").params(lessonId, id).update();
		return id;
	}

	/** An observed task: done when the mastery checklist task it names is signed off for the person. */
	public String observedTaskStep(TrackId track, int position, String title, String checklistTaskId) {
		String id = step(track, position, StepKind.OBSERVED_TASK, title);
		jdbc.sql("UPDATE track_steps SET checklist_task_id = ? WHERE id = ?").params(checklistTaskId, id).update();
		return id;
	}

	/** A goal suggestion: done when a goal saying {@code goalText}, or naming the capability, is closed as learned. */
	public String goalStep(TrackId track, int position, String goalText, String capabilityId) {
		String id = step(track, position, StepKind.GOAL_SUGGESTION, goalText);
		jdbc.sql("UPDATE track_steps SET goal_text = ?, capability_id = ? WHERE id = ?").params(goalText, capabilityId, id)
			.update();
		return id;
	}

	public void pacing(String stepId, PacingRule rule, Integer days, LocalDate releaseOn) {
		jdbc.sql("UPDATE track_steps SET pacing = ?, pacing_days = ?, release_on = ? WHERE id = ?")
			.params(rule.name(), days, releaseOn == null ? null : java.sql.Date.valueOf(releaseOn), stepId)
			.update();
	}

	public void confirmation(String stepId, Confirmation confirmation) {
		jdbc.sql("UPDATE track_steps SET confirmation = ? WHERE id = ?").params(confirmation.name(), stepId).update();
	}

	public void requires(String stepId, String requiredStepId) {
		jdbc.sql("INSERT INTO track_step_prerequisites (step_id, requires_step_id) VALUES (?, ?)")
			.params(stepId, requiredStepId)
			.update();
	}

	/** Makes a step high-investment (a certification): when its turn comes, it waits for the manager's approval. */
	public void highInvestment(String stepId) {
		jdbc.sql("UPDATE track_steps SET high_investment = TRUE WHERE id = ?").param(stepId).update();
	}

	/** Where each step of an enrolment stands, in the order the person follows them. */
	public static List<TrackProgress.State> states(TrackProgress progress, Viewer viewer, Enrolment enrolment) {
		return progress.progress(viewer, enrolment.id()).steps().stream().map(TrackProgress.StepProgress::state).toList();
	}

	/** When a step opened for an enrolment, or null while it is closed. */
	public Timestamp releasedAt(String enrolmentId, String stepId) {
		return jdbc.sql("SELECT released_at FROM track_step_progress WHERE enrolment_id = ? AND step_id = ?")
			.params(enrolmentId, stepId).query((rs, n) -> rs.getTimestamp(1)).list().get(0);
	}

	/** The steps open (or done) for an enrolment. */
	public List<String> opened(String enrolmentId) {
		return jdbc.sql("SELECT step_id FROM track_step_progress WHERE enrolment_id = ? AND released_at IS NOT NULL")
			.param(enrolmentId).query(String.class).list();
	}

	/** How many notifications with this subject a person has. */
	public int notices(PersonId person, String subject) {
		return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE person_id = ? AND subject = ?")
			.params(person.value(), subject).query(Integer.class).single();
	}

	/** A team's version: its own order of the steps. */
	public void teamOrder(TrackId track, io.stride.identity.TeamId team, PersonId by, String... stepIds) {
		jdbc.sql("INSERT INTO track_team_overrides (track_id, team_id, step_order, pacing, base_version, revision, "
				+ "updated_by, updated_at) VALUES (?, ?, ?, '{}', 1, 0, ?, ?)")
			.params(track.value(), team.value(), "[\"" + String.join("\",\"", stepIds) + "\"]", by.value(),
					Timestamp.from(Instant.now()))
			.update();
	}
}
