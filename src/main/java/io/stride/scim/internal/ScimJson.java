package io.stride.scim.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.exceptions.UnauthorizedException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.stride.shared.ControlCharacters;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Users and Groups share: reading SCIM JSON and PATCH requests, filters, paging, ETags, {@code attributes} and
 * {@code excludedAttributes}, list responses, and who is asking. Parsing and evaluating filters and PATCH paths is the
 * SCIM SDK's (UnboundID scim2-sdk-common), not ours.
 */
public final class ScimJson {

	/** The SDK's mapper: attribute names compared without case, as RFC 7643 says. */
	public static final JsonMapper MAPPER = JsonUtils.createObjectMapper();

	public static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

	public static final String ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

	public static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

	static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

	static final int DEFAULT_COUNT = 100;

	static final int MAX_COUNT = 200;

	static final int MAX_FILTER_LENGTH = 2000;

	private ScimJson() {
	}

	/** The provider behind the request; every SCIM service call asks, so nothing else can reach them. */
	static ScimClient currentClient() throws ScimException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof ScimClient client)) {
			throw new UnauthorizedException("Only a SCIM token opens SCIM.");
		}
		return client;
	}

	static ObjectNode object(String body) throws ScimException {
		if (body == null || body.isBlank()) {
			throw BadRequestException.invalidSyntax("The request has no body; send the resource as JSON.");
		}
		JsonNode node;
		try {
			node = MAPPER.readTree(body);
		}
		catch (JacksonException e) {
			throw BadRequestException.invalidSyntax("The body is not JSON: " + e.getOriginalMessage());
		}
		if (!(node instanceof ObjectNode object)) {
			throw BadRequestException.invalidSyntax("The body must be a JSON object.");
		}
		return object;
	}

	static PatchRequest patch(String body) throws ScimException {
		ObjectNode node = object(body);
		JsonNode operations = node.get("Operations");
		if (operations == null || !operations.isArray() || operations.isEmpty()) {
			throw BadRequestException.invalidSyntax("A PATCH request needs a non-empty 'Operations' array.");
		}
		for (JsonNode operation : operations) {
			// Entra ID sends "Add" and "Replace"; the SDK reads those, but not other spellings
			if (operation instanceof ObjectNode op && op.get("op") != null && op.get("op").isString()) {
				op.put("op", op.get("op").asString().toLowerCase(Locale.ROOT));
			}
		}
		try {
			return MAPPER.treeToValue(node, PatchRequest.class);
		}
		catch (JacksonException e) {
			for (Throwable cause = e; cause != null; cause = cause.getCause()) {
				if (cause instanceof ScimException scim) {
					throw scim;
				}
			}
			throw BadRequestException.invalidSyntax("The PATCH request cannot be read: " + e.getOriginalMessage());
		}
	}

	static Filter filter(String filter) throws ScimException {
		if (filter == null || filter.isBlank()) {
			return null;
		}
		if (filter.length() > MAX_FILTER_LENGTH) {
			throw BadRequestException.invalidFilter("The filter is longer than " + MAX_FILTER_LENGTH + " characters.");
		}
		try {
			return Filter.fromString(filter);
		}
		catch (BadRequestException e) {
			// the SDK names the position; what its JSON reader adds after that only repeats it less clearly
			String reason = e.getMessage() == null ? "" : e.getMessage().split("\\R", 2)[0];
			int noise = reason.indexOf(": Unexpected");
			throw BadRequestException.invalidFilter("The filter cannot be read: "
					+ (noise > 0 ? reason.substring(0, noise) : reason) + ".");
		}
	}

	/** 1-based, as RFC 7644 section 3.4.2.4 has it; values below 1 count as 1. */
	static int startIndex(Integer startIndex) {
		return startIndex == null || startIndex < 1 ? 1 : startIndex;
	}

	/** Negative counts as 0 (RFC 7644), more than the most we answer with counts as the most. */
	static int count(Integer count) {
		return count == null ? DEFAULT_COUNT : Math.min(Math.max(count, 0), MAX_COUNT);
	}

	public static ObjectNode list(List<ObjectNode> resources, long total, int startIndex) {
		ObjectNode list = MAPPER.createObjectNode();
		list.putArray("schemas").add(LIST_SCHEMA);
		list.put("totalResults", total);
		list.put("startIndex", startIndex);
		list.put("itemsPerPage", resources.size());
		ArrayNode items = list.putArray("Resources");
		resources.forEach(items::add);
		return list;
	}

	/** A weak ETag over the resource without its meta: any change, through SCIM or in Stride, moves it. */
	static String etag(ObjectNode resource) {
		ObjectNode copy = resource.deepCopy();
		copy.remove("meta");
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(MAPPER.writeValueAsString(copy).getBytes(StandardCharsets.UTF_8));
			return "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static void meta(ObjectNode resource, String resourceType, String location, Instant created, Instant lastModified) {
		ObjectNode meta = resource.putObject("meta");
		meta.put("resourceType", resourceType);
		if (created != null) {
			meta.put("created", created.toString());
		}
		if (lastModified != null) {
			meta.put("lastModified", lastModified.toString());
		}
		meta.put("location", location);
		meta.put("version", etag(resource));
	}

	/** An {@code If-Match} that names neither the current version nor {@code *} fails the write. */
	static void requireMatch(String ifMatch, ObjectNode current) throws ScimException {
		if (ifMatch == null || ifMatch.isBlank()) {
			return;
		}
		String version = current.get("meta").get("version").asString();
		for (String candidate : ifMatch.split(",")) {
			String tag = candidate.strip();
			if (tag.equals("*") || weak(tag).equals(weak(version))) {
				return;
			}
		}
		throw new PreconditionFailedException("The resource changed since version " + ifMatch.strip()
				+ "; it is now " + version + ". Read it again and retry.");
	}

	/** Whether an {@code If-None-Match} names the current version (so a GET can answer 304). */
	public static boolean unchanged(String ifNoneMatch, ObjectNode current) {
		if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
			return false;
		}
		String version = current.get("meta").get("version").asString();
		for (String candidate : ifNoneMatch.split(",")) {
			if (candidate.strip().equals("*") || weak(candidate.strip()).equals(weak(version))) {
				return true;
			}
		}
		return false;
	}

	private static String weak(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

	/**
	 * Applies {@code attributes} or {@code excludedAttributes} (RFC 7644 section 3.4.2.5) to top-level attributes and
	 * sub-attributes one level down; {@code id}, {@code schemas} and {@code meta} are always returned.
	 */
	public static ObjectNode select(ObjectNode resource, String attributes, String excludedAttributes) {
		if (attributes != null && !attributes.isBlank()) {
			Set<String> wanted = names(attributes);
			ObjectNode selected = MAPPER.createObjectNode();
			for (String name : List.copyOf(resource.propertyNames())) {
				String key = name.toLowerCase(Locale.ROOT);
				if (key.equals("id") || key.equals("schemas") || key.equals("meta") || wanted.contains(key)) {
					selected.set(name, resource.get(name));
				}
				else if (resource.get(name) instanceof ObjectNode complex) {
					ObjectNode part = MAPPER.createObjectNode();
					for (String sub : List.copyOf(complex.propertyNames())) {
						if (wanted.contains(key + "." + sub.toLowerCase(Locale.ROOT))) {
							part.set(sub, complex.get(sub));
						}
					}
					if (!part.isEmpty()) {
						selected.set(name, part);
					}
				}
			}
			return selected;
		}
		if (excludedAttributes != null && !excludedAttributes.isBlank()) {
			Set<String> unwanted = names(excludedAttributes);
			ObjectNode kept = resource.deepCopy();
			for (String name : List.copyOf(kept.propertyNames())) {
				String key = name.toLowerCase(Locale.ROOT);
				if (unwanted.contains(key) && !key.equals("id") && !key.equals("schemas")) {
					kept.remove(name);
				}
				else if (kept.get(name) instanceof ObjectNode complex) {
					for (String sub : List.copyOf(complex.propertyNames())) {
						if (unwanted.contains(key + "." + sub.toLowerCase(Locale.ROOT))) {
							complex.remove(sub);
						}
					}
				}
			}
			return kept;
		}
		return resource;
	}

	private static Set<String> names(String list) {
		List<String> names = new ArrayList<>();
		for (String name : list.split(",")) {
			String trimmed = name.strip().toLowerCase(Locale.ROOT);
			// a fully qualified name: urn:...:User:name.givenName is name.givenName of the core schema
			if (trimmed.startsWith(USER_SCHEMA.toLowerCase(Locale.ROOT) + ":")
					|| trimmed.startsWith(GROUP_SCHEMA.toLowerCase(Locale.ROOT) + ":")) {
				trimmed = trimmed.substring(trimmed.lastIndexOf(':') + 1);
			}
			if (!trimmed.isEmpty()) {
				names.add(trimmed);
			}
		}
		return names.stream().collect(Collectors.toSet());
	}

	/** A boolean as providers send it: true, false, or Entra's "True" and "False". */
	static boolean bool(JsonNode node, String attribute) throws ScimException {
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isString()) {
			String text = node.asString().strip();
			if (text.equalsIgnoreCase("true")) {
				return true;
			}
			if (text.equalsIgnoreCase("false")) {
				return false;
			}
		}
		throw BadRequestException.invalidValue("'" + attribute + "' must be true or false, not " + node + ".");
	}

	/** A string attribute, or null when absent or null; anything else is an invalid value. */
	static String text(JsonNode parent, String attribute) throws ScimException {
		JsonNode node = parent == null ? null : parent.get(attribute);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw BadRequestException.invalidValue("'" + attribute + "' must be a string, not " + node + ".");
		}
		if (ControlCharacters.in(node.asString())) {
			throw BadRequestException.invalidValue("'" + attribute + "' holds a control character (such as NUL); remove it.");
		}
		return node.asString();
	}
}
