package io.stride.drafting.internal;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A draft's modules, question judging and similarity matrix are worked on side by side: the results must be those
 * of doing it one piece after another.
 */
class SideBySideTests {

	@Test
	void resultsComeBackInThePiecesOwnOrderWhateverOrderTheyRanIn() {
		List<Integer> pieces = IntStream.range(0, 40).boxed().toList();
		Set<String> threads = ConcurrentHashMap.newKeySet();
		AtomicInteger alongside = new AtomicInteger();
		List<Integer> squares = SideBySide.map(pieces, p -> p % 7, p -> {
			threads.add(Thread.currentThread().getName());
			busy(2);
			return p * p;
		}, alongside::incrementAndGet);
		assertThat(squares).isEqualTo(pieces.stream().map(p -> p * p).toList());
		assertThat(alongside).hasValue(1);
		if (Runtime.getRuntime().availableProcessors() > 1) {
			assertThat(threads).as("the caller and a helper both work").hasSizeGreaterThan(1);
		}
	}

	@Test
	void aFailingPieceFailsTheWholeAndNothingIsLeftRunning() {
		AtomicInteger started = new AtomicInteger();
		assertThatThrownBy(() -> SideBySide.map(IntStream.range(0, 20).boxed().toList(), p -> 0, p -> {
			started.incrementAndGet();
			if (p == 3) {
				throw new IllegalArgumentException("piece 3 is broken");
			}
			busy(5);
			return p;
		})).isInstanceOf(IllegalArgumentException.class).hasMessage("piece 3 is broken");
		int afterwards = started.get();
		busy(50);
		assertThat(started).as("no piece starts after the failure is reported").hasValue(afterwards);
		assertThat(afterwards).as("pieces after the failure are skipped").isLessThan(20);
	}

	@Test
	void noPiecesGiveNoResults() {
		assertThat(SideBySide.map(List.<Integer>of(), p -> p, p -> p)).isEmpty();
	}

	@Test
	void centralityIsPageRankOverSimilaritiesAsComputedOneCellAtATime() {
		Random random = new Random(7);
		float[][] vectors = new float[157][];
		for (int i = 0; i < vectors.length; i++) {
			float[] v = new float[Embedder.DIMENSION];
			double norm = 0;
			for (int d = 0; d < v.length; d++) {
				// a shared direction makes most pairs similar, as sentences of one document are
				v[d] = (float) (random.nextGaussian() + (d < 40 ? 1.5 : 0));
				norm += v[d] * v[d];
			}
			for (int d = 0; d < v.length; d++) {
				v[d] = (float) (v[d] / Math.sqrt(norm));
			}
			vectors[i] = v;
		}
		double[] fast = OfflineEngine.centrality(vectors);
		double[] reference = pageRank(vectors);
		for (int i = 0; i < vectors.length; i++) {
			assertThat(fast[i]).as("sentence " + i).isCloseTo(reference[i], within(1e-4));
		}
		assertThat(java.util.Arrays.stream(fast).max().orElseThrow()).isEqualTo(1.0);
	}

	@Test
	void bandsCoverEveryRowOnceWithSimilarAreas() {
		List<int[]> bands = OfflineEngine.bands(494, 16);
		assertThat(bands.get(0)[0]).isZero();
		assertThat(bands.get(bands.size() - 1)[1]).isEqualTo(494);
		for (int b = 1; b < bands.size(); b++) {
			assertThat(bands.get(b)[0]).isEqualTo(bands.get(b - 1)[1]);
		}
		long total = bands.stream().mapToLong(b -> b[2]).sum();
		assertThat(total).isEqualTo(494L * 493 / 2);
		assertThat(bands).allSatisfy(b -> assertThat(b[2]).isLessThan((int) (total / 16 + 494)));
		assertThat(OfflineEngine.bands(1, 16)).hasSize(1);
	}

	/** The textbook way: every cell computed from both vectors, damping 0.85, 20 rounds, scaled to the top rank. */
	private static double[] pageRank(float[][] vectors) {
		int n = vectors.length;
		double[][] weights = new double[n][n];
		double[] out = new double[n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				double dot = 0;
				for (int d = 0; d < vectors[i].length; d++) {
					dot += (double) vectors[i][d] * vectors[j][d];
				}
				weights[i][j] = i != j && dot > 0.1 ? dot : 0;
				out[i] += weights[i][j];
			}
		}
		double[] rank = new double[n];
		java.util.Arrays.fill(rank, 1.0 / n);
		for (int round = 0; round < 20; round++) {
			double[] next = new double[n];
			for (int j = 0; j < n; j++) {
				double sum = 0;
				for (int i = 0; i < n; i++) {
					sum += out[i] > 0 ? weights[i][j] / out[i] * rank[i] : 0;
				}
				next[j] = 0.15 / n + 0.85 * sum;
			}
			rank = next;
		}
		double max = java.util.Arrays.stream(rank).max().orElse(1);
		return java.util.Arrays.stream(rank).map(r -> r / max).toArray();
	}

	private static void busy(long millis) {
		long until = System.nanoTime() + millis * 1_000_000;
		while (System.nanoTime() < until) {
			Thread.onSpinWait();
		}
	}
}
