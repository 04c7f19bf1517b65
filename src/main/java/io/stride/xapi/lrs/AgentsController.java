package io.stride.xapi.lrs;

import java.util.Map;
import java.util.Set;

import io.stride.xapi.Scope;
import io.stride.xapi.XapiClient;
import io.stride.xapi.internal.AgentParameter;
import io.stride.xapi.internal.ClientScopes;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Agents resource (xAPI 1.0.3 Communication 2.4): the Person object for an agent, every property an array. Read
 * with {@code profile}, {@code define} or {@code statements/read} (or {@code all/read}, {@code all}).
 */
@RestController
class AgentsController {

	private static final Set<String> PARAMETERS = Set.of("agent");

	private final JsonMapper json;

	AgentsController(JsonMapper json) {
		this.json = json;
	}

	@GetMapping("/xapi/agents")
	ResponseEntity<Map<String, Object>> get(HttpServletRequest request, @AuthenticationPrincipal XapiClient client) {
		ClientScopes.requireReading(client, Scope.PROFILE, Scope.DEFINE, Scope.STATEMENTS_READ);
		Map<String, String> parameters = DocumentRequests.parameters(request, PARAMETERS);
		AgentParameter agent = AgentParameter.parse(parameters.get("agent"), json);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(agent.person());
	}
}
