package io.stride.shared.web;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps a stopping node serving for {@code stride.shutdown.drain-delay} after its readiness probe has turned
 * OUT_OF_SERVICE. Spring Boot marks readiness REFUSING_TRAFFIC as the context starts closing, but graceful shutdown
 * stops Tomcat accepting connections straight after; a load balancer that checks every second would still send
 * requests to the node in between and see them refused. Waiting here, before any bean is stopped, gives the balancer
 * time to take the node out while it still answers everything; in-flight requests then finish under
 * {@code server.shutdown=graceful}.
 */
@Component
class ShutdownDrain implements ApplicationListener<ContextClosedEvent> {

	private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

	private final Duration delay;

	ShutdownDrain(@Value("${stride.shutdown.drain-delay:0s}") Duration delay) {
		this.delay = delay;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (delay.isZero() || delay.isNegative()) {
			return;
		}
		log.info("Readiness is OUT_OF_SERVICE; serving on for {} ms so that the load balancer takes this node out",
				delay.toMillis());
		try {
			Thread.sleep(delay);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
