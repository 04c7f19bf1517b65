package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
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

	public static float cosine(float[] a, float[] b) {
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
					model = new OneThreadPerTextModel();
				}
				current = model;
			}
		}
		return current;
	}

	/**
	 * The same model and tokenizer, run as one single-threaded ONNX inference per text on as many worker threads as
	 * there are cores. The library default lets every inference spread over all cores while several run at once,
	 * which oversubscribes the CPU; this is about 40% faster on 2 cores.
	 */
	private static final class OneThreadPerTextModel extends AbstractInProcessEmbeddingModel {

		private static final AtomicInteger THREADS = new AtomicInteger();

		private final OnnxBertBiEncoder encoder;

		OneThreadPerTextModel() {
			super(Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
				Thread thread = new Thread(runnable, "embedding-" + THREADS.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			}));
			try (InputStream model = resource("/all-minilm-l6-v2-q.onnx");
					InputStream tokenizer = resource("/all-minilm-l6-v2-q-tokenizer.json")) {
				OrtEnvironment environment = OrtEnvironment.getEnvironment();
				OrtSession.SessionOptions options = new OrtSession.SessionOptions();
				options.setIntraOpNumThreads(1);
				this.encoder = new OnnxBertBiEncoder(environment, environment.createSession(model.readAllBytes(), options),
						tokenizer, PoolingMode.MEAN);
			}
			catch (IOException | OrtException e) {
				throw new IllegalStateException("The embedding model could not be loaded", e);
			}
		}

		private static InputStream resource(String name) {
			InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
			if (in == null) {
				throw new IllegalStateException("Missing " + name + " in the embedding model jar");
			}
			return in;
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return encoder;
		}

		@Override
		protected Integer knownDimension() {
			return 384;
		}
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
