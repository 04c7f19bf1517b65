package io.stride.drafting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.springframework.stereotype.Component;

/**
 * The in-process embedding model (all-MiniLM-L6-v2, quantized; the model and tokenizer files come from
 * LangChain4j's model jar, no network). Loaded on first use; vectors come back normalized so that a dot product is
 * the cosine similarity.
 *
 * <p>Each text is tokenized once and run as its own single-threaded ONNX inference, on as many worker threads as
 * there are cores, and pooled by the mean of its token vectors (as sentence-transformers does for this model).
 * LangChain4j's encoder gives the same vectors but tokenizes every text twice and lets each inference spread over
 * all cores while several run at once; this is about a quarter faster on 2 cores. Batching texts with padding was
 * tried and is slower here, and changes a text's vector with its batch-mates (the model quantizes activations per
 * batch).
 */
@Component
public class Embedder {

	/** The dimension of every vector. */
	public static final int DIMENSION = 384;

	/** The model's position limit: longer texts are cut (texts are capped at 1,000 characters before that). */
	private static final int MAX_TOKENS = 512;

	private static final int MAX_CHARACTERS = 1000;

	private volatile Model model;

	public float[][] embed(List<String> texts) {
		return start(texts).get();
	}

	/**
	 * Starts embedding {@code texts} on the model's threads and returns at once, so that the caller can do other work
	 * meanwhile; {@link Pending#get()} waits for the vectors.
	 */
	public Pending start(List<String> texts) {
		if (texts.isEmpty()) {
			return () -> new float[0][];
		}
		return model().start(texts);
	}

	/** Vectors under way. */
	@FunctionalInterface
	public interface Pending {

		/** The vectors, one per text in order, once all are done. */
		float[][] get();
	}

	/** The dot product of two normalized vectors, that is, their cosine similarity. */
	public static float cosine(float[] a, float[] b) {
		// four running sums let the processor overlap the multiplications
		float s0 = 0;
		float s1 = 0;
		float s2 = 0;
		float s3 = 0;
		int i = 0;
		int end = a.length & ~3;
		for (; i < end; i += 4) {
			s0 += a[i] * b[i];
			s1 += a[i + 1] * b[i + 1];
			s2 += a[i + 2] * b[i + 2];
			s3 += a[i + 3] * b[i + 3];
		}
		for (; i < a.length; i++) {
			s0 += a[i] * b[i];
		}
		return (s0 + s1) + (s2 + s3);
	}

	private Model model() {
		Model current = model;
		if (current == null) {
			synchronized (this) {
				if (model == null) {
					model = new Model();
				}
				current = model;
			}
		}
		return current;
	}

	private static final class Model {

		private static final AtomicInteger THREADS = new AtomicInteger();

		private final int workers = Runtime.getRuntime().availableProcessors();

		private final ExecutorService executor = Executors.newFixedThreadPool(workers, runnable -> {
			Thread thread = new Thread(runnable, "embedding-" + THREADS.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});

		private final OrtEnvironment environment = OrtEnvironment.getEnvironment();

		private final OrtSession session;

		private final HuggingFaceTokenizer tokenizer;

		Model() {
			try (InputStream onnx = resource("/all-minilm-l6-v2-q.onnx");
					InputStream vocabulary = resource("/all-minilm-l6-v2-q-tokenizer.json")) {
				OrtSession.SessionOptions options = new OrtSession.SessionOptions();
				options.setIntraOpNumThreads(1);
				this.session = environment.createSession(onnx.readAllBytes(), options);
				this.tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of("padding", "false"));
			}
			catch (IOException | OrtException e) {
				throw new IllegalStateException("The embedding model could not be loaded", e);
			}
		}

		Pending start(List<String> texts) {
			float[][] vectors = new float[texts.size()][];
			AtomicInteger next = new AtomicInteger();
			List<Future<?>> running = new ArrayList<>();
			for (int w = 0; w < Math.min(workers, texts.size()); w++) {
				running.add(executor.submit(() -> {
					for (int i = next.getAndIncrement(); i < vectors.length; i = next.getAndIncrement()) {
						vectors[i] = one(texts.get(i));
					}
				}));
			}
			return () -> finish(running, vectors);
		}

		private static float[][] finish(List<Future<?>> running, float[][] vectors) {
			try {
				for (Future<?> worker : running) {
					worker.get();
				}
			}
			catch (InterruptedException e) {
				running.forEach(worker -> worker.cancel(true));
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while embedding", e);
			}
			catch (ExecutionException e) {
				running.forEach(worker -> worker.cancel(true));
				throw new IllegalStateException("The embedding model failed", e.getCause());
			}
			return vectors;
		}

		private float[] one(String text) {
			long[] ids = tokenizer.encode(text.length() > MAX_CHARACTERS ? text.substring(0, MAX_CHARACTERS) : text, true, false)
				.getIds();
			if (ids.length > MAX_TOKENS) {
				long separator = ids[ids.length - 1];
				ids = Arrays.copyOf(ids, MAX_TOKENS);
				ids[MAX_TOKENS - 1] = separator;
			}
			long[] mask = new long[ids.length];
			Arrays.fill(mask, 1);
			long[] shape = {1, ids.length};
			try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
					OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
					OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape);
					OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", attention,
							"token_type_ids", types))) {
				FloatBuffer states = ((OnnxTensor) result.get(0)).getFloatBuffer();
				return meanNormalized(states, ids.length);
			}
			catch (OrtException e) {
				throw new IllegalStateException("The embedding model failed", e);
			}
		}

		private static InputStream resource(String name) {
			InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
			if (in == null) {
				throw new IllegalStateException("Missing " + name + " in the embedding model jar");
			}
			return in;
		}
	}

	/** The mean of {@code tokens} token vectors laid out one after another, scaled to length 1. */
	private static float[] meanNormalized(FloatBuffer states, int tokens) {
		float[] sum = new float[DIMENSION];
		for (int t = 0; t < tokens; t++) {
			int base = t * DIMENSION;
			for (int d = 0; d < DIMENSION; d++) {
				sum[d] += states.get(base + d);
			}
		}
		double norm = 0;
		for (float v : sum) {
			norm += (double) v * v;
		}
		norm = Math.sqrt(norm);
		if (norm == 0) {
			return sum;
		}
		for (int d = 0; d < DIMENSION; d++) {
			sum[d] = (float) (sum[d] / norm);
		}
		return sum;
	}
}
