package io.stride.packages.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The cmi5 fetch URL's chain, ahead of identity's: the AU calls it from a sandboxed frame (origin {@code null}) or
 * another site, with no cookie and no CSRF token, so it reads no session, needs none, and answers any origin without
 * credentials (CORS). The one-time key in the path is the credential; a POST is all it takes.
 */
@Configuration(proxyBeanMethods = false)
class Cmi5FetchSecurity {

	@Bean
	@Order(-4)
	SecurityFilterChain cmi5FetchChain(HttpSecurity http) throws Exception {
		CorsConfiguration cors = new CorsConfiguration();
		cors.addAllowedOrigin("*");
		cors.setAllowCredentials(false);
		cors.setAllowedMethods(List.of("POST", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Content-Type"));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/packages/cmi5/fetch/**", cors);
		http.securityMatcher("/packages/cmi5/fetch/**")
			.cors(c -> c.configurationSource(source))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.anonymous(anonymous -> { })
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/packages/cmi5/fetch/*")
				.permitAll()
				.requestMatchers(HttpMethod.OPTIONS, "/packages/cmi5/fetch/*")
				.permitAll()
				.anyRequest()
				.denyAll())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}
}
