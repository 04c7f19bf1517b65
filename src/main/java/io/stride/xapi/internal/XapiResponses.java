package io.stride.xapi.internal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Error answers written by the LRS's filters, before a controller runs: plain JSON with a message. */
public final class XapiResponses {

	public static final String VERSION_HEADER = "X-Experience-API-Version";

	public static final String VERSION = "1.0.3";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private XapiResponses() {
	}

	public static void error(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setHeader(VERSION_HEADER, VERSION);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(body(message));
	}

	public static String body(String message) {
		return JSON.writeValueAsString(Map.of("error", true, "message", message));
	}
}
