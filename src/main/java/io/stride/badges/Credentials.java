package io.stride.badges;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.stride.badges.internal.BadgeImage;
import io.stride.badges.internal.BadgeRows;
import io.stride.badges.internal.CredentialRows;
import io.stride.badges.internal.DataIntegrity;
import io.stride.badges.internal.InstallationKey;
import io.stride.badges.internal.JsonLdContexts;
import io.stride.badges.internal.StatusList;
import io.stride.shared.Ids;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What anyone may see without signing in: a credential's verification (the signature checked here, on the server,
 * against the issuer's did:key; the revocation bit read from the status list), its JSON as issued, a badge's image
 * and the signed status list. Nothing else about the earner or the organization.
 */
@Service
@Transactional(readOnly = true)
public class Credentials {

	public static final String STATUS_LIST_PATH = "/api/v1/badges/status-list";

	/** A credential as its public page shows it. */
	public record Verification(String id, String badgeId, String badgeName, String description, String criteria,
			String earnerName, String issuerName, String issuerId, Instant issuedAt, boolean signatureValid,
			boolean revoked, Instant revokedAt, String revokedReason, String json) {

		public boolean valid() {
			return signatureValid && !revoked;
		}
	}

	/** A signature check of a credential text, known by the text's SHA-256. */
	private record Checked(byte[] digest, boolean valid) {
	}

	/** Enough checks to keep every credential a busy day shows; past it the cache starts again. */
	private static final int MAX_CHECKED = 50_000;

	private final CredentialRows credentials;

	private final BadgeRows badges;

	private final InstallationKey key;

	private final BadgeIssuer issuer;

	private final Clock clock;

	/**
	 * Signature checks by credential id, for the exact text checked: the JSON-LD canonicalization costs milliseconds,
	 * and a stored credential never changes (if its text did, the digest would differ and it is checked again).
	 */
	private final ConcurrentHashMap<String, Checked> checked = new ConcurrentHashMap<>();

	private volatile CachedList statusList;

	private record CachedList(int issued, BitSet revoked, String json) {
	}

	Credentials(CredentialRows credentials, BadgeRows badges, InstallationKey key, BadgeIssuer issuer, Clock clock) {
		this.credentials = credentials;
		this.badges = badges;
		this.key = key;
		this.issuer = issuer;
		this.clock = clock;
	}

	/** The public verification of a credential; empty when there is none (the page answers 404). */
	public Optional<Verification> verify(String id) {
		if (!Ids.looksValid(id)) {
			return Optional.empty();
		}
		return credentials.find(id).map(row -> {
			JsonObject credential = parse(row.credential());
			JsonObject achievement = credential.getJsonObject("credentialSubject").getJsonObject("achievement");
			return new Verification(row.id(), row.badgeId(), achievement.getString("name"),
					achievement.getString("description"), achievement.getJsonObject("criteria").getString("narrative"),
					row.personName(), credential.getJsonObject("issuer").getString("name"),
					credential.getJsonObject("issuer").getString("id"), row.issuedAt(), signatureValid(row),
					row.revokedAt() != null, row.revokedAt(), row.revokedReason(), row.credential());
		});
	}

	/** The credential's JSON exactly as issued and signed; empty when there is none. */
	public Optional<String> json(String id) {
		return Ids.looksValid(id) ? credentials.find(id).map(CredentialRows.Row::credential) : Optional.empty();
	}

	/** The badge's image (SVG drawn from its name); empty when there is no such badge. */
	public Optional<String> image(String badgeId) {
		return Ids.looksValid(badgeId) ? badges.find(badgeId).map(b -> BadgeImage.svg(b.name())) : Optional.empty();
	}

	/**
	 * The signed BitstringStatusListCredential with every revoked credential's bit set; signed again only when a
	 * credential was issued or revoked since the last time.
	 */
	public String statusListJson() {
		CredentialRows.Revocations now = credentials.revocations();
		CachedList cached = statusList;
		if (cached != null && cached.issued() == now.issued() && cached.revoked().equals(now.revoked())) {
			return cached.json();
		}
		String url = issuer.url(STATUS_LIST_PATH);
		Instant at = clock.instant();
		JsonObject list = Json.createObjectBuilder()
			.add("@context", Json.createArrayBuilder().add(JsonLdContexts.CREDENTIALS_V2))
			.add("id", url)
			.add("type", Json.createArrayBuilder().add("VerifiableCredential").add("BitstringStatusListCredential"))
			.add("issuer", key.did())
			.add("validFrom", at.truncatedTo(ChronoUnit.SECONDS).toString())
			.add("credentialSubject", Json.createObjectBuilder()
				.add("id", url + "#list")
				.add("type", "BitstringStatusList")
				.add("statusPurpose", "revocation")
				.add("encodedList", StatusList.encode(now.revoked(), now.issued())))
			.build();
		String json = DataIntegrity.sign(list, key.privateKey(), key.publicKey(), at).toString();
		statusList = new CachedList(now.issued(), now.revoked(), json);
		return json;
	}

	private boolean signatureValid(CredentialRows.Row row) {
		byte[] digest = sha256(row.credential());
		Checked known = checked.get(row.id());
		if (known != null && Arrays.equals(known.digest(), digest)) {
			return known.valid();
		}
		JsonObject credential = parse(row.credential());
		// a credential verifies as this installation's only if this installation's key signed it
		boolean valid = DataIntegrity.verify(credential) && key.did().equals(credential.getJsonObject("issuer").getString("id"));
		if (checked.size() >= MAX_CHECKED) {
			checked.clear();
		}
		checked.put(row.id(), new Checked(digest, valid));
		return valid;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static JsonObject parse(String json) {
		try (var reader = Json.createReader(new StringReader(json))) {
			return reader.readObject();
		}
	}
}
