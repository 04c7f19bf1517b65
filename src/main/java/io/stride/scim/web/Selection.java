package io.stride.scim.web;

import io.stride.scim.internal.ScimJson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code attributes} and {@code excludedAttributes} on one resource or a list, and a GET's {@code If-None-Match}. */
final class Selection {

	private Selection() {
	}

	static ObjectNode of(ObjectNode resource, String attributes, String excludedAttributes) {
		return ScimJson.select(resource, attributes, excludedAttributes);
	}

	static ObjectNode inList(ObjectNode list, String attributes, String excludedAttributes) {
		if ((attributes == null || attributes.isBlank()) && (excludedAttributes == null || excludedAttributes.isBlank())) {
			return list;
		}
		ArrayNode selected = list.arrayNode();
		for (JsonNode resource : list.get("Resources")) {
			selected.add(ScimJson.select((ObjectNode) resource, attributes, excludedAttributes));
		}
		list.set("Resources", selected);
		return list;
	}

	static ResponseEntity<String> read(ObjectNode resource, String attributes, String excludedAttributes,
			String ifNoneMatch) {
		if (ScimJson.unchanged(ifNoneMatch, resource)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				.header(HttpHeaders.ETAG, resource.get("meta").get("version").asString())
				.build();
		}
		return ScimResponses.resource(HttpStatus.OK, resource, of(resource, attributes, excludedAttributes));
	}
}
