package io.stride.integration;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.stride.integration.internal.OutgoingUrls;
import io.stride.integration.internal.PinnedHttp;
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

		int code = PinnedHttp.post(target, Map.of("Content-Type", "application/json; charset=utf-8"), "{\"a\":1}",
				Duration.ofSeconds(2), Duration.ofSeconds(5));

		assertThat(code).isEqualTo(204);
		assertThat(receiver.at("/pinned")).singleElement().satisfies(r -> {
			assertThat(r.body()).isEqualTo("{\"a\":1}");
			assertThat(r.header("Host")).isEqualTo(url.substring("http://".length(), url.lastIndexOf("/pinned")));
		});
	}

	@Test
	void aReceiverThatAnswersTooSlowlyTimesOut() throws Exception {
		OutgoingUrls development = new OutgoingUrls(true, InetAddress::getAllByName);
		receiver.delayMillis = 3000;
		long started = System.nanoTime();
		try {
			PinnedHttp.post(development.target(receiver.url("/slow")), Map.of(), "{}", Duration.ofSeconds(2),
					Duration.ofMillis(500));
			org.junit.jupiter.api.Assertions.fail("no timeout");
		}
		catch (PinnedHttp.Timeout e) {
			assertThat(e.connecting()).isFalse();
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}
}
