package io.stride.web;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

import io.stride.StrideApplication;
import io.stride.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A node told to stop behind a load balancer: its readiness probe says OUT_OF_SERVICE at once, so the balancer takes
 * it out, while it goes on answering pages on new connections for the drain delay; only then does it stop taking
 * connections. Each request here opens its own connection, as a balancer's health check does.
 */
class StoppingNodeTests {

	@Test
	void aStoppingNodeLeavesTheBalancerBeforeItStopsServingPages() throws Exception {
		// as arguments: they outrank application.yml, which default properties would not
		ConfigurableApplicationContext node = new SpringApplicationBuilder(StrideApplication.class)
			.run("--server.port=0", "--stride.node-name=node-under-test", "--stride.shutdown.drain-delay=6s");
		int port = ((WebServerApplicationContext) node).getWebServer().getPort();
		assertThat(get(port, "/actuator/health/readiness").status()).isEqualTo(200);
		RawHttp.Response page = get(port, "/login");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("X-Stride-Node")).hasValue("node-under-test");

		Thread stopping = Thread.ofPlatform().name("stopping-node").start(node::close);
		RawHttp.Response readiness = get(port, "/actuator/health/readiness");
		for (int tries = 0; readiness.status() == 200 && tries < 100; tries++) {
			Thread.sleep(20);
			readiness = get(port, "/actuator/health/readiness");
		}
		assertThat(readiness.status()).as(readiness.body()).isEqualTo(503);
		assertThat(readiness.body()).contains("OUT_OF_SERVICE");
		// still answering while the balancer notices
		assertThat(get(port, "/login").status()).isEqualTo(200);
		assertThat(get(port, "/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(stopping.isAlive()).as("still draining").isTrue();

		stopping.join(Duration.ofSeconds(60));
		assertThat(stopping.isAlive()).as("the node stopped within a minute").isFalse();
		assertThatThrownBy(() -> get(port, "/login")).isInstanceOf(ConnectException.class);
	}

	private static RawHttp.Response get(int port, String path) throws IOException {
		return RawHttp.exchange(port, "GET", path, List.of("Host: localhost"), null);
	}
}
