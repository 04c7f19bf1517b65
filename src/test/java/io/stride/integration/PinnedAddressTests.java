package io.stride.integration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.stride.integration.internal.OutgoingUrls;
import io.stride.integration.internal.OutgoingHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DNS rebinding: the host of a webhook is resolved once, the addresses checked, and the delivery connects to the
 * checked address; a name that resolves to loopback is refused unless loopback is allowed (development).
 */
class PinnedAddressTests {

	Receiver receiver;

	@BeforeEach
	void setUp() throws Exception {
		receiver = new Receiver();
	}

	@AfterEach
	void tearDown() {
		receiver.close();
	}

	/** A name whose DNS answer is public at the check and loopback afterwards, as an attacker's server would answer. */
	static final class Rebinding implements OutgoingUrls.Resolver {

		final AtomicInteger lookups = new AtomicInteger();

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			if (!host.equals("rebind.example")) {
				throw new UnknownHostException(host);
			}
			return lookups.getAndIncrement() == 0
					? new InetAddress[] { InetAddress.getByAddress(host, new byte[] { 93, (byte) 184, (byte) 216, 34 }) }
					: new InetAddress[] { InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 1 }) };
		}
	}

	@Test
	void aNameThatResolvesToLoopbackIsRefusedWhenLoopbackIsNotAllowed() {
		OutgoingUrls.Resolver localhost = host -> new InetAddress[] {
				InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 1 }) };
		OutgoingUrls production = new OutgoingUrls(false, localhost);
		assertThat(production.problem("https://hooks.example.com/x")).contains("loopback");
		assertThat(production.target("https://hooks.example.com/x").address()).isNull();
		// the development exception keeps working
		OutgoingUrls development = new OutgoingUrls(true, localhost);
		assertThat(development.problem("https://hooks.example.com/x")).isNull();
		assertThat(development.problem("http://hooks.example.com:8080/x")).isNull();
	}

	@Test
	void theAddressCheckedIsTheAddressConnectedToSoARebindingNameNeverReachesLoopback() {
		Rebinding dns = new Rebinding();
		OutgoingUrls production = new OutgoingUrls(false, dns);

		OutgoingUrls.Target target = production.target("https://rebind.example/hook");
		assertThat(target.problem()).isNull();
		assertThat(target.address().getHostAddress()).isEqualTo("93.184.216.34");
		assertThat(target.host()).isEqualTo("rebind.example");
		assertThat(dns.lookups).as("resolved once: the check's answer is the one connected to").hasValue(1);

		// the next delivery checks again, gets loopback and is refused before connecting
		assertThat(production.target("https://rebind.example/hook").problem()).contains("loopback");
	}

	@Test
	void aDeliveryConnectsToTheCheckedAddressAndNamesTheHostInItsHostHeader() throws Exception {
		// "pinned.example" resolves only through the check's resolver: the connection cannot have resolved it again
		OutgoingUrls development = new OutgoingUrls(true,
				host -> new InetAddress[] { InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 1 }) });
		String url = receiver.url("/pinned").replace("127.0.0.1", "pinned.example");
		OutgoingUrls.Target target = development.target(url);
		assertThat(target.problem()).isNull();

		int code;
		try (OutgoingHttp http = new OutgoingHttp(Duration.ofSeconds(2), Duration.ofSeconds(5))) {
			code = http.post(target, Map.of("Content-Type", "application/json; charset=utf-8"), "{\"a\":1}");
		}

		assertThat(code).isEqualTo(204);
		assertThat(receiver.at("/pinned")).singleElement().satisfies(r -> {
			assertThat(r.body()).isEqualTo("{\"a\":1}");
			assertThat(r.header("Host")).isEqualTo(url.substring("http://".length(), url.lastIndexOf("/pinned")));
			assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
		});
	}

	@Test
	void aReceiverThatAnswersTooSlowlyTimesOut() throws Exception {
		OutgoingUrls development = new OutgoingUrls(true, InetAddress::getAllByName);
		receiver.delayMillis = 3000;
		long started = System.nanoTime();
		try (OutgoingHttp http = new OutgoingHttp(Duration.ofSeconds(2), Duration.ofMillis(500))) {
			http.post(development.target(receiver.url("/slow")), Map.of(), "{}");
			org.junit.jupiter.api.Assertions.fail("no timeout");
		}
		catch (OutgoingHttp.TimedOut e) {
			assertThat(e.connecting()).isFalse();
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	/** A raw server on loopback that answers one connection as {@code answer} writes, after reading the request head. */
	static final class RawServer implements AutoCloseable {

		interface Answer {

			void write(OutputStream out) throws Exception;
		}

		final ServerSocket socket;

		final Thread thread;

		RawServer(Answer answer) throws IOException {
			socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
			thread = Thread.ofVirtual().start(() -> {
				try (Socket s = socket.accept()) {
					InputStream in = s.getInputStream();
					int last = 0;
					int b;
					// up to the end of the head ("\r\n\r\n")
					while ((b = in.read()) >= 0 && !(last == '\n' && b == '\r')) {
						last = b;
					}
					answer.write(s.getOutputStream());
				}
				catch (Exception e) {
					// the client went away
				}
			});
		}

		String url(String path) {
			return "http://127.0.0.1:" + socket.getLocalPort() + path;
		}

		@Override
		public void close() throws IOException {
			socket.close();
			thread.interrupt();
		}
	}

	@Test
	void aReceiverThatTricklesItsAnswerIsCutOffAtTheDeadline() throws Exception {
		// each byte comes well within the read timeout, so only the one deadline for the whole exchange stops it
		try (RawServer trickle = new RawServer(out -> {
			out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.ISO_8859_1));
			for (int i = 0; i < 100; i++) {
				out.write('X');
				out.flush();
				Thread.sleep(100);
			}
		}); OutgoingHttp http = new OutgoingHttp(Duration.ofMillis(300), Duration.ofMillis(500))) {
			OutgoingUrls development = new OutgoingUrls(true, InetAddress::getAllByName);
			long started = System.nanoTime();
			try {
				http.post(development.target(trickle.url("/trickle")), Map.of(), "{}");
				org.junit.jupiter.api.Assertions.fail("no timeout");
			}
			catch (OutgoingHttp.TimedOut e) {
				assertThat(e.connecting()).isFalse();
			}
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2000));
		}
	}

	@Test
	void aRedirectIsNotFollowedAndALongAnswerIsNotReadToItsEnd() throws Exception {
		String elsewhere = receiver.url("/elsewhere");
		try (RawServer redirecting = new RawServer(out -> {
			out.write(("HTTP/1.1 307 Temporary Redirect\r\nLocation: " + elsewhere + "\r\nContent-Length: 0\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		}); OutgoingHttp http = new OutgoingHttp(Duration.ofSeconds(2), Duration.ofSeconds(5))) {
			OutgoingUrls development = new OutgoingUrls(true, InetAddress::getAllByName);
			assertThat(http.post(development.target(redirecting.url("/hook")), Map.of(), "{}")).isEqualTo(307);
			assertThat(receiver.at("/elsewhere")).isEmpty();
		}
		// an endless body: the status code is kept and the connection dropped after a few kilobytes, long before the deadline
		try (RawServer endless = new RawServer(out -> {
			out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			byte[] chunk = new byte[8192];
			while (true) {
				out.write(chunk); // until the client hangs up
			}
		}); OutgoingHttp http = new OutgoingHttp(Duration.ofSeconds(2), Duration.ofSeconds(5))) {
			OutgoingUrls development = new OutgoingUrls(true, InetAddress::getAllByName);
			long started = System.nanoTime();
			assertThat(http.post(development.target(endless.url("/hook")), Map.of(), "{}")).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		}
	}

	@Test
	void aReceiverThatIsNotListeningOrDoesNotSpeakHttpFailsWithTheKindOfFailureTheLogNames() throws Exception {
		OutgoingUrls development = new OutgoingUrls(true, InetAddress::getAllByName);
		int closedPort;
		try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = s.getLocalPort();
		}
		try (OutgoingHttp http = new OutgoingHttp(Duration.ofSeconds(2), Duration.ofSeconds(5));
				RawServer notHttp = new RawServer(out -> out.write("SSH-2.0-OpenSSH\r\n".getBytes(StandardCharsets.ISO_8859_1)))) {
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> http.post(development.target("http://127.0.0.1:" + closedPort + "/hook"), Map.of(), "{}"))
				.isExactlyInstanceOf(java.net.ConnectException.class);
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> http.post(development.target(notHttp.url("/hook")), Map.of(), "{}"))
				.isExactlyInstanceOf(IOException.class)
				.hasMessage("not an HTTP answer");
		}
	}
}
