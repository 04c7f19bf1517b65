package io.stride.drafting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.stride.drafting.internal.Embedder;
import io.stride.drafting.internal.Facts;
import org.springframework.stereotype.Service;

/**
 * Compares a course's text with other courses' texts: which passages say nearly the same thing (overlap), and
 * which say the same thing with different numbers (a likely conflicting fact, e.g. "within 1 hour" against
 * "within 24 hours"). Warnings for reviewers, not blocks.
 */
@Service
public class Overlap {

	static final float SAME_PASSAGE = 0.80f;

	static final float SAME_SUBJECT = 0.70f;

	private final Embedder embedder;

	Overlap(Embedder embedder) {
		this.embedder = embedder;
	}

	public record Passage(String text, String where) {
	}

	public record Match(Passage mine, Passage theirs, double similarity) {
	}

	public record Conflict(Passage mine, Passage theirs, String mineSays, String theirsSays) {
	}

	public record Report(double share, List<Match> overlaps, List<Conflict> conflicts) {

		public boolean isEmpty() {
			return overlaps.isEmpty() && conflicts.isEmpty();
		}
	}

	/** A text's passages (at most 400) with their vectors, embedded once to be compared with many texts. */
	public static final class Embedded {

		private final List<Passage> passages;

		private final float[][] vectors;

		private Embedded(List<Passage> passages, float[][] vectors) {
			this.passages = passages;
			this.vectors = vectors;
		}

		public int size() {
			return passages.size();
		}
	}

	/** Embeds the passages (the first 400) for {@link #compare(Embedded, Embedded)}. */
	public Embedded embed(List<Passage> passages) {
		List<Passage> kept = List.copyOf(passages.subList(0, Math.min(passages.size(), 400)));
		return new Embedded(kept, embedder.embed(kept.stream().map(Passage::text).toList()));
	}

	/** How much of {@code mine} the other text covers, its closest passages, and facts that disagree. */
	public Report compare(List<Passage> mine, List<Passage> theirs) {
		if (mine.isEmpty() || theirs.isEmpty()) {
			return new Report(0, List.of(), List.of());
		}
		return compare(embed(mine), embed(theirs));
	}

	/** As {@link #compare(List, List)}, for texts embedded before. */
	public Report compare(Embedded mine, Embedded theirs) {
		if (mine.size() == 0 || theirs.size() == 0) {
			return new Report(0, List.of(), List.of());
		}
		List<Passage> a = mine.passages;
		List<Passage> b = theirs.passages;
		float[][] va = mine.vectors;
		float[][] vb = theirs.vectors;
		List<Match> overlaps = new ArrayList<>();
		List<Conflict> conflicts = new ArrayList<>();
		int covered = 0;
		for (int i = 0; i < a.size(); i++) {
			int best = -1;
			float bestSimilarity = -1;
			for (int j = 0; j < b.size(); j++) {
				float similarity = Embedder.cosine(va[i], vb[j]);
				if (similarity > bestSimilarity) {
					bestSimilarity = similarity;
					best = j;
				}
				if (similarity >= SAME_SUBJECT) {
					var disagreement = Facts.disagreement(a.get(i).text(), b.get(j).text());
					if (disagreement.isPresent()) {
						conflicts.add(new Conflict(a.get(i), b.get(j), disagreement.get()[0], disagreement.get()[1]));
					}
				}
			}
			if (bestSimilarity >= SAME_PASSAGE) {
				covered++;
				overlaps.add(new Match(a.get(i), b.get(best), Math.round(bestSimilarity * 100) / 100.0));
			}
		}
		overlaps.sort(Comparator.comparingDouble(Match::similarity).reversed());
		return new Report(Math.round(100.0 * covered / a.size()) / 100.0, overlaps.subList(0, Math.min(10, overlaps.size())),
				conflicts.subList(0, Math.min(10, conflicts.size())));
	}
}
