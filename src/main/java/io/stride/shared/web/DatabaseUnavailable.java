package io.stride.shared.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * While the database cannot be reached (restarted, failed over, the network between), every request that needs it is
 * answered 503 with {@code Retry-After} at once, instead of a 500 or a request that hangs: a browser shows a page that
 * says to try again, an API client knows when. Outside every other filter, so that the sessions' and the sign-in's own
 * reads of the database are answered the same way. Nothing is half-written: the request's transaction never
 * committed. The pool gives up on a connection after {@code spring.datasource.hikari.connection-timeout} and takes
 * new ones once the database is back, so no node needs a restart.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DatabaseUnavailable extends OncePerRequestFilter {

	static final int RETRY_AFTER_SECONDS = 5;

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

	private static final String MESSAGE = "Stride cannot reach its database just now; nothing was changed. Try again in a few seconds.";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException e) {
			if (!causedBy(e) || response.isCommitted()) {
				throw e;
			}
			log.warn("Database unreachable: answered {} {} with 503 ({})", request.getMethod(), request.getRequestURI(),
					rootMessage(e));
			answer(request, response);
		}
	}

	/** Whether the database could not be reached (no connection, or the connection broke), anywhere in the causes. */
	public static boolean causedBy(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
					|| t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					// class 08: connection exception; 57P01–57P03: the server is shutting down or starting
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
				return true;
			}
			// the pool's own word for a connection the database closed under a running transaction (no SQL state):
			// its rollback fails with it, and the transaction never committed
			if (t instanceof SQLException sql && sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())) {
				return true;
			}
		}
		return false;
	}

	/** The 503 with Retry-After: a problem for API calls and scripts, a short page for browsers. */
	static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String node = response.getHeader(NodeHeader.HEADER);
		response.reset();
		if (node != null) {
			response.setHeader(NodeHeader.HEADER, node);
		}
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
		response.setHeader("Cache-Control", "no-store");
		String accept = request.getHeader("Accept");
		boolean page = accept != null && accept.contains("text/html") && !request.getRequestURI().contains("/api/");
		if (page) {
			response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
			response.getWriter()
				.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
						+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
						+ "<meta http-equiv=\"refresh\" content=\"" + RETRY_AFTER_SECONDS + "\">"
						+ "<title>Try again in a moment · Stride</title></head><body><main><h1>Try again in a moment</h1><p>"
						+ HtmlUtils.htmlEscape(MESSAGE) + " This page tries again by itself.</p></main></body></html>");
		}
		else {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"" + MESSAGE
						+ "\"}");
		}
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}
}
