package io.stride.tracks;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A published track changed while people follow it: added steps get their rows and release dates at once, and a step
 * someone has done cannot be removed from under them.
 */
@SpringBootTest
class PublishedTrackChangeTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Enrolments enrolments;

	@Autowired
	TrackProgress progress;

	@Autowired
	TrackDefinitions definitions;

	Org org;

	EnrolmentFixtures tracks;

	Viewer learner;

	Viewer editor;

	@BeforeEach
	void setUp() {
		org = fixtures.organization();
		tracks = new EnrolmentFixtures(jdbc);
		learner = fixtures.viewer(org.learnerA());
		// the fixture's tracks belong to no team: an admin edits them
		editor = fixtures.admin();
	}

	@Test
	void aStepAddedToAPublishedTrackIsPlannedAndOpenedForEveryoneFollowingItAtOnce() {
		TrackId track = tracks.track("Changing " + org.suffix(), false, org.managerA());
		String first = tracks.step(track, 0, StepKind.EXTERNAL, "Shadow a call");
		tracks.step(track, 1, StepKind.EXTERNAL, "Run a call");
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);
		progress.markDone(learner, enrolment.id(), first);

		TrackStep now = definitions.addStep(editor, track, null, external("Read the playbook", Pacing.ON_ENROLMENT));
		TrackStep later = definitions.addStep(editor, track, null,
				external("Coach a peer", new Pacing(PacingRule.AFTER_ENROLMENT, 10, null)));

		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertThat(row(enrolment.id(), now.id())).containsExactly("released", today.toString());
		assertThat(row(enrolment.id(), later.id())).containsExactly("waiting", today.plusDays(10).toString());
		assertThat(progress.progress(learner, enrolment.id()).total()).isEqualTo(4);
	}

	@Test
	void aStepSomeoneHasDoneIsNotRemovedAndOneNobodyDidIs() {
		TrackId track = tracks.track("Removing " + org.suffix(), false, org.managerA());
		String done = tracks.step(track, 0, StepKind.EXTERNAL, "Shadow a call");
		String open = tracks.step(track, 1, StepKind.EXTERNAL, "Run a call");
		tracks.step(track, 2, StepKind.EXTERNAL, "Lead a call");
		Enrolment enrolment = enrolments.enrol(learner, track, null, null, null);
		progress.markDone(learner, enrolment.id(), done);

		assertThatThrownBy(() -> definitions.removeStep(editor, track, done, null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("stepId"))
				.startsWith("1 person has done this step"));
		assertThat(definitions.steps(track)).extracting(TrackStep::id).contains(done);
		assertThat(row(enrolment.id(), done)).first().isEqualTo("done");

		definitions.removeStep(editor, track, open, null);
		assertThat(definitions.steps(track)).extracting(TrackStep::id).doesNotContain(open);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM track_step_progress WHERE step_id = ?").param(open)
			.query(Integer.class).single()).isZero();
		assertThat(progress.progress(learner, enrolment.id()).total()).isEqualTo(2);
	}

	private static StepDraft external(String title, Pacing pacing) {
		return new StepDraft(StepKind.EXTERNAL, title, null, null, null, null, null, null, "https://example.org/" + title
			.replace(' ', '-'), Confirmation.SELF, pacing, Set.of(), false, null);
	}

	/** The step's state for the enrolment (done, released or waiting) and its release day. */
	private List<String> row(String enrolmentId, String stepId) {
		return jdbc.sql("SELECT done_at, released_at, release_on FROM track_step_progress WHERE enrolment_id = ? AND step_id = ?")
			.params(enrolmentId, stepId)
			.query((rs, n) -> List.of(rs.getTimestamp(1) != null ? "done" : rs.getTimestamp(2) != null ? "released" : "waiting",
					String.valueOf(rs.getDate(3))))
			.single();
	}
}
