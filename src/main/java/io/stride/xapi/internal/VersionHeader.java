package io.stride.xapi.internal;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every LRS answer names the xAPI version it speaks, and every request but About must name one of the 1.0 line
 * (Communication 3.3): a client of another version would read our answers wrongly, so it is told at once.
 */
class VersionHeader extends OncePerRequestFilter {

	private static final Pattern ACCEPTED = Pattern.compile("1\\.0(\\.\\d+)?");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(XapiResponses.VERSION_HEADER, XapiResponses.VERSION);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.equals("/xapi/about")) {
			String version = request.getHeader(XapiResponses.VERSION_HEADER);
			if (version == null) {
				XapiResponses.error(response, 400, "Send the header X-Experience-API-Version: 1.0.3.");
				return;
			}
			if (!ACCEPTED.matcher(version.strip()).matches()) {
				XapiResponses.error(response, 400, "This LRS speaks xAPI 1.0.3, not '" + version + "'.");
				return;
			}
		}
		chain.doFilter(request, response);
	}
}
