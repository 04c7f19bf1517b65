package io.stride.drafting.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * How the language model is used. {@code mode} "full" drafts each module with the model; "hybrid" keeps the offline
 * engine's facts, passages and questions and has the model only rewrite stems, distractors and objectives.
 * @param timeout the limit on one try (one whole answer), at least a second
 * @param retries how many times a 429 or 5xx answer is tried again
 * @param backOff the first pause before retrying a 5xx; it doubles each time
 * @param maxRetryWait the longest a Retry-After is honoured; a server that asks for longer is not waited for
 * @param parallel modules drafted at once (at most 2)
 * @param budget the time the whole model phase of one draft may take; the modules left then are the offline engine's
 */
public record LlmSettings(boolean enabled, String baseUrl, String model, String apiKey, Duration timeout, Mode mode,
		boolean stream, int retries, Duration backOff, Duration maxRetryWait, int parallel, Duration budget) {

	public enum Mode {
		FULL, HYBRID;

		static Mode of(String name) {
			return "hybrid".equals(name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) ? HYBRID : FULL;
		}
	}

	private static final Duration SECOND = Duration.ofSeconds(1);

	public LlmSettings {
		baseUrl = baseUrl == null ? "" : baseUrl.strip();
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		model = model == null ? "" : model.strip();
		apiKey = apiKey == null ? "" : apiKey.strip();
		enabled = enabled && addressProblem(baseUrl) == null && !model.isBlank();
		timeout = atLeastASecond(timeout);
		retries = Math.max(0, Math.min(retries, 5));
		backOff = backOff == null || backOff.isNegative() ? SECOND : backOff;
		maxRetryWait = maxRetryWait == null || maxRetryWait.isNegative() ? Duration.ZERO : maxRetryWait;
		parallel = Math.max(1, Math.min(parallel, 2));
		budget = atLeastASecond(budget);
	}

	private static Duration atLeastASecond(Duration duration) {
		return duration == null || duration.compareTo(SECOND) < 0 ? SECOND : duration;
	}

	/**
	 * What is wrong with a base URL ("localhost:11434/v1" has no scheme), in words fit for a log; null if it is an
	 * http or https address with a host.
	 */
	public static String addressProblem(String baseUrl) {
		if (baseUrl == null || baseUrl.isBlank()) {
			return "no base URL is set";
		}
		try {
			URI uri = new URI(baseUrl.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https")) {
				return "the base URL must start with http:// or https://";
			}
			if (uri.getHost() == null || uri.getHost().isBlank()) {
				return "the base URL has no host";
			}
			return null;
		}
		catch (URISyntaxException e) {
			return "the base URL is not a valid address";
		}
	}

	/** The defaults, as in application.yml. */
	public static LlmSettings of(boolean enabled, String baseUrl, String model, String apiKey, int timeoutSeconds) {
		return new LlmSettings(enabled, baseUrl, model, apiKey, Duration.ofSeconds(timeoutSeconds), Mode.FULL, false, 2,
				SECOND, Duration.ofSeconds(30), 2, Duration.ofSeconds(240));
	}

	public LlmSettings withMode(Mode newMode) {
		return new LlmSettings(enabled, baseUrl, model, apiKey, timeout, newMode, stream, retries, backOff, maxRetryWait,
				parallel, budget);
	}

	public LlmSettings withStream(boolean newStream) {
		return new LlmSettings(enabled, baseUrl, model, apiKey, timeout, mode, newStream, retries, backOff, maxRetryWait,
				parallel, budget);
	}

	public LlmSettings withRetries(int newRetries, Duration newBackOff, Duration newMaxRetryWait) {
		return new LlmSettings(enabled, baseUrl, model, apiKey, timeout, mode, stream, newRetries, newBackOff,
				newMaxRetryWait, parallel, budget);
	}

	public LlmSettings withTimeout(Duration newTimeout) {
		return new LlmSettings(enabled, baseUrl, model, apiKey, newTimeout, mode, stream, retries, backOff, maxRetryWait,
				parallel, budget);
	}

	public LlmSettings withBudget(Duration newBudget) {
		return new LlmSettings(enabled, baseUrl, model, apiKey, timeout, mode, stream, retries, backOff, maxRetryWait,
				parallel, newBudget);
	}

	@Override
	public String toString() {
		// the key stays out of anything printed
		return "LlmSettings[" + baseUrl + ", " + model + ", " + mode + "]";
	}
}
