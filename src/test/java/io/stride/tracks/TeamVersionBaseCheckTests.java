package io.stride.tracks;

import java.util.Set;

import io.stride.shared.InvalidInputException;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A change to the base that a team's version would break is refused, naming the team; nothing is saved. */
@SpringBootTest
class TeamVersionBaseCheckTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TrackDefinitions definitions;

	Org org;

	EnrolmentFixtures tracks;

	@BeforeEach
	void setUp() {
		org = fixtures.organization();
		tracks = new EnrolmentFixtures(jdbc);
	}

	@Test
	void aPrerequisiteTheTeamsOrderWouldBreakIsRefusedNamingTheTeam() {
		TrackId track = tracks.track("Checked " + org.suffix(), false, org.managerA());
		String basics = tracks.step(track, 0, StepKind.EXTERNAL, "Basics");
		String certification = tracks.step(track, 1, StepKind.EXTERNAL, "Certification");
		tracks.teamOrder(track, org.teamA(), org.managerA(), certification, basics);
		int revision = definitions.find(track).orElseThrow().revision();

		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
				() -> definitions.editStep(fixtures.admin(), track, certification, null, draft("Certification", Set.of(basics))));
		assertThat(refused.fieldErrors()).containsOnlyKeys("teams");
		assertThat(refused.fieldErrors().get("teams")).contains("Team A " + org.suffix()).contains("Certification")
			.contains("Basics");
		assertThat(definitions.steps(track).get(1).prerequisites()).isEmpty();
		assertThat(definitions.find(track).orElseThrow().revision()).isEqualTo(revision);

		// a team whose order keeps the prerequisite first does not stand in the way
		jdbc.sql("UPDATE track_team_overrides SET step_order = ? WHERE track_id = ?")
			.params("[\"" + basics + "\",\"" + certification + "\"]", track.value()).update();
		definitions.editStep(fixtures.admin(), track, certification, null, draft("Certification", Set.of(basics)));
		assertThat(definitions.steps(track).get(1).prerequisites()).containsExactly(basics);
	}

	private static StepDraft draft(String title, Set<String> prerequisites) {
		return new StepDraft(StepKind.EXTERNAL, title, "Do it.", null, null, null, null, null, "https://example.org/programme",
				Confirmation.SELF, null, prerequisites, false, null);
	}
}
