package io.stride.xapi.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.stride.shared.Retry;
import io.stride.xapi.XapiClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documents of the State, Activity Profile and Agent Profile resources (xAPI 1.0.3 Communication 2.2–2.7): kept
 * as sent, with the SHA-1 of their bytes as ETag. A write reads the current document under a row lock, checks the
 * request's preconditions against it and writes in the same transaction, so two writers never both win; a first
 * write that loses the insert race is run once more and then meets the winner's document.
 */
@Service
public class Documents {

	/** A stored document. {@code etag} is the bare SHA-1 (hexadecimal), not yet quoted. */
	public record Document(String id, String contentType, byte[] content, String etag, Instant updatedAt) {

		public boolean isJson() {
			return Documents.isJson(contentType);
		}
	}

	/**
	 * What a write sends: its bytes, content type and the {@code If-Match} / {@code If-None-Match} headers (null when
	 * absent).
	 */
	public record Write(String contentType, byte[] content, String ifMatch, String ifNoneMatch) {

		boolean hasPrecondition() {
			return ifMatch != null || ifNoneMatch != null;
		}
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final long maxBytes;

	Documents(JdbcClient jdbc, JsonMapper json, Clock clock, TransactionTemplate transactions,
			@Value("${stride.xapi.max-document:1MB}") DataSize maxDocument) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.transactions = transactions;
		this.maxBytes = maxDocument.toBytes();
	}

	/** The most bytes a document may have. */
	public long maxBytes() {
		return maxBytes;
	}

	public Optional<Document> find(XapiClient client, DocumentPlace place, String documentId) {
		ClientScopes.requireReading(client, ClientScopes.of(place.kind()));
		return jdbc.sql("SELECT document_id, content_type, content, etag, updated_at FROM xapi_documents WHERE doc_key = ?")
			.param(place.documentKey(documentId))
			.query((rs, n) -> new Document(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4).trim(),
					rs.getTimestamp(5).toInstant()))
			.optional();
	}

	/**
	 * The ids of the documents at {@code place} (for a state without a registration: of every registration), those
	 * stored after {@code since} when it is given, oldest first.
	 */
	public List<String> ids(XapiClient client, DocumentPlace place, Instant since) {
		ClientScopes.requireReading(client, ClientScopes.of(place.kind()));
		StringBuilder sql = new StringBuilder("SELECT document_id FROM xapi_documents WHERE scope_key = ?");
		List<Object> params = new ArrayList<>(List.of(place.scopeKey()));
		if (place.registration() != null) {
			sql.append(" AND registration = ?");
			params.add(place.registration());
		}
		if (since != null) {
			sql.append(" AND updated_at > ?");
			params.add(Timestamp.from(since));
		}
		sql.append(" ORDER BY updated_at, document_id");
		return jdbc.sql(sql.toString()).params(params).query(String.class).list();
	}

	/**
	 * Stores {@code write} as the document, replacing what was there. With {@code preconditionRequired} (the profile
	 * resources), a write without {@code If-Match} or {@code If-None-Match} is refused: 409 when a document is there
	 * (the writer did not know of it), 400 otherwise.
	 * @return the stored document's ETag (bare)
	 */
	public String put(XapiClient client, DocumentPlace place, String documentId, Write write,
			boolean preconditionRequired) {
		ClientScopes.requireWriting(client, ClientScopes.of(place.kind()));
		String contentType = checkedContentType(write.contentType());
		checkSize(write.content());
		if (isJson(contentType)) {
			parse(write.content(), "The document");
		}
		return Retry.onDuplicateKey(() -> transactions.execute(status -> {
			Optional<Document> current = lockedFind(place, documentId);
			check(write, current);
			if (preconditionRequired && !write.hasPrecondition()) {
				if (current.isPresent()) {
					throw DocumentRefused.conflict("A document with this id exists already and this PUT says neither "
							+ "If-Match (with the ETag of the document it replaces) nor If-None-Match: *. Read it "
							+ "first, then send If-Match with its ETag.");
				}
				throw new BadDocumentRequest("A PUT to this resource must say If-None-Match: * (to create the "
						+ "document) or If-Match with the ETag of the document it replaces.");
			}
			return store(place, documentId, contentType, write.content(), current.isPresent());
		}));
	}

	/**
	 * Merges {@code write} into the document (Communication 2.2: the posted object's top-level properties replace the
	 * stored one's); stores it when there is none. Both must be JSON objects when one is there.
	 * @return the stored document's ETag (bare)
	 */
	public String post(XapiClient client, DocumentPlace place, String documentId, Write write) {
		ClientScopes.requireWriting(client, ClientScopes.of(place.kind()));
		String contentType = checkedContentType(write.contentType());
		checkSize(write.content());
		ObjectNode posted = null;
		if (isJson(contentType)) {
			posted = object(write.content(), "The posted document");
		}
		ObjectNode fromPost = posted;
		return Retry.onDuplicateKey(() -> transactions.execute(status -> {
			Optional<Document> current = lockedFind(place, documentId);
			check(write, current);
			if (current.isEmpty()) {
				return store(place, documentId, contentType, write.content(), false);
			}
			if (fromPost == null || !current.get().isJson()) {
				throw new BadDocumentRequest("A POST merges JSON objects: the stored document is "
						+ current.get().contentType() + " and the posted one " + contentType
						+ "; both must be application/json. Use PUT to replace a document.");
			}
			ObjectNode merged = object(current.get().content(), "The stored document");
			merged.setAll(fromPost);
			byte[] bytes = json.writeValueAsBytes(merged);
			checkSize(bytes);
			return store(place, documentId, current.get().contentType(), bytes, true);
		}));
	}

	/** Deletes the document, if its preconditions hold; deleting what is not there is no error. */
	public void delete(XapiClient client, DocumentPlace place, String documentId, Write preconditions) {
		ClientScopes.requireWriting(client, ClientScopes.of(place.kind()));
		transactions.executeWithoutResult(status -> {
			Optional<Document> current = lockedFind(place, documentId);
			check(preconditions, current);
			jdbc.sql("DELETE FROM xapi_documents WHERE doc_key = ?").param(place.documentKey(documentId)).update();
		});
	}

	/** Deletes every document at {@code place} (the State resource's DELETE without a stateId). */
	public int deleteAll(XapiClient client, DocumentPlace place) {
		ClientScopes.requireWriting(client, ClientScopes.of(place.kind()));
		StringBuilder sql = new StringBuilder("DELETE FROM xapi_documents WHERE scope_key = ?");
		List<Object> params = new ArrayList<>(List.of(place.scopeKey()));
		if (place.registration() != null) {
			sql.append(" AND registration = ?");
			params.add(place.registration());
		}
		return jdbc.sql(sql.toString()).params(params).update();
	}

	/** The ETag of content: its SHA-1, hexadecimal. */
	static String etag(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static boolean isJson(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.getType().equalsIgnoreCase("application") && type.getSubtype().equalsIgnoreCase("json");
		}
		catch (InvalidMediaTypeException e) {
			return false;
		}
	}

	/**
	 * Whether an {@code If-Match} or {@code If-None-Match} value (a list of quoted tags, weak or strong, or {@code *})
	 * names the document whose bare ETag is {@code etag}.
	 */
	public static boolean names(String header, String etag) {
		for (String tag : header.split(",")) {
			String t = tag.trim();
			if (t.equals("*")) {
				return true;
			}
			if (t.startsWith("W/")) {
				t = t.substring(2);
			}
			if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
				t = t.substring(1, t.length() - 1);
			}
			if (t.equalsIgnoreCase(etag)) {
				return true;
			}
		}
		return false;
	}

	private void check(Write write, Optional<Document> current) {
		if (write.ifMatch() != null && (current.isEmpty() || !names(write.ifMatch(), current.get().etag()))) {
			throw DocumentRefused.preconditionFailed(current.isEmpty()
					? "If-Match names a document, but there is none with this id."
					: "If-Match does not name the stored document's ETag: it has changed since it was read. Read it "
							+ "again and send its ETag.");
		}
		if (write.ifNoneMatch() != null && current.isPresent() && names(write.ifNoneMatch(), current.get().etag())) {
			throw DocumentRefused.preconditionFailed(write.ifNoneMatch().trim().equals("*")
					? "If-None-Match: * asks to create the document, but one with this id exists already."
					: "If-None-Match names the stored document's ETag.");
		}
	}

	private Optional<Document> lockedFind(DocumentPlace place, String documentId) {
		return jdbc.sql("SELECT document_id, content_type, content, etag, updated_at FROM xapi_documents "
				+ "WHERE doc_key = ? FOR UPDATE")
			.param(place.documentKey(documentId))
			.query((rs, n) -> new Document(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4).trim(),
					rs.getTimestamp(5).toInstant()))
			.optional();
	}

	private String store(DocumentPlace place, String documentId, String contentType, byte[] content, boolean exists) {
		Timestamp now = Timestamp.from(clock.instant());
		String etag = etag(content);
		if (exists) {
			jdbc.sql("UPDATE xapi_documents SET content_type = ?, content = ?, etag = ?, updated_at = ? WHERE doc_key = ?")
				.params(contentType, content, etag, now, place.documentKey(documentId))
				.update();
			return etag;
		}
		jdbc.sql("INSERT INTO xapi_documents (doc_key, scope_key, kind, activity_id, agent, registration, document_id, "
				+ "content_type, content, etag, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(place.documentKey(documentId), place.scopeKey(), place.kind().name(), place.activityId(),
					place.agent() == null ? null : place.agent().identity(), place.registration(), documentId,
					contentType, content, etag, now)
			.update();
		return etag;
	}

	private String checkedContentType(String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return MediaType.APPLICATION_OCTET_STREAM_VALUE;
		}
		if (contentType.length() > 255) {
			throw new BadDocumentRequest("The Content-Type is longer than 255 characters.");
		}
		try {
			MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException e) {
			throw new BadDocumentRequest("The Content-Type '" + contentType + "' is not a media type.");
		}
		return contentType.trim();
	}

	private void checkSize(byte[] content) {
		if (content.length > maxBytes) {
			throw DocumentRefused.tooLarge("A document may be at most " + maxBytes + " bytes; this one is "
					+ content.length + ".");
		}
	}

	private JsonNode parse(byte[] content, String what) {
		try {
			JsonNode node = StrictJson.read(json, content);
			if (node == null) {
				throw new BadDocumentRequest(what + " says it is application/json but is empty.");
			}
			return node;
		}
		catch (JacksonException e) {
			throw new BadDocumentRequest(what + " says it is application/json but is not valid JSON: "
					+ e.getOriginalMessage());
		}
	}

	private ObjectNode object(byte[] content, String what) {
		JsonNode node = parse(content, what);
		if (!node.isObject()) {
			throw new BadDocumentRequest(what + " is not a JSON object; a POST merges JSON objects only.");
		}
		return (ObjectNode) node;
	}
}
