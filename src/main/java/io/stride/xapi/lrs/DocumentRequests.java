package io.stride.xapi.lrs;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.stride.xapi.XapiClient;
import io.stride.xapi.internal.AgentKeys;
import io.stride.xapi.internal.BadDocumentRequest;
import io.stride.xapi.internal.DocumentRefused;
import io.stride.xapi.internal.DocumentPlace;
import io.stride.xapi.internal.Documents;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the document, Activities and Agents resources share: their query parameters (only the ones the resource
 * knows, each once: Communication 3.2 answers anything else with 400), the body as bytes, the scope check and the
 * answer carrying a document.
 */
final class DocumentRequests {

	private DocumentRequests() {
	}

	/**
	 * The request's query parameters, checked against what the resource takes. Read from the query string itself, so
	 * that a document sent as a form stays the document; a request in the alternate syntax has its parameters as
	 * form fields (and no query string left).
	 */
	static Map<String, String> parameters(HttpServletRequest request, Set<String> known) {
		Map<String, String> parameters = new HashMap<>();
		String query = request.getQueryString();
		if (query != null) {
			for (String pair : query.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = decode(equals < 0 ? pair : pair.substring(0, equals));
				String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
				put(parameters, known, name, value);
			}
		}
		else {
			request.getParameterMap().forEach((name, values) -> {
				for (String value : values) {
					put(parameters, known, name, value);
				}
			});
		}
		return parameters;
	}

	private static void put(Map<String, String> parameters, Set<String> known, String name, String value) {
		if (!known.contains(name)) {
			throw new BadDocumentRequest("Unknown parameter '" + name + "'; this resource takes "
					+ String.join(", ", new TreeSet<>(known)) + " (names are case-sensitive).");
		}
		if (parameters.put(name, value) != null) {
			throw new BadDocumentRequest("The parameter '" + name + "' is given more than once.");
		}
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			throw new BadDocumentRequest("The query string is not correctly percent-encoded.");
		}
	}

	/** The {@code since} parameter: an ISO 8601 timestamp; one without an offset is taken as UTC. */
	static Instant since(String since) {
		if (since == null) {
			return null;
		}
		// an unencoded '+' of an offset arrives as a space
		String text = since.trim().replace(' ', '+');
		try {
			return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException withoutOffset) {
			try {
				return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException e) {
				throw new BadDocumentRequest("The 'since' parameter must be an ISO 8601 timestamp such as "
						+ "2026-12-07T09:00:00Z, not '" + since + "'.");
			}
		}
	}

	/** The body as sent, at most {@code max} bytes (413 beyond, without reading further). */
	static byte[] body(HttpServletRequest request, long max) {
		try {
			byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
			if (body.length > max) {
				throw new DocumentRefused(413, "A document may be at most " + max + " bytes.");
			}
			return body;
		}
		catch (IOException e) {
			throw new BadDocumentRequest("The body could not be read.");
		}
	}

	static Documents.Write write(HttpServletRequest request, long max) {
		return new Documents.Write(request.getContentType(), body(request, max), request.getHeader("If-Match"),
				request.getHeader("If-None-Match"));
	}

	static Documents.Write preconditions(HttpServletRequest request) {
		return new Documents.Write(null, new byte[0], request.getHeader("If-Match"), request.getHeader("If-None-Match"));
	}

	/**
	 * 403 when a session's credential ({@link XapiClient#limits()}) reaches beyond its learner, activity and
	 * registration, or an agent profile it was not given; a client's key is not limited here.
	 */
	static void requireWithinLimits(XapiClient client, DocumentPlace place, String documentId) {
		if (client == null || !client.limited()) {
			return;
		}
		XapiClient.Limits limits = client.limits();
		boolean within = switch (place.kind()) {
			case STATE -> limits.activityId().equals(place.activityId()) && sameAgent(limits, place)
					&& place.registration() != null && limits.registration().equalsIgnoreCase(place.registration());
			case AGENT_PROFILE -> sameAgent(limits, place) && documentId != null
					&& limits.agentProfileIds().contains(documentId);
			case ACTIVITY_PROFILE -> limits.activityId().equals(place.activityId());
		};
		if (!within) {
			throw new DocumentRefused(403, "This session's credentials reach only the launched learner's documents "
					+ "in the launched activity and registration.");
		}
	}

	/**
	 * An activity's profile is shared by every learner of it: a session's credentials read it, and only a client's key
	 * (the tool's) writes it, so one learner's AU cannot change or delete what all the others read.
	 */
	static void requireMayWriteActivityProfile(XapiClient client, DocumentPlace place, String documentId) {
		if (client != null && client.limited()) {
			throw new DocumentRefused(403, "This session's credentials read the activity's profile but may not change it.");
		}
		requireWithinLimits(client, place, documentId);
	}

	private static boolean sameAgent(XapiClient.Limits limits, DocumentPlace place) {
		return place.agent() != null
				&& Objects.equals(AgentKeys.key(limits.agent()), AgentKeys.key(place.agent().agent()));
	}

	/** The stored document, as it was sent, with its ETag; 304 when the client's If-None-Match names it. */
	static ResponseEntity<Object> document(Documents.Document document, HttpServletRequest request) {
		String etag = "\"" + document.etag() + "\"";
		String ifNoneMatch = request.getHeader("If-None-Match");
		if (ifNoneMatch != null && Documents.names(ifNoneMatch, document.etag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, document.contentType())
			.eTag(etag)
			.lastModified(document.updatedAt())
			// a learner's state: never kept by a shared cache
			.cacheControl(CacheControl.noStore())
			.body(document.content());
	}

	static DocumentRefused notFound(String what) {
		return new DocumentRefused(404, what);
	}

	static ResponseEntity<Object> ids(List<String> ids) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore()).body(ids);
	}

	/** 204, with the ETag of the document as now stored: the writer's next If-Match needs no GET first. */
	static ResponseEntity<Object> stored(String etag) {
		return ResponseEntity.noContent().eTag("\"" + etag + "\"").build();
	}

	static ResponseEntity<Object> noContent() {
		return ResponseEntity.noContent().build();
	}
}
