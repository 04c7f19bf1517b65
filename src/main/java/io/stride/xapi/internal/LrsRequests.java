package io.stride.xapi.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every LRS request gets before anything else reads it: a form upload ({@code multipart/form-data}) is not how
 * xAPI sends attachments and is refused with xAPI's 400 (not the 413 Stride's body limits give uploads elsewhere), and
 * every GET of statements says how far the LRS is consistent, whatever its status.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LrsRequests extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/xapi/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			XapiResponses.error(response, 400, "Send attachments as multipart/mixed (xAPI 1.0.3, Communication 1.5.2), "
					+ "not as a form upload.");
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals("/xapi/statements")) {
			// statements are visible once their transaction commits; one begun a moment ago may still be committing
			response.setHeader("X-Experience-API-Consistent-Through", Instant.now().minusSeconds(2).toString());
		}
		chain.doFilter(request, response);
	}
}
