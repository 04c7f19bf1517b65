package io.stride.xapi.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code agent} query parameter of the document, Agents and State resources: an Agent object as JSON, identified
 * by exactly one inverse functional identifier (xAPI 1.0.3 Data 2.4.2.1). Its identity is that identifier alone, so
 * the same learner sent with or without a name reaches the same documents.
 *
 * @param agent the agent as sent
 * @param identity the identifier only, as canonical JSON (for example {@code {"mbox":"mailto:a@example.com"}})
 */
public record AgentParameter(ObjectNode agent, String identity) {

	private static final Set<String> PROPERTIES = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid",
			"account");

	private static final Pattern SHA1 = Pattern.compile("[0-9a-fA-F]{40}");

	private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");

	/** Longer than any identifier a tool sends; keeps the stored column bounded. */
	static final int MAX_LENGTH = 2000;

	/**
	 * Reads and checks the parameter.
	 * @throws BadDocumentRequest (400) when it is missing, not JSON, not an Agent or not identified exactly once
	 */
	public static AgentParameter parse(String value, JsonMapper json) {
		if (value == null || value.isBlank()) {
			throw new BadDocumentRequest("The 'agent' parameter is required: an Agent object as JSON.");
		}
		if (value.length() > MAX_LENGTH) {
			throw new BadDocumentRequest("The 'agent' parameter is longer than " + MAX_LENGTH + " characters.");
		}
		JsonNode node;
		try {
			node = StrictJson.read(json, value);
		}
		catch (JacksonException e) {
			throw new BadDocumentRequest("The 'agent' parameter is not valid JSON: " + e.getOriginalMessage());
		}
		if (node == null || !node.isObject()) {
			throw new BadDocumentRequest("The 'agent' parameter must be a JSON object (an Agent), not " + kind(node) + ".");
		}
		ObjectNode agent = (ObjectNode) node;
		for (String property : agent.propertyNames()) {
			if (!PROPERTIES.contains(property)) {
				throw new BadDocumentRequest("The 'agent' parameter has a property an Agent does not have: '" + property
						+ "'.");
			}
		}
		JsonNode objectType = agent.get("objectType");
		if (objectType != null && !(objectType.isString() && objectType.stringValue().equals("Agent"))) {
			throw new BadDocumentRequest("The 'agent' parameter's objectType must be \"Agent\".");
		}
		JsonNode name = agent.get("name");
		if (name != null && !name.isString()) {
			throw new BadDocumentRequest("The 'agent' parameter's name must be a string.");
		}
		return new AgentParameter(agent, identity(agent, json));
	}

	private static String identity(ObjectNode agent, JsonMapper json) {
		ObjectNode identity = json.createObjectNode();
		int found = 0;
		JsonNode mbox = agent.get("mbox");
		if (mbox != null) {
			found++;
			if (!mbox.isString() || !mbox.stringValue().startsWith("mailto:") || !mbox.stringValue().contains("@")) {
				throw new BadDocumentRequest("The agent's mbox must be a 'mailto:' address.");
			}
			identity.put("mbox", mbox.stringValue());
		}
		JsonNode sha1 = agent.get("mbox_sha1sum");
		if (sha1 != null) {
			found++;
			if (!sha1.isString() || !SHA1.matcher(sha1.stringValue()).matches()) {
				throw new BadDocumentRequest("The agent's mbox_sha1sum must be 40 hexadecimal characters.");
			}
			identity.put("mbox_sha1sum", sha1.stringValue().toLowerCase(Locale.ROOT));
		}
		JsonNode openid = agent.get("openid");
		if (openid != null) {
			found++;
			if (!openid.isString() || !IRI.matcher(openid.stringValue()).matches()) {
				throw new BadDocumentRequest("The agent's openid must be a URI.");
			}
			identity.put("openid", openid.stringValue());
		}
		JsonNode account = agent.get("account");
		if (account != null) {
			found++;
			if (!account.isObject() || !Set.of("homePage", "name").containsAll(account.propertyNames())) {
				throw new BadDocumentRequest("The agent's account must be an object with homePage and name.");
			}
			JsonNode homePage = account.get("homePage");
			JsonNode accountName = account.get("name");
			if (homePage == null || !homePage.isString() || !IRI.matcher(homePage.stringValue()).matches()) {
				throw new BadDocumentRequest("The agent's account needs a homePage that is an IRL.");
			}
			if (accountName == null || !accountName.isString() || accountName.stringValue().isEmpty()) {
				throw new BadDocumentRequest("The agent's account needs a name.");
			}
			ObjectNode canonical = identity.putObject("account");
			canonical.put("homePage", homePage.stringValue());
			canonical.put("name", accountName.stringValue());
		}
		if (found != 1) {
			throw new BadDocumentRequest(found == 0
					? "The 'agent' parameter names no identifier: give one of mbox, mbox_sha1sum, openid or account."
					: "The 'agent' parameter names more than one identifier; an Agent has exactly one.");
		}
		return json.writeValueAsString(identity);
	}

	/**
	 * The Person object of the Agents resource (Communication 2.4): every property an array. Stride knows of an
	 * agent only what it is sent, so the Person holds what this agent says of itself.
	 */
	public Map<String, Object> person() {
		Map<String, Object> person = new LinkedHashMap<>();
		person.put("objectType", "Person");
		for (String property : new String[] { "name", "mbox", "mbox_sha1sum", "openid", "account" }) {
			JsonNode value = agent.get(property);
			if (value != null) {
				person.put(property, List.of(value));
			}
		}
		return person;
	}

	private static String kind(JsonNode node) {
		if (node == null || node.isMissingNode()) {
			return "nothing";
		}
		return node.isArray() ? "an array" : node.isString() ? "a string" : node.isNumber() ? "a number"
				: node.isBoolean() ? "a boolean" : "null";
	}
}
