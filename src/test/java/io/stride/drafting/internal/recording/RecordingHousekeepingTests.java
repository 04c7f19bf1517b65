package io.stride.drafting.internal.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.stride.shared.Ids;
import io.stride.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Recordings don't stay on disk or in the database for ever: they go as their drafts go. */
@SpringBootTest(properties = "stride.recordings.dir=target/recordings-housekeeping-tests")
class RecordingHousekeepingTests {

	@Autowired
	RecordingHousekeeping housekeeping;

	@Autowired
	RecordingJobs jobs;

	@Autowired
	RecordingFiles files;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Test
	void oldFinishedOrFailedRecordingsAndFoldersNoRecordingOwnsAreForgottenButNotOnesUnderWay() throws Exception {
		Fixtures.Org org = fixtures.organization();
		Instant now = Instant.now();
		String failed = recording(org, RecordingJobs.FAILED, now.minus(Duration.ofDays(31)));
		String transcribed = recording(org, RecordingJobs.TRANSCRIBED, now.minus(Duration.ofDays(31)));
		String recent = recording(org, RecordingJobs.FAILED, now.minus(Duration.ofDays(2)));
		String underWay = recording(org, RecordingJobs.TRANSCRIBING, now.minus(Duration.ofDays(40)));
		String orphan = Ids.newId();
		Files.writeString(files.newFolder(orphan).resolve("original.mp4"), "left by a node that stopped");
		Files.setLastModifiedTime(files.folder(orphan), FileTime.from(now.minus(Duration.ofHours(2))));
		String fresh = Ids.newId();
		Files.writeString(files.newFolder(fresh).resolve("original.mp4"), "being uploaded right now");

		housekeeping.forget(now);

		assertThat(jobs.find(failed)).isEmpty();
		assertThat(jobs.find(transcribed)).isEmpty();
		assertThat(files.folder(failed)).doesNotExist();
		assertThat(files.folder(transcribed)).doesNotExist();
		assertThat(jobs.find(recent)).isPresent();
		assertThat(files.folder(recent).resolve("original.mp4")).exists();
		assertThat(jobs.find(underWay)).as("a job being worked on is never forgotten").isPresent();
		assertThat(files.folder(orphan)).doesNotExist();
		assertThat(files.folder(fresh)).as("an upload under way has no row yet").exists();
		files.deleteAll(fresh);
	}

	private String recording(Fixtures.Org org, String status, Instant updated) throws Exception {
		String id = Ids.newId();
		Path folder = files.newFolder(id);
		Files.writeString(folder.resolve("original.mp4"), "sound");
		jobs.insert(id, org.learnerA(), "call.mp4", "mp4", 60_000, false);
		jdbc.sql("UPDATE recordings SET status = ?, updated_at = ? WHERE id = ?")
			.params(status, Timestamp.from(updated), id)
			.update();
		return id;
	}
}
