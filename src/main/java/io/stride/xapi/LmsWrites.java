package io.stride.xapi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.xapi.internal.AgentParameter;
import io.stride.xapi.internal.DocumentPlace;
import io.stride.xapi.internal.Documents;
import io.stride.xapi.internal.StatementWrites;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Stride writes into its own LRS when it acts as the LMS of a launched activity (cmi5: the {@code launched},
 * {@code satisfied}, {@code abandoned} and {@code waived} statements and {@code LMS.LaunchData}). The statements go
 * through the same checks and table as any client's, with Stride as their authority, so a reader of the LRS sees
 * them as the specification expects.
 */
@Service
public class LmsWrites {

	/** The authority of Stride's own LMS statements; its id is what {@code client_id} holds for them. */
	public static final XapiClient STRIDE = new XapiClient("stride-lms", "Stride", Set.of(Scope.ALL));

	private final StatementWrites statements;

	private final Documents documents;

	private final JsonMapper json;

	LmsWrites(StatementWrites statements, Documents documents, JsonMapper json) {
		this.statements = statements;
		this.documents = documents;
		this.json = json;
	}

	/** Stores statements with Stride as their authority, all or none. */
	@Transactional
	public List<String> record(List<ObjectNode> sent) {
		return statements.store(new StatementWrites.Batch(sent, Map.of()), STRIDE).ids();
	}

	/** Replaces a JSON state document of an agent in an activity and registration. */
	@Transactional
	public void putState(String activityId, JsonNode agent, String registration, String stateId, JsonNode document) {
		DocumentPlace place = DocumentPlace.state(activityId, AgentParameter.parse(json.writeValueAsString(agent), json),
				registration);
		documents.put(STRIDE, place, stateId, new Documents.Write("application/json",
				json.writeValueAsString(document).getBytes(StandardCharsets.UTF_8), null, null), false);
	}
}
