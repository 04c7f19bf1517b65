package io.stride.drafting;

import java.util.ArrayList;
import java.util.List;

import io.stride.drafting.internal.Embedder;
import org.springframework.stereotype.Service;

/**
 * How close two short texts are in meaning, by the same in-process embedding model drafting uses (no second model
 * is loaded): the cosine similarity of their embeddings, from about 0 (unrelated) to 1 (the same meaning).
 */
@Service
public class Similarity {

	private final Embedder embedder;

	Similarity(Embedder embedder) {
		this.embedder = embedder;
	}

	/** The highest similarity of {@code text} to any of {@code candidates}; 0 when there are none. */
	public double best(String text, List<String> candidates) {
		if (text == null || text.isBlank() || candidates.isEmpty()) {
			return 0;
		}
		List<String> texts = new ArrayList<>(candidates.size() + 1);
		texts.add(text);
		texts.addAll(candidates);
		float[][] vectors = embedder.embed(texts);
		double best = 0;
		for (int i = 1; i < vectors.length; i++) {
			best = Math.max(best, Embedder.cosine(vectors[0], vectors[i]));
		}
		return best;
	}
}
