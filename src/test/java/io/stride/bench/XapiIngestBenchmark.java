package io.stride.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest load for the LRS (issue 19, point 4): {@code clients} concurrent clients each POST batches of {@code batch}
 * statements to {@code /xapi/statements} for {@code seconds}, as fast as the LRS answers. Prints statements per
 * second and the batch latency percentiles. Statements vary like real ones: 2,000 learners (a tenth of them with
 * Stride accounts' form), 12 verbs, 500 activities, a registration and a parent activity on each.
 * <p>
 * With a {@code rate} (statements per second, all clients together) each client sends its share at an even pace
 * instead of as fast as the LRS answers: the latency at a given sustained load rather than at saturation.
 * <p>
 * Arguments: endpoint (e.g. http://127.0.0.1:8101/xapi) key secret [seconds=60] [clients=20] [batch=50] [rate=0,
 * as fast as possible]
 */
public final class XapiIngestBenchmark {

	private static final String[] VERBS = { "experienced", "attempted", "answered", "completed", "passed", "failed",
			"launched", "initialized", "terminated", "progressed", "scored", "commented" };

	public static void main(String[] args) throws Exception {
		String endpoint = args[0].endsWith("/") ? args[0] : args[0] + "/";
		String authorization = "Basic " + Base64.getEncoder()
			.encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
		int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
		int clients = args.length > 4 ? Integer.parseInt(args[4]) : 20;
		int batch = args.length > 5 ? Integer.parseInt(args[5]) : 50;
		double rate = args.length > 6 ? Double.parseDouble(args[6]) : 0;
		// nanoseconds between one client's batches when paced
		long interval = rate > 0 ? (long) (1e9 * batch * clients / rate) : 0;
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		// a short warm-up, not counted: the JIT and the connection pool
		run(http, endpoint, authorization, 10, clients, batch, interval, false);
		run(http, endpoint, authorization, seconds, clients, batch, interval, true);
	}

	private static void run(HttpClient http, String endpoint, String authorization, int seconds, int clients,
			int batch, long interval, boolean report) throws InterruptedException {
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicLong stored = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		List<Thread> threads = new ArrayList<>();
		long started = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			long offset = interval * c / clients;
			threads.add(Thread.ofPlatform().start(() -> {
				long next = System.nanoTime() + offset;
				while (System.nanoTime() < end) {
					String body = batch(batch);
					if (interval > 0) {
						// the latency counts from when the batch was due, so a late LRS can't hide its queue
						long wait = next - System.nanoTime();
						if (wait > 0) {
							java.util.concurrent.locks.LockSupport.parkNanos(wait);
						}
					}
					long t0 = interval > 0 ? next : System.nanoTime();
					next += interval;
					try {
						HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(endpoint + "statements"))
							.timeout(Duration.ofSeconds(30))
							.header("Authorization", authorization)
							.header("X-Experience-API-Version", "1.0.3")
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(body))
							.build(), HttpResponse.BodyHandlers.ofString());
						long took = System.nanoTime() - t0;
						if (answer.statusCode() == 200) {
							stored.addAndGet(batch);
							latencies.add(took);
						}
						else {
							failed.incrementAndGet();
							if (failed.get() < 5) {
								System.err.println(answer.statusCode() + " " + answer.body());
							}
						}
					}
					catch (Exception e) {
						failed.incrementAndGet();
					}
				}
			}));
		}
		for (Thread t : threads) {
			t.join();
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		if (!report) {
			return;
		}
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("clients=%d batch=%d seconds=%.1f batches=%d failed=%d%s%n", clients, batch, elapsed,
				sorted.size(), failed.get(), interval > 0
						? String.format(" paced at %.0f statements/s", 1e9 * batch * clients / interval) : " unpaced");
		System.out.printf("statements/s=%.0f%n", stored.get() / elapsed);
		System.out.printf("batch latency ms: p50=%.1f p95=%.1f p99=%.1f max=%.1f%n", pct(sorted, 50), pct(sorted, 95),
				pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
	}

	private static double pct(List<Long> sorted, int p) {
		return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
	}

	private static String batch(int size) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder b = new StringBuilder("[");
		String registration = UUID.randomUUID().toString();
		for (int i = 0; i < size; i++) {
			int learner = random.nextInt(2000);
			String verb = VERBS[random.nextInt(VERBS.length)];
			int activity = random.nextInt(500);
			b.append(i == 0 ? "" : ",")
				.append("{\"id\":\"").append(UUID.randomUUID())
				.append("\",\"actor\":{\"objectType\":\"Agent\",\"name\":\"Learner ").append(learner)
				.append("\",\"mbox\":\"mailto:learner").append(learner).append("@bench.example\"},")
				.append("\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/").append(verb)
				.append("\",\"display\":{\"en-US\":\"").append(verb).append("\"}},")
				.append("\"object\":{\"objectType\":\"Activity\",\"id\":\"https://bench.example/activities/")
				.append(activity).append("\",\"definition\":{\"name\":{\"en-US\":\"Activity ").append(activity)
				.append("\"},\"type\":\"http://adlnet.gov/expapi/activities/lesson\"}},")
				.append("\"result\":{\"score\":{\"scaled\":").append(random.nextInt(101) / 100.0)
				.append("},\"success\":").append(random.nextBoolean()).append(",\"duration\":\"PT")
				.append(random.nextInt(600)).append("S\"},")
				.append("\"context\":{\"registration\":\"").append(registration)
				.append("\",\"contextActivities\":{\"parent\":[{\"id\":\"https://bench.example/courses/")
				.append(activity / 20).append("\"}]},\"platform\":\"bench\"},")
				.append("\"timestamp\":\"").append(java.time.Instant.now()).append("\"}");
		}
		return b.append("]").toString();
	}
}
