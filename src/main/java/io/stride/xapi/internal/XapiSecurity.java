package io.stride.xapi.internal;

import java.util.List;

import io.stride.xapi.XapiClient;
import io.stride.xapi.XapiClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The LRS's own chain, ahead of identity's (which would take any request with a bearer token): HTTP Basic with an
 * LRS client's key and secret and nothing else, no session, no CSRF (no browser sends these credentials by itself).
 * Identity's chains never accept a client's key, so a key opens no page and no {@code /api/v1} path, and a person's
 * session or bearer token opens no {@code /xapi} path.
 */
@Configuration(proxyBeanMethods = false)
class XapiSecurity {

	static final String REALM = "Stride LRS";

	@Bean
	@Order(-20)
	SecurityFilterChain xapiChain(HttpSecurity http, XapiClients clients) throws Exception {
		http.securityMatcher("/xapi/**")
			.authenticationManager(new ProviderManager(List.of(new ClientKeys(clients))))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new VersionHeader(), SecurityContextHolderFilter.class)
			.addFilterBefore(new AlternateRequestSyntax(), VersionHeader.class)
			.addFilterBefore(new CorsFilter(cors()), AlternateRequestSyntax.class)
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/xapi/about")
				.permitAll()
				.requestMatchers(HttpMethod.HEAD, "/xapi/about")
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint((request, response, e) -> {
				response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
				XapiResponses.error(response, 401, "Send the key and secret of an LRS client with HTTP Basic.");
			}))
			.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
				response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
				XapiResponses.error(response, 401, "Send the key and secret of an LRS client with HTTP Basic.");
			}).accessDeniedHandler((request, response, e) -> XapiResponses.error(response, 403,
					"This client's scopes do not allow this.")))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	/**
	 * Cross-origin access for content in a sandbox (a cmi5 AU has the origin {@code null}) and tools on other sites:
	 * any origin, never with cookies. That is safe because {@code /xapi} reads no cookie and no session: a request is
	 * only as strong as the Authorization header the caller sends itself (ADR 0037). Preflights are answered before
	 * the version check, which they could not pass (a browser sends no custom header with them).
	 */
	static UrlBasedCorsConfigurationSource cors() {
		CorsConfiguration cors = new CorsConfiguration();
		cors.addAllowedOrigin("*");
		cors.setAllowCredentials(false);
		cors.setAllowedMethods(List.of("GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Experience-API-Version", "If-Match",
				"If-None-Match"));
		cors.setExposedHeaders(List.of("ETag", "Last-Modified", "X-Experience-API-Consistent-Through",
				"X-Experience-API-Version"));
		cors.setMaxAge(600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/xapi/**", cors);
		return source;
	}

	/** Checks a key and secret against {@code xapi_clients}; the principal is the {@link XapiClient}. */
	private record ClientKeys(XapiClients clients) implements AuthenticationProvider {

		@Override
		public Authentication authenticate(Authentication authentication) {
			String key = authentication.getName();
			Object secret = authentication.getCredentials();
			XapiClient client = clients.authenticate(key, secret == null ? null : secret.toString())
				.orElseThrow(() -> new BadCredentialsException("Unknown or revoked key, or a wrong secret."));
			return UsernamePasswordAuthenticationToken.authenticated(client, null,
					client.scopes().stream().map(s -> new SimpleGrantedAuthority("SCOPE_" + s.value())).toList());
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}
	}
}
