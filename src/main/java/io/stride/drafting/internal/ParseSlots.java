package io.stride.drafting.internal;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.stride.drafting.SourceRejected;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many documents this node parses at once. Parsing an office file or a PDF takes a core and can take hundreds of
 * megabytes, so a few at a time keep pages fast for everyone else; the next ones wait their turn for a while, in
 * order, and past that (or when too many already wait) are told to come back later.
 */
@Component
public class ParseSlots {

	/** What a refused upload is told to wait: a parse that fills a slot rarely takes longer. */
	public static final int RETRY_AFTER_SECONDS = 30;

	private final Semaphore slots;

	private final int size;

	private final long waitSeconds;

	private final int maxWaiting;

	public ParseSlots(@Value("${stride.drafting.parallel-parses:2}") int size,
			@Value("${stride.drafting.parse-wait-seconds:10}") long waitSeconds,
			@Value("${stride.drafting.parse-queue-length:8}") int maxWaiting) {
		this.slots = new Semaphore(Math.max(1, size), true);
		this.size = Math.max(1, size);
		this.waitSeconds = waitSeconds;
		this.maxWaiting = maxWaiting;
	}

	/** A held slot; give it back exactly once, when the parse has really stopped. */
	public final class Slot {

		private final AtomicBoolean held = new AtomicBoolean(true);

		private Slot() {
		}

		public void release() {
			if (held.compareAndSet(true, false)) {
				slots.release();
			}
		}
	}

	/** Waits in line for a slot, or refuses the file with 503 and a time to retry. */
	public Slot take(String fileName) {
		try {
			// with a timeout, even of zero, the semaphore keeps its line in order; without one it lets callers jump it
			if (slots.tryAcquire(0, TimeUnit.SECONDS)
					|| slots.getQueueLength() < maxWaiting && slots.tryAcquire(waitSeconds, TimeUnit.SECONDS)) {
				return new Slot();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		int behind = slots.getQueueLength();
		throw new SourceRejected(503, fileName, "was not read: Stride is reading " + size + " other document"
				+ (size == 1 ? "" : "s") + (behind == 0 ? "" : ", with " + behind + " more waiting")
				+ ". Nothing was saved; try again in " + RETRY_AFTER_SECONDS + " seconds.", RETRY_AFTER_SECONDS);
	}

	/** Uploads waiting for a slot now. */
	public int waiting() {
		return slots.getQueueLength();
	}

	/** Slots free now. */
	public int free() {
		return slots.availablePermits();
	}
}
