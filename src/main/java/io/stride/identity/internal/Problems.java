package io.stride.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * RFC 9457 problem bodies written by security filters, before any controller advice can run.
 */
final class Problems {

	private Problems() {
	}

	static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail.replace("\"", "'") + "\"}");
	}
}
