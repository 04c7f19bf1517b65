package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.springframework.stereotype.Component;

/**
 * The in-process embedding model (all-MiniLM-L6-v2, quantized; shipped in the jar, no network). Loaded on first
 * use; vectors come back normalized so that a dot product is the cosine similarity.
 */
@Component
public class Embedder {

	private volatile EmbeddingModel model;

	public float[][] embed(List<String> texts) {
		if (texts.isEmpty()) {
			return new float[0][];
		}
		List<TextSegment> segments = new ArrayList<>(texts.size());
		texts.forEach(text -> segments.add(TextSegment.from(text.length() > 1000 ? text.substring(0, 1000) : text)));
		List<Embedding> embeddings = model().embedAll(segments).content();
		float[][] vectors = new float[embeddings.size()][];
		for (int i = 0; i < vectors.length; i++) {
			vectors[i] = normalize(embeddings.get(i).vector());
		}
		return vectors;
	}

	static float cosine(float[] a, float[] b) {
		float dot = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
		}
		return dot;
	}

	private EmbeddingModel model() {
		EmbeddingModel current = model;
		if (current == null) {
			synchronized (this) {
				if (model == null) {
					model = new AllMiniLmL6V2QuantizedEmbeddingModel();
				}
				current = model;
			}
		}
		return current;
	}

	private static float[] normalize(float[] vector) {
		double norm = 0;
		for (float v : vector) {
			norm += v * v;
		}
		norm = Math.sqrt(norm);
		if (norm == 0) {
			return vector;
		}
		float[] result = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			result[i] = (float) (vector[i] / norm);
		}
		return result;
	}
}
