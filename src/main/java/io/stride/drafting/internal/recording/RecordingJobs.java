package io.stride.drafting.internal.recording;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.stride.identity.PersonId;
import io.stride.shared.ControlCharacters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recordings and their transcription jobs: the job, its chunks and the transcript's segments. A worker changes a job
 * only while it holds the lease (claimed_by and claimed_until), so two nodes never work on the same job.
 */
@Repository
public class RecordingJobs {

	public static final String TRANSCRIBING = "TRANSCRIBING";

	public static final String TRANSCRIBED = "TRANSCRIBED";

	public static final String FAILED = "FAILED";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	public RecordingJobs(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	public record Job(String id, PersonId owner, String fileName, String extension, long durationMillis, boolean keep,
			String status, int chunksTotal, int chunksDone, String stage, String error, String draftId) {

		public boolean transcribing() {
			return TRANSCRIBING.equals(status);
		}

		public boolean transcribed() {
			return TRANSCRIBED.equals(status);
		}
	}

	public record Segment(int chunk, int position, long startMillis, long endMillis, String text, int version) {

		public Segment(int chunk, int position, long startMillis, long endMillis, String text) {
			this(chunk, position, startMillis, endMillis, text, 0);
		}
	}

	public void insert(String id, PersonId owner, String fileName, String extension, long durationMillis, boolean keep) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("INSERT INTO recordings (id, owner_id, file_name, extension, duration_millis, keep_recording, status, "
				+ "chunks_total, chunks_done, stage, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?)")
			.params(id, owner.value(), fileName, extension, durationMillis, keep, TRANSCRIBING, "Waiting for its turn",
					now, now)
			.update();
	}

	public Optional<Job> find(String id) {
		return jdbc.sql("SELECT id, owner_id, file_name, extension, duration_millis, keep_recording, status, chunks_total, "
				+ "chunks_done, stage, error, draft_id FROM recordings WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Job(rs.getString(1), new PersonId(rs.getString(2)), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getBoolean(6), rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getString(10),
					rs.getString(11), rs.getString(12)))
			.optional();
	}

	/** Recordings a person has being transcribed now, on any node. */
	public int transcribing(PersonId owner) {
		return jdbc.sql("SELECT COUNT(*) FROM recordings WHERE owner_id = ? AND status = ?")
			.params(owner.value(), TRANSCRIBING)
			.query(Integer.class)
			.single();
	}

	/** Jobs no worker holds: new ones, and those whose worker stopped renewing its lease (a crash, a restart). */
	public List<String> waiting(int limit) {
		return jdbc.sql("SELECT id FROM recordings WHERE status = ? AND (claimed_until IS NULL OR claimed_until < ?) "
				+ "ORDER BY created_at LIMIT ?")
			.params(TRANSCRIBING, Timestamp.from(Instant.now()), limit)
			.query(String.class)
			.list();
	}

	/**
	 * Takes a job for a worker, in one conditional update so that of several nodes trying at once exactly one
	 * succeeds; true when this worker has it.
	 */
	public boolean claim(String id, String worker, Duration lease) {
		Instant now = Instant.now();
		return jdbc.sql("UPDATE recordings SET claimed_by = ?, claimed_until = ? WHERE id = ? AND status = ? "
				+ "AND (claimed_until IS NULL OR claimed_until < ?)")
			.params(worker, Timestamp.from(now.plus(lease)), id, TRANSCRIBING, Timestamp.from(now))
			.update() == 1;
	}

	/** Keeps the job for another lease and shows where it is; false when the worker lost it (deleted, taken over). */
	public boolean progress(String id, String worker, Duration lease, String stage) {
		Instant now = Instant.now();
		return jdbc.sql("UPDATE recordings SET claimed_until = ?, stage = ?, updated_at = ? WHERE id = ? AND claimed_by = ? "
				+ "AND status = ?")
			.params(Timestamp.from(now.plus(lease)), stage, Timestamp.from(now), id, worker, TRANSCRIBING)
			.update() == 1;
	}

	/** Keeps the job for another lease while the worker is busy with it (a long chunk, a long FFmpeg run). */
	public boolean renew(String id, String worker, Duration lease) {
		return jdbc.sql("UPDATE recordings SET claimed_until = ? WHERE id = ? AND claimed_by = ? AND status = ?")
			.params(Timestamp.from(Instant.now().plus(lease)), id, worker, TRANSCRIBING)
			.update() == 1;
	}

	public List<Media.Chunk> chunks(String id) {
		return jdbc.sql("SELECT chunk_index, start_millis, end_millis FROM recording_chunks WHERE recording_id = ? "
				+ "ORDER BY chunk_index")
			.param(id)
			.query((rs, n) -> new Media.Chunk(rs.getInt(1), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	public List<Integer> chunksDone(String id) {
		return jdbc.sql("SELECT chunk_index FROM recording_chunks WHERE recording_id = ? AND done = TRUE ORDER BY chunk_index")
			.param(id)
			.query(Integer.class)
			.list();
	}

	/** The plan of chunks, once: a job taken up again keeps the plan it had. */
	public boolean planned(String id, String worker, List<Media.Chunk> chunks) {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			int held = jdbc.sql("UPDATE recordings SET chunks_total = ? WHERE id = ? AND claimed_by = ? AND chunks_total = 0")
				.params(chunks.size(), id, worker)
				.update();
			if (held == 0) {
				return false;
			}
			for (Media.Chunk chunk : chunks) {
				jdbc.sql("INSERT INTO recording_chunks (recording_id, chunk_index, start_millis, end_millis, done) "
						+ "VALUES (?, ?, ?, ?, FALSE)")
					.params(id, chunk.index(), chunk.startMillis(), chunk.endMillis())
					.update();
			}
			return true;
		}));
	}

	/**
	 * A chunk's segments, with times from the recording's start, stored together with the chunk counted as done; false
	 * (and nothing stored) when the worker no longer holds the job.
	 */
	public boolean transcribed(String id, String worker, Media.Chunk chunk, List<Segment> segments) {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			int held = jdbc.sql("UPDATE recording_chunks SET done = TRUE WHERE recording_id = ? AND chunk_index = ? "
					+ "AND done = FALSE AND EXISTS (SELECT 1 FROM recordings WHERE id = ? AND claimed_by = ? AND status = ?)")
				.params(id, chunk.index(), id, worker, TRANSCRIBING)
				.update();
			if (held == 0) {
				return false;
			}
			for (Segment segment : segments) {
				jdbc.sql("INSERT INTO recording_segments (recording_id, chunk_index, position, start_millis, end_millis, text) "
						+ "VALUES (?, ?, ?, ?, ?, ?)")
					.params(id, chunk.index(), segment.position(), segment.startMillis(), segment.endMillis(),
							clip(segment.text(), 4000))
					.update();
			}
			jdbc.sql("UPDATE recordings SET chunks_done = chunks_done + 1, updated_at = ? WHERE id = ?")
				.params(Timestamp.from(Instant.now()), id)
				.update();
			return true;
		}));
	}

	public boolean done(String id, String worker) {
		return jdbc.sql("UPDATE recordings SET status = ?, stage = 'Transcribed', claimed_by = NULL, claimed_until = NULL, "
				+ "updated_at = ? WHERE id = ? AND claimed_by = ? AND status = ?")
			.params(TRANSCRIBED, Timestamp.from(Instant.now()), id, worker, TRANSCRIBING)
			.update() == 1;
	}

	public boolean failed(String id, String worker, String error) {
		return jdbc.sql("UPDATE recordings SET status = ?, stage = 'Stopped', error = ?, claimed_by = NULL, "
				+ "claimed_until = NULL, updated_at = ? WHERE id = ? AND claimed_by = ? AND status = ?")
			.params(FAILED, clip(error, 2000), Timestamp.from(Instant.now()), id, worker, TRANSCRIBING)
			.update() == 1;
	}

	/** A failed job, waiting again to be taken up where it stopped; false when it had not failed. */
	public boolean resume(String id) {
		return jdbc.sql("UPDATE recordings SET status = ?, stage = 'Waiting for its turn', error = NULL, claimed_by = NULL, "
				+ "claimed_until = NULL, updated_at = ? WHERE id = ? AND status = ?")
			.params(TRANSCRIBING, Timestamp.from(Instant.now()), id, FAILED)
			.update() == 1;
	}

	public List<Segment> segments(String id) {
		return jdbc.sql("SELECT chunk_index, position, start_millis, end_millis, text, version FROM recording_segments "
				+ "WHERE recording_id = ? ORDER BY chunk_index, position")
			.param(id)
			.query((rs, n) -> new Segment(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
					rs.getInt(6)))
			.list();
	}

	/** The segment's new words, unless it was corrected since {@code version}; false then, and nothing written. */
	public boolean correct(String id, Segment segment, int version, String text) {
		return jdbc.sql("UPDATE recording_segments SET text = ?, version = version + 1 WHERE recording_id = ? "
				+ "AND chunk_index = ? AND position = ? AND version = ?")
			.params(text, id, segment.chunk(), segment.position(), version)
			.update() == 1;
	}

	/** Notes the draft made from the recording, on both sides: the draft page finds the recording to play. */
	public void drafted(String id, String draftId) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("UPDATE recordings SET draft_id = ?, updated_at = ? WHERE id = ?")
				.params(draftId, Timestamp.from(Instant.now()), id)
				.update();
			// only while the recording is there: one deleted meanwhile (another tab) leaves the draft unlinked
			jdbc.sql("UPDATE drafts SET recording_id = ? WHERE id = ? AND EXISTS (SELECT 1 FROM recordings WHERE id = ?)")
				.params(id, draftId, id)
				.update();
		});
	}

	public Optional<String> recordingOf(String draftId) {
		return jdbc.sql("SELECT recording_id FROM drafts WHERE id = ? AND recording_id IS NOT NULL")
			.param(draftId)
			.query(String.class)
			.optional();
	}

	/** The recording's rows, chunks and segments with it; its drafts stay, no longer pointing to it. */
	public void delete(String id) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("UPDATE drafts SET recording_id = NULL WHERE recording_id = ?").param(id).update();
			jdbc.sql("DELETE FROM recording_segments WHERE recording_id = ?").param(id).update();
			jdbc.sql("DELETE FROM recording_chunks WHERE recording_id = ?").param(id).update();
			jdbc.sql("DELETE FROM recordings WHERE id = ?").param(id).update();
		});
	}

	/**
	 * At most {@code max} characters, cut between two characters (never inside one) and without control characters,
	 * which a transcription service may send and PostgreSQL would refuse to store (NUL).
	 */
	private static String clip(String text, int max) {
		String clean = ControlCharacters.in(text) ? text.replaceAll("[\\p{Cc}&&[^\\t\\n]]", " ") : text;
		if (clean.length() <= max) {
			return clean;
		}
		int end = Character.isHighSurrogate(clean.charAt(max - 1)) ? max - 1 : max;
		return clean.substring(0, end);
	}
}
