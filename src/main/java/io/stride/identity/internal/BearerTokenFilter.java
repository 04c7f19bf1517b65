package io.stride.identity.internal;

import java.io.IOException;
import java.util.Optional;

import io.stride.identity.Person;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer} requests. A presented but unknown, expired or revoked token is
 * refused outright rather than treated as anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final People people;

	BearerTokenFilter(ApiTokens tokens, People people) {
		this.tokens = tokens;
		this.people = people;
	}

	static boolean presentsToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!presentsToken(request)) {
			chain.doFilter(request, response);
			return;
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		Optional<Person> person = tokens.authenticate(header.substring(7).trim())
			.flatMap(people::findById)
			.filter(Person::active);
		if (person.isEmpty()) {
			Problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
					"The bearer token is unknown, expired or revoked.");
			return;
		}
		Person p = person.get();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new TokenAuthentication(p.id(), p.email(), Authorities.of(p)));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
