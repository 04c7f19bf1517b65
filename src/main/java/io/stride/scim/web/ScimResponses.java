package io.stride.scim.web;

import io.stride.scim.internal.ScimErrorResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.node.ObjectNode;

/** SCIM answers: {@code application/scim+json}, with the resource's ETag and, for a new one, its Location. */
final class ScimResponses {

	static final MediaType SCIM_JSON = MediaType.parseMediaType(ScimErrorResponses.CONTENT_TYPE + ";charset=UTF-8");

	private ScimResponses() {
	}

	static ResponseEntity<String> ok(ObjectNode body) {
		return ResponseEntity.ok().contentType(SCIM_JSON).body(body.toString());
	}

	static ResponseEntity<String> resource(HttpStatus status, ObjectNode full, ObjectNode shown) {
		HttpHeaders headers = new HttpHeaders();
		ObjectNode meta = (ObjectNode) full.get("meta");
		headers.setETag(meta.get("version").asString());
		if (status == HttpStatus.CREATED) {
			headers.set(HttpHeaders.LOCATION, meta.get("location").asString());
		}
		return ResponseEntity.status(status).headers(headers).contentType(SCIM_JSON).body(shown.toString());
	}
}
