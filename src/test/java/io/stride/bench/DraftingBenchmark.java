package io.stride.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.stride.drafting.CourseDraft;
import io.stride.drafting.SourceFile;
import io.stride.drafting.internal.Embedder;
import io.stride.drafting.internal.ExtractedSource;
import io.stride.drafting.internal.OfflineEngine;
import io.stride.drafting.internal.SourceReader;

/**
 * Drafts the ~8,000-word handbook end to end through the offline engine (read, outline, embeddings, questions)
 * and prints p50/p95 and peak heap. Run with {@code bench/drafting.sh}; not a test.
 */
public final class DraftingBenchmark {

	/** The machine's CPU times from /proc/stat (user, nice, system, idle, iowait, irq, softirq, steal), or none. */
	static long[] cpuTimes() {
		try {
			String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
			return Arrays.stream(line.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
		}
		catch (Exception e) {
			return new long[0];
		}
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args.length > 0 ? args[0] : "src/test/resources/corpus/handbook-8000.md");
		int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
		SourceReader reader = new SourceReader(20 << 20, 300, 600_000, 30);
		OfflineEngine engine = new OfflineEngine(new Embedder());
		SourceFile source = new SourceFile(file.getFileName().toString(), Files.readAllBytes(file));
		ExtractedSource extracted = reader.read(source);
		System.out.printf("document: %s, %d words, %d characters%n", source.name(), extracted.words(), extracted.text().length());
		for (int i = 0; i < warmup; i++) {
			engine.draft(List.of(reader.read(source)));
		}
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
		long[] cpuBefore = cpuTimes();
		long[] millis = new long[runs];
		CourseDraft draft = null;
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			draft = engine.draft(List.of(reader.read(source)));
			millis[i] = (System.nanoTime() - start) / 1_000_000;
		}
		long peakHeap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
		long[] cpuAfter = cpuTimes();
		// in order, so that a reader sees how steady the machine was (a shared virtual machine's speed drifts)
		System.out.printf("each run (ms): %s%n", Arrays.toString(millis));
		if (cpuBefore.length > 7 && cpuAfter.length > 7) {
			long total = 0;
			for (int i = 0; i < 8; i++) {
				total += cpuAfter[i] - cpuBefore[i];
			}
			// time the hypervisor gave this machine's cores to others: it slows every run and is not Stride's
			System.out.printf("CPU time stolen by the host during the measured runs: %.1f%%%n",
					total == 0 ? 0 : 100.0 * (cpuAfter[7] - cpuBefore[7]) / total);
		}
		Arrays.sort(millis);
		System.out.printf("draft: %d modules, %d lessons, %d questions (%d in the final quiz)%n", draft.modules().size(),
				draft.modules().stream().mapToInt(m -> m.lessons().size()).sum(), draft.allQuestions().size(),
				draft.quiz().size());
		System.out.printf("runs: %d after %d warm-up; p50 %d ms, p95 %d ms, min %d ms, max %d ms%n", runs, warmup,
				millis[(int) Math.ceil(0.50 * runs) - 1], millis[(int) Math.ceil(0.95 * runs) - 1], millis[0], millis[runs - 1]);
		System.out.printf("peak heap (sum of heap pools' peaks during the measured runs): %d MB; cores: %d%n",
				peakHeap / (1024 * 1024), Runtime.getRuntime().availableProcessors());
	}
}
