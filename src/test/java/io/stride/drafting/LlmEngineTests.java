package io.stride.drafting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.stride.drafting.internal.ExtractedSource;
import io.stride.drafting.internal.LlmEngine;
import io.stride.drafting.internal.LlmSettings;
import io.stride.support.ChatStub;
import io.stride.support.ChatStub.Reply;
import io.stride.support.ChatStub.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language-model engine against a local HTTP server that speaks the OpenAI chat-completions protocol (plain
 * and streamed answers): one request per module and one for the course text, structured output and its JSON-mode
 * fallback, slow, malformed, rate-limited and failing answers, questions that fail the checks, and the hybrid mode.
 */
class LlmEngineTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SOURCE = """
			# Handling a refund request

			## Who approves a refund

			The account executive approves refunds up to EUR 500 within 30 days of purchase.
			Refunds above EUR 500 go to the sales manager for approval.
			The finance team pays approved refunds within 5 working days.

			## Steps for every refund

			1. Confirm receipt of the request on the same day.
			2. Check the purchase date and the amount against the invoice.
			3. Tell the customer the decision within 2 working days.

			## Keeping records of refunds

			Every refund is recorded in the billing system by the account executive.
			Refund records are kept for 7 years so that the auditors can check them.
			""";

	private ChatStub stub;

	/** What the stub answers to each request, by its kind and module heading. */
	private volatile Function<Request, Reply> replies;

	private final List<String> stages = Collections.synchronizedList(new ArrayList<>());

	@BeforeEach
	void startStub() {
		stub = new ChatStub();
		stub.answer(request -> replies.apply(request));
	}

	@AfterEach
	void stopStub() {
		stub.close();
	}

	@Test
	void eachModuleIsDraftedInItsOwnRequestWithItsOwnTextThenTheCourseIsAssembled() {
		replies = this::goodAnswers;
		ExtractedSource source = source();
		CourseDraft offline = offline();
		assertThat(offline.modules()).hasSize(3);

		CourseDraft draft = engine(settings()).draft(List.of(source), offline, (step, stage) -> stages.add(step + " " + stage));

		assertThat(draft.engine()).isEqualTo("llm");
		assertThat(draft.warnings()).noneMatch(w -> w.contains("came from the offline engine"));
		// the document's own title stands; the model's would be used only if the document had none
		assertThat(draft.title()).isEqualTo(offline.title()).isNotEqualTo("Refunds done right");
		assertThat(draft.summary()).isEqualTo("You decide refunds and keep their records.");
		assertThat(draft.objectives()).containsExactly("Name who approves a refund", "Sequence the refund steps",
				"State how long refund records are kept");
		assertThat(draft.modules()).extracting(DraftModule::title)
			.containsExactly("Who approves", "The refund steps", "Records");
		// three module requests, each holding its own module's text with block offsets and nothing of the others
		List<Request> modules = stub.requests().stream().filter(r -> r.heading() != null).toList();
		assertThat(modules).hasSize(3);
		Request steps = modules.stream().filter(r -> r.module("Steps for every refund")).findFirst().orElseThrow();
		int offset = source.blocks().stream().filter(b -> b.text().startsWith("Confirm receipt")).findFirst().orElseThrow().start();
		assertThat(steps.body()).contains("Confirm receipt of the request on the same day.", "[@" + offset + " ")
			.doesNotContain("approves refunds up to EUR 500", "kept for 7 years");
		assertThat(stub.requests()).filteredOn(Request::courseText).hasSize(1);
		// structured output, strict, with the key sent only as the bearer token
		assertThat(stub.requests()).allSatisfy(r -> {
			JsonNode body = JSON.readTree(r.body());
			assertThat(body.path("response_format").path("type").asString()).isEqualTo("json_schema");
			assertThat(body.path("response_format").path("json_schema").path("strict").asBoolean()).isTrue();
			assertThat(body.path("model").asString()).isEqualTo("stub-model");
			assertThat(body.path("max_tokens").asInt()).isPositive();
			assertThat(r.auth()).isEqualTo("Bearer test-key");
			assertThat(r.body()).doesNotContain("test-key");
		});
		// every citation is an exact span of the extracted text, inside its own module
		for (DraftModule module : draft.modules()) {
			module.lessons().forEach(l -> l.citations().forEach(c -> assertExact(c, source)));
			module.knowledgeCheck().forEach(q -> assertExact(q.citation(), source));
		}
		DraftQuestion decision = draft.modules().get(1).knowledgeCheck().get(0);
		assertThat(decision.prompt()).isEqualTo("How soon does the customer hear the decision?");
		assertThat(decision.citation().text()).isEqualTo("Tell the customer the decision within 2 working days.");
		assertThat(draft.quiz()).extracting(DraftQuestion::prompt).contains("Who pays approved refunds?");
		draft.quiz().forEach(q -> assertExact(q.citation(), source));
		// the drafting page hears each finished module
		assertThat(stages).contains("5 Module 1 of 3 drafted with the language model",
				"5 Module 3 of 3 drafted with the language model");
	}

	@Test
	void aServerWithoutStructuredOutputGetsJsonModeFromThenOn() {
		replies = request -> JSON.readTree(request.body()).path("response_format").path("type").asString().equals("json_schema")
				? new Reply(400, "{\"error\":{\"message\":\"Unsupported parameter: response_format.type json_schema\"}}",
						Map.of("Content-Type", "application/json"), 0)
				: goodAnswers(request);
		LlmEngine engine = engine(settings().withStream(false));

		CourseDraft draft = engine.draft(List.of(source()), offline());

		assertThat(draft.engine()).isEqualTo("llm");
		assertThat(draft.warnings()).noneMatch(w -> w.contains("came from the offline engine"));
		assertThat(engine.usesJsonMode()).isTrue();
		List<String> formats = stub.requests().stream()
			.map(r -> JSON.readTree(r.body()).path("response_format").path("type").asString())
			.toList();
		// refused once, then JSON mode for the rest of the engine's requests, the schema described in the prompt
		assertThat(formats.stream().filter("json_schema"::equals).count()).isBetween(1L, 2L);
		assertThat(formats.stream().filter("json_object"::equals).count()).isEqualTo(4);
		assertThat(formats.get(formats.size() - 1)).isEqualTo("json_object");
		assertThat(stub.requests().get(stub.requests().size() - 1).body()).contains("matching this JSON schema");
	}

	@Test
	void aStreamedAnswerIsReadFromItsServerSentEvents() {
		replies = request -> {
			Reply good = goodAnswers(request);
			String content = JSON.readTree(good.body()).path("choices").path(0).path("message").path("content").asString();
			StringBuilder events = new StringBuilder();
			for (int i = 0; i < content.length(); i += 40) {
				String chunk = content.substring(i, Math.min(content.length(), i + 40));
				events.append("data: ")
					.append(JSON.writeValueAsString(Map.of("choices", List.of(Map.of("index", 0, "delta", Map.of("content", chunk))))))
					.append("\n\n");
			}
			events.append("data: [DONE]\n\n");
			return new Reply(200, events.toString(), Map.of("Content-Type", "text/event-stream"), 0);
		};

		CourseDraft draft = engine(settings().withStream(true)).draft(List.of(source()), offline());

		assertThat(draft.engine()).isEqualTo("llm");
		assertThat(draft.modules().get(1).title()).isEqualTo("The refund steps");
		assertThat(stub.requests()).allSatisfy(r -> assertThat(JSON.readTree(r.body()).path("stream").asBoolean()).isTrue());
	}

	@Test
	void aSlowModuleFallsBackAloneAndTheOthersAreKept() {
		replies = request -> request.module("Keeping records of refunds")
				? new Reply(200, ChatStub.completion(recordsModule()), Map.of("Content-Type", "application/json"), 3000)
				: goodAnswers(request);
		long start = System.nanoTime();

		CourseDraft draft = engine(settings().withTimeout(Duration.ofSeconds(1))).draft(List.of(source()), offline());

		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2900);
		assertThat(draft.engine()).isEqualTo("llm");
		assertThat(draft.modules().get(0).title()).isEqualTo("Who approves");
		assertThat(draft.modules().get(2)).isEqualTo(offline().modules().get(2));
		assertThat(draft.warnings()).anyMatch(w -> w.startsWith("Module 3 (“") && w.contains("came from the offline engine")
				&& w.contains("did not answer within 1 seconds"));
	}

	@Test
	void aMalformedModuleAnswerFallsBackWhileTheOtherModulesAreKept() {
		replies = request -> request.module("Who approves a refund") ? Reply.ok("this is { not json") : goodAnswers(request);

		CourseDraft draft = engine(settings()).draft(List.of(source()), offline());

		assertThat(draft.engine()).isEqualTo("llm");
		assertThat(draft.modules().get(0)).isEqualTo(offline().modules().get(0));
		assertThat(draft.modules().get(1).title()).isEqualTo("The refund steps");
		assertThat(draft.modules().get(2).title()).isEqualTo("Records");
		assertThat(draft.warnings()).anyMatch(w -> w.startsWith("Module 1 (“") && w.contains("not valid JSON"));
	}

	@Test
	void aRateLimitIsWaitedForAsRetryAfterSaysAndThePageHearsOfTheWait() {
		AtomicInteger limited = new AtomicInteger();
		replies = request -> request.module("Steps for every refund") && limited.getAndIncrement() == 0
				? new Reply(429, "{\"error\":{\"message\":\"slow down\"}}", Map.of("Retry-After", "2"), 0)
				: goodAnswers(request);

		CourseDraft draft = engine(settings()).draft(List.of(source()), offline(), (step, stage) -> stages.add(stage));

		List<Request> steps = stub.requests().stream().filter(r -> r.module("Steps for every refund")).toList();
		assertThat(steps).hasSize(2);
		assertThat(steps.get(1).atMillis() - steps.get(0).atMillis()).isGreaterThanOrEqualTo(1900);
		assertThat(draft.modules().get(1).title()).isEqualTo("The refund steps");
		assertThat(draft.warnings()).noneMatch(w -> w.contains("came from the offline engine"));
		assertThat(stages).contains("Module 2: the server is busy, trying again in 2 s");
	}

	@Test
	void aRetryAfterDateWithinTheCapIsWaitedFor() {
		AtomicInteger limited = new AtomicInteger();
		// a date has whole seconds: four seconds ahead is more than three seconds away
		String soon = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(4));
		replies = request -> request.module("Steps for every refund") && limited.getAndIncrement() == 0
				? new Reply(429, "{}", Map.of("Retry-After", soon), 0)
				: goodAnswers(request);

		CourseDraft draft = engine(settings().withRetries(2, Duration.ofMillis(50), Duration.ofSeconds(10)))
			.draft(List.of(source()), offline());

		List<Request> steps = stub.requests().stream().filter(r -> r.module("Steps for every refund")).toList();
		assertThat(steps).hasSize(2);
		assertThat(steps.get(1).atMillis() - steps.get(0).atMillis()).isBetween(2500L, 6000L);
		assertThat(draft.modules().get(1).title()).isEqualTo("The refund steps");
	}

	@Test
	void aRetryAfterLongerThanTheCapIsNotWaitedForAndTheModuleFallsBackAtOnce() {
		String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
		for (String retryAfter : List.of("60", inAMinute, "99999999999999999999999")) {
			stub.close();
			stub = new ChatStub();
			stub.answer(request -> request.module("Steps for every refund")
					? new Reply(429, "{}", Map.of("Retry-After", retryAfter), 0)
					: goodAnswers(request));
			long start = System.nanoTime();

			CourseDraft draft = engine(settings().withRetries(2, Duration.ofMillis(50), Duration.ofSeconds(5)))
				.draft(List.of(source()), offline());

			assertThat((System.nanoTime() - start) / 1_000_000).as(retryAfter).isLessThan(4000);
			assertThat(stub.requests().stream().filter(r -> r.module("Steps for every refund"))).as(retryAfter).hasSize(1);
			assertThat(draft.modules().get(1)).isEqualTo(offline().modules().get(1));
			assertThat(draft.warnings()).as(retryAfter)
				.anyMatch(w -> w.startsWith("Module 2 (“") && w.contains("asked to wait longer than 5 seconds"));
		}
	}

	@Test
	void aServiceUnavailableAnswerHonoursRetryAfterToo() {
		AtomicInteger busy = new AtomicInteger();
		replies = request -> request.module("Steps for every refund") && busy.getAndIncrement() == 0
				? new Reply(503, "{}", Map.of("Retry-After", "2"), 0)
				: goodAnswers(request);

		CourseDraft draft = engine(settings()).draft(List.of(source()), offline());

		List<Request> steps = stub.requests().stream().filter(r -> r.module("Steps for every refund")).toList();
		assertThat(steps).hasSize(2);
		// the back-off alone would have been 50 ms
		assertThat(steps.get(1).atMillis() - steps.get(0).atMillis()).isGreaterThanOrEqualTo(1900);
		assertThat(draft.modules().get(1).title()).isEqualTo("The refund steps");
	}

	@Test
	void aServerErrorIsRetriedABoundedNumberOfTimesThenTheModuleFallsBack() {
		replies = request -> request.module("Keeping records of refunds")
				? new Reply(500, "{\"error\":{\"message\":\"internal\"}}", Map.of(), 0) : goodAnswers(request);

		CourseDraft draft = engine(settings()).draft(List.of(source()), offline());

		assertThat(stub.requests().stream().filter(r -> r.module("Keeping records of refunds"))).hasSize(3);
		assertThat(draft.engine()).isEqualTo("llm");
		assertThat(draft.modules().get(2)).isEqualTo(offline().modules().get(2));
		assertThat(draft.warnings()).anyMatch(w -> w.startsWith("Module 3 (“") && w.contains("answered HTTP 500 after 3 tries"));
	}

	@Test
	void aQuestionQuotingAnotherModulesTextIsReplacedByAnOfflineQuestionFromTheSameModule() {
		// the quote is word for word in the source, but in module 1: module 2 may quote only its own text
		replies = request -> request.module("Steps for every refund")
				? Reply.ok(stepsModule("The finance team pays approved refunds within 5 working days.",
						"How soon are approved refunds paid?", "Within 5 working days"))
				: goodAnswers(request);
		ExtractedSource source = source();
		CourseDraft offline = offline();

		CourseDraft draft = engine(settings()).draft(List.of(source), offline);

		DraftModule steps = draft.modules().get(1);
		assertThat(steps.title()).isEqualTo("The refund steps");
		assertThat(source.text()).contains("The finance team pays approved refunds within 5 working days.");
		assertThat(steps.knowledgeCheck()).noneMatch(q -> q.prompt().equals("How soon are approved refunds paid?"))
			.anyMatch(q -> offline.modules().get(1).knowledgeCheck().contains(q));
		int from = source.text().indexOf("Confirm receipt");
		int to = source.text().indexOf("within 2 working days.") + "within 2 working days.".length();
		assertThat(steps.knowledgeCheck()).allSatisfy(q -> {
			assertExact(q.citation(), source);
			assertThat(q.citation().start()).isGreaterThanOrEqualTo(from - 3);
			assertThat(q.citation().end()).isLessThanOrEqualTo(to);
		});
		assertThat(draft.warnings()).anyMatch(w -> w.startsWith("Module 2 (“") && w.contains("failed the checks")
				&& w.contains("from the offline engine instead"));
	}

	@Test
	void theHybridModeRewritesWordingButKeepsEveryCitationAndKey() {
		CourseDraft offline = offline();
		AtomicInteger rewrites = new AtomicInteger();
		Map<String, String> passages = new ConcurrentHashMap<>();
		Set<String> spoiled = ConcurrentHashMap.newKeySet();
		AtomicBoolean distractorSpoiled = new AtomicBoolean();
		AtomicBoolean keySpoiled = new AtomicBoolean();
		AtomicInteger choices = new AtomicInteger();
		long rewordable = offline.allQuestions().stream()
			.filter(q -> List.of("SINGLE_CHOICE", "MULTIPLE_CHOICE", "ORDERING").contains(q.kind()))
			.count();
		assertThat(rewordable).as("questions the model may reword").isPositive();
		replies = request -> {
			JsonNode body = JSON.readTree(request.body());
			String user = body.path("messages").path(1).path("content").asString();
			if (user.contains("Objectives to rewrite")) {
				return Reply.ok("{\"objectives\":[\"Name who approves a refund\",\"Sequence the refund steps\","
						+ "\"State how long refund records are kept\"]}");
			}
			JsonNode asked = JSON.readTree(user.substring(user.indexOf('[')));
			List<Map<String, Object>> answers = new ArrayList<>();
			for (JsonNode q : asked) {
				passages.put(q.path("prompt").asString(), q.path("passage").asString());
				List<String> options = new ArrayList<>();
				q.path("options").forEach(o -> options.add(o.asString()));
				List<Integer> keys = new ArrayList<>();
				q.path("correct").forEach(k -> keys.add(k.asInt()));
				rewrites.incrementAndGet();
				boolean choice = !q.path("kind").asString().equals("ORDERING");
				// modules are rewritten two at a time, so which question comes first varies: the spoilt ones are chosen by kind
				// (with a single question to reword, none is spoilt, so that one rewrite is kept)
				boolean spoilKey = rewordable > 1 && !choice && keySpoiled.compareAndSet(false, true);
				// a second choice question, where the draft has one, offers a wrong option its passage states
				boolean spoilDistractor = choice && choices.getAndIncrement() == 1;
				String passage = q.path("passage").asString();
				for (int i = 0; i < options.size(); i++) {
					boolean key = keys.contains(i);
					if (spoilKey && key) {
						// the ordering question's rewrite changes its steps: it must be refused
						options.set(i, "Something else entirely");
						spoiled.add(q.path("prompt").asString());
					}
					else if (spoilDistractor && !key && distractorSpoiled.compareAndSet(false, true)) {
						// refused too
						options.set(i, String.join(" ", Arrays.asList(passage.split(" ")).subList(0, 4)));
						spoiled.add(q.path("prompt").asString());
					}
					else if (!key && choice) {
						options.set(i, options.get(i) + " (reworded)");
					}
				}
				answers.add(Map.of("id", q.path("id").asString(), "prompt", "Scenario: " + q.path("prompt").asString(),
						"options", options));
			}
			return Reply.ok(JSON.writeValueAsString(Map.of("questions", answers)));
		};

		CourseDraft draft = engine(settings().withMode(LlmSettings.Mode.HYBRID)).draft(List.of(source()), offline,
				(step, stage) -> stages.add(stage));

		assertThat(draft.engine()).isEqualTo("llm");
		assertThat(draft.warnings()).anySatisfy(w -> assertThat(w).contains("hybrid mode"));
		assertThat(draft.objectives()).contains("Sequence the refund steps");
		assertThat(draft.modules()).extracting(DraftModule::lessons).isEqualTo(offline.modules().stream().map(DraftModule::lessons).toList());
		List<DraftQuestion> before = offline.allQuestions();
		List<DraftQuestion> after = draft.allQuestions();
		assertThat(after).hasSameSizeAs(before);
		int changed = 0;
		for (int i = 0; i < before.size(); i++) {
			DraftQuestion was = before.get(i);
			DraftQuestion now = after.get(i);
			assertThat(now.citation()).isEqualTo(was.citation());
			assertThat(now.kind()).isEqualTo(was.kind());
			assertThat(now.correct()).isEqualTo(was.correct());
			assertThat(now.correct().stream().map(now.options()::get).toList())
				.isEqualTo(was.correct().stream().map(was.options()::get).toList());
			if (!now.prompt().equals(was.prompt())) {
				changed++;
				assertThat(passages).containsEntry(was.prompt(), was.citation().text());
			}
			if (spoiled.contains(was.prompt())) {
				assertThat(now).isEqualTo(was);
			}
		}
		assertThat(spoiled).hasSize((keySpoiled.get() ? 1 : 0) + (distractorSpoiled.get() ? 1 : 0));
		assertThat(changed).isPositive().isEqualTo(rewrites.get() - spoiled.size());
		if (!spoiled.isEmpty()) {
			assertThat(draft.warnings()).anyMatch(w -> w.contains("rewritten questions failed the checks"));
		}
		assertThat(stages).anyMatch(s -> s.startsWith("Module 3 of 3 rewritten"));
	}

	@Test
	void aMalformedAnswerForEveryModuleFallsBackToTheOfflineEngineAndSaysSo() {
		replies = request -> Reply.ok("this is { not json");
		CourseDraft draft = engine(settings()).draft(List.of(source()), offline());
		assertThat(draft.engine()).isEqualTo("offline");
		assertThat(draft.warnings().get(0)).contains("not valid JSON").contains("offline engine drafted");
		assertThat(draft.allQuestions()).isNotEmpty();
	}

	@Test
	void aServerThatNeverAnswersInTimeFallsBackWithinTheTimeLimits() {
		replies = request -> new Reply(200, ChatStub.completion(recordsModule()), Map.of("Content-Type", "application/json"), 3000);
		long start = System.nanoTime();
		CourseDraft draft = engine(settings().withTimeout(Duration.ofSeconds(1))).draft(List.of(source()), offline());
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2900);
		// two modules at a time; no course text is asked for when no module came from the model
		assertThat(stub.requests()).hasSizeLessThanOrEqualTo(3).noneMatch(Request::courseText);
		assertThat(draft.engine()).isEqualTo("offline");
		assertThat(draft.warnings().get(0)).contains("did not answer within 1 seconds");
	}

	@Test
	void anErrorStatusFallsBackWithoutLeakingTheKey() {
		replies = request -> new Reply(401, "{\"error\":{\"message\":\"invalid key test-key\"}}", Map.of(), 0);
		CourseDraft draft = engine(settings()).draft(List.of(source()), offline());
		assertThat(draft.engine()).isEqualTo("offline");
		assertThat(draft.warnings().get(0)).contains("answered HTTP 401");
		assertThat(draft.warnings()).noneMatch(w -> w.contains("test-key"));
		// a refusal is not retried
		assertThat(stub.requests()).hasSizeLessThanOrEqualTo(3);
	}

	@Test
	void atMostTwoModulesAreDraftedAtOnce() {
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		replies = request -> {
			if (request.heading() == null) {
				return goodAnswers(request);
			}
			most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			inFlight.decrementAndGet();
			return goodAnswers(request);
		};

		CourseDraft draft = engine(settings()).draft(List.of(source()), offline());

		assertThat(draft.engine()).isEqualTo("llm");
		assertThat(most.get()).isEqualTo(2);
	}

	@Test
	void neitherTheKeyNorTheSourceTextIsLogged() {
		Logger drafting = (Logger) LoggerFactory.getLogger("io.stride.drafting");
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		logged.start();
		drafting.addAppender(logged);
		Level level = drafting.getLevel();
		drafting.setLevel(Level.DEBUG);
		try {
			replies = request -> request.module("Who approves a refund") ? Reply.ok("not { json")
					: request.module("Steps for every refund")
							? new Reply(500, "{\"error\":{\"message\":\"key test-key refused\"}}", Map.of(), 0)
							: new Reply(401, "{\"error\":{\"message\":\"invalid key test-key\"}}", Map.of(), 0);

			engine(settings()).draft(List.of(source()), offline());
		}
		finally {
			drafting.detachAppender(logged);
			drafting.setLevel(level);
		}
		assertThat(logged.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage())
			.doesNotContain("test-key", "EUR 500", "Confirm receipt", "Who approves", "Steps for every refund"));
	}

	@Test
	void aModuleLeftWithFewerThanTwoCheckQuestionsAfterRepeatsAreRemovedIsNamedInTheWarnings() {
		// module 2 asks its own questions, but in the words module 1 already used for its check
		replies = request -> request.module("Steps for every refund") ? Reply.ok("""
				{"title":"The refund steps","takeaways":[],
				 "lessons":[{"title":"Three steps","markdown":"1. Confirm","sourceQuote":"Confirm receipt of the request on the same day."}],
				 "questions":[{"kind":"SINGLE_CHOICE","prompt":"Who approves a refund of EUR 800?",
				   "options":["On the same day","Within 30 days","Within 10 working days"],"correct":[0],
				   "explanation":"Same day.","sourceQuote":"Confirm receipt of the request on the same day."},
				  {"kind":"SINGLE_CHOICE","prompt":"The account executive approves refunds up to EUR 500.",
				   "options":["Within 2 working days","Within 30 days","Within 10 working days"],"correct":[0],
				   "explanation":"Two days.","sourceQuote":"Tell the customer the decision within 2 working days."}],
				 "quizQuestions":[]}""") : goodAnswers(request);

		CourseDraft draft = engine(settings()).draft(List.of(source()), offline());

		assertThat(draft.modules().get(1).title()).isEqualTo("The refund steps");
		assertThat(draft.modules().get(1).knowledgeCheck()).isEmpty();
		assertThat(draft.warnings()).anyMatch(w -> w.startsWith("Module 2 (“") && w.contains("0 knowledge-check questions left"));
	}

	@Test
	void anAddressWithoutASchemeSwitchesTheModelOffAndNeverBreaksADraft() {
		LlmSettings settings = LlmSettings.of(true, "localhost:11434/v1", "stub-model", "test-key", 0);
		assertThat(settings.enabled()).isFalse();
		assertThat(LlmSettings.addressProblem("localhost:11434/v1")).contains("http://");
		assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(1));

		// even asked directly, the engine falls back instead of failing the draft
		CourseDraft draft = engine(settings).draft(List.of(source()), offline());

		assertThat(draft.engine()).isEqualTo("offline");
		assertThat(draft.warnings().get(0)).contains("not a valid http or https URL").contains("offline engine drafted");
	}

	@Test
	void anAnswerThatTricklesInAfterItsHeadersIsCutAtTheTimeLimit() {
		replies = request -> request.module("Keeping records of refunds") ? Reply.trickling(recordsModule(), 4000)
				: goodAnswers(request);
		long start = System.nanoTime();

		CourseDraft draft = engine(settings().withTimeout(Duration.ofSeconds(1))).draft(List.of(source()), offline());

		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3500);
		assertThat(draft.engine()).isEqualTo("llm");
		assertThat(draft.modules().get(0).title()).isEqualTo("Who approves");
		assertThat(draft.modules().get(2)).isEqualTo(offline().modules().get(2));
		assertThat(draft.warnings()).anyMatch(w -> w.startsWith("Module 3 (“") && w.contains("did not answer within 1 seconds"));
	}

	@Test
	void anAnswerOverTwoMegabytesIsRefusedAndTheModuleFallsBack() {
		String huge = "{\"title\":\"" + "x".repeat(2_200_000) + "\"}";
		replies = request -> request.module("Who approves a refund") ? Reply.ok(huge) : goodAnswers(request);

		CourseDraft draft = engine(settings()).draft(List.of(source()), offline());

		assertThat(draft.engine()).isEqualTo("llm");
		assertThat(draft.modules().get(0)).isEqualTo(offline().modules().get(0));
		assertThat(draft.warnings()).anyMatch(w -> w.startsWith("Module 1 (“") && w.contains("longer than 2 MB"));
	}

	@Test
	void aServerThatRefusesATemperatureIsAskedWithoutOneFromThenOn() {
		replies = request -> JSON.readTree(request.body()).has("temperature")
				? new Reply(400, "{\"error\":{\"message\":\"Unsupported value: 'temperature' does not support 0\"}}",
						Map.of("Content-Type", "application/json"), 0)
				: goodAnswers(request);

		CourseDraft draft = engine(settings()).draft(List.of(source()), offline());

		assertThat(draft.engine()).isEqualTo("llm");
		assertThat(draft.warnings()).noneMatch(w -> w.contains("came from the offline engine"));
		List<Request> sent = stub.requests();
		// at most the two modules asked at once carry it; the course text, asked last, does not
		assertThat(sent.stream().filter(r -> JSON.readTree(r.body()).has("temperature")).count()).isBetween(1L, 2L);
		assertThat(JSON.readTree(sent.get(sent.size() - 1).body()).has("temperature")).isFalse();
	}

	@Test
	void theRemainingModulesGoToTheOfflineEngineOnceTheTimeBudgetIsSpent() {
		replies = request -> new Reply(200, ChatStub.completion(recordsModule()), Map.of("Content-Type", "application/json"),
				4000);
		long start = System.nanoTime();

		CourseDraft draft = engine(settings().withTimeout(Duration.ofSeconds(30)).withBudget(Duration.ofSeconds(1)))
			.draft(List.of(source()), offline());

		// the per-try limit (30 s) is cut to what is left of the budget
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
		assertThat(draft.engine()).isEqualTo("offline");
		assertThat(stub.requests()).hasSizeLessThanOrEqualTo(2);
		assertThat(draft.warnings()).anyMatch(w -> w.contains("did not answer within 1 seconds"));
	}

	@Test
	void anInterruptedDraftStopsItsModulesAndKeepsTheInterrupt() throws Exception {
		replies = request -> new Reply(200, ChatStub.completion(recordsModule()), Map.of("Content-Type", "application/json"),
				10_000);
		AtomicReference<CourseDraft> drafted = new AtomicReference<>();
		AtomicBoolean stillInterrupted = new AtomicBoolean();
		CourseDraft offline = offline();
		Thread drafting = Thread.ofPlatform().start(() -> {
			drafted.set(engine(settings().withTimeout(Duration.ofSeconds(30))).draft(List.of(source()), offline));
			stillInterrupted.set(Thread.currentThread().isInterrupted());
		});
		Thread.sleep(500);
		long start = System.nanoTime();

		drafting.interrupt();
		drafting.join(5000);

		assertThat(drafting.isAlive()).isFalse();
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
		assertThat(stillInterrupted).isTrue();
		assertThat(drafted.get().engine()).isEqualTo("offline");
		assertThat(drafted.get().modules()).isEqualTo(offline.modules());
	}

	private Reply goodAnswers(Request request) {
		if (request.courseText()) {
			return Reply.ok("""
					{"title":"Refunds done right","summary":"You decide refunds and keep their records.",
					 "objectives":["Name who approves a refund","Sequence the refund steps","State how long refund records are kept"]}""");
		}
		if (request.module("Who approves a refund")) {
			return Reply.ok("""
					{"title":"Who approves","takeaways":["Up to EUR 500: the account executive decides."],
					 "lessons":[{"title":"Who decides","markdown":"Refunds up to **EUR 500**.",
					   "sourceQuote":"The account executive approves refunds up to EUR 500 within 30 days of purchase."}],
					 "questions":[{"kind":"SINGLE_CHOICE","prompt":"Who approves a refund of EUR 800?",
					   "options":["The sales manager","The account executive","The finance team"],"correct":[0],
					   "explanation":"Above EUR 500 the sales manager approves.",
					   "sourceQuote":"Refunds above EUR 500 go to the sales manager for approval."},
					  {"kind":"TRUE_FALSE","prompt":"The account executive approves refunds up to EUR 500.",
					   "options":["True","False"],"correct":[0],"explanation":"As the policy says.",
					   "sourceQuote":"[@10 text] The account executive approves refunds up to EUR 500 within 30 days of purchase."}],
					 "quizQuestions":[{"kind":"SINGLE_CHOICE","prompt":"Who pays approved refunds?",
					   "options":["The finance team","The sales manager","The customer"],"correct":[0],
					   "explanation":"Finance pays.","sourceQuote":"The finance team pays approved refunds within 5 working days."}]}""");
		}
		if (request.module("Steps for every refund")) {
			return Reply.ok(stepsModule("Tell the customer the decision within 2 working days."));
		}
		return Reply.ok(recordsModule());
	}

	private static String stepsModule(String quote) {
		return stepsModule(quote, "How soon does the customer hear the decision?", "Within 2 working days");
	}

	private static String stepsModule(String quote, String prompt, String key) {
		return """
				{"title":"The refund steps","takeaways":[],
				 "lessons":[{"title":"Three steps","markdown":"1. Confirm\\n2. Check\\n3. Tell",
				   "sourceQuote":"Confirm receipt of the request on the same day."}],
				 "questions":[{"kind":"SINGLE_CHOICE","prompt":"%s",
				   "options":["%s","Within 30 days","Within 10 working days"],"correct":[0],
				   "explanation":"As the source says.","sourceQuote":"%s"},
				  {"kind":"SINGLE_CHOICE","prompt":"When do you confirm receipt of a request?",
				   "options":["On the same day","Within 2 working days","Within 30 days"],"correct":[0],
				   "explanation":"Same day.","sourceQuote":"Confirm receipt of the request on the same day."}],
				 "quizQuestions":[]}""".formatted(prompt, key, quote);
	}

	private static String recordsModule() {
		return """
				{"title":"Records","takeaways":["Keep refund records for 7 years."],
				 "lessons":[{"title":"Keeping records","markdown":"Record every refund; keep it **7 years**.",
				   "sourceQuote":"Refund records are kept for 7 years so that the auditors can check them."}],
				 "questions":[{"kind":"SINGLE_CHOICE","prompt":"How long are refund records kept?",
				   "options":["7 years","5 years","30 days"],"correct":[0],"explanation":"Seven years.",
				   "sourceQuote":"Refund records are kept for 7 years so that the auditors can check them."}],
				 "quizQuestions":[]}""";
	}

	private static void assertExact(Citation citation, ExtractedSource source) {
		assertThat(citation.source()).isEqualTo(source.name());
		assertThat(source.text().substring(citation.start(), citation.end())).isEqualTo(citation.text());
	}

	private LlmSettings settings() {
		return LlmSettings.of(true, stub.url(), "stub-model", "test-key", 5)
			.withRetries(2, Duration.ofMillis(50), Duration.ofSeconds(5));
	}

	private static LlmEngine engine(LlmSettings settings) {
		return new LlmEngine(settings, JSON);
	}

	private static SourceFile file() {
		return new SourceFile("refunds.md", SOURCE.getBytes(StandardCharsets.UTF_8));
	}

	private static ExtractedSource source() {
		return DraftingQualityTests.READER.read(file());
	}

	private static CourseDraft offline() {
		return DraftingQualityTests.DRAFTING.draft(List.of(file()), null);
	}
}
