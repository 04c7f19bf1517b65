package io.stride.shared.web;

import java.time.Duration;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat settings against clients that send slowly. {@code server.tomcat.connection-timeout} bounds the wait for
 * a request's headers; these bound the wait for its body.
 */
@Configuration(proxyBeanMethods = false)
class SlowClients {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> slowClientLimits(
			@Value("${stride.http.body-read-timeout:10s}") Duration bodyReadTimeout) {
		return factory -> {
			// a refused body (413) is not read to its end before the connection closes (RequestBodyLimits)
			factory.addContextCustomizers(context -> context.setSwallowAbortedUploads(false));
			factory.addConnectorCustomizers(connector -> {
				if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
					// without this a body read waits as long as connection-timeout for each chunk of data
					http.setDisableUploadTimeout(false);
					http.setConnectionUploadTimeout((int) bodyReadTimeout.toMillis());
				}
			});
		};
	}
}
