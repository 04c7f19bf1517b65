package io.stride.identity.internal;

import java.util.Locale;
import java.util.Map;


import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import io.stride.identity.Person;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Three filter chains: the API is stateless and takes only bearer tokens (so it needs no CSRF token and never
 * reads the session cookie); pages opened with a bearer token are stateless too; other pages use a session, form
 * sign-in and CSRF protection on every form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * Admin pages ask the database, not the session: an admin who loses the role or is deactivated loses
	 * access at once, not at the next sign-in.
	 */
	static AuthorizationManager<RequestAuthorizationContext> currentAdmin(People people) {
		return (authentication, context) -> {
			Object principal = authentication.get() == null ? null : authentication.get().getPrincipal();
			boolean admin = principal instanceof StridePrincipal stride
					&& people.findById(stride.personId()).filter(Person::active).map(Person::isAdmin).orElse(false);
			return new AuthorizationDecision(admin);
		};
	}

	@Bean
	PasswordEncoder passwordEncoder(@Value("${stride.passwords.argon2-memory-kib:19456}") int memoryKib,
			@Value("${stride.passwords.argon2-iterations:2}") int iterations) {
		// one hash per core at most (~28 ms of CPU each): on 2 cores a single permit fell behind 17 sign-ins a second
		// while the pages of 8,000 learners shared the machine, and the queue then took every request thread
		// Argon2id with OWASP's recommended parameters (19 MiB, 2 iterations, parallelism 1) unless configured
		// otherwise (the test suite, which makes thousands of people, uses cheaper ones); hashes made with weaker
		// parameters (Spring's earlier 16 MiB default) or bcrypt are hashed again at the person's next sign-in
		return new BoundedPasswordEncoder(new DelegatingPasswordEncoder("argon2", Map.of("argon2",
				new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations), "bcrypt", new BCryptPasswordEncoder())),
				Runtime.getRuntime().availableProcessors());
	}

	@Bean
	AuthenticationManager authenticationManager(PersonUserDetailsService users, PasswordEncoder encoder,
			SignInThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(encoder);
		passwords.setUserDetailsPasswordService(users);
		return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
	}

	@Bean
	BearerTokenFilter bearerTokenFilter(ApiTokens tokens, People people) {
		return new BearerTokenFilter(tokens, people);
	}

	@Bean
	FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterRegistration(
			BearerTokenFilter filter) {
		// only inside the security chains, not a second time as a plain servlet filter
		var registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * A path the firewall refuses ({@code /api/v1/courses/a;b}, {@code //}) is a problem detail on the API like any
	 * other error; pages keep the error page.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		RequestRejectedHandler pages = new HttpStatusRequestRejectedHandler();
		return (request, response, e) -> {
			if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				// a 400 like Spring Security's own answer; thrown on, it would become a 500 and a logged stack trace
				pages.handle(request, response, e);
				return;
			}
			Problems.write(response, 400, "Bad Request",
					"This path is refused (for example a ';', '//', '..' or an encoded character it may not hold).");
		};
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, BearerTokenFilter bearer, AuthenticationManager manager)
			throws Exception {
		http.securityMatcher("/api/**")
			.authenticationManager(manager)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
				.permitAll()
				// the badges' revocation list is read by anyone verifying a credential
				.requestMatchers(HttpMethod.GET, "/api/v1/badges/status-list")
				.permitAll()
				.anyRequest()
				.authenticated())
			.addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> Problems.write(response, 401, "Unauthorized",
						"Send 'Authorization: Bearer <token>'; get a token from POST /api/v1/auth/token."))
				.accessDeniedHandler((request, response, e) -> Problems.write(response, 403, "Forbidden",
						"You may not do this.")))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	/**
	 * Pages opened with a bearer token (a script reading a page) are as stateless as the API: no session, so no
	 * cookie and nothing to end; no CSRF token, since a browser never adds the Authorization header by itself.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain bearerPageChain(HttpSecurity http, BearerTokenFilter bearer, People people) throws Exception {
		http.securityMatcher(request -> BearerTokenFilter.presentsToken(request))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(requests -> pageAccess(requests, people))
			.addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> Problems.write(response, 401, "Unauthorized",
						"The bearer token is unknown, expired or revoked."))
				// the only pages refused here are the admin pages and the actuator; a script gets a problem detail
				.accessDeniedHandler((request, response, e) -> Problems.write(response, 403, "Forbidden",
						"Only admins may use this.")))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	private static void pageAccess(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			People people) {
		requests.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error").permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
			// a badge's public verification page, its signed JSON and its image, for anyone the earner shares them with
			.requestMatchers(HttpMethod.GET, "/badges/credentials/*", "/badges/*/image.svg").permitAll()
			// a private calendar feed: the secret token in its path is the key (calendar apps cannot sign in)
			.requestMatchers(HttpMethod.GET, "/calendar/*.ics").permitAll()
			.requestMatchers("/actuator/**", "/admin/**").access(currentAdmin(people))
			.anyRequest().authenticated();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pageChain(HttpSecurity http, AuthenticationManager manager, SingleSignOn singleSignOn,
			People people, @Value("${stride.sso.oidc-enabled:false}") boolean oidcEnabled) throws Exception {
		LoginUrlAuthenticationEntryPoint toSignIn = new LoginUrlAuthenticationEntryPoint("/login");
		// by path: an absolute address would be built from the request's Host header
		toSignIn.setFavorRelativeUris(true);
		http.authenticationManager(manager)
			.authorizeHttpRequests(requests -> pageAccess(requests, people))
			.addFilterBefore(new SignedInSessions(people), AuthorizationFilter.class)
			.exceptionHandling(errors -> errors.authenticationEntryPoint(toSignIn))
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter("email")
				.successHandler(RelativeRedirects.afterSignIn("/learning", "/home", people))
				.failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
						+ (e instanceof ThrottledAuthenticationProvider.SignInThrottledException throttled
								? "/login?wait=" + throttled.refusal().seconds() + "&by="
										+ throttled.refusal().reason().name().toLowerCase(Locale.ROOT)
								: "/login?error"))))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		if (oidcEnabled) {
			singleSignOn.configure(http);
		}
		return http.build();
	}
}
