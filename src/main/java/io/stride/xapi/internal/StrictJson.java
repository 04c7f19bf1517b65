package io.stride.xapi.internal;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON the way xAPI requires it: one value and nothing after it ({@code {"a":1}{} } is not a JSON object,
 * whatever a lenient parser makes of it), and nothing at all is no value.
 */
final class StrictJson {

	private StrictJson() {
	}

	/** The value, or null when there is none; a Jackson exception when it is not JSON. */
	static JsonNode read(JsonMapper json, byte[] content) {
		JsonNode node = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(content);
		return node == null || node.isMissingNode() ? null : node;
	}

	static JsonNode read(JsonMapper json, String content) {
		JsonNode node = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(content);
		return node == null || node.isMissingNode() ? null : node;
	}
}
