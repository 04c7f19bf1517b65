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

import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.ZipBombs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads that try to take the node down, over real HTTP so that other people's requests compete for the same
 * threads and cores as they would in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocumentBombTests {

	/** A 4 MB DOCX whose document.xml unpacks to 1 GB, as in the incident. */
	private static final byte[] BOMB = ZipBombs.docx(1L << 30);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	Org org;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final ExecutorService threads = Executors.newCachedThreadPool();

	@BeforeEach
	void organization() {
		org = fixtures.organization();
	}

	@AfterEach
	void stopThreads() {
		threads.shutdownNow();
	}

	@Test
	void aZipBombUploadedTwiceAtOnceIsRefusedQuicklyWhileOtherPagesStayFast() throws Exception {
		List<Long> pageMillis = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean bombing = new AtomicBoolean(true);
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
		byte[] docx = ZipBombs.honestDocx("Refunds are paid within 14 days of the request.",
				"The finance team checks every refund over 500 euros before it is paid.",
				"Customers ask for a refund through the help desk, quoting their order number.",
				"A refund goes back to the card or account the customer paid with.");
		HttpResponse<String> answer = upload(org.managerA(), "refunds.docx", docx).join();
		assertThat(answer.statusCode()).isEqualTo(201);
		assertThat(answer.body()).contains("refunds.docx").contains("14 days");
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
