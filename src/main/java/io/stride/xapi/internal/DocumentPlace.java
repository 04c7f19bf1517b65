package io.stride.xapi.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where documents live: the State resource's documents of one agent in one activity (and, when given, one
 * registration), an activity's profiles or an agent's profiles. A document is this place and its id.
 *
 * @param kind which resource
 * @param activityId the activity's IRI (State and Activity Profile), else null
 * @param agent the agent (State and Agent Profile), else null
 * @param registration the registration (State only, optional)
 */
public record DocumentPlace(Kind kind, String activityId, AgentParameter agent, String registration) {

	public enum Kind {
		STATE, ACTIVITY_PROFILE, AGENT_PROFILE
	}

	/** IRIs and document ids beyond this are refused: no tool needs them and the columns stay bounded. */
	static final int MAX_ID_LENGTH = 2000;

	private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");

	public static DocumentPlace state(String activityId, AgentParameter agent, String registration) {
		return new DocumentPlace(Kind.STATE, activity(activityId), agent, registration(registration));
	}

	public static DocumentPlace activityProfile(String activityId) {
		return new DocumentPlace(Kind.ACTIVITY_PROFILE, activity(activityId), null, null);
	}

	public static DocumentPlace agentProfile(AgentParameter agent) {
		return new DocumentPlace(Kind.AGENT_PROFILE, null, agent, null);
	}

	/** Checks the {@code activityId} parameter: present and an IRI. */
	public static String activity(String activityId) {
		if (activityId == null || activityId.isEmpty()) {
			throw new BadDocumentRequest("The 'activityId' parameter is required: the activity's IRI.");
		}
		if (activityId.length() > MAX_ID_LENGTH) {
			throw new BadDocumentRequest("The 'activityId' parameter is longer than " + MAX_ID_LENGTH + " characters.");
		}
		if (!IRI.matcher(activityId).matches()) {
			throw new BadDocumentRequest("The 'activityId' parameter must be an IRI (for example "
					+ "'https://example.com/activities/1'), not '" + activityId + "'.");
		}
		return activityId;
	}

	/** Checks an optional {@code registration} parameter: a UUID when given. */
	static String registration(String registration) {
		if (registration == null) {
			return null;
		}
		try {
			if (registration.length() == 36) {
				return UUID.fromString(registration).toString();
			}
		}
		catch (IllegalArgumentException e) {
			// answered below
		}
		throw new BadDocumentRequest("The 'registration' parameter must be a UUID, not '" + registration + "'.");
	}

	/** Checks a {@code stateId} or {@code profileId}. */
	public static String documentId(String name, String id) {
		if (id == null || id.isEmpty()) {
			throw new BadDocumentRequest("The '" + name + "' parameter is required.");
		}
		if (id.length() > MAX_ID_LENGTH) {
			throw new BadDocumentRequest("The '" + name + "' parameter is longer than " + MAX_ID_LENGTH + " characters.");
		}
		return id;
	}

	/** The set a GET without an id lists: kind, activity and agent (a state's registration is a column). */
	String scopeKey() {
		return sha256(kind.name(), activityId, agent == null ? null : agent.identity());
	}

	String documentKey(String documentId) {
		return sha256(kind.name(), activityId, agent == null ? null : agent.identity(), registration, documentId);
	}

	private static String sha256(String... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String part : parts) {
				// each part after its length (-1 for none): ("a", "bc") and ("ab", "c") name different documents
				byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
				digest.update(ByteBuffer.allocate(4).putInt(part == null ? -1 : bytes.length).array());
				digest.update(bytes);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
