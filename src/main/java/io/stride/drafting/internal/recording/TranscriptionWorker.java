package io.stride.drafting.internal.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.stride.drafting.SourceRejected;
import io.stride.shared.RunsOnEveryNode;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Transcribes recordings in the background, chunk by chunk, on a small pool of platform threads of its own (never a
 * request's thread). Jobs are found in the database, by a start-up pass and a poll, and taken with a lease that the
 * worker renews as it goes: a job whose node stopped (a restart, a crash) is taken up again once its lease runs out,
 * and continues with the chunks not yet done. Chunks already transcribed are never sent again.
 */
@Component
public class TranscriptionWorker {

	private static final Logger log = LoggerFactory.getLogger(TranscriptionWorker.class);

	private final RecordingJobs jobs;

	private final RecordingFiles files;

	private final Media media;

	private final TranscriptionClient client;

	private final Duration lease;

	private final int retries;

	private final Duration maxRetryWait;

	private final Duration firstBackOff;

	private final String worker = UUID.randomUUID().toString();

	private final Semaphore free;

	private final ExecutorService pool;

	private volatile boolean closing;

	private final ScheduledExecutorService heartbeat = Executors
		.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "transcribing-lease");
			thread.setDaemon(true);
			return thread;
		});

	private final Set<String> running = ConcurrentHashMap.newKeySet();

	public TranscriptionWorker(RecordingJobs jobs, RecordingFiles files, Media media, TranscriptionClient client,
			@Value("${stride.recordings.workers:1}") int workers,
			@Value("${stride.recordings.lease:PT2M}") Duration lease,
			@Value("${stride.transcription.retries:3}") int retries,
			@Value("${stride.transcription.max-retry-wait-seconds:120}") int maxRetryWaitSeconds,
			@Value("${stride.recordings.first-back-off:${stride.transcription.back-off-seconds:1}s}")
			Duration firstBackOff) {
		this.jobs = jobs;
		this.files = files;
		this.media = media;
		this.client = client;
		this.lease = lease;
		this.retries = Math.max(0, retries);
		this.maxRetryWait = Duration.ofSeconds(Math.max(1, maxRetryWaitSeconds));
		this.firstBackOff = firstBackOff;
		this.free = new Semaphore(Math.max(1, workers));
		this.pool = Executors.newFixedThreadPool(Math.max(1, workers), runnable -> {
			Thread thread = new Thread(runnable, "transcribing");
			thread.setDaemon(true);
			return thread;
		});
		// one chunk's try (up to the client's timeout) or one FFmpeg run may outlast the lease: the jobs this node
		// works on are kept for it meanwhile, and given up only when the node stops
		long beat = Math.max(100, lease.toMillis() / 3);
		this.heartbeat.scheduleWithFixedDelay(this::renewLeases, beat, beat, TimeUnit.MILLISECONDS);
	}

	private void renewLeases() {
		for (String id : running) {
			try {
				jobs.renew(id, worker, lease);
			}
			catch (RuntimeException e) {
				log.warn("Could not renew the lease on recording {}: {}", id, e.toString());
			}
		}
	}

	/** Jobs left unfinished by the last run are taken up as soon as the application is ready. */
	@EventListener(ApplicationReadyEvent.class)
	void startUp() {
		poll();
	}

	/**
	 * Looks for work at once, after an upload or a retry, instead of at the next poll; a problem here is left to the
	 * poll, as the job is stored already.
	 */
	public void wake() {
		try {
			poll();
		}
		catch (RuntimeException e) {
			log.warn("Could not start transcribing at once; the next poll will: {}", e.toString());
		}
	}

	/**
	 * Takes waiting jobs while a thread is free; safe on several nodes, as a claim is one conditional update. Every
	 * node polls (no cluster-wide lock): each fills its own worker threads, and a job whose files are on one node only
	 * is taken by that node, which a single polling node would never do.
	 */
	@Scheduled(fixedDelayString = "${stride.recordings.poll-interval:PT5S}",
			initialDelayString = "${stride.recordings.poll-interval:PT5S}")
	@RunsOnEveryNode("each node fills its own transcription threads; jobs are claimed one by one with a lease")
	public void poll() {
		if (free.availablePermits() == 0) {
			return;
		}
		List<String> waiting;
		try {
			waiting = jobs.waiting(100);
		}
		catch (RuntimeException e) {
			log.warn("Could not look for recordings to transcribe: {}", e.toString());
			return;
		}
		for (String id : waiting) {
			// a job is taken only where its files are: any node when the recordings folder is shared, else the node
			// it was uploaded to (which takes it up again after a restart)
			if (running.contains(id) || !Files.isDirectory(files.folder(id)) || !free.tryAcquire()) {
				continue;
			}
			if (!jobs.claim(id, worker, lease)) {
				free.release();
				continue;
			}
			running.add(id);
			try {
				pool.execute(() -> {
					try {
						work(id);
					}
					finally {
						running.remove(id);
						free.release();
					}
				});
			}
			catch (RuntimeException e) {
				running.remove(id);
				free.release();
				throw e;
			}
		}
	}

	/** A chunk that could not be transcribed; the job stops with the message. */
	private static final class Stopped extends RuntimeException {

		Stopped(String message) {
			super(message);
		}
	}

	/** The worker no longer holds the job (deleted, or taken over after a long stall): it leaves it alone. */
	private static final class Lost extends RuntimeException {

		Lost() {
			super(null, null, false, false);
		}
	}

	void work(String id) {
		RecordingJobs.Job job = jobs.find(id).orElse(null);
		if (job == null) {
			return;
		}
		try {
			Path wav = sound(job);
			List<Media.Chunk> chunks = jobs.chunks(id);
			if (chunks.isEmpty()) {
				stage(id, "Finding the pauses to cut the recording at");
				chunks = media.chunks(wav, job.durationMillis());
				if (!jobs.planned(id, worker, chunks)) {
					throw new Lost();
				}
			}
			Set<Integer> done = new HashSet<>(jobs.chunksDone(id));
			for (Media.Chunk chunk : chunks) {
				if (!done.contains(chunk.index())) {
					transcribe(id, wav, chunk, chunks.size());
				}
			}
			if (jobs.done(id, worker)) {
				files.deleteAudio(id);
				if (!job.keep()) {
					files.deleteOriginal(id, job.extension());
				}
			}
		}
		catch (Lost lost) {
			// deleted while it was transcribed (a chunk may have been cut since), or another node took it over
			if (jobs.find(id).isEmpty()) {
				files.deleteAll(id);
			}
		}
		catch (InterruptedException e) {
			// shutting down: the lease runs out and another run takes the job up where it stopped
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException | Error e) {
			if (closing) {
				// whatever the shutdown broke is not the recording's fault; the job is taken up again
				return;
			}
			if (e instanceof Stopped || e instanceof SourceRejected) {
				stop(id, e.getMessage());
				return;
			}
			log.error("Transcribing recording {} failed", id, e);
			stop(id, "Transcribing stopped unexpectedly. Try again; if it fails again, upload the meeting tool's "
					+ "transcript (VTT or SRT) instead.");
		}
	}

	/** The sound, extracted again from the upload when a failed job is retried (its WAV was deleted). */
	private Path sound(RecordingJobs.Job job) {
		return files.audio(job.id()).orElseGet(() -> {
			stage(job.id(), "Extracting the sound");
			Path original = files.originalIfKept(job.id(), job.extension())
				.orElseThrow(() -> new Stopped("The recording is no longer on the server; upload it again."));
			return media.audio(original, files.soundFolder(job.id()));
		});
	}

	private void transcribe(String id, Path wav, Media.Chunk chunk, int total) throws InterruptedException {
		String part = "part " + (chunk.index() + 1) + " of " + total;
		Duration backOff = firstBackOff;
		for (int attempt = 0;; attempt++) {
			stage(id, "Transcribing " + part);
			Path cut = media.cut(wav, chunk, files.partsFolder(id));
			List<TranscriptionClient.Segment> said;
			try {
				said = client.transcribe(cut);
			}
			catch (TranscriptionClient.Failure failure) {
				if (!failure.retryable() || attempt >= retries) {
					throw new Stopped("Could not transcribe " + part + ": " + failure.getMessage()
							+ (failure.retryable() ? " (tried " + (attempt + 1) + " times)" : ""));
				}
				Duration wait = failure.retryAfter() != null ? failure.retryAfter() : backOff;
				wait = wait.compareTo(maxRetryWait) > 0 ? maxRetryWait : wait;
				long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
				String why = failure.retryAfter() != null ? "the service asked us to slow down"
						: "trying " + part + " again (" + failure.getMessage() + ")";
				waitRenewing(id, wait, "Waiting " + seconds + " s: " + why);
				backOff = backOff.multipliedBy(2);
				continue;
			}
			finally {
				RecordingFiles.quietlyDelete(cut);
			}
			List<RecordingJobs.Segment> segments = new ArrayList<>();
			for (TranscriptionClient.Segment segment : said) {
				segments.add(new RecordingJobs.Segment(chunk.index(), segments.size(),
						chunk.startMillis() + segment.startMillis(), chunk.startMillis() + segment.endMillis(),
						segment.text()));
			}
			if (!jobs.transcribed(id, worker, chunk, segments)) {
				throw new Lost();
			}
			return;
		}
	}

	/** Waits as the service asked, keeping the lease so that no other node takes the job meanwhile. */
	private void waitRenewing(String id, Duration wait, String stage) throws InterruptedException {
		stage(id, stage);
		long until = System.nanoTime() + wait.toNanos();
		long step = Math.max(1, lease.toMillis() / 3);
		while (true) {
			long left = (until - System.nanoTime()) / 1_000_000;
			if (left <= 0) {
				return;
			}
			Thread.sleep(Math.min(left, step));
			stage(id, stage);
		}
	}

	private void stage(String id, String stage) {
		if (!jobs.progress(id, worker, lease, stage)) {
			throw new Lost();
		}
	}

	/** A failed job keeps its upload (to retry from) but not the extracted sound. */
	private void stop(String id, String message) {
		if (jobs.failed(id, worker, message)) {
			files.deleteAudio(id);
		}
		else if (jobs.find(id).isEmpty()) {
			// deleted while a part was being cut or sent (its files went with it): what this run recreated goes too
			files.deleteAll(id);
		}
	}

	@PreDestroy
	void shutDown() {
		closing = true;
		heartbeat.shutdownNow();
		pool.shutdownNow();
	}
}
