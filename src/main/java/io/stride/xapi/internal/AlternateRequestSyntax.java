package io.stride.xapi.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * xAPI's alternate request syntax (Communication 1.3): a browser that may not send other methods or headers across
 * origins POSTs a form to {@code ?method=PUT}, with the headers, the query parameters and the body ({@code content})
 * as form fields. The request is turned back into the one it stands for before authentication reads its
 * {@code Authorization} field.
 */
class AlternateRequestSyntax extends OncePerRequestFilter {

	private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");

	/** The form fields that are headers of the request they stand for. */
	private static final Set<String> HEADERS = Set.of("authorization", "x-experience-api-version", "content-type",
			"content-length", "if-match", "if-none-match");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query == null || !hasMethodParameter(query)) {
			chain.doFilter(request, response);
			return;
		}
		if (!"POST".equals(request.getMethod())) {
			XapiResponses.error(response, 400, "The alternate request syntax (?method=...) is only for POST requests.");
			return;
		}
		if (!query.matches("method=[A-Za-z]+")) {
			XapiResponses.error(response, 400, "With the alternate request syntax, 'method' must be the only query "
					+ "parameter; send the others as form fields.");
			return;
		}
		String method = query.substring("method=".length()).toUpperCase(Locale.ROOT);
		if (!METHODS.contains(method)) {
			XapiResponses.error(response, 400, "Unknown method '" + method + "' in the alternate request syntax.");
			return;
		}
		String type = request.getContentType();
		if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
			XapiResponses.error(response, 400, "The alternate request syntax needs a form body "
					+ "(Content-Type: application/x-www-form-urlencoded).");
			return;
		}
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		Map<String, String[]> parameters = new LinkedHashMap<>();
		String content = null;
		for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
			String name = field.getKey();
			String value = field.getValue().length == 0 ? "" : field.getValue()[0];
			if (HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
				headers.put(name, value);
			}
			else if (name.equals("content")) {
				content = value;
			}
			else if (!name.equals("method")) {
				parameters.put(name, field.getValue());
			}
		}
		chain.doFilter(new Standing(request, method, headers, parameters, content), response);
	}

	private static boolean hasMethodParameter(String query) {
		for (String part : query.split("&")) {
			if (part.equals("method") || part.startsWith("method=")) {
				return true;
			}
		}
		return false;
	}

	/** The request the form stands for. */
	private static final class Standing extends HttpServletRequestWrapper {

		private final String method;

		private final Map<String, String> headers;

		private final Map<String, String[]> parameters;

		private final byte[] body;

		Standing(HttpServletRequest request, String method, Map<String, String> headers,
				Map<String, String[]> parameters, String content) {
			super(request);
			this.method = method;
			this.headers = headers;
			this.parameters = Collections.unmodifiableMap(parameters);
			this.body = content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8);
			if (content != null && !headers.containsKey("content-type")) {
				headers.put("Content-Type", "application/json");
			}
			headers.put("Content-Length", String.valueOf(body.length));
			if (content == null) {
				headers.remove("Content-Type");
			}
		}

		@Override
		public String getMethod() {
			return method;
		}

		@Override
		public String getQueryString() {
			return null;
		}

		/** A form field stands for the header; other headers are the request's own, but for the body's type and length. */
		@Override
		public String getHeader(String name) {
			if (headers.containsKey(name) || isBodyHeader(name)) {
				return headers.get(name);
			}
			return super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			if (headers.containsKey(name) || isBodyHeader(name)) {
				String value = headers.get(name);
				return Collections.enumeration(value == null ? List.of() : List.of(value));
			}
			return super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			Set<String> names = new LinkedHashSet<>(headers.keySet());
			for (String name : Collections.list(super.getHeaderNames())) {
				if (!isBodyHeader(name) && !headers.containsKey(name)) {
					names.add(name);
				}
			}
			return Collections.enumeration(names);
		}

		private static boolean isBodyHeader(String name) {
			return name.equalsIgnoreCase("content-type") || name.equalsIgnoreCase("content-length");
		}

		@Override
		public String getContentType() {
			return headers.get("content-type");
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

		@Override
		public String getParameter(String name) {
			String[] values = parameters.get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return parameters.get(name);
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}
	}
}
