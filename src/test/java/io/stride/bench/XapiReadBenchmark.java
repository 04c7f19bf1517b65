package io.stride.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Reads for the LRS at scale (issue 19, point 4): {@code concurrency} clients GET a learner's statements with the
 * filters a report or a learner's profile uses, {@code requests} times in all, and the first {@code more} page of a
 * learner's statements; prints p50/p95/p99 per query and overall. The learners and activities are those of
 * bench/xapi-read-data.sql.
 * <p>
 * Arguments: endpoint (e.g. http://127.0.0.1:8121/xapi) key secret [requests=2000] [concurrency=4] [learners=20000]
 * [activities=5000]
 */
public final class XapiReadBenchmark {

	private record Query(String name, IntFunction<String> path) {
	}

	public static void main(String[] args) throws Exception {
		String endpoint = args[0].endsWith("/") ? args[0] : args[0] + "/";
		String authorization = "Basic " + Base64.getEncoder()
			.encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
		int requests = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
		int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 4;
		int learners = args.length > 5 ? Integer.parseInt(args[5]) : 20000;
		int activities = args.length > 6 ? Integer.parseInt(args[6]) : 5000;
		String lastYear = Instant.now().minus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
		String lastMonth = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
		List<Query> queries = List.of(
				new Query("agent", l -> "statements?agent=" + agent(l)),
				new Query("agent+verb", l -> "statements?agent=" + agent(l) + "&verb="
						+ enc("http://adlnet.gov/expapi/verbs/completed")),
				new Query("agent+since", l -> "statements?agent=" + agent(l) + "&since=" + enc(lastYear)),
				new Query("agent+verb+since+limit10", l -> "statements?agent=" + agent(l) + "&verb="
						+ enc("http://adlnet.gov/expapi/verbs/passed") + "&since=" + enc(lastMonth) + "&limit=10"),
				new Query("agent+course(related)", l -> "statements?agent=" + agent(l) + "&activity="
						+ enc("https://bench.example/courses/" + ThreadLocalRandom.current().nextInt(activities / 20))
						+ "&related_activities=true"),
				new Query("agent+activity", l -> "statements?agent=" + agent(l) + "&activity="
						+ enc("https://bench.example/activities/" + ThreadLocalRandom.current().nextInt(activities))),
				new Query("agent then more", l -> "statements?agent=" + agent(l) + "&limit=25"));
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		// a warm-up, not counted: the JIT and the connection pool (the database's cache stays as the load finds it)
		run(http, endpoint, authorization, queries, Math.min(200, requests), concurrency, learners, false);
		run(http, endpoint, authorization, queries, requests, concurrency, learners, true);
	}

	private static String agent(int learner) {
		return enc("{\"mbox\":\"mailto:learner" + learner + "@bench.example\"}");
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private static void run(HttpClient http, String endpoint, String authorization, List<Query> queries, int requests,
			int concurrency, int learners, boolean report) throws InterruptedException {
		Map<String, List<Long>> latencies = new TreeMap<>();
		queries.forEach(q -> latencies.put(q.name(), Collections.synchronizedList(new ArrayList<>())));
		latencies.put("more page", Collections.synchronizedList(new ArrayList<>()));
		AtomicInteger next = new AtomicInteger();
		AtomicLong failed = new AtomicLong();
		AtomicLong statements = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		long started = System.nanoTime();
		for (int c = 0; c < concurrency; c++) {
			threads.add(Thread.ofPlatform().start(() -> {
				for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
					Query query = queries.get(i % queries.size());
					int learner = ThreadLocalRandom.current().nextInt(learners);
					try {
						String body = get(http, endpoint + query.path().apply(learner), authorization,
								latencies.get(query.name()), failed);
						if (body == null) {
							continue;
						}
						statements.addAndGet(count(body));
						int more = body.indexOf("\"more\":\"");
						if (query.name().equals("agent then more") && more >= 0) {
							String link = body.substring(more + 8, body.indexOf('"', more + 8));
							URI base = URI.create(endpoint);
							get(http, base.resolve(link).toString(), authorization, latencies.get("more page"), failed);
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
		List<Long> all = new ArrayList<>();
		System.out.printf("requests=%d concurrency=%d seconds=%.1f failed=%d statements returned=%d%n", requests,
				concurrency, elapsed, failed.get(), statements.get());
		latencies.forEach((name, list) -> {
			List<Long> sorted = new ArrayList<>(list);
			Collections.sort(sorted);
			all.addAll(sorted);
			System.out.printf("%-26s n=%5d p50=%6.1f p95=%6.1f p99=%6.1f ms%n", name, sorted.size(), pct(sorted, 50),
					pct(sorted, 95), pct(sorted, 99));
		});
		Collections.sort(all);
		System.out.printf("%-26s n=%5d p50=%6.1f p95=%6.1f p99=%6.1f ms%n", "all", all.size(), pct(all, 50),
				pct(all, 95), pct(all, 99));
	}

	private static String get(HttpClient http, String url, String authorization, List<Long> latencies,
			AtomicLong failed) throws Exception {
		long t0 = System.nanoTime();
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", authorization)
			.header("X-Experience-API-Version", "1.0.3")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		long took = System.nanoTime() - t0;
		if (answer.statusCode() != 200) {
			if (failed.incrementAndGet() < 5) {
				System.err.println(answer.statusCode() + " " + url + " " + answer.body());
			}
			return null;
		}
		latencies.add(took);
		return answer.body();
	}

	/** How many statements a page holds: each has exactly one "authority". */
	private static int count(String body) {
		int n = 0;
		for (int at = body.indexOf("\"authority\""); at >= 0; at = body.indexOf("\"authority\"", at + 1)) {
			n++;
		}
		return n;
	}

	private static double pct(List<Long> sorted, int p) {
		return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
	}
}
