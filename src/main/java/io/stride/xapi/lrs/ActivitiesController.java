package io.stride.xapi.lrs;

import java.util.Map;
import java.util.Set;

import io.stride.xapi.XapiClient;
import io.stride.xapi.internal.ActivityDefinitions;
import io.stride.xapi.internal.DocumentPlace;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Activities resource (xAPI 1.0.3 Communication 2.5): an activity with the definition the LRS has merged from
 * the statements that defined it; one no statement defined comes back as its id alone. Read with {@code define},
 * {@code profile} or {@code statements/read} (or {@code all/read}, {@code all}).
 */
@RestController
class ActivitiesController {

	private static final Set<String> PARAMETERS = Set.of("activityId");

	private final ActivityDefinitions definitions;

	ActivitiesController(ActivityDefinitions definitions) {
		this.definitions = definitions;
	}

	@GetMapping("/xapi/activities")
	ResponseEntity<ObjectNode> get(HttpServletRequest request, @AuthenticationPrincipal XapiClient client) {
		Map<String, String> parameters = DocumentRequests.parameters(request, PARAMETERS);
		String activityId = DocumentPlace.activity(parameters.get("activityId"));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(definitions.activity(client, activityId));
	}
}
