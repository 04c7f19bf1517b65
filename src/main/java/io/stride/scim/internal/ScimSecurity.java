package io.stride.scim.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /scim/v2/**} has a chain of its own, ahead of identity's (whose bearer chain takes every request with a bearer
 * header): stateless, no CSRF (no browser sends these), and only SCIM tokens. A session cookie or an API token is not
 * read here, and a SCIM token is unknown to the API's and the pages' chains.
 */
@Configuration(proxyBeanMethods = false)
class ScimSecurity {

	static final String AUTHORITY = "SCIM_CLIENT";

	@Bean
	@Order(-10)
	SecurityFilterChain scimChain(HttpSecurity http, ScimTokens tokens) throws Exception {
		http.securityMatcher("/scim/v2/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(AUTHORITY))
			.addFilterBefore(new ScimTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> ScimErrorResponses.write(response, 401, null,
						"Send 'Authorization: Bearer <token>' with a SCIM token an admin made at /admin/scim."))
				.accessDeniedHandler((request, response, e) -> ScimErrorResponses.write(response, 403, null,
						"This credential does not open SCIM.")));
		return http.build();
	}

	/** Authenticates a SCIM bearer token; a presented but unknown or revoked one is refused outright. */
	static class ScimTokenFilter extends OncePerRequestFilter {

		private final ScimTokens tokens;

		ScimTokenFilter(ScimTokens tokens) {
			this.tokens = tokens;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				chain.doFilter(request, response);
				return;
			}
			Optional<ScimClient> client = tokens.authenticate(header.substring(7).trim());
			if (client.isEmpty()) {
				ScimErrorResponses.write(response, 401, null, "The bearer token is not a SCIM token, or it was revoked.");
				return;
			}
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(new ScimAuthentication(client.get()));
			SecurityContextHolder.setContext(context);
			try {
				chain.doFilter(request, response);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}
	}

	static class ScimAuthentication extends AbstractAuthenticationToken {

		private final ScimClient client;

		ScimAuthentication(ScimClient client) {
			super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
			this.client = client;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return client;
		}
	}
}
