package io.stride.badges.internal;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing and verifying eddsa-rdfc-2022 proofs on Open Badges credentials, without Spring. */
class DataIntegrityTests {

	static final KeyPair KEY = keyPair();

	static OpenBadgeCredential.Content content() {
		return new OpenBadgeCredential.Content("https://stride.example/badges/credentials/c1", DataIntegrity.didKey(KEY.getPublic()),
				"Acme Learning", "urn:uuid:7a6f4c1e-6a8e-4a51-9b0b-0c3f6f1b2a11", "https://stride.example/badges/b1",
				"Incident responder", "Handles incidents end to end.", "Reach level 2 of Incident response.",
				"https://stride.example/badges/b1/image.svg", Instant.parse("2026-12-06T10:15:30Z"), 7,
				"https://stride.example/api/v1/badges/status-list");
	}

	@Test
	void aSignedCredentialVerifies() {
		JsonObject signed = DataIntegrity.sign(OpenBadgeCredential.of(content()), KEY.getPrivate(), KEY.getPublic(),
				Instant.parse("2026-12-06T10:15:30.123Z"));
		assertThat(signed.getJsonObject("proof").getString("cryptosuite")).isEqualTo("eddsa-rdfc-2022");
		assertThat(signed.getJsonObject("proof").getString("proofValue")).startsWith("z");
		assertThat(signed.getJsonObject("proof").getString("created")).isEqualTo("2026-12-06T10:15:30Z");
		assertThat(DataIntegrity.verify(signed)).isTrue();
		// it survives a trip through text, as it does when stored and served
		assertThat(DataIntegrity.verify(Json.createReader(new java.io.StringReader(signed.toString())).readObject())).isTrue();
	}

	@Test
	void aTamperedCopyFails() {
		JsonObject signed = DataIntegrity.sign(OpenBadgeCredential.of(content()), KEY.getPrivate(), KEY.getPublic(), Instant.now());
		JsonObject subject = signed.getJsonObject("credentialSubject");
		JsonObject achievement = Json.createObjectBuilder(subject.getJsonObject("achievement")).add("name", "Chief incident officer").build();
		JsonObject tampered = Json.createObjectBuilder(signed)
			.add("credentialSubject", Json.createObjectBuilder(subject).add("achievement", achievement))
			.build();
		assertThat(DataIntegrity.verify(tampered)).isFalse();
		JsonObject otherDate = Json.createObjectBuilder(signed).add("validFrom", "2020-01-01T00:00:00Z").build();
		assertThat(DataIntegrity.verify(otherDate)).isFalse();
	}

	@Test
	void anotherKeysProofOrNoProofFails() {
		KeyPair other = keyPair();
		JsonObject signedByOther = DataIntegrity.sign(OpenBadgeCredential.of(content()), other.getPrivate(), other.getPublic(), Instant.now());
		// the proof names the other key, the issuer is ours
		assertThat(DataIntegrity.verify(signedByOther)).isFalse();
		assertThat(DataIntegrity.verify(OpenBadgeCredential.of(content()))).isFalse();
	}

	@Test
	void multibaseRoundTripsKeysAndLeadingZeros() {
		byte[] raw = DataIntegrity.raw(KEY.getPublic());
		String multikey = Multibase.ed25519Multikey(raw);
		assertThat(multikey).startsWith("z6Mk");
		assertThat(Multibase.ed25519FromMultikey(multikey)).isEqualTo(raw);
		byte[] zeros = { 0, 0, 1, 2, (byte) 255 };
		assertThat(Multibase.decodeBase58btc(Multibase.base58btc(zeros))).isEqualTo(zeros);
		assertThat(Multibase.base58btc("Hello World!".getBytes())).isEqualTo("z2NEpo7TZRRrLZSi2U");
	}

	@Test
	void aKeyFileSignsAsTheInstallationKey(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
		java.nio.file.Path file = dir.resolve("badges-key.pem");
		java.nio.file.Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
				+ java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEY.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n");
		KeyPair loaded = InstallationKey.fromFile(file);
		assertThat(DataIntegrity.didKey(loaded.getPublic())).isEqualTo(DataIntegrity.didKey(KEY.getPublic()));
		JsonObject signed = DataIntegrity.sign(OpenBadgeCredential.of(content()), loaded.getPrivate(), loaded.getPublic(), Instant.now());
		assertThat(DataIntegrity.verify(signed)).isTrue();
	}

	static KeyPair keyPair() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
