package io.stride.web;

import java.util.List;

import io.stride.support.Fixtures;
import io.stride.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a trusted reverse proxy the client's address comes from X-Forwarded-For, so that people behind the proxy
 * are not all one address to sign-in throttling. Same settings as {@link SlowClientTests}, so one application serves both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"server.tomcat.connection-timeout=3s", "stride.http.body-read-timeout=8s", "stride.http.upload-grace=2s",
		"server.forward-headers-strategy=native", "server.tomcat.remoteip.internal-proxies=127.0.0.1/32" })
class ForwardedAddressTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void aTrustedProxyTellsWhichClientFailed() throws Exception {
		var org = fixtures.organization();
		for (int i = 0; i < 10; i++) {
			assertThat(signIn(org.email("nobody-" + i), "wrong-password", "198.51.100.9").status()).isEqualTo(401);
		}
		RawHttp.Response refused = signIn(org.email("learner-a"), Fixtures.PASSWORD, "198.51.100.9");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.body()).contains("from your network address");
		// someone else behind the same proxy is another address
		assertThat(signIn(org.email("learner-a"), Fixtures.PASSWORD, "198.51.100.10").status()).isEqualTo(201);
	}

	private RawHttp.Response signIn(String email, String password, String client) throws Exception {
		return RawHttp.exchange(port, "POST", "/api/v1/auth/token",
				List.of("Host: localhost", "Content-Type: application/json", "X-Forwarded-For: " + client),
				"{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
	}
}
