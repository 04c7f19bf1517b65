package io.stride.badges.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.Json;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * W3C Data Integrity proofs of the {@code eddsa-rdfc-2022} cryptosuite: the document and the proof options are each
 * turned into RDF (JSON-LD, bundled contexts only), canonicalized with RDFC-1.0, hashed with SHA-256; Ed25519 signs
 * the proof options' hash followed by the document's (Bouncy Castle's Ed25519: the JDK's took milliseconds a
 * signature on two busy cores). Issuers are {@code did:key}s, so a verifier needs nothing but the credential.
 */
public final class DataIntegrity {

	public static final String CRYPTOSUITE = "eddsa-rdfc-2022";

	private static final byte[] X509_ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	private DataIntegrity() {
	}

	/** The issuer id of a key: {@code did:key:z6Mk…}. */
	public static String didKey(PublicKey key) {
		return "did:key:" + Multibase.ed25519Multikey(raw(key));
	}

	/** The verification method of a {@code did:key}: the key's fragment within its DID document. */
	public static String verificationMethod(String didKey) {
		return didKey + "#" + didKey.substring("did:key:".length());
	}

	/** The document with an {@code assertionMethod} proof made with the key, created at the second. */
	public static JsonObject sign(JsonObject document, PrivateKey privateKey, PublicKey publicKey, Instant created) {
		JsonObject unsigned = without(document, "proof");
		JsonObject options = Json.createObjectBuilder()
			.add("type", "DataIntegrityProof")
			.add("cryptosuite", CRYPTOSUITE)
			.add("created", created.truncatedTo(ChronoUnit.SECONDS).toString())
			.add("verificationMethod", verificationMethod(didKey(publicKey)))
			.add("proofPurpose", "assertionMethod")
			.build();
		JsonObject proofOptions = Json.createObjectBuilder(options).add("@context", unsigned.get("@context")).build();
		byte[] signature;
		try {
			byte[] data = hashData(unsigned, proofOptions);
			Ed25519Signer signer = new Ed25519Signer();
			signer.init(true, new Ed25519PrivateKeyParameters(seed(privateKey), 0));
			signer.update(data, 0, data.length);
			signature = signer.generateSignature();
		}
		catch (GeneralSecurityException | IOException e) {
			throw new IllegalStateException("Ed25519 signing failed", e);
		}
		JsonObject proof = Json.createObjectBuilder(options).add("proofValue", Multibase.base58btc(signature)).build();
		return Json.createObjectBuilder(unsigned).add("proof", proof).build();
	}

	/**
	 * Whether the document carries an {@code eddsa-rdfc-2022} proof for assertion that its issuer's {@code did:key}
	 * signed, over exactly this content. Never throws for a malformed document: it is simply not verified.
	 */
	public static boolean verify(JsonObject document) {
		try {
			JsonValue proofValue = document.get("proof");
			if (!(proofValue instanceof JsonObject proof) || !"DataIntegrityProof".equals(text(proof, "type"))
					|| !CRYPTOSUITE.equals(text(proof, "cryptosuite"))
					|| !"assertionMethod".equals(text(proof, "proofPurpose"))) {
				return false;
			}
			String issuer = issuerId(document);
			String method = text(proof, "verificationMethod");
			if (issuer == null || !issuer.startsWith("did:key:z6Mk") || !verificationMethod(issuer).equals(method)) {
				return false;
			}
			byte[] key = Multibase.ed25519FromMultikey(issuer.substring("did:key:".length()));
			byte[] signature = Multibase.decodeBase58btc(text(proof, "proofValue"));
			JsonObject unsigned = without(document, "proof");
			JsonObject proofOptions = Json.createObjectBuilder(without(proof, "proofValue"))
				.add("@context", unsigned.get("@context"))
				.build();
			byte[] data = hashData(unsigned, proofOptions);
			Ed25519Signer verifier = new Ed25519Signer();
			verifier.init(false, new Ed25519PublicKeyParameters(key, 0));
			verifier.update(data, 0, data.length);
			return signature.length == 64 && verifier.verifySignature(signature);
		}
		catch (RuntimeException | GeneralSecurityException e) {
			return false;
		}
	}

	/** The RDFC-1.0 canonical N-Quads of a JSON-LD document, with the bundled contexts only. */
	public static String canonicalNQuads(JsonObject document) {
		try {
			RdfCanon canon = RdfCanon.create("SHA-256");
			JsonLdOptions options = new JsonLdOptions(JsonLdContexts.BUNDLED);
			JsonLd.toRdf(JsonDocument.of(document)).options(options).provide(canon);
			StringWriter out = new StringWriter();
			canon.provide(new NQuadsWriter(out));
			return out.toString();
		}
		catch (JsonLdError | RdfConsumerException e) {
			throw new IllegalArgumentException("the document is not valid JSON-LD with the bundled contexts: "
					+ e.getMessage(), e);
		}
	}

	public static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
		byte[] encoded = new byte[X509_ED25519_PREFIX.length + raw.length];
		System.arraycopy(X509_ED25519_PREFIX, 0, encoded, 0, X509_ED25519_PREFIX.length);
		System.arraycopy(raw, 0, encoded, X509_ED25519_PREFIX.length, raw.length);
		return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
	}

	/** The 32-byte seed of an Ed25519 private key, from its PKCS#8 form. */
	static byte[] seed(PrivateKey key) throws IOException {
		var octets = ASN1OctetString.getInstance(
				PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey());
		return octets.getOctets();
	}

	/** The 32 raw bytes of an Ed25519 public key (its X.509 form ends with them). */
	public static byte[] raw(PublicKey key) {
		byte[] encoded = key.getEncoded();
		return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
	}

	private static byte[] hashData(JsonObject unsigned, JsonObject proofOptions) throws GeneralSecurityException {
		byte[] optionsHash = sha256(canonicalNQuads(proofOptions));
		byte[] documentHash = sha256(canonicalNQuads(unsigned));
		byte[] data = new byte[64];
		System.arraycopy(optionsHash, 0, data, 0, 32);
		System.arraycopy(documentHash, 0, data, 32, 32);
		return data;
	}

	private static byte[] sha256(String text) throws GeneralSecurityException {
		return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String issuerId(JsonObject document) {
		JsonValue issuer = document.get("issuer");
		if (issuer instanceof JsonString s) {
			return s.getString();
		}
		return issuer instanceof JsonObject o ? text(o, "id") : null;
	}

	private static String text(JsonObject object, String key) {
		return object.get(key) instanceof JsonString s ? s.getString() : null;
	}

	private static JsonObject without(JsonObject object, String key) {
		return Json.createObjectBuilder(object).remove(key).build();
	}
}
