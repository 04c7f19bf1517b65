package io.stride.scim.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM's error document (RFC 7644 section 3.12), for answers written before any controller runs.
 */
public final class ScimErrorResponses {

	public static final String CONTENT_TYPE = "application/scim+json";

	public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

	private ScimErrorResponses() {
	}

	public static ObjectNode body(int status, String scimType, String detail) {
		ObjectNode error = JsonNodeFactory.instance.objectNode();
		error.putArray("schemas").add(ERROR_SCHEMA);
		error.put("status", String.valueOf(status));
		if (scimType != null) {
			error.put("scimType", scimType);
		}
		error.put("detail", detail);
		return error;
	}

	static void write(HttpServletResponse response, int status, String scimType, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType(CONTENT_TYPE);
		response.setCharacterEncoding("UTF-8");
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"scim\"");
		}
		response.getWriter().write(body(status, scimType, detail).toString());
	}
}
