package io.stride.badges.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The unsigned JSON of an Open Badges 3.0 credential (a W3C Verifiable Credential 2.0): who issued which achievement
 * to whom and when, and where its revocation bit lives. Every term is defined by the two bundled contexts, so it
 * canonicalizes the same everywhere.
 */
public final class OpenBadgeCredential {

	/** What a credential says; URLs are absolute. */
	public record Content(String id, String issuerId, String issuerName, String subjectId, String achievementId,
			String name, String description, String criteria, String imageUrl, Instant validFrom, int statusIndex,
			String statusListUrl) {
	}

	private OpenBadgeCredential() {
	}

	public static JsonObject of(Content c) {
		JsonObject achievement = Json.createObjectBuilder()
			.add("id", c.achievementId())
			.add("type", Json.createArrayBuilder().add("Achievement"))
			.add("name", c.name())
			.add("description", c.description())
			.add("criteria", Json.createObjectBuilder().add("narrative", c.criteria()))
			.add("image", Json.createObjectBuilder().add("id", c.imageUrl()).add("type", "Image"))
			.build();
		return Json.createObjectBuilder()
			.add("@context", Json.createArrayBuilder().add(JsonLdContexts.CREDENTIALS_V2).add(JsonLdContexts.OPEN_BADGES_V3))
			.add("id", c.id())
			.add("type", Json.createArrayBuilder().add("VerifiableCredential").add("OpenBadgeCredential"))
			.add("name", c.name())
			.add("issuer", Json.createObjectBuilder()
				.add("id", c.issuerId())
				.add("type", Json.createArrayBuilder().add("Profile"))
				.add("name", c.issuerName()))
			.add("validFrom", c.validFrom().truncatedTo(ChronoUnit.SECONDS).toString())
			.add("credentialSubject", Json.createObjectBuilder()
				.add("id", c.subjectId())
				.add("type", Json.createArrayBuilder().add("AchievementSubject"))
				.add("achievement", achievement))
			.add("credentialStatus", Json.createObjectBuilder()
				.add("id", c.statusListUrl() + "#" + c.statusIndex())
				.add("type", "BitstringStatusListEntry")
				.add("statusPurpose", "revocation")
				.add("statusListIndex", Integer.toString(c.statusIndex()))
				.add("statusListCredential", c.statusListUrl()))
			.build();
	}
}
