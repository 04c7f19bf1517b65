package io.stride.scim.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.stride.scim.internal.ScimJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a provider reads to learn what Stride's SCIM does (RFC 7644 section 4): the service provider configuration,
 * the resource types and their schemas. They say what Stride really does: PATCH, filters and ETags yes; bulk, sorting,
 * password changes no; DELETE deactivates.
 */
@RestController
@RequestMapping("/scim/v2")
class DiscoveryController {

	private final String base;

	private final ArrayNode schemas;

	DiscoveryController(@Value("${stride.base-url:http://localhost:8080}") String baseUrl) throws IOException {
		this.base = baseUrl.replaceAll("/+$", "") + "/scim/v2/";
		try (InputStream in = new ClassPathResource("scim/schemas.json").getInputStream()) {
			this.schemas = (ArrayNode) ScimJson.MAPPER.readTree(in);
		}
		for (JsonNode schema : schemas) {
			((ObjectNode) schema.get("meta")).put("location", base + "Schemas/" + schema.get("id").asString());
		}
	}

	@GetMapping("/ServiceProviderConfig")
	ResponseEntity<String> serviceProviderConfig() {
		ObjectNode config = ScimJson.MAPPER.createObjectNode();
		config.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
		config.putObject("patch").put("supported", true);
		config.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
		config.putObject("filter").put("supported", true).put("maxResults", 200);
		config.putObject("changePassword").put("supported", false);
		config.putObject("sort").put("supported", false);
		config.putObject("etag").put("supported", true);
		ObjectNode bearer = config.putArray("authenticationSchemes").addObject();
		bearer.put("type", "oauthbearertoken");
		bearer.put("name", "Bearer token");
		bearer.put("description", "A SCIM token an admin makes at /admin/scim, sent as 'Authorization: Bearer <token>'. "
				+ "DELETE of a user deactivates the person: Stride keeps people and their learning records. DELETE of a "
				+ "group keeps the team and its members in Stride.");
		bearer.put("primary", true);
		ObjectNode meta = config.putObject("meta");
		meta.put("resourceType", "ServiceProviderConfig");
		meta.put("location", base + "ServiceProviderConfig");
		return ScimResponses.ok(config);
	}

	@GetMapping("/ResourceTypes")
	ResponseEntity<String> resourceTypes() {
		return ScimResponses.ok(ScimJson.list(List.of(user(), group()), 2, 1));
	}

	@GetMapping("/ResourceTypes/{name}")
	ResponseEntity<String> resourceType(@PathVariable String name) throws ScimException {
		return switch (name) {
			case "User" -> ScimResponses.ok(user());
			case "Group" -> ScimResponses.ok(group());
			default -> throw new ResourceNotFoundException("There is no resource type " + name + ".");
		};
	}

	@GetMapping("/Schemas")
	ResponseEntity<String> schemas() {
		List<ObjectNode> all = new ArrayList<>();
		schemas.forEach(schema -> all.add((ObjectNode) schema.deepCopy()));
		return ScimResponses.ok(ScimJson.list(all, all.size(), 1));
	}

	@GetMapping("/Schemas/{id}")
	ResponseEntity<String> schema(@PathVariable String id) throws ScimException {
		for (JsonNode schema : schemas) {
			if (schema.get("id").asString().equals(id)) {
				return ScimResponses.ok(((ObjectNode) schema).deepCopy());
			}
		}
		throw new ResourceNotFoundException("There is no schema " + id + ".");
	}

	private ObjectNode user() {
		ObjectNode type = resourceType("User", "/Users", "People in Stride", ScimJson.USER_SCHEMA);
		ObjectNode extension = type.putArray("schemaExtensions").addObject();
		extension.put("schema", ScimJson.ENTERPRISE_SCHEMA);
		extension.put("required", false);
		return type;
	}

	private ObjectNode group() {
		return resourceType("Group", "/Groups", "Teams in Stride", ScimJson.GROUP_SCHEMA);
	}

	private ObjectNode resourceType(String name, String endpoint, String description, String schema) {
		ObjectNode type = ScimJson.MAPPER.createObjectNode();
		type.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
		type.put("id", name);
		type.put("name", name);
		type.put("endpoint", endpoint);
		type.put("description", description);
		type.put("schema", schema);
		ObjectNode meta = type.putObject("meta");
		meta.put("resourceType", "ResourceType");
		meta.put("location", base + "ResourceTypes/" + name);
		return type;
	}
}
