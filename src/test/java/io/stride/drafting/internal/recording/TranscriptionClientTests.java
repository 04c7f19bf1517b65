package io.stride.drafting.internal.recording;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.stride.drafting.internal.recording.TranscriptionClient.Failure;
import io.stride.drafting.internal.recording.TranscriptionClient.Segment;
import io.stride.support.TranscriptionStub;
import io.stride.support.TranscriptionStub.Reply;
import io.stride.support.TranscriptionStub.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

import static io.stride.support.TranscriptionStub.seg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The transcription client against a local server that speaks the OpenAI-compatible audio transcription protocol:
 * what is sent, how segments come back, and what each kind of failure tells the recording job.
 */
class TranscriptionClientTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String KEY = "sk-test-4f9a2c7e1b";

	@TempDir
	Path dir;

	private TranscriptionStub stub;

	private Path wav;

	@BeforeEach
	void startStub() throws IOException {
		stub = new TranscriptionStub();
		wav = wav("chunk-003.wav", 1.5);
	}

	@AfterEach
	void stopStub() {
		stub.close();
	}

	private TranscriptionSettings settings() {
		return TranscriptionSettings.of(stub.url(), "whisper-1", KEY);
	}

	private static TranscriptionClient client(TranscriptionSettings settings) {
		return new TranscriptionClient(settings, JSON);
	}

	/** A real WAV as the media step makes it: 16 kHz mono 16-bit PCM, silent. */
	private Path wav(String name, double seconds) throws IOException {
		AudioFormat format = new AudioFormat(16_000, 16, 1, true, false);
		int frames = (int) (seconds * 16_000);
		Path file = dir.resolve(name);
		try (AudioInputStream sound = new AudioInputStream(new ByteArrayInputStream(new byte[frames * 2]), format,
				frames)) {
			AudioSystem.write(sound, AudioFileFormat.Type.WAVE, file.toFile());
		}
		return file;
	}

	private Failure failure(TranscriptionClient client) {
		return catchThrowableOfType(Failure.class, () -> client.transcribe(wav));
	}

	@Test
	void segmentsComeBackInMillisecondsWithTheirTextStrippedAndEmptyOnesDropped() throws IOException {
		stub.enqueue(Reply.segments(seg(0.0, 2.48, "Refunds start with the invoice."), seg(2.48, 3.1, "   "),
				seg(3.1, 7.005, "The account executive approves up to 500 euros.  ")));

		List<Segment> segments = client(settings()).transcribe(wav("eight-seconds.wav", 8));

		assertThat(segments).containsExactly(new Segment(0, 2480, "Refunds start with the invoice."),
				new Segment(3100, 7005, "The account executive approves up to 500 euros."));
	}

	@Test
	void theWavGoesAsAFormWithTheModelVerboseJsonSegmentTimesAndTheBearerKey() throws IOException {
		stub.enqueue(Reply.segments(seg(0, 1, "Hello.")), Reply.segments(seg(0, 1, "Hallo.")));

		client(settings()).transcribe(wav);
		client(settings().withLanguage(" DE ")).transcribe(wav);

		Request sent = stub.requests().get(0);
		assertThat(sent.method()).isEqualTo("POST");
		assertThat(sent.path()).isEqualTo("/v1/audio/transcriptions");
		assertThat(sent.query()).isNull();
		assertThat(sent.authorization()).isEqualTo("Bearer " + KEY);
		assertThat(sent.apiKey()).isNull();
		assertThat(sent.contentType()).matches("multipart/form-data; ?boundary=[-\\w]+");
		// a length, not a chunked upload, which some servers and proxies read as an empty body
		assertThat(sent.contentLength()).isEqualTo(Long.toString(sent.bodyBytes()));
		assertThat(sent.fileName()).isEqualTo("chunk-003.wav");
		assertThat(sent.fileType()).isEqualTo("audio/wav");
		assertThat(sent.fileBytes()).isEqualTo(Files.size(wav)).isEqualTo(44 + 48_000);
		assertThat(sent.fields()).isEqualTo(Map.of("model", "whisper-1", "response_format", "verbose_json",
				"timestamp_granularities[]", "segment"));
		assertThat(stub.requests().get(1).field("language")).isEqualTo("de");
	}

	@Test
	void aLanguageHintThatIsNotATwoLetterCodeIsLeftOut() {
		stub.enqueue(Reply.segments(seg(0, 1, "Hello.")));

		client(settings().withLanguage("English")).transcribe(wav);

		assertThat(stub.lastRequest().fields()).doesNotContainKey("language");
	}

	@Test
	void azureGetsItsApiVersionAndTheKeyInAnApiKeyHeader() {
		stub.enqueue(Reply.segments(seg(0, 1, "Hello.")));

		client(settings().withAzure("2024-06-01")).transcribe(wav);

		Request sent = stub.lastRequest();
		assertThat(sent.path()).isEqualTo("/v1/audio/transcriptions");
		assertThat(sent.query()).isEqualTo("api-version=2024-06-01");
		assertThat(sent.apiKey()).isEqualTo(KEY);
		assertThat(sent.authorization()).isNull();
	}

	@Test
	void noKeyMeansNoAuthorizationHeaderForALocalServer() {
		stub.enqueue(Reply.segments(seg(0, 1, "Hello.")));

		client(TranscriptionSettings.of(stub.url(), "base.en", "")).transcribe(wav);

		assertThat(stub.lastRequest().authorization()).isNull();
		assertThat(stub.lastRequest().field("model")).isEqualTo("base.en");
	}

	@Test
	void aRateLimitSaysHowManySecondsToWait() {
		stub.enqueue(Reply.tooManyRequests("17"));

		Failure failure = failure(client(settings()));

		assertThat(failure.retryable()).isTrue();
		assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(17));
		assertThat(failure.getMessage()).contains("rate-limiting");
	}

	@Test
	void aRateLimitUntilAnHttpDateIsTurnedIntoAWait() {
		String in30Seconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
		stub.enqueue(Reply.tooManyRequests(in30Seconds));

		Failure failure = failure(client(settings()));

		assertThat(failure.retryable()).isTrue();
		assertThat(failure.retryAfter()).isBetween(Duration.ofSeconds(27), Duration.ofSeconds(31));
	}

	@Test
	void aRateLimitWithoutRetryAfterLeavesTheWaitToTheJob() {
		stub.enqueue(Reply.tooManyRequests(null));

		Failure failure = failure(client(settings()));

		assertThat(failure.retryable()).isTrue();
		assertThat(failure.retryAfter()).isNull();
	}

	@Test
	void aRateLimitAskingForLongerThanTheMaximumWaitStopsWithTheReason() {
		stub.enqueue(Reply.tooManyRequests("3600"));

		Failure failure = failure(client(settings().withRetries(3, Duration.ofSeconds(2), Duration.ofSeconds(120))));

		assertThat(failure.retryable()).isFalse();
		assertThat(failure.retryAfter()).isNull();
		assertThat(failure.getMessage()).contains("asked to wait 3600 seconds", "longer than the 120 allowed");
	}

	@Test
	void aServerErrorIsWorthAnotherTryAfterTheJobsOwnPause() {
		stub.enqueue(Reply.serverError());

		Failure failure = failure(client(settings()));

		assertThat(failure.retryable()).isTrue();
		assertThat(failure.retryAfter()).isNull();
		assertThat(failure.getMessage()).isEqualTo("the transcription service failed (HTTP 500)");
	}

	@Test
	void malformedJsonOrAnAnswerWithoutTextIsNotATranscriptAndWorthOneMoreTry() {
		stub.enqueue(Reply.malformed(), Reply.json(200, "{\"task\":\"transcribe\"}"), Reply.json(200, "[1,2]"),
				Reply.json(200, "{\"segments\":[{\"start\":\"soon\",\"end\":1,\"text\":\"Hi\"}]}"),
				Reply.json(200, "{\"text\":\"Hi\",\"segments\":{\"start\":0}}"));
		TranscriptionClient client = client(settings());

		for (int i = 0; i < 5; i++) {
			Failure failure = failure(client);
			assertThat(failure.getMessage())
				.isEqualTo("the transcription service answered with something that is not a transcript");
			assertThat(failure.retryable()).isTrue();
			assertThat(failure.retryAfter()).isNull();
		}
	}

	@Test
	void aTextOnlyAnswerIsOneSegmentOverTheWholeFile() {
		stub.enqueue(Reply.textOnly("  Refunds start with the invoice. ", 12.34), Reply.textOnly("Hello.", 0),
				Reply.json(200, "{\"text\":\"Hello again.\",\"segments\":[]}"), Reply.textOnly("   ", 3));
		TranscriptionClient client = client(settings());

		assertThat(client.transcribe(wav)).containsExactly(new Segment(0, 12_340, "Refunds start with the invoice."));
		// without a duration in the answer, the WAV's own length (1.5 s)
		assertThat(client.transcribe(wav)).containsExactly(new Segment(0, 1_500, "Hello."));
		assertThat(client.transcribe(wav)).containsExactly(new Segment(0, 1_500, "Hello again."));
		assertThat(client.transcribe(wav)).isEmpty();
	}

	@Test
	void aSlowAnswerBeyondTheTimeoutIsARetryableFailureAfterAboutTheTimeout() {
		stub.enqueue(Reply.segments(seg(0, 1, "Too late.")).after(Duration.ofSeconds(8)));
		TranscriptionClient client = client(settings().withTimeout(Duration.ofSeconds(1)));

		long started = System.nanoTime();
		Failure failure = failure(client);
		long millis = (System.nanoTime() - started) / 1_000_000;

		assertThat(failure.retryable()).isTrue();
		assertThat(failure.retryAfter()).isNull();
		assertThat(failure.getMessage()).isEqualTo("the transcription service did not answer within 1 second");
		assertThat(millis).isBetween(900L, 8_000L);
	}

	@Test
	void aServerThatNeverAnswersIsGivenUpAfterTheTimeout() {
		stub.enqueue(Reply.hang());
		TranscriptionClient client = client(settings().withTimeout(Duration.ofSeconds(1)));

		long started = System.nanoTime();
		Failure failure = failure(client);
		long millis = (System.nanoTime() - started) / 1_000_000;

		assertThat(failure.retryable()).isTrue();
		assertThat(failure.getMessage()).contains("did not answer within 1 second");
		assertThat(millis).isBetween(900L, 8_000L);
	}

	@Test
	void anAnswerThatStopsHalfWayIsGivenUpAfterTheTimeoutToo() {
		stub.enqueue(Reply.stallsAfterHeaders(seg(0, 1, "Hello."), seg(1, 2, "And then nothing.")));
		TranscriptionClient client = client(settings().withTimeout(Duration.ofSeconds(1)));

		long started = System.nanoTime();
		Failure failure = failure(client);
		long millis = (System.nanoTime() - started) / 1_000_000;

		assertThat(failure.retryable()).isTrue();
		assertThat(failure.getMessage()).contains("did not answer within 1 second");
		assertThat(millis).isBetween(900L, 8_000L);
	}

	@Test
	void aJobThatIsStoppedStopsWaitingAtOnceAndKeepsTheInterrupt() throws InterruptedException {
		stub.enqueue(Reply.hang());
		TranscriptionClient client = client(settings());
		AtomicReference<Failure> failed = new AtomicReference<>();
		AtomicBoolean interrupted = new AtomicBoolean();
		Thread job = Thread.ofPlatform().start(() -> {
			failed.set(failure(client));
			interrupted.set(Thread.currentThread().isInterrupted());
		});

		Thread.sleep(300);
		long started = System.nanoTime();
		job.interrupt();
		job.join(5_000);

		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
		assertThat(failed.get().getMessage()).isEqualTo("transcription was stopped");
		assertThat(failed.get().retryable()).isFalse();
		assertThat(interrupted).isTrue();
	}

	@Test
	void aRefusedConnectionIsWorthAnotherTry() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		Failure failure = failure(client(TranscriptionSettings.of("http://127.0.0.1:" + closedPort + "/v1", "whisper-1",
				KEY)));

		assertThat(failure.retryable()).isTrue();
		assertThat(failure.getMessage()).isEqualTo("no connection to the transcription service at 127.0.0.1:" + closedPort);
	}

	@Test
	void aWrongKeyIsRefusedForGoodWithoutRepeatingIt() {
		stub.enqueue(Reply.error(401, "Incorrect API key provided: " + KEY + ". You can find your API key at ..."),
				Reply.error(403, "Country, region, or territory not supported"));
		TranscriptionClient client = client(settings());

		Failure wrongKey = failure(client);
		assertThat(wrongKey.retryable()).isFalse();
		assertThat(wrongKey.getMessage()).isEqualTo("the transcription service refused the API key");
		// a 403 is not always the key: the server's reason is given
		Failure forbidden = failure(client);
		assertThat(forbidden.retryable()).isFalse();
		assertThat(forbidden.getMessage())
			.isEqualTo("the transcription service refused the request (HTTP 403): Country, region, or territory not supported");
	}

	@Test
	void anAccountWithoutQuotaIsNotRetriedAsIfItWereBusy() {
		stub.enqueue(Reply.json(429, "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan and "
				+ "billing details.\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}"));

		Failure failure = failure(client(settings()));

		assertThat(failure.retryable()).isFalse();
		assertThat(failure.getMessage()).startsWith("the transcription service's account has no quota left: You exceeded");
	}

	@Test
	void nothingIsTakenFromAfterTheAudioEndsNorWhatWhisperInventsOverSilence() throws IOException {
		stub.enqueue(Reply.json(200, "{\"text\":\"x\",\"segments\":["
				+ "{\"start\":0.0,\"end\":1.2,\"text\":\"Log the alarm.\",\"no_speech_prob\":0.01,\"avg_logprob\":-0.2},"
				+ "{\"start\":1.2,\"end\":1.9,\"text\":\"Thank you for watching.\",\"no_speech_prob\":0.9,\"avg_logprob\":-1.4},"
				+ "{\"start\":1.9,\"end\":40.0,\"text\":\"Then call the duty manager.\"},"
				+ "{\"start\":30.0,\"end\":31.0,\"text\":\"Subscribe to the channel.\"}]}"));

		List<Segment> segments = client(settings()).transcribe(wav);

		// the WAV is 1.5 s: a second's grace for rounding, nothing that starts later
		assertThat(segments).containsExactly(new Segment(0, 1200, "Log the alarm."),
				new Segment(1900, 2500, "Then call the duty manager."));
	}

	@Test
	void aRefusedRequestSaysWhyInTheServersWordsWithoutTheKey() {
		stub.enqueue(Reply.error(400, "Invalid file format.\n Supported formats: ['flac', 'mp3', 'wav'] (key " + KEY + ")"),
				Reply.error(404, "The model `whisper-2` does not exist"), Reply.json(413, "{\"detail\":\"File too large\"}"),
				Reply.json(415, "{\"error\":\"unsupported media type\"}"), Reply.json(400, "<html>Bad Request</html>"));
		TranscriptionClient client = client(settings());

		List<String> messages = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Failure failure = failure(client);
			assertThat(failure.retryable()).isFalse();
			messages.add(failure.getMessage());
		}

		assertThat(messages).containsExactly(
				"the transcription service refused the request (HTTP 400): Invalid file format. Supported formats: "
						+ "['flac', 'mp3', 'wav'] (key [key])",
				"the transcription service has no such address or model (HTTP 404): The model `whisper-2` does not exist",
				"the transcription service refused the audio as too large (HTTP 413): File too large",
				"the transcription service does not take this kind of audio (HTTP 415): unsupported media type",
				"the transcription service refused the request (HTTP 400)");
	}

	@Test
	void aRedirectIsNotFollowedSoNoOtherHostIsCalled() {
		try (TranscriptionStub elsewhere = new TranscriptionStub()) {
			elsewhere.answerEach(request -> Reply.segments(seg(0, 1, "Hello.")));
			stub.enqueue(Reply.json(307, "{}").withHeader("Location", elsewhere.url() + "/audio/transcriptions"));

			Failure failure = failure(client(settings()));

			assertThat(failure.retryable()).isFalse();
			assertThat(failure.getMessage()).contains("redirected elsewhere (HTTP 307)");
			assertThat(elsewhere.requests()).isEmpty();
		}
	}

	@Test
	void neitherTheKeyNorTheAudioNameGoesIntoAnyLogLineOrMessage() {
		Logger logger = (Logger) LoggerFactory.getLogger(TranscriptionClient.class);
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		logged.start();
		logger.addAppender(logged);
		Level level = logger.getLevel();
		logger.setLevel(Level.TRACE);
		List<String> messages = new ArrayList<>();
		try {
			stub.enqueue(Reply.segments(seg(0, 1, "Hello.")), Reply.error(401, "Incorrect API key provided: " + KEY),
					Reply.error(400, "bad key " + KEY), Reply.tooManyRequests("5"), Reply.serverError(), Reply.malformed(),
					Reply.hang());
			TranscriptionClient client = client(settings().withTimeout(Duration.ofSeconds(1)));
			client.transcribe(wav);
			for (int i = 0; i < 6; i++) {
				messages.add(failure(client).getMessage());
			}
			client(settings().withAzure("2024-06-01").withTimeout(Duration.ofSeconds(1))).toString();
		}
		finally {
			logger.detachAppender(logged);
			logger.setLevel(level);
		}

		assertThat(messages).hasSize(6).allSatisfy(message -> assertThat(message).doesNotContain(KEY, "4f9a2c7e1b"));
		assertThat(logged.list).hasSizeGreaterThanOrEqualTo(6).allSatisfy(event -> {
			assertThat(event.getFormattedMessage()).doesNotContain(KEY, "4f9a2c7e1b", "Bearer", "chunk-003", "Hello");
			assertThat(event.getThrowableProxy()).isNull();
		});
		assertThat(logged.list.getFirst().getFormattedMessage()).matches(
				"Transcription at 127\\.0\\.0\\.1:\\d+ answered HTTP 200 in \\d+ ms");
		assertThat(settings().toString()).doesNotContain(KEY);
	}

	@Test
	void transcriptionIsOnOnlyWithAnHttpAddressWithAHostAndAModel() {
		assertThat(TranscriptionSettings.of("https://api.openai.com/v1", "whisper-1", "").enabled()).isTrue();
		assertThat(TranscriptionSettings.of("http://localhost:8080/v1/", "base.en", "").enabled()).isTrue();
		assertThat(TranscriptionSettings.of("", "whisper-1", KEY).enabled()).isFalse();
		assertThat(TranscriptionSettings.of(null, "whisper-1", KEY).enabled()).isFalse();
		assertThat(TranscriptionSettings.of("localhost:8080/v1", "whisper-1", KEY).problem())
			.isEqualTo("the base URL must start with http:// or https://");
		assertThat(TranscriptionSettings.of("ftp://files.example/v1", "whisper-1", KEY).enabled()).isFalse();
		assertThat(TranscriptionSettings.of("http:///v1", "whisper-1", KEY).problem()).isEqualTo("the base URL has no host");
		assertThat(TranscriptionSettings.of("http://exa mple/v1", "whisper-1", KEY).enabled()).isFalse();
		assertThat(TranscriptionSettings.of("https://api.openai.com/v1", " ", KEY).problem()).isEqualTo("no model is set");

		TranscriptionClient off = client(TranscriptionSettings.of("localhost:8080/v1", "whisper-1", KEY));
		assertThat(off.enabled()).isFalse();
		Failure failure = failure(off);
		assertThat(failure.retryable()).isFalse();
		assertThat(failure.getMessage()).startsWith("transcription is not configured");
	}

	@Test
	void theSpringConstructorReadsTheSettingsAndTheJobCanReadTheRetries() {
		TranscriptionClient client = new TranscriptionClient(stub.url() + "/", "whisper-1", KEY, "", "en", 300, 3, 2, 120,
				JSON);

		assertThat(client.enabled()).isTrue();
		assertThat(client.retries()).isEqualTo(3);
		assertThat(client.backOff()).isEqualTo(Duration.ofSeconds(2));
		assertThat(client.maxRetryWait()).isEqualTo(Duration.ofSeconds(120));
		stub.enqueue(Reply.segments(seg(0, 1, "Hello.")));
		assertThat(client.transcribe(wav)).hasSize(1);
		assertThat(stub.lastRequest().path()).isEqualTo("/v1/audio/transcriptions");
		assertThat(stub.lastRequest().field("language")).isEqualTo("en");
	}

	@Test
	void theSettingsComeFromTheirEnvironmentVariablesWithTheDocumentedDefaults() throws IOException {
		StandardEnvironment defaults = environment(Map.of());
		assertThat(defaults.resolvePlaceholders("${stride.transcription.base-url}")).isEmpty();
		assertThat(defaults.resolvePlaceholders("${stride.transcription.model}")).isEqualTo("whisper-1");
		assertThat(defaults.resolvePlaceholders("${stride.transcription.timeout-seconds}")).isEqualTo("300");
		assertThat(defaults.resolvePlaceholders("${stride.transcription.retries}")).isEqualTo("3");
		assertThat(defaults.resolvePlaceholders("${stride.transcription.max-retry-wait-seconds}")).isEqualTo("120");

		StandardEnvironment set = environment(Map.of("STRIDE_TRANSCRIPTION_BASE_URL", "http://localhost:8080/v1",
				"STRIDE_TRANSCRIPTION_MODEL", "base.en", "STRIDE_TRANSCRIPTION_API_KEY", KEY,
				"STRIDE_TRANSCRIPTION_TIMEOUT_SECONDS", "60", "STRIDE_TRANSCRIPTION_RETRIES", "5",
				"STRIDE_TRANSCRIPTION_MAX_RETRY_WAIT_SECONDS", "30", "STRIDE_TRANSCRIPTION_LANGUAGE", "fr",
				"STRIDE_TRANSCRIPTION_API_VERSION", "2024-06-01"));
		assertThat(set.resolvePlaceholders("${stride.transcription.base-url} ${stride.transcription.model} "
				+ "${stride.transcription.api-key} ${stride.transcription.timeout-seconds} ${stride.transcription.retries} "
				+ "${stride.transcription.max-retry-wait-seconds} ${stride.transcription.language} "
				+ "${stride.transcription.api-version}"))
			.isEqualTo("http://localhost:8080/v1 base.en " + KEY + " 60 5 30 fr 2024-06-01");
	}

	/** application.yml over the given environment variables, as Spring Boot reads it. */
	private static StandardEnvironment environment(Map<String, Object> variables) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
		for (PropertySource<?> yml : new YamlPropertySourceLoader().load("application",
				new ClassPathResource("application.yml"))) {
			environment.getPropertySources().addLast(yml);
		}
		return environment;
	}

	@Test
	void theStubCanAnswerEveryChunkToldApartForTheJobsTests() throws IOException {
		stub.enqueue(Reply.serverError())
			.answerEachWith(List.of(seg(0, 1.5, "Chunk {n} begins."), seg(1.5, 3, "Chunk {n} ends.")));
		TranscriptionClient client = client(settings());

		assertThat(failure(client).retryable()).isTrue();
		assertThat(client.transcribe(wav)).extracting(Segment::text).containsExactly("Chunk 2 begins.", "Chunk 2 ends.");
		assertThat(client.transcribe(wav("chunk-004.wav", 3))).extracting(Segment::text)
			.containsExactly("Chunk 3 begins.", "Chunk 3 ends.");
		assertThat(stub.lastRequest().wavSeconds()).isEqualTo(3.0);
	}

	@Test
	void aMissingAudioFileIsRefusedBeforeAnythingIsSent() {
		Failure failure = catchThrowableOfType(Failure.class,
				() -> client(settings()).transcribe(dir.resolve("gone.wav")));

		assertThat(failure.retryable()).isFalse();
		assertThat(failure.getMessage()).isEqualTo("the audio file gone.wav could not be read");
		assertThat(stub.requests()).isEmpty();
	}
}
