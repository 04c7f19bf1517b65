package io.stride.xapi.lrs;

import java.util.Map;
import java.util.Set;

import io.stride.xapi.XapiClient;
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

/**
 * The Activity Profile resource (xAPI 1.0.3 Communication 2.7): documents about an activity, shared by every agent.
 * A PUT must say {@code If-Match} or {@code If-None-Match} (Communication 3.1). Needs the {@code profile} scope.
 */
@RestController
@RequestMapping("/xapi/activities/profile")
class ActivityProfileController {

	private static final Set<String> ONE = Set.of("activityId", "profileId");

	private static final Set<String> MANY = Set.of("activityId", "profileId", "since");

	private final Documents documents;

	ActivityProfileController(Documents documents) {
		this.documents = documents;
	}

	@GetMapping
	ResponseEntity<Object> get(HttpServletRequest request, @AuthenticationPrincipal XapiClient client) {
		Map<String, String> parameters = DocumentRequests.parameters(request, MANY);
		DocumentPlace place = DocumentPlace.activityProfile(parameters.get("activityId"));
		DocumentRequests.requireWithinLimits(client, place, parameters.get("profileId"));
		String profileId = parameters.get("profileId");
		if (profileId == null) {
			return DocumentRequests.ids(documents.ids(client, place, DocumentRequests.since(parameters.get("since"))));
		}
		if (parameters.containsKey("since")) {
			throw new BadDocumentRequest("'since' lists profiles; it goes without 'profileId'.");
		}
		return documents.find(client, place, profileId)
			.map(d -> DocumentRequests.document(d, request))
			.orElseThrow(() -> DocumentRequests.notFound("This activity has no profile with this profileId."));
	}

	@PutMapping
	ResponseEntity<Object> put(HttpServletRequest request, @AuthenticationPrincipal XapiClient client) {
		Map<String, String> parameters = DocumentRequests.parameters(request, ONE);
		DocumentPlace place = DocumentPlace.activityProfile(parameters.get("activityId"));
		DocumentRequests.requireMayWriteActivityProfile(client, place, parameters.get("profileId"));
		String profileId = DocumentPlace.documentId("profileId", parameters.get("profileId"));
		Documents.Write write = DocumentRequests.write(request, documents.maxBytes());
		return DocumentRequests.stored(documents.put(client, place, profileId, write, true));
	}

	@PostMapping
	ResponseEntity<Object> post(HttpServletRequest request, @AuthenticationPrincipal XapiClient client) {
		Map<String, String> parameters = DocumentRequests.parameters(request, ONE);
		DocumentPlace place = DocumentPlace.activityProfile(parameters.get("activityId"));
		DocumentRequests.requireMayWriteActivityProfile(client, place, parameters.get("profileId"));
		String profileId = DocumentPlace.documentId("profileId", parameters.get("profileId"));
		Documents.Write write = DocumentRequests.write(request, documents.maxBytes());
		return DocumentRequests.stored(documents.post(client, place, profileId, write));
	}

	@DeleteMapping
	ResponseEntity<Object> delete(HttpServletRequest request, @AuthenticationPrincipal XapiClient client) {
		Map<String, String> parameters = DocumentRequests.parameters(request, ONE);
		DocumentPlace place = DocumentPlace.activityProfile(parameters.get("activityId"));
		DocumentRequests.requireMayWriteActivityProfile(client, place, parameters.get("profileId"));
		String profileId = DocumentPlace.documentId("profileId", parameters.get("profileId"));
		documents.delete(client, place, profileId, DocumentRequests.preconditions(request));
		return DocumentRequests.noContent();
	}
}
