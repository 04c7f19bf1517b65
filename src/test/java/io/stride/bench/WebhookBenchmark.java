package io.stride.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.stride.StrideApplication;
import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Result;
import io.stride.activity.Verb;
import io.stride.identity.OrganizationAdministration;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.integration.WebhookEvent;
import io.stride.integration.Webhooks;
import io.stride.integration.internal.Signatures;
import io.stride.shared.Ids;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 17's webhook figure: learning-record statements recorded at 1,000 a minute (each in its own transaction, as
 * learners make them) for {@code minutes}, delivered by the application's own scheduled delivery runs to a local
 * receiver that checks every signature. Reports how many arrived, in order or not, and the lag from the statement to
 * its arrival (p50/p95/max); then a backlog of 5,000 at once and how fast it drains. Not a test: bench/webhooks.sh.
 */
public final class WebhookBenchmark {

	public static void main(String[] args) throws Exception {
		double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 2;
		int perMinute = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
		String db = System.getenv().getOrDefault("STRIDE_DB_URL", "jdbc:h2:mem:webhook-bench;DB_CLOSE_DELAY=-1");
		ConcurrentLinkedQueue<long[]> arrivals = new ConcurrentLinkedQueue<>();
		AtomicInteger badSignatures = new AtomicInteger();
		AtomicInteger outOfOrder = new AtomicInteger();
		String[] secret = new String[1];
		long[] lastSeq = { -1 };
		HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		receiver.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			long now = System.currentTimeMillis();
			String signature = exchange.getRequestHeaders().getFirst("Stride-Signature");
			long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
			if (!Signatures.sign(secret[0], t, body).equals(signature.substring(signature.indexOf("v1=") + 3))) {
				badSignatures.incrementAndGet();
			}
			// the object id carries the statement's number: "…/bench-<n>"
			int at = body.indexOf("bench-");
			long n = Long.parseLong(body.substring(at + 6, body.indexOf('"', at)));
			synchronized (lastSeq) {
				if (n < lastSeq[0]) {
					outOfOrder.incrementAndGet();
				}
				lastSeq[0] = n;
			}
			int occurred = body.indexOf("\"occurredAt\":\"") + 14;
			long sent = Instant.parse(body.substring(occurred, body.indexOf('"', occurred))).toEpochMilli();
			arrivals.add(new long[] { n, now - sent });
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
		receiver.start();
		ConfigurableApplicationContext app = SpringApplication.run(StrideApplication.class, "--server.port=0",
				"--spring.datasource.url=" + db,
				"--spring.datasource.username=" + System.getenv().getOrDefault("STRIDE_DB_USER", "sa"),
				"--spring.datasource.password=" + System.getenv().getOrDefault("STRIDE_DB_PASSWORD", ""),
				"--stride.demo-data=false",
				"--stride.admin.email=webhook-bench@bench.test", "--stride.admin.password=webhook-bench-password",
				// test-classes' application.properties (on this class path) turns the delivery job off: on again
				"--stride.integration.allow-loopback=true", "--stride.integration.delivery-cron=* * * * * *",
				"--logging.level.root=WARN");
		try {
			Viewer admin = app.getBean(OrganizationAdministration.class).adminViewer("webhook-bench@bench.test");
			Webhooks webhooks = app.getBean(Webhooks.class);
			LearningRecord record = app.getBean(LearningRecord.class);
			TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
			Webhooks.NewSubscription sub = webhooks.subscribe(admin,
					"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
					List.of(WebhookEvent.STATEMENT_RECORDED.type()), "benchmark");
			secret[0] = sub.secret();
			PersonId actor = new PersonId(Ids.newId());

			int total = (int) Math.round(minutes * perMinute);
			long intervalNanos = 60_000_000_000L / perMinute;
			long start = System.nanoTime();
			for (int i = 0; i < total; i++) {
				long due = start + i * intervalNanos;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				int n = i;
				tx.executeWithoutResult(s -> record.record(new LearningAction(actor, "Bench learner", Verb.EXPERIENCED,
						ActivityType.LESSON, "bench-" + n, "Lesson " + n, null, Result.NONE)));
			}
			double producedSeconds = (System.nanoTime() - start) / 1e9;
			long waitUntil = System.currentTimeMillis() + 30_000;
			while (arrivals.size() < total && System.currentTimeMillis() < waitUntil) {
				Thread.sleep(100);
			}
			long[] lags = arrivals.stream().mapToLong(a -> a[1]).sorted().toArray();
			System.out.printf("steady: %d statements in %.1f s (%.0f a minute); %d delivered, %d bad signatures, "
					+ "%d out of order; lag p50 %d ms, p95 %d ms, max %d ms%n", total, producedSeconds,
					total / producedSeconds * 60, arrivals.size(), badSignatures.get(), outOfOrder.get(),
					percentile(lags, 50), percentile(lags, 95), lags.length == 0 ? -1 : lags[lags.length - 1]);

			// a backlog (a receiver back after being down): 5,000 waiting at once
			arrivals.clear();
			synchronized (lastSeq) {
				lastSeq[0] = -1;
			}
			int backlog = 5000;
			tx.executeWithoutResult(s -> {
				for (int i = 0; i < backlog; i++) {
					record.record(new LearningAction(actor, "Bench learner", Verb.EXPERIENCED, ActivityType.LESSON,
							"bench-" + i, "Lesson " + i, null, Result.NONE));
				}
			});
			long drainStart = System.nanoTime();
			waitUntil = System.currentTimeMillis() + 300_000;
			while (arrivals.size() < backlog && System.currentTimeMillis() < waitUntil) {
				Thread.sleep(50);
			}
			double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
			System.out.printf("backlog: %d delivered of %d in %.1f s (%.0f a minute), %d bad signatures, %d out of order%n",
					arrivals.size(), backlog, drainSeconds, arrivals.size() / drainSeconds * 60, badSignatures.get(),
					outOfOrder.get());
		}
		finally {
			app.close();
			receiver.stop(0);
		}
	}

	private static long percentile(long[] sorted, int p) {
		if (sorted.length == 0) {
			return -1;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}
}
