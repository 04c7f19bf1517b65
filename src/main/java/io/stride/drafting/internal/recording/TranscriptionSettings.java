package io.stride.drafting.internal.recording;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import io.stride.drafting.internal.LlmSettings;

/**
 * Where recordings are transcribed: an endpoint speaking the OpenAI-compatible {@code /audio/transcriptions}
 * protocol. Transcription is on only when the base URL is an http or https address with a host and a model is set.
 * @param baseUrl the address the protocol's paths hang off ({@code https://api.openai.com/v1}, an Azure deployment's
 * {@code https://<resource>.openai.azure.com/openai/deployments/<name>}, {@code http://localhost:8080/v1})
 * @param apiVersion Azure's {@code api-version}; when set, the key goes in an {@code api-key} header instead of
 * {@code Authorization: Bearer}
 * @param language an ISO-639-1 hint ("en", "de"); blank lets the service find out, anything else is dropped
 * @param timeout the limit on one try (sending one chunk and reading its whole answer), at least a second
 * @param retries how many times the recording job tries a chunk again after a retryable failure
 * @param backOff the job's first pause before trying again when the service did not say how long; it doubles
 * @param maxRetryWait the longest Retry-After that is waited for; a service that asks for longer is not retried
 */
public record TranscriptionSettings(String baseUrl, String model, String apiKey, String apiVersion, String language,
		Duration timeout, int retries, Duration backOff, Duration maxRetryWait) {

	private static final Duration SECOND = Duration.ofSeconds(1);

	public TranscriptionSettings {
		baseUrl = clean(baseUrl);
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		model = clean(model);
		apiKey = clean(apiKey);
		apiVersion = clean(apiVersion);
		language = clean(language).toLowerCase(Locale.ROOT);
		language = language.matches("[a-z]{2}") ? language : "";
		timeout = timeout == null || timeout.compareTo(SECOND) < 0 ? SECOND : timeout;
		retries = Math.max(0, Math.min(retries, 10));
		backOff = backOff == null || backOff.isNegative() ? SECOND : backOff;
		maxRetryWait = maxRetryWait == null || maxRetryWait.isNegative() ? Duration.ZERO : maxRetryWait;
	}

	private static String clean(String value) {
		return value == null ? "" : value.strip();
	}

	/** The defaults, as in application.yml. */
	public static TranscriptionSettings of(String baseUrl, String model, String apiKey) {
		return new TranscriptionSettings(baseUrl, model, apiKey, "", "", Duration.ofSeconds(300), 3,
				Duration.ofSeconds(2), Duration.ofSeconds(120));
	}

	public TranscriptionSettings withAzure(String newApiVersion) {
		return new TranscriptionSettings(baseUrl, model, apiKey, newApiVersion, language, timeout, retries, backOff,
				maxRetryWait);
	}

	public TranscriptionSettings withLanguage(String newLanguage) {
		return new TranscriptionSettings(baseUrl, model, apiKey, apiVersion, newLanguage, timeout, retries, backOff,
				maxRetryWait);
	}

	public TranscriptionSettings withTimeout(Duration newTimeout) {
		return new TranscriptionSettings(baseUrl, model, apiKey, apiVersion, language, newTimeout, retries, backOff,
				maxRetryWait);
	}

	public TranscriptionSettings withRetries(int newRetries, Duration newBackOff, Duration newMaxRetryWait) {
		return new TranscriptionSettings(baseUrl, model, apiKey, apiVersion, language, timeout, newRetries, newBackOff,
				newMaxRetryWait);
	}

	/** Whether recordings can be transcribed: a usable base URL and a model. */
	public boolean enabled() {
		return problem() == null;
	}

	/** Why transcription is off, in words fit for a log or the drafting page; null when it is on. */
	public String problem() {
		String address = addressProblem(baseUrl);
		if (address != null) {
			return address;
		}
		return model.isBlank() ? "no model is set" : null;
	}

	/**
	 * What is wrong with a base URL, in words fit for a log; null if it is an http or https address with a host.
	 * The same rule as the language model's address, so that both settings are read alike.
	 */
	public static String addressProblem(String baseUrl) {
		return LlmSettings.addressProblem(baseUrl);
	}

	/** Whether the endpoint is Azure OpenAI's (an api-version and an api-key header). */
	public boolean azure() {
		return !apiVersion.isBlank();
	}

	/** The one address that is called; only meaningful when {@link #enabled()}. */
	URI endpoint() {
		String query = azure() ? "?api-version=" + URLEncoder.encode(apiVersion, StandardCharsets.UTF_8) : "";
		return URI.create(baseUrl + "/audio/transcriptions" + query);
	}

	/** The endpoint's host, the one thing about it that goes in a log line. */
	String host() {
		try {
			URI uri = URI.create(baseUrl);
			return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
		}
		catch (IllegalArgumentException e) {
			return "(no valid address)";
		}
	}

	@Override
	public String toString() {
		// the key stays out of anything printed
		return "TranscriptionSettings[" + baseUrl + ", " + model + (azure() ? ", Azure " + apiVersion : "") + "]";
	}
}
