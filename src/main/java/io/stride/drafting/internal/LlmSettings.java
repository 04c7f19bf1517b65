package io.stride.drafting.internal;

import java.time.Duration;
import java.util.Locale;

/**
 * How the language model is used. {@code mode} "full" drafts each module with the model; "hybrid" keeps the offline
 * engine's facts, passages and questions and has the model only rewrite stems, distractors and objectives.
 * @param timeout the limit on one whole answer
 * @param retries how many times a 429 or 5xx answer is tried again
 * @param backOff the first pause before retrying a 5xx; it doubles each time
 * @param maxRetryWait the longest a Retry-After is honoured
 * @param parallel modules drafted at once (at most 2)
 */
public record LlmSettings(boolean enabled, String baseUrl, String model, String apiKey, Duration timeout, Mode mode,
		boolean stream, int retries, Duration backOff, Duration maxRetryWait, int parallel) {

	public enum Mode {
		FULL, HYBRID;

		static Mode of(String name) {
			return "hybrid".equals(name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) ? HYBRID : FULL;
		}
	}

	public LlmSettings {
		baseUrl = baseUrl == null ? "" : baseUrl.strip();
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		model = model == null ? "" : model.strip();
		apiKey = apiKey == null ? "" : apiKey.strip();
		enabled = enabled && !baseUrl.isBlank() && !model.isBlank();
		retries = Math.max(0, Math.min(retries, 5));
		parallel = Math.max(1, Math.min(parallel, 2));
	}

	/** The defaults, as in application.yml. */
	public static LlmSettings of(boolean enabled, String baseUrl, String model, String apiKey, int timeoutSeconds) {
		return new LlmSettings(enabled, baseUrl, model, apiKey, Duration.ofSeconds(timeoutSeconds), Mode.FULL, false, 2,
				Duration.ofSeconds(1), Duration.ofSeconds(30), 2);
	}

	public LlmSettings withMode(Mode newMode) {
		return new LlmSettings(enabled, baseUrl, model, apiKey, timeout, newMode, stream, retries, backOff, maxRetryWait, parallel);
	}

	public LlmSettings withStream(boolean newStream) {
		return new LlmSettings(enabled, baseUrl, model, apiKey, timeout, mode, newStream, retries, backOff, maxRetryWait, parallel);
	}

	public LlmSettings withRetries(int newRetries, Duration newBackOff, Duration newMaxRetryWait) {
		return new LlmSettings(enabled, baseUrl, model, apiKey, timeout, mode, stream, newRetries, newBackOff, newMaxRetryWait,
				parallel);
	}

	public LlmSettings withTimeout(Duration newTimeout) {
		return new LlmSettings(enabled, baseUrl, model, apiKey, newTimeout, mode, stream, retries, backOff, maxRetryWait, parallel);
	}

	@Override
	public String toString() {
		// the key stays out of anything printed
		return "LlmSettings[" + baseUrl + ", " + model + ", " + mode + "]";
	}
}
