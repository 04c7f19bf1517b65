package io.stride.drafting;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.stride.drafting.internal.ParseSlots;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import io.stride.support.ZipBombs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploads that try to take the node down, over real HTTP so that other people's requests compete for the same
 * threads and cores as they would in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stride.drafting.parallel-parses=2", "stride.drafting.parse-wait-seconds=3",
				"stride.drafting.drafts-per-person=2" })
@AutoConfigureMockMvc
class DocumentBombTests {

	/** A 4 MB DOCX whose document.xml unpacks to 1 GB, as in the incident. */
	private static final byte[] BOMB = ZipBombs.docx(1L << 30);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ParseSlots slots;

	@Autowired
	MockMvc mvc;

	final List<ParseSlots.Slot> taken = new ArrayList<>();

	Org org;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final ExecutorService threads = Executors.newCachedThreadPool();

	@BeforeEach
	void organization() {
		org = fixtures.organization();
	}

	@AfterEach
	void giveBackSlotsAndStopThreads() {
		taken.forEach(ParseSlots.Slot::release);
		threads.shutdownNow();
	}

	@Test
	void aZipBombUploadedTwiceAtOnceIsRefusedQuicklyWhileOtherPagesStayFast() throws Exception {
		List<Long> pageMillis = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean bombing = new AtomicBoolean(true);
		for (int i = 0; i < 10; i++) {
			// a cold page is slow with or without bombs; what is measured is the bombs' effect on a warm one
			http.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.discarding());
		}
		Future<?> pages = threads.submit(() -> {
			long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
			while (bombing.get() || System.nanoTime() < until) {
				long start = System.nanoTime();
				HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/login")).timeout(Duration.ofSeconds(30)).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(page.statusCode()).isEqualTo(200);
				pageMillis.add((System.nanoTime() - start) / 1_000_000);
			}
			return null;
		});
		Thread.sleep(200);

		long start = System.nanoTime();
		CompletableFuture<HttpResponse<String>> first = upload(org.learnerA(), "handbook.docx", BOMB);
		CompletableFuture<HttpResponse<String>> second = upload(org.learnerB(), "handbook.docx", BOMB);
		List<HttpResponse<String>> answers = List.of(first.join(), second.join());
		long refusedMillis = (System.nanoTime() - start) / 1_000_000;
		bombing.set(false);
		pages.get();

		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.statusCode()).isEqualTo(422);
			assertThat(answer.body()).contains("\\\"handbook.docx\\\"").contains("unpacks to more than");
		});
		assertThat(refusedMillis).isLessThan(5_000);
		long p95 = percentile95(pageMillis);
		System.out.printf("Zip bomb twice at once: refused in %d ms; sign-in page p95 %d ms over %d requests%n",
				refusedMillis, p95, pageMillis.size());
		assertThat(pageMillis).hasSizeGreaterThan(10);
		assertThat(p95).isLessThan(500);
	}

	@Test
	void anHonestDocxStillBecomesADraft() throws Exception {
		HttpResponse<String> answer = upload(org.managerA(), "refunds.docx", honestDocx()).join();
		assertThat(answer.statusCode()).isEqualTo(201);
		assertThat(answer.body()).contains("refunds.docx").contains("14 days");
	}

	@Test
	void whenEveryParseSlotIsTakenAnUploadWaitsItsTurnAndPastThatIsToldWhenToTryAgain() throws Exception {
		takeEveryParseSlot();

		CompletableFuture<HttpResponse<String>> waiting = upload(org.managerA(), "refunds.docx", honestDocx());
		awaitWaiting(1);
		taken.remove(0).release();
		assertThat(waiting.join().statusCode()).isEqualTo(201);

		takeEveryParseSlot();
		long start = System.nanoTime();
		HttpResponse<String> refused = upload(org.managerA(), "refunds.docx", honestDocx()).join();
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
		assertThat(refused.body()).contains("\\\"refunds.docx\\\" was not read: Stride is reading 2 other documents")
			.contains("try again in 30 seconds");
		assertThat((System.nanoTime() - start) / 1_000_000).as("waited its turn first").isGreaterThanOrEqualTo(2_900);

		// the page says the same, next to the form
		mvc.perform(multipart("/drafts").file(new MockMultipartFile("files", "refunds.docx", "application/octet-stream", honestDocx()))
				.with(SignedIn.as(fixtures.viewerPerson(org.managerA()))).with(csrf()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(content().string(containsString("&quot;refunds.docx&quot; was not read: Stride is reading 2 other documents")));
	}

	@Test
	void aPersonWithTwoDraftsUnderWayMustWaitForOneBeforeStartingAThird() throws Exception {
		takeEveryParseSlot();
		CompletableFuture<HttpResponse<String>> first = upload(org.learnerA(), "refunds.docx", honestDocx());
		CompletableFuture<HttpResponse<String>> second = upload(org.learnerA(), "refunds.docx", honestDocx());
		awaitWaiting(2);

		HttpResponse<String> third = upload(org.learnerA(), "refunds.docx", honestDocx()).join();
		assertThat(third.statusCode()).isEqualTo(429);
		assertThat(third.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(third.body()).contains("you already have 2 drafts under way");
		mvc.perform(multipart("/drafts").file(new MockMultipartFile("files", "refunds.docx", "application/octet-stream", honestDocx()))
				.with(SignedIn.as(fixtures.viewerPerson(org.learnerA()))).with(csrf()))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(content().string(containsString("you already have 2 drafts under way")));

		// someone else is not held back by it, and once the first two are done the person may draft again
		CompletableFuture<HttpResponse<String>> someoneElse = upload(org.learnerB(), "refunds.docx", honestDocx());
		awaitWaiting(3);
		taken.forEach(ParseSlots.Slot::release);
		assertThat(List.of(first.join(), second.join(), someoneElse.join()))
			.allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(201));
		assertThat(upload(org.learnerA(), "refunds.docx", honestDocx()).join().statusCode()).isEqualTo(201);
	}

	private void takeEveryParseSlot() {
		while (slots.free() > 0) {
			taken.add(slots.take("held by the test"));
		}
	}

	private void awaitWaiting(int uploads) throws InterruptedException {
		for (int i = 0; i < 200 && slots.waiting() < uploads; i++) {
			Thread.sleep(10);
		}
		assertThat(slots.waiting()).as("uploads waiting for a parse slot").isEqualTo(uploads);
	}

	private static byte[] honestDocx() {
		return ZipBombs.honestDocx("Refunds are paid within 14 days of the request.",
				"The finance team checks every refund over 500 euros before it is paid.",
				"Customers ask for a refund through the help desk, quoting their order number.",
				"A refund goes back to the card or account the customer paid with.");
	}

	private CompletableFuture<HttpResponse<String>> upload(io.stride.identity.PersonId person, String name, byte[] content) {
		String boundary = "----stride" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(url("/api/v1/drafts"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + fixtures.token(person))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static long percentile95(List<Long> millis) {
		List<Long> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
	}
}
