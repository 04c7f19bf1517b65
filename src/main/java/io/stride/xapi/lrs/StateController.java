package io.stride.xapi.lrs;

import java.util.Map;
import java.util.Set;

import io.stride.xapi.XapiClient;
import io.stride.xapi.internal.AgentParameter;
import io.stride.xapi.internal.BadDocumentRequest;
import io.stride.xapi.internal.DocumentPlace;
import io.stride.xapi.internal.Documents;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The State resource (xAPI 1.0.3 Communication 2.3): what an activity keeps of an agent between sessions (a SCORM or
 * cmi5 player's bookmark, cmi5's LMS.LaunchData), per registration when one is given. A GET or DELETE without a
 * {@code stateId} lists or deletes all of the agent's states in the activity (in every registration unless one is
 * given). Needs the {@code state} scope.
 */
@RestController
@RequestMapping("/xapi/activities/state")
class StateController {

	private static final Set<String> ONE = Set.of("activityId", "agent", "registration", "stateId");

	private static final Set<String> MANY = Set.of("activityId", "agent", "registration", "stateId", "since");

	private final Documents documents;

	private final JsonMapper json;

	StateController(Documents documents, JsonMapper json) {
		this.documents = documents;
		this.json = json;
	}

	@GetMapping
	ResponseEntity<Object> get(HttpServletRequest request, @AuthenticationPrincipal XapiClient client) {
		Map<String, String> parameters = DocumentRequests.parameters(request, MANY);
		DocumentPlace place = place(parameters);
		DocumentRequests.requireWithinLimits(client, place, parameters.get("stateId"));
		String stateId = parameters.get("stateId");
		if (stateId == null) {
			return DocumentRequests.ids(documents.ids(client, place, DocumentRequests.since(parameters.get("since"))));
		}
		if (parameters.containsKey("since")) {
			throw new BadDocumentRequest("'since' lists states; it goes without 'stateId'.");
		}
		return documents.find(client, place, stateId)
			.map(d -> DocumentRequests.document(d, request))
			.orElseThrow(() -> DocumentRequests.notFound("There is no state with this stateId for this agent and "
					+ "activity" + (place.registration() == null ? "" : " in this registration") + "."));
	}

	@PutMapping
	ResponseEntity<Object> put(HttpServletRequest request, @AuthenticationPrincipal XapiClient client) {
		Map<String, String> parameters = DocumentRequests.parameters(request, ONE);
		DocumentPlace place = place(parameters);
		DocumentRequests.requireWithinLimits(client, place, parameters.get("stateId"));
		String stateId = DocumentPlace.documentId("stateId", parameters.get("stateId"));
		Documents.Write write = DocumentRequests.write(request, documents.maxBytes());
		return DocumentRequests.stored(documents.put(client, place, stateId, write, false));
	}

	@PostMapping
	ResponseEntity<Object> post(HttpServletRequest request, @AuthenticationPrincipal XapiClient client) {
		Map<String, String> parameters = DocumentRequests.parameters(request, ONE);
		DocumentPlace place = place(parameters);
		DocumentRequests.requireWithinLimits(client, place, parameters.get("stateId"));
		String stateId = DocumentPlace.documentId("stateId", parameters.get("stateId"));
		Documents.Write write = DocumentRequests.write(request, documents.maxBytes());
		return DocumentRequests.stored(documents.post(client, place, stateId, write));
	}

	@DeleteMapping
	ResponseEntity<Object> delete(HttpServletRequest request, @AuthenticationPrincipal XapiClient client) {
		Map<String, String> parameters = DocumentRequests.parameters(request, ONE);
		DocumentPlace place = place(parameters);
		DocumentRequests.requireWithinLimits(client, place, parameters.get("stateId"));
		String stateId = parameters.get("stateId");
		if (stateId == null) {
			documents.deleteAll(client, place);
		}
		else {
			documents.delete(client, place, stateId, DocumentRequests.preconditions(request));
		}
		return DocumentRequests.noContent();
	}

	private DocumentPlace place(Map<String, String> parameters) {
		String activityId = DocumentPlace.activity(parameters.get("activityId"));
		return DocumentPlace.state(activityId, AgentParameter.parse(parameters.get("agent"), json),
				parameters.get("registration"));
	}
}
