package io.stride.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.stride.StrideApplication;
import io.stride.badges.BadgeDraft;
import io.stride.badges.BadgeId;
import io.stride.badges.BadgeIssuer;
import io.stride.badges.Badges;
import io.stride.badges.CriterionKind;
import io.stride.badges.IssuedBadge;
import io.stride.badges.internal.DataIntegrity;
import io.stride.badges.internal.InstallationKey;
import io.stride.badges.internal.OpenBadgeCredential;
import io.stride.identity.OrganizationAdministration;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.Ids;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times what issue 16 asks of badges: signing one credential (JSON-LD to RDF, RDFC-1.0 twice, Ed25519), issuing one
 * (the definition locked, a status index taken, signed, stored, the event published, committed), and the public
 * verification page over HTTP, the first view of each credential (its signature checked) and later views. Runs the
 * application on {@code STRIDE_DB_URL} (default: embedded H2). Run with {@code bench/badges.sh}; not a test.
 */
public final class BadgeBenchmark {

	public static void main(String[] args) throws Exception {
		int people = args.length > 0 ? Integer.parseInt(args[0]) : 500;
		int warmup = Math.min(200, people / 2);
		String db = System.getenv().getOrDefault("STRIDE_DB_URL", "jdbc:h2:mem:badge-bench;DB_CLOSE_DELAY=-1");
		ConfigurableApplicationContext app = SpringApplication.run(StrideApplication.class, "--server.port=0",
				"--spring.datasource.url=" + db, "--stride.demo-data=false", "--stride.admin.email=badge-bench@bench.test",
				"--stride.admin.password=badge-bench-password", "--logging.level.root=WARN");
		try {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
			Viewer admin = app.getBean(OrganizationAdministration.class).adminViewer("badge-bench@bench.test");
			InstallationKey key = app.getBean(InstallationKey.class);

			// signing alone
			double[] sign = new double[1000];
			for (int i = -3000; i < sign.length; i++) {
				var content = new OpenBadgeCredential.Content("https://stride.example/badges/credentials/" + Ids.newId(),
						key.did(), "Acme", "urn:uuid:" + Ids.newId(), "https://stride.example/badges/b", "Incident responder",
						"Handles incidents end to end.", "Reach level 2.", "https://stride.example/badges/b/image.svg",
						Instant.now(), Math.max(0, i), "https://stride.example/api/v1/badges/status-list");
				long t = System.nanoTime();
				DataIntegrity.sign(OpenBadgeCredential.of(content), key.privateKey(), key.publicKey(), Instant.now());
				if (i >= 0) {
					sign[i] = (System.nanoTime() - t) / 1e6;
				}
			}
			report("sign one credential (eddsa-rdfc-2022)", sign);

			// issuing: a cycle badge, issued to each person in a transaction of its own
			String suffix = Long.toString(System.nanoTime() % 1_000_000);
			List<PersonId> ids = new ArrayList<>();
			tx.executeWithoutResult(s -> {
				for (int i = 0; i < people; i++) {
					PersonId id = new PersonId(Ids.newId());
					jdbc.sql("INSERT INTO people (id, name, email, password_hash, active, created_at) VALUES (?, ?, ?, NULL, TRUE, ?)")
						.params(id.value(), "Earner " + i, "earner-" + i + "-" + suffix + "@bench.test", Timestamp.from(Instant.now()))
						.update();
					ids.add(id);
				}
			});
			Badges badges = app.getBean(Badges.class);
			BadgeIssuer issuer = app.getBean(BadgeIssuer.class);
			BadgeId badge = badges.define(admin, new BadgeDraft("Cycle finisher " + suffix, "Closed a learning cycle.",
					"Close a cycle with a validated goal.", CriterionKind.CYCLE_CLOSED_WITH_VALIDATED_GOALS, null, null, 1,
					null, List.of())).id();
			double[] issue = new double[people - warmup];
			List<String> credentials = new ArrayList<>();
			for (int i = 0; i < people; i++) {
				PersonId person = ids.get(i);
				long t = System.nanoTime();
				Optional<IssuedBadge> issued = tx.execute(s -> issuer.issue(badge, person));
				if (i >= warmup) {
					issue[i - warmup] = (System.nanoTime() - t) / 1e6;
				}
				credentials.add(issued.orElseThrow().id());
			}
			report("issue one badge (lock, index, sign, store, commit)", issue);

			// the public page: first views check the signature, later ones remember it
			HttpClient http = HttpClient.newHttpClient();
			String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
			for (int i = 0; i < warmup; i++) {
				get(http, base + "/badges/credentials/" + credentials.get(i));
			}
			double[] first = new double[people - warmup];
			for (int i = warmup; i < people; i++) {
				first[i - warmup] = get(http, base + "/badges/credentials/" + credentials.get(i));
			}
			report("verification page, first view (signature checked)", first);
			double[] again = new double[people - warmup];
			for (int i = warmup; i < people; i++) {
				again[i - warmup] = get(http, base + "/badges/credentials/" + credentials.get(i));
			}
			report("verification page, later views", again);
			double[] json = new double[people - warmup];
			for (int i = warmup; i < people; i++) {
				json[i - warmup] = get(http, base + "/badges/credentials/" + credentials.get(i) + ".json");
			}
			report("credential JSON", json);
		}
		finally {
			app.close();
		}
	}

	private static double get(HttpClient http, String url) throws Exception {
		long t = System.nanoTime();
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		double ms = (System.nanoTime() - t) / 1e6;
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode());
		}
		return ms;
	}

	private static void report(String what, double[] ms) {
		double[] sorted = ms.clone();
		Arrays.sort(sorted);
		System.out.printf("%-55s n=%d  p50 %.1f ms  p95 %.1f ms  max %.1f ms%n", what, sorted.length,
				sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[sorted.length - 1]);
	}
}
