package io.stride.identity.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session that was signed in before the person's password last changed. The moment of the change
 * is in the database and the moment of sign-in in the session, so this holds on every node, with sessions kept
 * in memory or in the database, and costs one lookup by primary key per signed-in page.
 */
public class SignedInSessions extends OncePerRequestFilter {

	private static final String SIGNED_IN_AT = SignedInSessions.class.getName() + ".signedInAt";

	private final People people;

	SignedInSessions(People people) {
		this.people = people;
	}

	/** Marks the request's session as signed in now: at sign-in, and for the session that changed the password. */
	public static void signedInNow(HttpServletRequest request) {
		signedInAt(request, Instant.now());
	}

	/** Marks the request's session as signed in at the given moment (a password change's, stamped before it commits). */
	public static void signedInAt(HttpServletRequest request, Instant at) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.setAttribute(SIGNED_IN_AT, at);
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// static assets carry the session cookie too, but show nothing of the person's
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
				|| path.equals("/favicon.ico") || path.equals("/favicon.svg");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session == null || authentication == null
				|| !(authentication.getPrincipal() instanceof StridePrincipal principal)) {
			chain.doFilter(request, response);
			return;
		}
		if (!(session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt)) {
			// a session from before this check existed: it counts from its first request
			session.setAttribute(SIGNED_IN_AT, Instant.now());
			chain.doFilter(request, response);
			return;
		}
		Optional<Instant> changed = people.credentialsChangedAt(principal.personId());
		if (changed.isPresent() && signedInAt.isBefore(changed.get())) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			response.sendRedirect(request.getContextPath() + "/login?passwordChanged");
			return;
		}
		chain.doFilter(request, response);
	}
}
