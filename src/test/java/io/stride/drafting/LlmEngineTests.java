package io.stride.drafting;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import io.stride.drafting.internal.ExtractedSource;
import io.stride.drafting.internal.LlmEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language-model engine against a local HTTP server that speaks the OpenAI chat-completions protocol:
 * a good answer, a partly wrong one, a malformed one, a slow one and an error.
 */
class LlmEngineTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SOURCE = """
			# Handling a refund request

			The account executive approves refunds up to EUR 500 within 30 days of purchase.
			Refunds above EUR 500 go to the sales manager for approval.

			## Steps

			1. Confirm receipt of the request on the same day.
			2. Check the purchase date and the amount.
			3. Tell the customer the decision within 2 working days.
			""";

	private HttpServer server;

	private final AtomicReference<String> reply = new AtomicReference<>();

	private final AtomicReference<String> received = new AtomicReference<>();

	private volatile int status = 200;

	private volatile long delayMillis;

	@BeforeEach
	void startStub() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/v1/chat/completions", exchange -> {
			received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
					+ "\nAUTH " + exchange.getRequestHeaders().getFirst("Authorization"));
			try {
				Thread.sleep(delayMillis);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			byte[] body = reply.get().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stopStub() {
		server.stop(0);
	}

	@Test
	void aValidAnswerBecomesTheDraftWithCitationsFoundInTheSource() {
		reply.set(completion(answer("Tell the customer the decision within 2 working days.", 0, "EUR 500")));
		CourseDraft draft = draft(2);
		assertThat(draft.engine()).isEqualTo("llm");
		assertThat(draft.title()).isEqualTo("Refunds done right");
		// the model's one question, completed to two from the offline draft
		assertThat(draft.modules().get(0).knowledgeCheck()).hasSize(2);
		DraftQuestion question = draft.modules().get(0).knowledgeCheck().get(0);
		assertThat(question.prompt()).isEqualTo("How soon does the customer hear the decision?");
		assertThat(question.citation().text()).isEqualTo("Tell the customer the decision within 2 working days.");
		assertThat(question.citation().source()).isEqualTo("refunds.md");
		assertThat(received.get()).contains("\"response_format\"", "\"json_schema\"", "\"model\":\"stub-model\"",
				"AUTH Bearer test-key");
	}

	@Test
	void questionsThatFailTheChecksAreDroppedAndTheQuizIsCompletedOffline() {
		// the answer index is out of range, and a quote is made up
		reply.set(completion(answer("Refunds are always approved by the CEO.", 7, "EUR 500")));
		CourseDraft draft = draft(2);
		assertThat(draft.engine()).isEqualTo("llm");
		// the failed question is replaced by the offline module's knowledge check
		assertThat(draft.modules().get(0).knowledgeCheck()).isNotEmpty()
			.noneMatch(q -> q.prompt().equals("How soon does the customer hear the decision?"));
		assertThat(draft.warnings()).anyMatch(w -> w.contains("failed the checks"));
		assertThat(draft.warnings()).anyMatch(w -> w.contains("came from the offline engine"));
		assertThat(draft.warnings()).anyMatch(w -> w.contains("completed with questions from the offline engine"));
	}

	@Test
	void aMalformedAnswerFallsBackToTheOfflineEngineAndSaysSo() {
		reply.set(completion("this is { not json"));
		CourseDraft draft = draft(2);
		assertThat(draft.engine()).isEqualTo("offline");
		assertThat(draft.warnings().get(0)).contains("not valid JSON").contains("offline engine drafted");
		assertThat(draft.allQuestions()).isNotEmpty();
	}

	@Test
	void aSlowAnswerTimesOutAndFallsBack() {
		reply.set(completion(answer("Tell the customer the decision within 2 working days.", 1, "EUR 500")));
		delayMillis = 3000;
		long start = System.nanoTime();
		CourseDraft draft = draft(1);
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2900);
		assertThat(draft.engine()).isEqualTo("offline");
		assertThat(draft.warnings().get(0)).contains("did not answer within 1 seconds");
	}

	@Test
	void anErrorStatusFallsBackWithoutLeakingTheKey() {
		reply.set("{\"error\":{\"message\":\"invalid key test-key\"}}");
		status = 401;
		CourseDraft draft = draft(2);
		assertThat(draft.engine()).isEqualTo("offline");
		assertThat(draft.warnings().get(0)).contains("answered HTTP 401").doesNotContain("test-key");
	}

	private CourseDraft draft(int timeoutSeconds) {
		LlmEngine engine = new LlmEngine(true, "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "stub-model",
				"test-key", timeoutSeconds, JSON);
		SourceFile file = new SourceFile("refunds.md", SOURCE.getBytes(StandardCharsets.UTF_8));
		ExtractedSource source = DraftingQualityTests.READER.read(file);
		CourseDraft offline = DraftingQualityTests.DRAFTING.draft(List.of(file), null);
		return engine.draft(List.of(source), offline);
	}

	private static String answer(String quote, int correct, String option) {
		return """
				{"title":"Refunds done right","audience":"For account executives","summary":"How refunds are decided.",
				 "objectives":["List the refund steps","State the approval limit","Decide who approves a refund"],
				 "modules":[{"title":"Refunds","takeaways":["Up to EUR 500: the account executive decides."],
				   "lessons":[{"title":"Who decides","markdown":"Refunds up to **EUR 500**.",
				     "sourceQuote":"The account executive approves refunds up to EUR 500 within 30 days of purchase."}],
				   "questions":[{"kind":"SINGLE_CHOICE","prompt":"How soon does the customer hear the decision?",
				     "options":["Within 2 working days","Within 30 days","%s"],"correct":[%d],
				     "explanation":"The source says within 2 working days.","sourceQuote":"%s"}]}],
				 "quiz":[]}""".formatted(option, correct, quote);
	}

	private static String completion(String content) {
		return JSON.writeValueAsString(java.util.Map.of("id", "chatcmpl-1", "object", "chat.completion", "choices",
				List.of(java.util.Map.of("index", 0, "finish_reason", "stop", "message",
						java.util.Map.of("role", "assistant", "content", content)))));
	}
}
