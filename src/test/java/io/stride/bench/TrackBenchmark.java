package io.stride.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import io.stride.StrideApplication;
import io.stride.identity.NewPerson;
import io.stride.identity.OrganizationAdministration;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.identity.internal.ApiTokens;
import io.stride.shared.Ids;
import io.stride.tracks.Confirmation;
import io.stride.tracks.EnrolmentFixtures;
import io.stride.tracks.Enrolments;
import io.stride.tracks.Pacing;
import io.stride.tracks.PacingRule;
import io.stride.tracks.StepDraft;
import io.stride.tracks.StepKind;
import io.stride.tracks.StepReleaseJob;
import io.stride.tracks.TrackDefinitions;
import io.stride.tracks.TrackId;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times what issue 18 asks of enrolments on PostgreSQL: a manager's people page of a track with 500 enrolled people
 * (HTTP, p50/p95), the nightly release when every one of 100,000 active enrolments has a step whose day has come,
 * and the re-planning of those enrolments after a pacing change.
 * Runs the application on {@code STRIDE_DB_URL} (PostgreSQL: the 100,000 rows are made with generate_series). Run
 * with {@code bench/tracks.sh}; not a test.
 */
public final class TrackBenchmark {

	public static void main(String[] args) throws Exception {
		int released = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		String db = System.getenv("STRIDE_DB_URL");
		if (db == null || !db.startsWith("jdbc:postgresql:")) {
			throw new IllegalStateException("Set STRIDE_DB_URL (and _USER, _PASSWORD) to a PostgreSQL database");
		}
		ConfigurableApplicationContext app = SpringApplication.run(StrideApplication.class, "--server.port=0",
				"--spring.datasource.url=" + db, "--stride.demo-data=false", "--stride.admin.email=track-bench@bench.test",
				"--stride.admin.password=track-bench-password", "--logging.level.root=WARN", "--logging.level.io.stride.tracks=INFO",
				"--stride.tracks.release-cron=-");
		try {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			OrganizationAdministration administration = app.getBean(OrganizationAdministration.class);
			Viewer admin = administration.adminViewer("track-bench@bench.test");
			String run = Long.toString(System.nanoTime() % 1_000_000);
			EnrolmentFixtures tracks = new EnrolmentFixtures(jdbc);

			// ------------------------------------------------ a manager's people page, 500 enrolled
			TeamId team = administration.createTeam(admin, "Bench team " + run, null);
			PersonId manager = administration.createPerson(admin, new NewPerson("Bench manager " + run,
					"track-bench-manager-" + run + "@bench.test", "correct-horse-battery", Set.of(team), Set.of(team), Set.of()));
			Timestamp now = Timestamp.from(Instant.now());
			jdbc.sql("INSERT INTO people (id, name, email, active, created_at) SELECT 'tb" + run + "-' || g, "
					+ "'Person ' || g, 'tb" + run + "-' || g || '@bench.test', TRUE, ? FROM generate_series(1, 500) g")
				.param(now).update();
			jdbc.sql("INSERT INTO team_members (team_id, person_id) SELECT ?, 'tb" + run + "-' || g FROM generate_series(1, 500) g")
				.param(team.value()).update();
			TrackId track = tracks.track("Bench track " + run, false, manager);
			String[] steps = new String[6];
			for (int i = 0; i < steps.length; i++) {
				steps[i] = tracks.step(track, i, StepKind.EXTERNAL, "Step " + (i + 1));
				if (i > 0) {
					tracks.pacing(steps[i], PacingRule.AFTER_PREVIOUS, 7, null);
				}
			}
			Enrolments enrolments = app.getBean(Enrolments.class);
			Viewer boss = app.getBean(io.stride.identity.Organization.class).viewerOf(manager);
			long t0 = System.nanoTime();
			for (int i = 1; i <= 500; i++) {
				enrolments.enrol(boss, track, new PersonId("tb" + run + "-" + i), null, null);
			}
			System.out.printf("enrolled 500 people one by one: %.1f ms each%n", (System.nanoTime() - t0) / 1e6 / 500);
			// some progress: the first k steps done for person k mod 6
			jdbc.sql("UPDATE track_step_progress p SET done_at = now() - interval '3 days', done_how = 'CONFIRMED_BY_SELF' "
					+ "FROM track_enrolments e, track_steps s WHERE e.id = p.enrolment_id AND s.id = p.step_id AND e.track_id = ? "
					+ "AND s.position < (CAST(substring(e.person_id from '[0-9]+$') AS INTEGER) % 6)")
				.param(track.value()).update();
			String token = app.getBean(ApiTokens.class).issueSignInToken(manager).token();
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpClient http = HttpClient.newHttpClient();
			for (String path : new String[] { "/tracks/" + track.value() + "/people",
					"/api/v1/tracks/" + track.value() + "/enrolments" }) {
				HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Authorization", "Bearer " + token).build();
				double[] times = new double[300];
				for (int i = -100; i < times.length; i++) {
					long start = System.nanoTime();
					HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() != 200) {
						throw new IllegalStateException(path + " answered " + response.statusCode());
					}
					if (i >= 0) {
						times[i] = (System.nanoTime() - start) / 1e6;
					}
				}
				Arrays.sort(times);
				System.out.printf("GET %s (500 enrolled, 50 a page): p50 %.1f ms, p95 %.1f ms%n", path.replace(track.value(), "{id}"),
						times[times.length / 2], times[(int) (times.length * 0.95)]);
			}

			// ------------------------------------------------ the nightly release, every enrolment with a step due
			TrackId big = tracks.track("Release bench " + run, false, manager);
			String first = tracks.step(big, 0, StepKind.EXTERNAL, "Opened on enrolment");
			String due = tracks.step(big, 1, StepKind.EXTERNAL, "Due today");
			String later = tracks.step(big, 2, StepKind.EXTERNAL, "Due later");
			jdbc.sql("INSERT INTO people (id, name, email, active, created_at) SELECT 'rb" + run + "-' || g, "
					+ "'Released ' || g, 'rb" + run + "-' || g || '@bench.test', TRUE, ? FROM generate_series(1, ?) g")
				.params(now, released).update();
			jdbc.sql("INSERT INTO track_enrolments (id, track_id, person_id, status, requested_by, requested_at, enrolled_on, "
					+ "revision) SELECT 'rb" + run + "-e' || g, ?, 'rb" + run + "-' || g, 'ACTIVE', 'rb" + run + "-' || g, ?, "
					+ "CURRENT_DATE - 7, 0 FROM generate_series(1, ?) g")
				.params(big.value(), now, released).update();
			jdbc.sql("INSERT INTO track_step_progress (enrolment_id, step_id, position, release_on, released_at, done_at, done_how) "
					+ "SELECT 'rb" + run + "-e' || g, ?, 0, CURRENT_DATE - 7, ?, ?, 'CONFIRMED_BY_SELF' FROM generate_series(1, ?) g")
				.params(first, now, now, released).update();
			jdbc.sql("INSERT INTO track_step_progress (enrolment_id, step_id, position, release_on) "
					+ "SELECT 'rb" + run + "-e' || g, ?, 1, CURRENT_DATE FROM generate_series(1, ?) g")
				.params(due, released).update();
			jdbc.sql("INSERT INTO track_step_progress (enrolment_id, step_id, position, release_on) "
					+ "SELECT 'rb" + run + "-e' || g, ?, 2, CURRENT_DATE + 30 FROM generate_series(1, ?) g")
				.params(later, released).update();
			jdbc.sql("ANALYZE track_step_progress").update();
			jdbc.sql("ANALYZE track_enrolments").update();
			StepReleaseJob job = app.getBean(StepReleaseJob.class);
			long start = System.nanoTime();
			int opened = job.releaseDue();
			System.out.printf("nightly release: %d steps opened for %d enrolments in %.1f s (statements recorded, "
					+ "notices published)%n", opened, released, (System.nanoTime() - start) / 1e9);

			// ------------------------------------------------ re-planning the same enrolments after a pacing change
			// L&D moves the last step to 30 days after enrolment: every enrolment's day for it is planned again once the
			// edit is committed (TrackPacingReplanning runs after the commit, in this thread)
			start = System.nanoTime();
			app.getBean(TrackDefinitions.class).editStep(admin, big, later, null, new StepDraft(StepKind.EXTERNAL,
					"Due later", "Do it.", null, null, null, null, null, "https://example.org/programme", Confirmation.SELF,
					new Pacing(PacingRule.AFTER_ENROLMENT, 30, null), Set.of(), false, null));
			int replanned = jdbc.sql("SELECT COUNT(*) FROM track_step_progress WHERE step_id = ? AND release_on = CURRENT_DATE + 23")
				.param(later).query(Integer.class).single();
			System.out.printf("pacing change re-planned: %d of %d enrolments in %.1f s%n", replanned, released,
					(System.nanoTime() - start) / 1e9);
		}
		finally {
			app.close();
		}
	}
}
