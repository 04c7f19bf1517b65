package io.stride.packages.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The packages' content path has its own chain, ahead of the bearer-page chain: the sandboxed frame has an opaque
 * origin and sends no cookies, so no session is read or made here; the secret token in the path is the key, checked
 * by {@code ScormPlayer}. Every answer carries the sandbox (scripts and forms, never {@code allow-same-origin}, so a
 * package can read neither Stride's cookies nor its pages), may be framed only by Stride's own pages, and sends no
 * referrer, so the token never leaves with a link the package opens.
 */
@Configuration(proxyBeanMethods = false)
class PackageContentSecurity {

	static final String SANDBOX = "sandbox allow-scripts allow-forms allow-popups; default-src 'self' data: blob:; "
			+ "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data: blob:; media-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

	@Bean
	@Order(-5)
	SecurityFilterChain packageContentChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/packages/content/**", "/packages/runtime/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.anonymous(anonymous -> { })
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/packages/content/**",
					"/packages/runtime/**").permitAll().anyRequest().denyAll())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(SANDBOX))
				.frameOptions(frame -> frame.sameOrigin())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}
}
