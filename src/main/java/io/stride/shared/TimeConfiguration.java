package io.stride.shared;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock the application reads "now" from, so that tests can move time (due dates, spaced review, time
 * limits) without waiting. New code takes a {@link Clock} instead of calling {@code Instant.now()}.
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}
}
