package io.stride.shared.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error report, for errors no part of the application sees: a path it cannot decode
 * ({@code /api/v1/courses/%ZZ}), an encoded slash, a multipart request over its part limit. API paths get an RFC 9457
 * problem detail like every other API error; other paths keep Tomcat's page.
 */
class ProblemReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		String uri = request.getRequestURI();
		if (status < 400 || uri == null || !uri.startsWith("/api/")) {
			super.report(request, response, throwable);
			return;
		}
		if (response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"about:blank\",\"title\":\"" + title(status) + "\",\"status\":" + status
						+ ",\"detail\":\"" + detail(status) + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException e) {
			// the client went away or the response was already sent: nothing more to say
		}
	}

	private static String title(int status) {
		return switch (status) {
			case 400 -> "Bad Request";
			case 404 -> "Not Found";
			case 413 -> "Content Too Large";
			default -> status < 500 ? "Client Error" : "Server Error";
		};
	}

	private static String detail(int status) {
		return switch (status) {
			case 400 -> "The request could not be read: check the path (for example an invalid %-encoding or an "
					+ "encoded slash) and the headers.";
			case 413 -> "The request is too large: send fewer or smaller parts.";
			default -> status < 500 ? "The request was refused." : "Something went wrong on our side; try again.";
		};
	}
}
