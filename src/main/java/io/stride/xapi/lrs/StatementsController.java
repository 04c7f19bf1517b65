package io.stride.xapi.lrs;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.stride.xapi.Scope;
import io.stride.xapi.XapiClient;
import io.stride.xapi.XapiException;
import io.stride.xapi.internal.Attachments;
import io.stride.xapi.internal.StatementRules;
import io.stride.xapi.internal.StatementWrites;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Statements resource (xAPI 1.0.3, Communication 2.1): PUT one statement by id, POST one or many, GET one or a
 * page with filters and {@code more} links. Described by the xAPI specification, not in Stride's OpenAPI.
 */
@RestController
@Hidden
class StatementsController {

	private static final String PATH = "/xapi/statements";

	/** Duplicate keys are refused: a statement whose meaning depends on which copy a reader keeps is not one. */
	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private final StatementWrites writes;

	private final StatementPages pages;

	StatementsController(StatementWrites writes, StatementPages pages) {
		this.writes = writes;
		this.pages = pages;
	}

	@PutMapping(PATH)
	ResponseEntity<Void> put(@AuthenticationPrincipal XapiClient client,
			@RequestParam MultiValueMap<String, String> params, @RequestBody(required = false) byte[] body,
			@RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
		require(client, Scope.STATEMENTS_WRITE);
		onlyParameters(params, Set.of("statementId"));
		String id = params.getFirst("statementId");
		if (id == null) {
			throw XapiException.badRequest("PUT needs the statementId parameter; POST stores a statement without one.");
		}
		if (!StatementRules.isUuid(id)) {
			throw XapiException.badRequest("statementId must be a UUID.");
		}
		StatementWrites.Batch batch = batch(body, contentType);
		if (batch.statements().size() != 1 || isArray(body, contentType)) {
			throw XapiException.badRequest("PUT takes one statement, not an array.");
		}
		ObjectNode statement = batch.statements().get(0);
		if (statement.has("id") && !id.equalsIgnoreCase(statement.get("id").asString())) {
			throw XapiException.badRequest("The statement's id differs from the statementId parameter.");
		}
		statement.put("id", id.toLowerCase(Locale.ROOT));
		store(batch, client);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(PATH)
	ResponseEntity<List<String>> post(@AuthenticationPrincipal XapiClient client,
			@RequestParam MultiValueMap<String, String> params, @RequestBody(required = false) byte[] body,
			@RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
		require(client, Scope.STATEMENTS_WRITE);
		onlyParameters(params, Set.of());
		StatementWrites.Batch batch = batch(body, contentType);
		if (batch.statements().isEmpty()) {
			throw XapiException.badRequest("The body holds no statement.");
		}
		return ResponseEntity.ok(store(batch, client).ids());
	}

	@GetMapping(PATH)
	ResponseEntity<byte[]> get(@AuthenticationPrincipal XapiClient client,
			@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
		StatementPages.Answer answer = pages.answer(client, params, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE),
				request.getContextPath() + PATH);
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(answer.lastModified()));
		headers.set(HttpHeaders.CONTENT_TYPE, answer.contentType());
		return new ResponseEntity<>(answer.body(), headers, HttpStatus.OK);
	}

	private StatementWrites.Stored store(StatementWrites.Batch batch, XapiClient client) {
		for (int attempt = 1;; attempt++) {
			try {
				return writes.store(batch, client);
			}
			catch (DuplicateKeyException concurrent) {
				// the same id stored by another request in the meantime: compared now that it is there
				return writes.store(batch, client);
			}
			catch (PessimisticLockingFailureException deadlock) {
				// batches naming the same activities in different orders can deadlock on their definitions (seen at 20
				// concurrent clients); the losing batch was rolled back whole, so it is stored again, a few times at most
				if (attempt >= 4) {
					throw deadlock;
				}
				try {
					Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw deadlock;
				}
			}
		}
	}

	private StatementWrites.Batch batch(byte[] body, String contentType) {
		if (body == null || body.length == 0) {
			throw XapiException.badRequest("The body is empty; send a statement as JSON.");
		}
		String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
		byte[] json = body;
		Map<String, Attachments.Part> parts = Map.of();
		if (type.startsWith("multipart/mixed")) {
			Attachments.Multipart multipart = Attachments.read(body, contentType);
			json = multipart.statements();
			parts = multipart.parts();
		}
		else if (!type.startsWith("application/json")) {
			throw XapiException.badRequest("Send statements as application/json, or as multipart/mixed with attachments.");
		}
		JsonNode tree;
		try {
			tree = STRICT.readTree(new String(json, StandardCharsets.UTF_8));
		}
		catch (JacksonException e) {
			throw XapiException.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
		}
		List<ObjectNode> statements = new ArrayList<>();
		if (tree instanceof ArrayNode array) {
			for (JsonNode s : array.values()) {
				if (!(s instanceof ObjectNode o)) {
					throw XapiException.badRequest("Each element of the array must be a statement object.");
				}
				statements.add(o);
			}
		}
		else if (tree instanceof ObjectNode o) {
			statements.add(o);
		}
		else {
			throw XapiException.badRequest("The body must be a statement or an array of statements.");
		}
		return new StatementWrites.Batch(statements, parts);
	}

	private static boolean isArray(byte[] body, String contentType) {
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			return false;
		}
		for (byte b : body) {
			if (!Character.isWhitespace(b)) {
				return b == '[';
			}
		}
		return false;
	}

	static void onlyParameters(MultiValueMap<String, String> params, Set<String> allowed) {
		for (String name : params.keySet()) {
			if (!allowed.contains(name)) {
				throw XapiException.badRequest("Unknown parameter '" + name + "'.");
			}
		}
	}

	private static void require(XapiClient client, Scope scope) {
		if (!client.allows(scope)) {
			throw new XapiException(403, "This client's scopes do not include " + scope.value() + ".");
		}
	}

}
