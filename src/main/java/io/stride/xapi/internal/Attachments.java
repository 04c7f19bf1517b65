package io.stride.xapi.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import io.stride.xapi.XapiException;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Attachments sent as {@code multipart/mixed} (Data 2.4.11, Communication 1.5.2): the first part is the statement or
 * statements, each further part one attachment's bytes named by its SHA-2 in {@code X-Experience-API-Hash}. Parsed with
 * Jakarta Mail's MIME reader; signatures (JWS, Data 2.6) are read with Nimbus JOSE.
 */
public final class Attachments {

	public static final String SIGNATURE = "http://adlnet.gov/expapi/attachments/signature";

	private static final Set<JWSAlgorithm> SIGNING = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

	private Attachments() {
	}

	/** One attachment's bytes as sent. */
	public record Part(String sha2, String contentType, byte[] content) {
	}

	/** The statements' JSON and the attachments, from a multipart/mixed body. */
	public record Multipart(byte[] statements, Map<String, Part> parts) {
	}

	public static Multipart read(byte[] body, String contentType) {
		try {
			String boundary = new ContentType(contentType).getParameter("boundary");
			if (boundary == null || boundary.isBlank()) {
				throw XapiException.badRequest("The Content-Type multipart/mixed must name its boundary.");
			}
			MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(body, contentType));
			int count = multipart.getCount();
			if (count < 1) {
				throw XapiException.badRequest("The multipart body has no parts.");
			}
			BodyPart first = multipart.getBodyPart(0);
			if (first.getContentType() == null
					|| !first.getContentType().toLowerCase(Locale.ROOT).startsWith("application/json")) {
				throw XapiException.badRequest("The first part of a multipart/mixed body must be the statements as "
						+ "application/json.");
			}
			byte[] statements = bytes(first.getInputStream());
			Map<String, Part> parts = new LinkedHashMap<>();
			for (int i = 1; i < count; i++) {
				BodyPart part = multipart.getBodyPart(i);
				String[] hash = part.getHeader("X-Experience-API-Hash");
				if (hash == null || hash.length != 1 || hash[0].isBlank()) {
					throw XapiException.badRequest("Attachment part " + i + " has no X-Experience-API-Hash header.");
				}
				String[] encoding = part.getHeader("Content-Transfer-Encoding");
				if (encoding == null || !"binary".equalsIgnoreCase(encoding[0].strip())) {
					throw XapiException.badRequest("Attachment part " + i
							+ " must have the header Content-Transfer-Encoding: binary.");
				}
				byte[] content = bytes(part.getInputStream());
				String sha2 = hash[0].strip().toLowerCase(Locale.ROOT);
				String type = part.getContentType() == null ? "application/octet-stream" : part.getContentType();
				parts.put(sha2, new Part(sha2, type, content));
			}
			return new Multipart(statements, parts);
		}
		catch (MessagingException | IOException e) {
			throw XapiException.badRequest("The multipart/mixed body could not be read: " + e.getMessage());
		}
	}

	/**
	 * Every attachment without a fileUrl must have its part, every part must belong to an attachment, each part's
	 * bytes must have the SHA-2 it is named by, and a signature must be a JWS of the statement with RS256, RS384 or
	 * RS512.
	 */
	static void requireParts(List<ObjectNode> statements, Map<String, Part> parts) {
		Set<String> named = new HashSet<>();
		for (ObjectNode s : statements) {
			for (JsonNode a : attachmentsOf(s)) {
				String sha2 = a.get("sha2").stringValue().toLowerCase(Locale.ROOT);
				named.add(sha2);
				Part part = parts.get(sha2);
				if (part == null) {
					if (!a.has("fileUrl")) {
						throw XapiException.badRequest("The attachment with sha2 " + sha2
								+ " has neither a fileUrl nor a part in the request.");
					}
					continue;
				}
				if (!sha2.equals(hash(part.content(), sha2.length()))) {
					throw XapiException.badRequest("The part named " + sha2 + " does not have that SHA-2.");
				}
				if (SIGNATURE.equals(a.get("usageType").stringValue())) {
					signature(s, a, part);
				}
			}
		}
		for (String sha2 : parts.keySet()) {
			if (!named.contains(sha2)) {
				throw XapiException.badRequest("The part named " + sha2 + " belongs to no attachment of the statements.");
			}
		}
	}

	private static void signature(ObjectNode statement, JsonNode attachment, Part part) {
		if (!attachment.get("contentType").stringValue().toLowerCase(Locale.ROOT).startsWith("application/octet-stream")) {
			throw XapiException.badRequest("A signature attachment must have the contentType application/octet-stream.");
		}
		JWSObject jws;
		try {
			jws = JWSObject.parse(new String(part.content(), StandardCharsets.US_ASCII).strip());
		}
		catch (ParseException e) {
			throw XapiException.badRequest("The signature is not a JWS in compact form: " + e.getMessage());
		}
		if (!SIGNING.contains(jws.getHeader().getAlgorithm())) {
			throw XapiException.badRequest("The signature must use RS256, RS384 or RS512, not "
					+ jws.getHeader().getAlgorithm() + ".");
		}
		JsonNode payload;
		try {
			payload = JsonMapper.builder().build().readTree(jws.getPayload().toString());
		}
		catch (JacksonException e) {
			throw XapiException.badRequest("The signature's payload is not a JSON statement.");
		}
		ObjectNode signed = statement.deepCopy();
		signed.remove("attachments");
		if (!(payload instanceof ObjectNode p)) {
			throw XapiException.badRequest("The signature's payload is not a JSON statement.");
		}
		ObjectNode compared = p.deepCopy();
		compared.remove("attachments");
		if (!compared.has("id")) {
			signed.remove("id");
		}
		if (!compared.equals(signed)) {
			throw XapiException.badRequest("The signature's payload is not the statement it is attached to.");
		}
	}

	private static List<JsonNode> attachmentsOf(JsonNode statement) {
		List<JsonNode> found = new ArrayList<>();
		if (statement.has("attachments")) {
			statement.get("attachments").values().forEach(found::add);
		}
		JsonNode object = statement.get("object");
		if (object != null && object.has("attachments")) {
			object.get("attachments").values().forEach(found::add);
		}
		return found;
	}

	/** The SHA-2 digests statements name, for the attachments of a GET. */
	public static Set<String> named(List<JsonNode> statements) {
		Set<String> found = new LinkedHashSet<>();
		statements.forEach(s -> attachmentsOf(s).forEach(a -> found.add(a.get("sha2").asString().toLowerCase(Locale.ROOT))));
		return found;
	}

	static void store(JdbcClient jdbc, Map<String, Part> parts, Instant now) {
		for (Part part : parts.values()) {
			jdbc.sql("INSERT INTO xapi_attachments (sha2, content_type, content, stored_at) SELECT ?, ?, ?, ? "
					+ "WHERE NOT EXISTS (SELECT 1 FROM xapi_attachments WHERE sha2 = ?)")
				.params(part.sha2(), part.contentType(), part.content(), Timestamp.from(now), part.sha2())
				.update();
		}
	}

	public static Map<String, Part> load(JdbcClient jdbc, Set<String> sha2s) {
		Map<String, Part> found = new HashMap<>();
		if (sha2s.isEmpty()) {
			return found;
		}
		jdbc.sql("SELECT sha2, content_type, content FROM xapi_attachments WHERE sha2 IN (:sha2s)")
			.param("sha2s", sha2s)
			.query((rs, n) -> found.put(rs.getString(1), new Part(rs.getString(1), rs.getString(2), rs.getBytes(3))))
			.list();
		return found;
	}

	static String hash(byte[] content, int hexLength) {
		String algorithm = switch (hexLength) {
			case 56 -> "SHA-224";
			case 96 -> "SHA-384";
			case 128 -> "SHA-512";
			default -> "SHA-256";
		};
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] bytes(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		in.transferTo(out);
		return out.toByteArray();
	}
}
