package io.stride.drafting.internal.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import io.stride.shared.Ids;
import io.stride.shared.RunsOnEveryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets recordings as drafts are forgotten: a recording no job works on any more (transcribed, or failed and not
 * tried again) goes with its transcript and files once it is as old as drafts get, and a folder no recording owns
 * (a node that stopped between writing the upload and recording it) after an hour. Idempotent, so several nodes may
 * run it.
 */
@Component
class RecordingHousekeeping {

	private static final Logger log = LoggerFactory.getLogger(RecordingHousekeeping.class);

	private static final Duration ORPHAN_AFTER = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final RecordingJobs jobs;

	private final RecordingFiles files;

	private final Duration keep;

	RecordingHousekeeping(JdbcClient jdbc, RecordingJobs jobs, RecordingFiles files,
			@Value("${stride.drafting.keep-drafts-days:30}") int keepDays) {
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.files = files;
		this.keep = Duration.ofDays(keepDays);
	}

	/*
	 * No cluster-wide lock: the recordings folder may be each node's own, and only the node holding a folder can clear
	 * it of uploads no recording owns; a lock would leave a node's orphans to whenever it happened to win. The deletes
	 * in the database are idempotent, so two nodes at once only repeat them.
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
	@RunsOnEveryNode("each node clears its own recordings folder; the database deletes are idempotent")
	void forgetOldRecordings() {
		forget(Instant.now());
	}

	void forget(Instant now) {
		List<String> old = jdbc.sql("SELECT id FROM recordings WHERE status <> ? AND updated_at < ?")
			.params(RecordingJobs.TRANSCRIBING, Timestamp.from(now.minus(keep)))
			.query(String.class)
			.list();
		for (String id : old) {
			jobs.delete(id);
			files.deleteAll(id);
		}
		if (!Files.isDirectory(files.root())) {
			return;
		}
		try (Stream<Path> folders = Files.list(files.root())) {
			for (Path folder : folders.toList()) {
				String id = folder.getFileName().toString();
				if (Ids.looksValid(id) && Files.isDirectory(folder)
						&& Files.getLastModifiedTime(folder).toInstant().isBefore(now.minus(ORPHAN_AFTER))
						&& jobs.find(id).isEmpty()) {
					files.deleteAll(id);
				}
			}
		}
		catch (IOException unreadable) {
			log.warn("Could not look for recordings' folders to clear: {}", unreadable.getMessage());
		}
	}
}
