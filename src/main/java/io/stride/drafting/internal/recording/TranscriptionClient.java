package io.stride.drafting.internal.recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import io.stride.drafting.internal.RetryAfter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MimeTypeUtils;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speaks the OpenAI-compatible {@code /audio/transcriptions} protocol (OpenAI, Azure OpenAI, whisper.cpp's or
 * faster-whisper's servers) to the one configured endpoint: one try per call, segments with their times. The WAV is
 * streamed from disk as multipart form data; redirects are not followed, so no other host is ever called. Retrying
 * is the recording job's, from what a {@link Failure} says and the settings read through {@link #retries()},
 * {@link #backOff()} and {@link #maxRetryWait()}. A log line holds the host, the status and the time, never the
 * key or anything of the audio.
 */
@Component
public class TranscriptionClient {

	private static final Logger log = LoggerFactory.getLogger(TranscriptionClient.class);

	/** The most of an answer that is read: a verbose transcript of a long chunk is a few hundred KB. */
	static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;

	/** What is read of an error answer: enough for the server's reason. */
	private static final int MAX_ERROR_BYTES = 16 * 1024;

	/** The longest server reason passed on to the author. */
	private static final int MAX_REASON = 200;

	static final String NOT_A_TRANSCRIPT = "the transcription service answered with something that is not a transcript";

	static final String KEY_REFUSED = "the transcription service refused the API key";

	/** OpenAI echoes a masked key in some errors ("sk-proj-****abcd"); nothing of it is passed on. */
	private static final Pattern KEY_LIKE = Pattern.compile("\\bsk-[A-Za-z0-9_*\\-]{4,}");

	private static final MediaType WAV = MediaType.parseMediaType("audio/wav");

	/** What was said between two moments, in milliseconds from the start of the file sent. */
	public record Segment(long startMillis, long endMillis, String text) {
	}

	/**
	 * A try that failed. {@code retryable}: a timeout, a broken connection, a 429 or a 5xx, or an answer that was not
	 * a transcript (worth another try, after {@code retryAfter} when the server said how long, else null); otherwise
	 * the endpoint refused for good (a wrong key, a refused file), or it asked to wait longer than the configured
	 * maximum (the message says so: its limit is not worth hammering). The message is fit to show the author and
	 * never holds the key.
	 */
	public static final class Failure extends RuntimeException {

		private final boolean retryable;

		private final Duration retryAfter;

		public Failure(String message, boolean retryable, Duration retryAfter) {
			super(message);
			this.retryable = retryable;
			this.retryAfter = retryAfter;
		}

		public boolean retryable() {
			return retryable;
		}

		public Duration retryAfter() {
			return retryAfter;
		}
	}

	private final TranscriptionSettings settings;

	private final JsonMapper json;

	private final RestClient rest;

	@Autowired
	public TranscriptionClient(@Value("${stride.transcription.base-url:}") String baseUrl,
			@Value("${stride.transcription.model:whisper-1}") String model,
			@Value("${stride.transcription.api-key:}") String apiKey,
			@Value("${stride.transcription.api-version:}") String apiVersion,
			@Value("${stride.transcription.language:}") String language,
			@Value("${stride.transcription.timeout-seconds:300}") int timeoutSeconds,
			@Value("${stride.transcription.retries:3}") int retries,
			@Value("${stride.transcription.back-off-seconds:2}") int backOffSeconds,
			@Value("${stride.transcription.max-retry-wait-seconds:120}") int maxRetryWaitSeconds, JsonMapper json) {
		this(new TranscriptionSettings(baseUrl, model, apiKey, apiVersion, language, Duration.ofSeconds(timeoutSeconds),
				retries, Duration.ofSeconds(backOffSeconds), Duration.ofSeconds(maxRetryWaitSeconds)), json);
		String problem = TranscriptionSettings.addressProblem(baseUrl);
		if (baseUrl != null && !baseUrl.isBlank() && problem != null) {
			// the address is the operator's, not a secret; recordings are then refused with the page's explanation
			log.warn("Transcription is switched off: {} (stride.transcription.base-url, e.g. http://localhost:8080/v1)",
					problem);
		}
		if (language != null && !language.isBlank() && settings.language().isBlank()) {
			log.warn("The transcription language hint is not a two-letter ISO-639-1 code and is left out");
		}
	}

	public TranscriptionClient(TranscriptionSettings settings, JsonMapper json) {
		this.settings = settings;
		this.json = json;
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(settings.timeout().compareTo(Duration.ofSeconds(30)) < 0 ? settings.timeout()
					: Duration.ofSeconds(30))
			.followRedirects(HttpClient.Redirect.NEVER)
			// local servers speaking the protocol are HTTP/1.1; an h2c upgrade on a large upload gains nothing
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		// Spring's read timeout covers the whole exchange, headers and body: a server that trickles is cut off too
		requests.setReadTimeout(settings.timeout());
		this.rest = RestClient.builder().requestFactory(requests).build();
	}

	/** Whether an endpoint is configured (base URL and model). */
	public boolean enabled() {
		return settings.enabled();
	}

	/** Why transcription is off, fit for the drafting page; null when it is on. */
	public String problem() {
		return settings.problem();
	}

	/** How many times the job tries a chunk again after a retryable failure. */
	public int retries() {
		return settings.retries();
	}

	/** The job's first pause before trying again when the service did not say how long; it doubles each time. */
	public Duration backOff() {
		return settings.backOff();
	}

	/** The longest wait a {@link Failure#retryAfter()} can hold. */
	public Duration maxRetryWait() {
		return settings.maxRetryWait();
	}

	/** The segments of one audio file, one try; a {@link Failure} when it did not work. */
	public List<Segment> transcribe(Path audio) {
		if (!settings.enabled()) {
			throw new Failure("transcription is not configured: " + settings.problem(), false, null);
		}
		if (!Files.isRegularFile(audio) || !Files.isReadable(audio)) {
			throw new Failure("the audio file " + audio.getFileName() + " could not be read", false, null);
		}
		long started = System.nanoTime();
		try {
			Form form = form(audio);
			Answer answer = rest.post()
				.uri(settings.endpoint())
				.headers(headers -> {
					if (!settings.apiKey().isBlank()) {
						if (settings.azure()) {
							headers.set("api-key", settings.apiKey());
						}
						else {
							headers.setBearerAuth(settings.apiKey());
						}
					}
					headers.setAccept(List.of(MediaType.APPLICATION_JSON));
					headers.setContentType(form.type());
					headers.setContentLength(form.length());
				})
				.body(form::writeTo)
				.exchange((request, response) -> read(response.getStatusCode().value(),
						response.getHeaders().getFirst("Retry-After"), response.getBody()), true);
			log.info("Transcription at {} answered HTTP {} in {} ms", settings.host(), answer.status(), millisSince(started));
			return segments(answer, audio);
		}
		catch (ResourceAccessException e) {
			throw broken(e, started);
		}
		catch (IOException e) {
			// the chunk could not be read while its length was counted
			throw new Failure("the audio file " + audio.getFileName() + " could not be read", false, null);
		}
		catch (IllegalArgumentException e) {
			// a header the HTTP client will not send (a key with a line break pasted in); its message is not passed on
			log.warn("Transcription at {} could not be asked: the request was refused before it was sent", settings.host());
			throw new Failure("the transcription request could not be made; check the API key and the base URL", false,
					null);
		}
	}

	/** The form and how it is written: Spring's form writer under one boundary, so that its length is known first. */
	private record Form(MultiValueMap<String, Object> parts, FormHttpMessageConverter writer, MediaType type,
			long length) {

		void writeTo(OutputStream out) throws IOException {
			writer.write(parts, MediaType.MULTIPART_FORM_DATA, new Message(out));
		}
	}

	/** Where the form writer writes; the headers it sets on it are the first pass's to read. */
	private record Message(OutputStream getBody, HttpHeaders getHeaders) implements HttpOutputMessage {

		Message(OutputStream body) {
			this(body, new HttpHeaders());
		}
	}

	/**
	 * The form, the WAV streamed from disk under its own file name. A first pass counts its bytes, so that the upload
	 * carries a Content-Length: some transcription servers and proxies read a chunked upload as an empty body.
	 * (Spring's MultipartBodyBuilder would build the parts too, but it loads Reactive Streams, which this servlet
	 * application does not carry.)
	 */
	private Form form(Path audio) throws IOException {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		HttpHeaders wav = new HttpHeaders();
		wav.setContentType(WAV);
		parts.add("file", new HttpEntity<>(new FileSystemResource(audio), wav));
		parts.add("model", settings.model());
		parts.add("response_format", "verbose_json");
		parts.add("timestamp_granularities[]", "segment");
		if (!settings.language().isBlank()) {
			parts.add("language", settings.language());
		}
		byte[] boundary = MimeTypeUtils.generateMultipartBoundary();
		FormHttpMessageConverter writer = new FormHttpMessageConverter() {

			@Override
			protected byte[] generateMultipartBoundary() {
				return boundary;
			}
		};
		CountingOutputStream counted = new CountingOutputStream();
		Message counting = new Message(counted);
		writer.write(parts, MediaType.MULTIPART_FORM_DATA, counting);
		return new Form(parts, writer, counting.getHeaders().getContentType(), counted.count);
	}

	private static final class CountingOutputStream extends OutputStream {

		private long count;

		@Override
		public void write(int b) {
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			count += len;
		}
	}

	private record Answer(int status, String body, String retryAfter) {
	}

	private static Answer read(int status, String retryAfter, InputStream body) throws IOException {
		boolean ok = status / 100 == 2;
		int limit = ok ? MAX_ANSWER_BYTES : MAX_ERROR_BYTES;
		byte[] bytes = body == null ? new byte[0] : body.readNBytes(limit + 1);
		if (ok && bytes.length > limit) {
			throw new Failure("the transcription service's answer was longer than " + limit / (1024 * 1024) + " MB",
					false, null);
		}
		return new Answer(status, new String(bytes, 0, Math.min(bytes.length, limit), StandardCharsets.UTF_8),
				retryAfter);
	}

	/** A timeout, a refused connection or a connection that broke off: all worth another try. */
	private Failure broken(ResourceAccessException e, long started) {
		long millis = millisSince(started);
		if (Thread.currentThread().isInterrupted()) {
			log.info("Transcription at {} was stopped after {} ms", settings.host(), millis);
			return new Failure("transcription was stopped", false, null);
		}
		String what;
		String message;
		if (has(e, HttpConnectTimeoutException.class) || has(e, ConnectException.class)) {
			what = "no connection";
			message = "no connection to the transcription service at " + settings.host();
		}
		else if (has(e, HttpTimeoutException.class) || millis >= settings.timeout().toMillis()) {
			what = "no answer in time";
			message = "the transcription service did not answer within " + seconds(settings.timeout().toSeconds());
		}
		else {
			Throwable cause = e.getCause() == null ? e : e.getCause();
			what = "a broken connection (" + cause.getClass().getSimpleName() + ")";
			message = "the connection to the transcription service broke off";
		}
		log.info("Transcription at {}: {} after {} ms", settings.host(), what, millis);
		return new Failure(message, true, null);
	}

	private static boolean has(Throwable e, Class<? extends Throwable> kind) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (kind.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

	private List<Segment> segments(Answer answer, Path audio) {
		if (answer.status() / 100 != 2) {
			throw refused(answer);
		}
		JsonNode reply;
		try {
			reply = json.readTree(answer.body());
		}
		catch (JacksonException e) {
			throw new Failure(NOT_A_TRANSCRIPT, true, null);
		}
		if (reply == null || !reply.isObject()) {
			throw new Failure(NOT_A_TRANSCRIPT, true, null);
		}
		JsonNode parts = reply.path("segments");
		if (!parts.isMissingNode() && !parts.isNull() && !parts.isArray()) {
			throw new Failure(NOT_A_TRANSCRIPT, true, null);
		}
		List<Segment> segments = new ArrayList<>();
		// nothing said after the file ends (a second's grace for rounding): Whisper invents text past the end
		long length = wavMillis(audio);
		long latest = length > 0 ? length + 1000 : Long.MAX_VALUE / 4;
		for (JsonNode part : parts) {
			Segment segment = segment(part);
			if (!segment.text().isEmpty() && segment.startMillis() < latest && !madeUpOverSilence(part)) {
				segments.add(segment.endMillis() > latest
						? new Segment(segment.startMillis(), latest, segment.text()) : segment);
			}
		}
		if (!segments.isEmpty()) {
			return segments;
		}
		JsonNode text = reply.path("text");
		if (!text.isString()) {
			throw new Failure(NOT_A_TRANSCRIPT, true, null);
		}
		// a server that gives only the text (no segments): one segment over the whole file
		String said = text.asString().strip();
		if (said.isEmpty()) {
			return List.of();
		}
		JsonNode duration = reply.path("duration");
		long end = duration.isNumber() && duration.asDouble() > 0 ? millis(duration.asDouble()) : wavMillis(audio);
		return List.of(new Segment(0, end, said));
	}

	/** How long a WAV plays, from its header; 0 when it cannot be told. */
	private static long wavMillis(Path audio) {
		try {
			AudioFileFormat format = AudioSystem.getAudioFileFormat(audio.toFile());
			float frameRate = format.getFormat().getFrameRate();
			return format.getFrameLength() > 0 && frameRate > 0 ? Math.round(format.getFrameLength() * 1000.0 / frameRate)
					: 0;
		}
		catch (UnsupportedAudioFileException | IOException notWav) {
			return 0;
		}
	}

	/**
	 * Whisper's own rule for text it produced over silence ("Thank you for watching."): likely no speech and a low
	 * average log probability. Servers that don't give both are taken at their word.
	 */
	private static boolean madeUpOverSilence(JsonNode part) {
		JsonNode noSpeech = part.path("no_speech_prob");
		JsonNode logProbability = part.path("avg_logprob");
		return noSpeech.isNumber() && logProbability.isNumber() && noSpeech.asDouble() > 0.6
				&& logProbability.asDouble() < -1;
	}

	/** One segment; a segment without readable times or text makes the whole answer suspect. */
	private static Segment segment(JsonNode part) {
		JsonNode start = part.path("start");
		JsonNode end = part.path("end");
		JsonNode text = part.path("text");
		if (!start.isNumber() || !end.isNumber() || !text.isString() || start.asDouble() < 0
				|| end.asDouble() < start.asDouble() || end.asDouble() > 1e7) {
			throw new Failure(NOT_A_TRANSCRIPT, true, null);
		}
		return new Segment(millis(start.asDouble()), millis(end.asDouble()), text.asString().strip());
	}

	private static long millis(double seconds) {
		return Math.round(seconds * 1000);
	}

	private Failure refused(Answer answer) {
		int status = answer.status();
		if (status == 401) {
			return new Failure(KEY_REFUSED, false, null);
		}
		if (status == 403) {
			// a region not served, a content or policy refusal: the server's words say which
			String reason = reason(answer.body());
			return new Failure("the transcription service refused the request (HTTP 403)"
					+ (reason.isEmpty() ? "" : ": " + reason), false, null);
		}
		if (status == 429 && answer.body() != null && answer.body().contains("insufficient_quota")) {
			// OpenAI's answer when the account's credit is used up: waiting won't help
			String reason = reason(answer.body());
			return new Failure("the transcription service's account has no quota left"
					+ (reason.isEmpty() ? "" : ": " + reason), false, null);
		}
		if (status == 429 || status == 503) {
			Duration wait = answer.retryAfter() == null ? null : RetryAfter.of(answer.retryAfter());
			if (wait != null && wait.compareTo(settings.maxRetryWait()) > 0) {
				// a quota that frees up in an hour is not worth hammering: the job stops and says why
				return new Failure("the transcription service is " + (status == 429 ? "rate-limiting" : "unavailable")
						+ " and asked to wait " + seconds(wait.toSeconds()) + ", longer than the "
						+ settings.maxRetryWait().toSeconds() + " allowed; try again later", false, null);
			}
			return new Failure("the transcription service is " + (status == 429 ? "rate-limiting (HTTP 429)"
					: "unavailable (HTTP 503)"), true, wait);
		}
		if (status >= 500 || status == 408) {
			return new Failure("the transcription service failed (HTTP " + status + ")", true, null);
		}
		String what = switch (status) {
			case 400 -> "the transcription service refused the request (HTTP 400)";
			case 404 -> "the transcription service has no such address or model (HTTP 404)";
			case 413 -> "the transcription service refused the audio as too large (HTTP 413)";
			case 415 -> "the transcription service does not take this kind of audio (HTTP 415)";
			default -> status >= 300 && status < 400
					? "the transcription service redirected elsewhere (HTTP " + status
							+ "); set the base URL to the final address"
					: "the transcription service refused the request (HTTP " + status + ")";
		};
		String reason = reason(answer.body());
		return new Failure(reason.isEmpty() ? what : what + ": " + reason, false, null);
	}

	/**
	 * The server's own words from an error answer: OpenAI's {@code {"error":{"message":…}}}, whisper.cpp's
	 * {@code {"error":…}} or FastAPI's {@code {"detail":…}}; one line, short, and with nothing of the key.
	 */
	private String reason(String body) {
		String reason;
		try {
			JsonNode error = json.readTree(body);
			JsonNode said = error.path("error").path("message");
			if (!said.isString()) {
				said = error.path("error").isString() ? error.path("error") : error.path("detail");
			}
			if (!said.isString()) {
				said = error.path("message");
			}
			reason = said.isString() ? said.asString() : "";
		}
		catch (JacksonException | IllegalArgumentException notJson) {
			return "";
		}
		reason = reason.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
		if (!settings.apiKey().isBlank()) {
			reason = reason.replace(settings.apiKey(), "[key]");
		}
		reason = KEY_LIKE.matcher(reason).replaceAll("[key]");
		return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason;
	}

	private static String seconds(long seconds) {
		return seconds == 1 ? "1 second" : seconds + " seconds";
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}
}
