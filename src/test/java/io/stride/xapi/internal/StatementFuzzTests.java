package io.stride.xapi.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stride.support.FuzzSeeds;
import io.stride.support.Refusals;
import io.stride.xapi.XapiException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a learning tool posts to the LRS, read as the statements resource reads it (strict JSON, then the xAPI rules
 * for each statement and its attachments): stored, or refused with an {@link XapiException}, a 400 that says why.
 */
class StatementFuzzTests {

	/** As the statements resource reads a body: a duplicate key is an error, not the last copy. */
	private static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

	private static final String MULTIPART = "multipart/mixed; boundary=stride-fuzz";

	@FuzzSeeds("XapiStatements")
	@FuzzTest(maxDuration = "15s")
	void statements(byte[] body) {
		Refusals.readOrRefuse(() -> check(body, Map.of()), XapiException.class);
	}

	@FuzzSeeds("XapiMultipart")
	@FuzzTest(maxDuration = "15s")
	void statementsWithAttachments(byte[] body) {
		Refusals.readOrRefuse(() -> {
			Attachments.Multipart multipart = Attachments.read(body, MULTIPART);
			check(multipart.statements(), multipart.parts());
		}, XapiException.class);
	}

	private static void check(byte[] json, Map<String, Attachments.Part> parts) {
		JsonNode tree;
		try {
			tree = STRICT.readTree(new String(json, StandardCharsets.UTF_8));
		}
		catch (JacksonException notJson) {
			throw XapiException.badRequest("not JSON");
		}
		List<ObjectNode> statements = new ArrayList<>();
		if (tree instanceof ObjectNode one) {
			statements.add(one);
		}
		else if (tree != null && tree.isArray()) {
			for (JsonNode s : tree) {
				if (s instanceof ObjectNode o) {
					statements.add(o);
				}
			}
		}
		for (ObjectNode s : statements) {
			StatementRules.statement(s);
		}
		Attachments.requireParts(statements, parts);
	}
}
