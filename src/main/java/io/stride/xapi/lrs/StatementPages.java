package io.stride.xapi.lrs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.stride.xapi.Scope;
import io.stride.xapi.XapiClient;
import io.stride.xapi.XapiException;
import io.stride.xapi.internal.AgentKeys;
import io.stride.xapi.internal.Attachments;
import io.stride.xapi.internal.StatementFormats;
import io.stride.xapi.internal.StatementQueries;
import io.stride.xapi.internal.StatementQueries.Filter;
import io.stride.xapi.internal.StatementQueries.Found;
import io.stride.xapi.internal.StatementRules;
import io.stride.xapi.internal.StatementWrites;
import io.stride.identity.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers GET /xapi/statements: reads and checks the parameters, asks {@link StatementQueries}, shapes the statements
 * in the format asked for, writes the {@code more} link (the filters and where the page ended, in the link itself, so
 * any node can answer it and new statements never shift a page) and, when asked, the attachments as
 * {@code multipart/mixed}.
 */
@Component
class StatementPages {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 500;

	private static final Set<String> SINGLE = Set.of("statementId", "voidedStatementId", "format", "attachments");

	private static final Set<String> QUERY = Set.of("agent", "verb", "activity", "registration", "related_activities",
			"related_agents", "since", "until", "limit", "format", "attachments", "ascending");

	private final StatementQueries queries;

	private final StatementWrites writes;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final String baseUrl;

	StatementPages(StatementQueries queries, StatementWrites writes, JdbcClient jdbc, JsonMapper json,
			@Value("${stride.base-url}") String baseUrl) {
		this.queries = queries;
		this.writes = writes;
		this.jdbc = jdbc;
		this.json = json;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	record Answer(byte[] body, String contentType, Instant lastModified) {
	}

	/** What the {@code more} link carries: the filter, where the page ended, and how to answer. */
	record Continuation(Filter filter, int limit, String format, boolean attachments) {
	}

	/** The answer for this client: one with only {@code statements/read/mine} reads only what it wrote. */
	Answer answer(XapiClient client, MultiValueMap<String, String> params, String acceptLanguage,
			String path) {
		if (!client.allows(Scope.STATEMENTS_READ_MINE)) {
			throw new XapiException(403, "This client may not read statements (it needs statements/read).");
		}
		String onlyClient = client.allows(Scope.STATEMENTS_READ) ? null : client.id();
		for (Map.Entry<String, List<String>> p : params.entrySet()) {
			if (p.getValue().size() > 1) {
				throw XapiException.badRequest("The parameter '" + p.getKey() + "' is given more than once.");
			}
		}
		String format = params.containsKey("format") ? params.getFirst("format") : "exact";
		if (!Set.of("exact", "ids", "canonical").contains(format)) {
			throw XapiException.badRequest("format must be exact, ids or canonical.");
		}
		boolean attachments = bool(params, "attachments");
		if (params.containsKey("statementId") || params.containsKey("voidedStatementId")) {
			StatementsController.onlyParameters(params, SINGLE);
			if (params.containsKey("statementId") && params.containsKey("voidedStatementId")) {
				throw XapiException.badRequest("Give statementId or voidedStatementId, not both.");
			}
			boolean voided = params.containsKey("voidedStatementId");
			String id = params.getFirst(voided ? "voidedStatementId" : "statementId");
			if (!StatementRules.isUuid(id)) {
				throw XapiException.badRequest((voided ? "voidedStatementId" : "statementId") + " must be a UUID.");
			}
			Found found = queries.byId(id.toLowerCase(Locale.ROOT), voided, onlyClient)
				.orElseThrow(() -> new XapiException(404, voided ? "No voided statement has this id."
						: "No statement has this id (a voided one is read with voidedStatementId)."));
			JsonNode statement = shaped(found.json(), format, acceptLanguage);
			return respond(json.writeValueAsBytes(statement), List.of(statement), attachments, found.stored());
		}
		Continuation continuation;
		if (params.containsKey("more")) {
			if (params.size() != 1) {
				throw XapiException.badRequest("A more link takes no other parameters.");
			}
			continuation = decode(params.getFirst("more"));
			// the link comes back from the client: its limit is bounded again like a query's (1 to MAX_LIMIT)
			continuation = new Continuation(withClient(continuation.filter(), onlyClient),
					Math.min(Math.max(continuation.limit(), 1), MAX_LIMIT), continuation.format(), continuation.attachments());
		}
		else {
			StatementsController.onlyParameters(params, QUERY);
			continuation = new Continuation(filter(params, onlyClient), limit(params), format, attachments);
		}
		List<Found> rows = queries.page(continuation.filter(), continuation.limit());
		boolean more = rows.size() > continuation.limit();
		List<Found> shown = more ? rows.subList(0, continuation.limit()) : rows;
		ObjectNode result = json.createObjectNode();
		ArrayNode statements = result.putArray("statements");
		List<JsonNode> shaped = new ArrayList<>();
		Instant lastModified = Instant.EPOCH;
		for (Found f : shown) {
			JsonNode s = shaped(f.json(), continuation.format(), acceptLanguage);
			statements.add(s);
			shaped.add(s);
			lastModified = f.stored().isAfter(lastModified) ? f.stored() : lastModified;
		}
		result.put("more", more ? path + "?more="
				+ encode(new Continuation(continuation.filter().after(shown.get(shown.size() - 1)), continuation.limit(),
						continuation.format(), continuation.attachments())) : "");
		return respond(json.writeValueAsBytes(result), shaped, continuation.attachments(),
				lastModified.equals(Instant.EPOCH) ? Instant.now() : lastModified);
	}

	private Filter filter(MultiValueMap<String, String> params, String onlyClient) {
		String agentKey = null;
		String person = null;
		if (params.containsKey("agent")) {
			JsonNode agent;
			try {
				agent = json.readTree(params.getFirst("agent"));
			}
			catch (JacksonException e) {
				throw XapiException.badRequest("agent must be an Agent or Group as JSON.");
			}
			if (agent == null || !agent.isObject()) {
				throw XapiException.badRequest("agent must be an Agent or Group as JSON.");
			}
			if ("Group".equals(agent.path("objectType").asString(""))) {
				agentKey = AgentKeys.key(agent);
				if (agentKey == null) {
					throw XapiException.badRequest("agent: a Group filter needs the group's identifier.");
				}
			}
			else {
				StatementRules.agent(agent, "agent");
				agentKey = AgentKeys.key(agent);
				person = writes.personOf(agent).map(PersonId::value).orElse(null);
			}
		}
		String verb = params.getFirst("verb");
		if (verb != null && !StatementRules.isIri(verb)) {
			throw XapiException.badRequest("verb must be an IRI.");
		}
		String activity = params.getFirst("activity");
		if (activity != null && !StatementRules.isIri(activity)) {
			throw XapiException.badRequest("activity must be an IRI.");
		}
		String registration = params.getFirst("registration");
		if (registration != null && !StatementRules.isUuid(registration)) {
			throw XapiException.badRequest("registration must be a UUID.");
		}
		Instant since = time(params, "since");
		Instant until = time(params, "until");
		return new Filter(agentKey, person, verb, activity,
				registration == null ? null : registration.toLowerCase(Locale.ROOT), bool(params, "related_activities"),
				bool(params, "related_agents"), since, until, bool(params, "ascending"), onlyClient, null, null);
	}

	private static Filter withClient(Filter f, String onlyClient) {
		// a read/mine client's restriction comes from its key, never from the link
		return new Filter(f.agentKey(), f.person(), f.verb(), f.activity(), f.registration(), f.relatedActivities(),
				f.relatedAgents(), f.since(), f.until(), f.ascending(), onlyClient, f.afterStored(), f.afterId());
	}

	private static Instant time(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		if (value == null) {
			return null;
		}
		return StatementRules.instant(value, name);
	}

	private static int limit(MultiValueMap<String, String> params) {
		String value = params.getFirst("limit");
		if (value == null) {
			return DEFAULT_LIMIT;
		}
		int limit;
		try {
			limit = Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw XapiException.badRequest("limit must be a whole number.");
		}
		if (limit < 0) {
			throw XapiException.badRequest("limit may not be negative.");
		}
		return limit == 0 ? MAX_LIMIT : Math.min(limit, MAX_LIMIT);
	}

	private static boolean bool(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		if (value == null) {
			return false;
		}
		if (!value.equals("true") && !value.equals("false")) {
			throw XapiException.badRequest(name + " must be true or false.");
		}
		return value.equals("true");
	}

	private JsonNode shaped(String stored, String format, String acceptLanguage) {
		ObjectNode s = (ObjectNode) json.readTree(stored);
		if (!s.has("authority")) {
			// Stride's own statements: Stride vouches for them, as the LRS does for a client's
			ObjectNode authority = s.putObject("authority");
			authority.put("objectType", "Agent");
			authority.put("name", "Stride");
			authority.putObject("account").put("homePage", baseUrl).put("name", "stride");
		}
		if (format.equals("ids")) {
			StatementFormats.ids(s);
		}
		else if (format.equals("canonical")) {
			List<Locale.LanguageRange> preferred;
			try {
				preferred = acceptLanguage == null || acceptLanguage.isBlank() ? List.of()
						: Locale.LanguageRange.parse(acceptLanguage);
			}
			catch (IllegalArgumentException e) {
				preferred = List.of();
			}
			StatementFormats.canonical(s, preferred);
		}
		return s;
	}

	private Answer respond(byte[] body, List<JsonNode> statements, boolean attachments, Instant lastModified) {
		if (!attachments) {
			return new Answer(body, "application/json", lastModified);
		}
		String boundary = "stride-" + UUID.randomUUID();
		Map<String, Attachments.Part> parts = Attachments.load(jdbc, Attachments.named(statements));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(out, "--" + boundary + "\r\nContent-Type: application/json\r\n\r\n");
		out.writeBytes(body);
		for (Attachments.Part part : parts.values()) {
			write(out, "\r\n--" + boundary + "\r\nContent-Type: " + part.contentType()
					+ "\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: " + part.sha2() + "\r\n\r\n");
			out.writeBytes(part.content());
		}
		write(out, "\r\n--" + boundary + "--\r\n");
		return new Answer(out.toByteArray(), "multipart/mixed; boundary=" + boundary, lastModified);
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	private String encode(Continuation c) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(c));
	}

	private Continuation decode(String token) {
		try {
			return json.readValue(Base64.getUrlDecoder().decode(token), Continuation.class);
		}
		catch (IllegalArgumentException | JacksonException e) {
			throw XapiException.badRequest("This more link is not one this LRS wrote.");
		}
	}

}
