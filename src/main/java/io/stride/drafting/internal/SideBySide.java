package io.stride.drafting.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Runs independent pieces of one draft (its modules, their candidate questions, bands of a similarity matrix) on
 * the calling thread and as many helpers from the common pool as there are other cores (none on one core). The heaviest pieces go first, so that the threads finish
 * at about the same time; results come back in the pieces' own order.
 */
final class SideBySide {

	private SideBySide() {
	}

	static <T, R> List<R> map(List<T> items, ToIntFunction<T> weight, Function<T, R> work) {
		return map(items, weight, work, null);
	}

	/** As {@link #map(List, ToIntFunction, Function)}, running {@code alongside} (if any) first, as one more piece. */
	static <T, R> List<R> map(List<T> items, ToIntFunction<T> weight, Function<T, R> work, Runnable alongside) {
		int extra = alongside == null ? 0 : 1;
		int pieces = items.size() + extra;
		int helpers = Math.min(pieces, Runtime.getRuntime().availableProcessors()) - 1;
		Integer[] order = new Integer[items.size()];
		Arrays.setAll(order, i -> i);
		Arrays.sort(order, Comparator.comparingInt((Integer i) -> weight.applyAsInt(items.get(i))).reversed());
		Object[] results = new Object[items.size()];
		AtomicInteger next = new AtomicInteger();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		CountDownLatch done = new CountDownLatch(pieces);
		Runnable worker = () -> {
			for (int at = next.getAndIncrement(); at < pieces; at = next.getAndIncrement()) {
				try {
					if (failure.get() == null) {
						if (at < extra) {
							alongside.run();
						}
						else {
							results[order[at - extra]] = work.apply(items.get(order[at - extra]));
						}
					}
				}
				catch (Throwable e) {
					failure.compareAndSet(null, e);
				}
				finally {
					done.countDown();
				}
			}
		};
		for (int h = 0; h < helpers; h++) {
			ForkJoinPool.commonPool().execute(worker);
		}
		worker.run();
		// a helper the pool has not started yet finds nothing left; only pieces under way are waited for
		boolean interrupted = false;
		while (true) {
			try {
				done.await();
				break;
			}
			catch (InterruptedException e) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		Throwable thrown = failure.get();
		if (thrown instanceof RuntimeException e) {
			throw e;
		}
		if (thrown instanceof Error e) {
			throw e;
		}
		if (thrown != null) {
			throw new IllegalStateException(thrown);
		}
		@SuppressWarnings("unchecked")
		List<R> list = (List<R>) Collections.unmodifiableList(Arrays.asList(results));
		return list;
	}
}
