package io.stride.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.stride.support.Fixtures;
import io.stride.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that send a request body a few bytes at a time must not take the request threads from everyone else.
 * Over real sockets on loopback, with the body timeouts shortened so that the attack is over in seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"server.tomcat.connection-timeout=3s", "stride.http.body-read-timeout=8s", "stride.http.upload-grace=2s",
		"server.forward-headers-strategy=native", "server.tomcat.remoteip.internal-proxies=127.0.0.1/32",
		"stride.http.max-body-readers=20", "stride.http.max-upload-readers=4" })
class SlowClientTests {

	static final int ATTACKERS = 250;

	static final Duration ATTACK = Duration.ofSeconds(12);

	/**
	 * The attack sends every five seconds, within the read timeout (8 s, as 5 s is within 10 s in production), so
	 * only the minimum rate can end it: at the first chunk after the grace, plus a margin for a busy machine.
	 */
	static final Duration CLOSED_WITHIN = Duration.ofSeconds(5 + 4);

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "sign-in form", "file upload" })
	void slowBodiesAreCutOffWhileOtherPeopleKeepGettingPages(String kind) throws Exception {
		HttpClient normal = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(1))
			.build();
		HttpRequest signInPage = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.timeout(Duration.ofSeconds(2))
			.build();
		// the page once before the attack, so that what is measured is the attack, not the first rendering
		assertThat(normal.send(HttpRequest.newBuilder(signInPage.uri()).timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		try (ExecutorService sockets = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Duration>> attackers = new ArrayList<>();
			long attackStart = System.nanoTime();
			for (int i = 0; i < ATTACKERS; i++) {
				// all of them within the first second, as a script opening sockets in a loop would
				long opensAt = attackStart + i * Duration.ofSeconds(1).toNanos() / ATTACKERS;
				attackers.add(sockets.submit(() -> {
					waitUntil(opensAt);
					return attack(kind, port);
				}));
			}
			List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
			int failures = 0;
			while (System.nanoTime() - attackStart < ATTACK.toNanos()) {
				long start = System.nanoTime();
				try {
					HttpResponse<String> page = normal.send(signInPage, HttpResponse.BodyHandlers.ofString());
					latencies.add(System.nanoTime() - start);
					assertThat(page.statusCode()).isEqualTo(200);
				}
				catch (java.net.http.HttpTimeoutException timedOut) {
					System.out.printf("slow-body attack: a page timed out %d ms into the attack%n",
							(System.nanoTime() - attackStart) / 1_000_000);
					failures++;
				}
				Thread.sleep(50);
			}
			List<Duration> closedAfter = new ArrayList<>();
			for (Future<Duration> attacker : attackers) {
				closedAfter.add(attacker.get(30, TimeUnit.SECONDS));
			}
			List<Long> sorted = latencies.stream().sorted().toList();
			long p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
			System.out.printf("slow-body attack (%s): %d slow sockets; %d pages answered, %d timed out, max %d ms, p95 %d ms; "
					+ "slow sockets closed after at most %d ms%n", kind, ATTACKERS, sorted.size(), failures,
					sorted.getLast() / 1_000_000, p95 / 1_000_000,
					closedAfter.stream().mapToLong(Duration::toMillis).max().orElse(0));
			assertThat(failures).as("pages that took longer than 2 s").isZero();
			assertThat(sorted.getLast()).as("slowest page, ns").isLessThan(Duration.ofSeconds(1).toNanos());
			assertThat(closedAfter).allSatisfy(after -> assertThat(after).isLessThan(CLOSED_WITHIN));
		}
	}

	static void waitUntil(long nanoTime) throws InterruptedException {
		long left = nanoTime - System.nanoTime();
		if (left > 0) {
			Thread.sleep(Duration.ofNanos(left));
		}
	}

	static Duration attack(String kind, int port) throws IOException {
		return kind.equals("file upload")
				? dribble(port, "/drafts", "multipart/form-data; boundary=xyz",
						"--xyz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"notes.txt\"\r\n"
								+ "Content-Type: text/plain\r\n\r\nClaims are paid within 30 days.\r\n--xyz--\r\n")
				: dribble(port, "/login", "application/x-www-form-urlencoded",
						"email=" + Fixtures.ADMIN_EMAIL + "&password=admin-password-for-tests&_csrf=xyz");
	}

	/**
	 * Sends a request's headers, then its body ten bytes every five seconds, and waits for the server to answer or
	 * close.
	 * @return how long the server took to end the exchange
	 */
	static Duration dribble(int port, String path, String contentType, String body) throws IOException {
		long start = System.nanoTime();
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(200);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\n"
					+ "Content-Length: " + body.length() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
			int sent = 0;
			long nextChunk = start;
			while (System.nanoTime() - start < Duration.ofSeconds(30).toNanos()) {
				if (sent < bytes.length && System.nanoTime() >= nextChunk) {
					int n = Math.min(10, bytes.length - sent);
					try {
						out.write(bytes, sent, n);
						out.flush();
					}
					catch (IOException closed) {
						return Duration.ofNanos(System.nanoTime() - start);
					}
					sent += n;
					nextChunk += Duration.ofSeconds(5).toNanos();
				}
				try {
					RawHttp.Response answer = RawHttp.read(in);
					// whatever came back, it is no sign-in
					assertThat(answer.headers("Location")).noneMatch(location -> location.contains("/learning"));
					return Duration.ofNanos(System.nanoTime() - start);
				}
				catch (SocketTimeoutException stillOpen) {
					// nothing yet: keep dribbling
				}
				catch (IOException | RuntimeException closed) {
					return Duration.ofNanos(System.nanoTime() - start);
				}
			}
			return Duration.ofNanos(System.nanoTime() - start);
		}
	}

	@Test
	void bodiesLargerThanTheRouteTakesAreRefusedBeforeTheyAreRead() throws Exception {
		long start = System.nanoTime();
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(5_000);
			socket.getOutputStream().write(("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{\"email\":")
				.getBytes(StandardCharsets.ISO_8859_1));
			RawHttp.Response refused = RawHttp.read(socket.getInputStream());
			assertThat(refused.status()).isEqualTo(413);
			assertThat(refused.body()).contains("larger than");
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		String padded = "email=a%40b.c&password=" + "x".repeat(20_000);
		RawHttp.Response signIn = RawHttp.exchange(port, "POST", "/login",
				List.of("Host: localhost", "Content-Type: application/x-www-form-urlencoded"), padded);
		assertThat(signIn.status()).isEqualTo(413);
		RawHttp.Response upload = RawHttp.exchange(port, "POST", "/profile/password",
				List.of("Host: localhost", "Content-Type: multipart/form-data; boundary=x"),
				"--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n--x--\r\n");
		assertThat(upload.status()).isEqualTo(413);
		assertThat(upload.body()).contains("takes no file uploads");
	}

	@Test
	void uploadsKeepingUpTheMinimumRateNeverTakeTheSlotsOfSignIns() throws Exception {
		int uploaders = 20;
		try (ExecutorService sockets = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Integer>> uploads = new ArrayList<>();
			for (int i = 0; i < uploaders; i++) {
				String address = "198.51.100." + (i + 1);
				uploads.add(sockets.submit(() -> steadyUpload(port, address, Duration.ofSeconds(6))));
			}
			Thread.sleep(2_000);
			long start = System.nanoTime();
			RawHttp.Response signIn = RawHttp.exchange(port, "POST", "/login",
					List.of("Host: localhost", "Content-Type: application/x-www-form-urlencoded",
							"X-Forwarded-For: 203.0.113.9"),
					"email=someone%40stride.test&password=wrong");
			// a sign-in form without its CSRF token is refused by the security filters (403), not for want of a slot
			assertThat(signIn.status()).isNotEqualTo(413);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
			long refused = 0;
			for (Future<Integer> upload : uploads) {
				if (upload.get(30, TimeUnit.SECONDS) == 413) {
					refused++;
				}
			}
			assertThat(refused).as("uploads beyond the upload pool are refused at once").isGreaterThanOrEqualTo(uploaders - 4);
		}
	}

	@Test
	void oneAddressCannotTakeEverySlot() throws Exception {
		try (ExecutorService sockets = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Integer>> uploads = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				uploads.add(sockets.submit(() -> steadyForm(port, "198.51.100.200", Duration.ofSeconds(5))));
			}
			long refused = 0;
			for (Future<Integer> upload : uploads) {
				if (upload.get(30, TimeUnit.SECONDS) == 413) {
					refused++;
				}
			}
			assertThat(refused).as("bodies beyond eight at once from one address").isGreaterThanOrEqualTo(4);
		}
	}

	@Test
	void aFormWithABrokenEscapeIsNoServerError() throws Exception {
		RawHttp.Response answer = RawHttp.exchange(port, "POST", "/login",
				List.of("Host: localhost", "Content-Type: application/x-www-form-urlencoded"), "email=%&password=%zz");
		assertThat(answer.status()).isBetween(300, 499);
	}

	/**
	 * A body that keeps above the minimum rate for a while, then stops: the status the server answered while it was
	 * sending, 0 if the server closed, -1 if it was still reading.
	 */
	static int steadyUpload(int port, String address, Duration sending) throws IOException {
		return steady(port, address, "/drafts", "multipart/form-data; boundary=xyz", sending);
	}

	static int steadyForm(int port, String address, Duration sending) throws IOException {
		return steady(port, address, "/api/v1/courses", "application/json", sending);
	}

	private static int steady(int port, String address, String path, String type, Duration sending) throws IOException {
		long start = System.nanoTime();
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(200);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + address
					+ "\r\nContent-Type: " + type + "\r\nContent-Length: 1000000\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			byte[] chunk = "x".repeat(1_000).getBytes(StandardCharsets.ISO_8859_1);
			while (System.nanoTime() - start < sending.toNanos()) {
				try {
					out.write(chunk);
					out.flush();
				}
				catch (IOException closed) {
					break;
				}
				try {
					return RawHttp.read(socket.getInputStream()).status();
				}
				catch (SocketTimeoutException stillOpen) {
					// 1,000 bytes every 200 ms: 5 KB/s, above the minimum rate
				}
				catch (IOException | RuntimeException closed) {
					return 0;
				}
			}
			// still reading when the sender stopped: it was not refused for want of a slot
			return -1;
		}
	}
}
