package io.stride.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One log event per request with method, route pattern, status and duration as key-value pairs (rendered as
 * JSON fields with {@code logging.structured.format.console=ecs}). It logs no query strings, headers, bodies,
 * names, emails or tokens, so nothing personal or secret reaches the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogging extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestLogging.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			String uri = request.getRequestURI();
			if (!uri.startsWith("/webjars/") && !uri.startsWith("/css/") && !uri.startsWith("/js/")) {
				Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
				String route = pattern != null ? pattern.toString() : "(unmatched)";
				long millis = (System.nanoTime() - start) / 1_000_000;
				log.atInfo()
					.setMessage("{} {} {} {}ms")
					.addArgument(request.getMethod())
					.addArgument(route)
					.addArgument(response.getStatus())
					.addArgument(millis)
					.addKeyValue("http.method", request.getMethod())
					.addKeyValue("http.route", route)
					.addKeyValue("http.status", response.getStatus())
					.addKeyValue("duration.ms", millis)
					.log();
			}
		}
	}
}
