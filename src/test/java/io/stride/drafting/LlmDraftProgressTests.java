package io.stride.drafting;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.support.ChatStub;
import io.stride.support.ChatStub.Reply;
import io.stride.support.Fixtures;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The drafting page follows a language-model draft module by module, against a local chat-completions server that
 * holds back its answer for the last module of a three-module source until the test lets it go; drafts waiting for
 * the model do not hold up other drafts.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LlmDraftProgressTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern FIRST_BLOCK = Pattern.compile("\\[@\\d+ \\w+\\] ([^.\\n]+\\.)");

	/** Released by each test when it has seen what it wants while the last module is held back. */
	private static volatile CountDownLatch lastModule = new CountDownLatch(1);

	private static final ChatStub SERVER = stub();

	private static final String SOURCE = """
			# Handling a refund request

			## Who approves a refund

			The account executive approves refunds up to EUR 500 within 30 days of purchase.
			Refunds above EUR 500 go to the sales manager for approval.

			## Steps for every refund

			1. Confirm receipt of the request on the same day.
			2. Check the purchase date and the amount against the invoice.
			3. Tell the customer the decision within 2 working days.

			## Keeping records of refunds

			Every refund is recorded in the billing system by the account executive.
			Refund records are kept for 7 years so that the auditors can check them.
			""";

	@DynamicPropertySource
	static void languageModel(DynamicPropertyRegistry registry) {
		registry.add("stride.drafting.llm.enabled", () -> "true");
		registry.add("stride.drafting.llm.base-url", SERVER::url);
		registry.add("stride.drafting.llm.model", () -> "stub-model");
		registry.add("stride.drafting.llm.api-key", () -> "secret-key-for-tests");
		registry.add("stride.drafting.llm.timeout-seconds", () -> "20");
	}

	@AfterAll
	static void stopStub() {
		lastModule.countDown();
		SERVER.close();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void theDraftingPageCountsTheModulesAsTheModelFinishesThem() throws Exception {
		lastModule = new CountDownLatch(1);
		RequestPostProcessor author = SignedIn.as(fixtures.viewerPerson(fixtures.organization().managerA()));
		String job = mvc.perform(multipart("/drafts").param("text", SOURCE).with(author).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> mvc.perform(get(job).with(author))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Module 2 of 3 drafted with the language model…"))));
		assertThat(mvc.perform(get(job + "/progress").with(author)).andReturn().getResponse().getContentAsString())
			.contains("Module 2 of 3").doesNotContain("secret-key-for-tests");

		lastModule.countDown();
		String draft = await().atMost(Duration.ofSeconds(60)).until(() -> {
			JsonNode progress = JSON.readTree(mvc.perform(get(job + "/progress").with(author)).andReturn().getResponse()
				.getContentAsString());
			return progress.path("done").asBoolean() ? progress.path("draftId").asString() : null;
		}, id -> id != null);
		mvc.perform(get("/drafts/" + draft).with(author))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Drafted with a language model")))
			.andExpect(content().string(containsString("Lesson from the model")))
			.andExpect(content().string(not(containsString("secret-key-for-tests"))));
	}

	@Test
	void draftsWaitingForTheModelDoNotHoldUpAnotherDraft() throws Exception {
		lastModule = new CountDownLatch(1);
		Fixtures.Org org = fixtures.organization();
		RequestPostProcessor first = SignedIn.as(fixtures.viewerPerson(org.managerA()));
		RequestPostProcessor second = SignedIn.as(fixtures.viewerPerson(org.managerB()));
		try {
			// two drafts, as many as there are drafting threads, both waiting for the model's last module
			String one = startDraft(first, SOURCE);
			String two = startDraft(second, SOURCE);
			for (String job : List.of(one, two)) {
				await().atMost(Duration.ofSeconds(60)).until(() -> progress(first, second, job).contains("Module 2 of 3"));
			}

			String third = startDraft(first, "# Expenses\n\nReceipts are submitted within 10 days of purchase. The team lead "
					+ "approves each expense claim before it is paid.\n");

			await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(progress(first, second, third)).path("done").asBoolean());
			assertThat(progress(first, second, one)).doesNotContain("\"done\":true");
		}
		finally {
			lastModule.countDown();
		}
	}

	private String startDraft(RequestPostProcessor author, String text) throws Exception {
		return mvc.perform(multipart("/drafts").param("text", text).with(author).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	/** The job's progress as its author sees it (whichever of the two authors started it). */
	private String progress(RequestPostProcessor first, RequestPostProcessor second, String job) throws Exception {
		var response = mvc.perform(get(job + "/progress").with(first)).andReturn().getResponse();
		if (response.getStatus() != 200) {
			response = mvc.perform(get(job + "/progress").with(second)).andReturn().getResponse();
		}
		return response.getContentAsString();
	}

	/** Answers each module with one lesson quoting the module's first sentence; the third module waits. */
	private static ChatStub stub() {
		ChatStub stub = new ChatStub();
		stub.answer(request -> {
			String user = request.user();
			String content;
			if (user.startsWith("Module ")) {
				if (user.startsWith("Module 3 of 3")) {
					waitFor(lastModule);
				}
				Matcher first = FIRST_BLOCK.matcher(user);
				String quote = first.find() ? first.group(1) : "none";
				content = JSON.writeValueAsString(Map.of("title", "Part " + user.charAt(7), "takeaways", List.of(),
						"lessons", List.of(Map.of("title", "Lesson from the model", "markdown", quote, "sourceQuote", quote)),
						"questions", List.of(), "quizQuestions", List.of()));
			}
			else {
				content = "{\"title\":\"Refunds\",\"summary\":\"You decide refunds.\",\"objectives\":[\"Name who approves "
						+ "a refund\",\"Sequence the refund steps\",\"State how long records are kept\"]}";
			}
			return Reply.ok(content);
		});
		return stub;
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
