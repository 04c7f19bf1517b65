package io.stride.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.stride.StrideApplication;
import io.stride.support.Fixtures;
import io.stride.support.RawHttp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node whose database goes away and comes back (PostgreSQL restarted, a failover): requests in between are answered
 * 503 with Retry-After within a few seconds, pages and API alike, and once the database is back the node serves again
 * without a restart. The node reaches PostgreSQL through a TCP relay the test can cut, as a restart cuts every
 * connection and refuses new ones.
 */
@SpringBootTest
class DatabaseOutageTests {

	@Value("${spring.datasource.url}")
	String url;

	@Autowired
	Fixtures fixtures;

	@Test
	void whileTheDatabaseIsAwayRequestsAre503WithRetryAfterAndTheNodeRecoversByItself() throws Exception {
		Assumptions.assumeTrue(url.startsWith("jdbc:postgresql://"), "needs PostgreSQL (an embedded H2 cannot go away)");
		URI database = URI.create(url.substring("jdbc:".length()));
		String token = fixtures.token(fixtures.admin().id());
		try (Relay relay = new Relay(database.getHost(), database.getPort() < 0 ? 5432 : database.getPort())) {
			String through = "jdbc:postgresql://127.0.0.1:" + relay.port() + database.getPath()
					+ (database.getQuery() == null ? "" : "?" + database.getQuery());
			ConfigurableApplicationContext node = new SpringApplicationBuilder(StrideApplication.class).run(
					"--server.port=0", "--spring.datasource.url=" + through, "--spring.datasource.hikari.connection-timeout=2000",
					"--stride.demo-data=false",
					// the schema is there already; the tests' clean-once would take the relay's address for another database
					"--spring.flyway.enabled=false");
			try {
				int port = ((WebServerApplicationContext) node).getWebServer().getPort();
				RawHttp.Response before = api(port, token);
				assertThat(before.status()).as(before.headerLines() + "\n" + before.body()).isEqualTo(200);

				relay.cut();
				long started = System.nanoTime();
				RawHttp.Response refused = api(port, token);
				long millis = (System.nanoTime() - started) / 1_000_000;
				assertThat(refused.status()).as(refused.body()).isEqualTo(503);
				assertThat(refused.header("Retry-After")).hasValue("5");
				assertThat(refused.body()).contains("cannot reach its database");
				assertThat(millis).as("answered, not left hanging").isLessThan(10_000);
				// a browser with a session: the session is looked up in the database
				String session = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes());
				RawHttp.Response page = RawHttp.exchange(port, "GET", "/learning",
						List.of("Host: localhost", "Accept: text/html", "Cookie: JSESSIONID=" + session), null);
				assertThat(page.status()).isEqualTo(503);
				assertThat(page.header("Retry-After")).hasValue("5");
				assertThat(page.body()).contains("<h1>Try again in a moment</h1>");

				relay.restore();
				RawHttp.Response back = api(port, token);
				for (int tries = 0; back.status() != 200 && tries < 20; tries++) {
					Thread.sleep(500);
					back = api(port, token);
				}
				assertThat(back.status()).as("served again without a restart").isEqualTo(200);
			}
			finally {
				node.close();
			}
		}
	}

	private static RawHttp.Response api(int port, String token) throws IOException {
		return RawHttp.exchange(port, "GET", "/api/v1/me", List.of("Host: localhost", "Authorization: Bearer " + token),
				null);
	}

	/** Relays TCP connections to the database; cut() drops them all and refuses new ones until restore(). */
	private static final class Relay implements AutoCloseable {

		private final ServerSocket server;

		private final List<Socket> open = new CopyOnWriteArrayList<>();

		private volatile boolean cut;

		Relay(String host, int port) throws IOException {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread.ofPlatform().daemon().name("db-relay").start(() -> {
				while (!server.isClosed()) {
					try {
						Socket client = server.accept();
						if (cut) {
							client.close();
							continue;
						}
						Socket upstream = new Socket(host, port);
						open.add(client);
						open.add(upstream);
						pump(client, upstream);
						pump(upstream, client);
					}
					catch (IOException e) {
						// closed, or the database refused: the node's pool sees a refused connection
					}
				}
			});
		}

		int port() {
			return server.getLocalPort();
		}

		void cut() {
			cut = true;
			for (Socket socket : open) {
				try {
					socket.close();
				}
				catch (IOException ignored) {
					// already closed
				}
			}
			open.clear();
		}

		void restore() {
			cut = false;
		}

		private void pump(Socket from, Socket to) {
			Thread.ofPlatform().daemon().name("db-relay-pump").start(() -> {
				try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
					in.transferTo(out);
				}
				catch (IOException e) {
					// one side closed
				}
				finally {
					try {
						from.close();
						to.close();
					}
					catch (IOException ignored) {
						// already closed
					}
				}
			});
		}

		@Override
		public void close() throws IOException {
			cut();
			server.close();
		}
	}
}
